// kubectl: pkg/describe/describe.go PersistentVolumeDescriber, PersistentVolumeClaimDescriber (v1.32)
import type {KubeObject} from '../../backend/object.js'
import {eventsFor, type DescribeContext} from './context.js'
import {describeEvents} from './events.js'
import {bool, fieldsOf, secretReference, str} from './go-values.js'
import {listAll} from '../list-all.js'
import {printAnnotationsMultiline, printLabelsMultiline, printNamesMultiline} from './multiline.js'
import type {Pod} from './pod-types.js'
import {LEVEL_0, LEVEL_1, LEVEL_2, tabbedString, type PrefixWriter} from './prefix-writer.js'
import {quantityString} from '../../resources/quantity.js'
import {accessModesString, storageClassOf} from '../../resources/columns/storage-helpers.js'
import {goStringList, printPersistentVolumeClaim, type PersistentVolumeClaim} from './storage.js'
import {translateTimestampSince} from '../../resources/columns/age.js'
import {formatRFC1123Z} from './time.js'
import {
  AZURE_FILE_DESCRIPTION,
  CEPHFS_DESCRIPTION,
  CINDER_DESCRIPTION,
  CSI_DESCRIPTION,
  FLEX_DESCRIPTION,
  GLUSTERFS_DESCRIPTION,
  ISCSI_DESCRIPTION,
  RBD_DESCRIPTION,
  SCALEIO_DESCRIPTION,
  SHARED_SOURCES,
  cephfsFields,
  cinderFields,
  flexFields,
  iscsiFields,
  printSource,
  printVolumeAttributes,
  rbdFields,
  type SourcePrinter,
} from './volume-sources.js'

interface NodeSelectorRequirement {
  key?: string
  operator?: string
  values?: string[]
}

interface PersistentVolume extends KubeObject {
  spec?: {
    storageClassName?: string
    claimRef?: {namespace?: string; name?: string}
    persistentVolumeReclaimPolicy?: string
    accessModes?: string[]
    volumeMode?: string
    capacity?: Record<string, unknown>
    nodeAffinity?: {required?: {nodeSelectorTerms?: {matchExpressions?: NodeSelectorRequirement[]}[]}}
    [source: string]: unknown
  }
  status?: {phase?: string; message?: string}
}

const PV_SOURCES: readonly (readonly [string, SourcePrinter])[] = [
  ['hostPath', SHARED_SOURCES.hostPath],
  ['gcePersistentDisk', SHARED_SOURCES.gcePersistentDisk],
  ['awsElasticBlockStore', SHARED_SOURCES.awsElasticBlockStore],
  ['nfs', SHARED_SOURCES.nfs],
  ['iscsi', (s, w) => printSource(w, ISCSI_DESCRIPTION, iscsiFields(s, secretReference(s['secretRef'])))],
  [
    'glusterfs',
    (s, w) =>
      printSource(w, GLUSTERFS_DESCRIPTION, [
        ['EndpointsName:', str(s['endpoints'])],
        ['EndpointsNamespace:', s['endpointsNamespace'] === undefined ? '<unset>' : str(s['endpointsNamespace'])],
        ['Path:', str(s['path'])],
        ['ReadOnly:', bool(s['readOnly'])],
      ]),
  ],
  ['rbd', (s, w) => printSource(w, RBD_DESCRIPTION, rbdFields(s, secretReference(s['secretRef'])))],
  ['quobyte', SHARED_SOURCES.quobyte],
  ['vsphereVolume', SHARED_SOURCES.vsphereVolume],
  ['cinder', (s, w) => printSource(w, CINDER_DESCRIPTION, cinderFields(s, secretReference(s['secretRef'])))],
  ['azureDisk', SHARED_SOURCES.azureDisk],
  ['photonPersistentDisk', SHARED_SOURCES.photonPersistentDisk],
  ['portworxVolume', SHARED_SOURCES.portworxVolume],
  [
    'scaleIO',
    (s, w) => {
      const secret = fieldsOf(s['secretRef'])
      printSource(w, SCALEIO_DESCRIPTION, [
        ['Gateway:', str(s['gateway'])],
        ['System:', str(s['system'])],
        ['Protection Domain:', str(s['protectionDomain'])],
        ['Storage Pool:', str(s['storagePool'])],
        ['Storage Mode:', str(s['storageMode'])],
        ['VolumeName:', str(s['volumeName'])],
        ['SecretName:', str(secret['name'])],
        ['SecretNamespace:', str(secret['namespace'])],
        ['FSType:', str(s['fsType'])],
        ['ReadOnly:', bool(s['readOnly'])],
      ])
    },
  ],
  [
    'local',
    (s, w) =>
      printSource(w, 'LocalVolume (a persistent volume backed by local storage on a node)', [
        ['Path:', str(s['path'])],
      ]),
  ],
  ['cephfs', (s, w) => printSource(w, CEPHFS_DESCRIPTION, cephfsFields(s, secretReference(s['secretRef'])))],
  ['storageos', SHARED_SOURCES.storageos],
  ['fc', SHARED_SOURCES.fc],
  [
    'azureFile',
    (s, w) =>
      printSource(w, AZURE_FILE_DESCRIPTION, [
        ['SecretName:', str(s['secretName'])],
        ['SecretNamespace:', str(s['secretNamespace'])],
        ['ShareName:', str(s['shareName'])],
        ['ReadOnly:', bool(s['readOnly'])],
      ]),
  ],
  ['flexVolume', (s, w) => printSource(w, FLEX_DESCRIPTION, flexFields(s, secretReference(s['secretRef'])))],
  ['flocker', SHARED_SOURCES.flocker],
  [
    'csi',
    (s, w) => {
      printSource(w, CSI_DESCRIPTION, [
        ['Driver:', str(s['driver'])],
        ['FSType:', str(s['fsType'])],
        ['VolumeHandle:', str(s['volumeHandle'])],
        ['ReadOnly:', bool(s['readOnly'])],
      ])
      printVolumeAttributes(w, s['volumeAttributes'])
    },
  ],
]

function printVolumeNodeAffinity(w: PrefixWriter, spec: PersistentVolume['spec']): void {
  const required = spec?.nodeAffinity?.required
  w.write(LEVEL_0, 'Node Affinity:\t')
  if (!required) {
    w.writeLine('<none>')
    return
  }
  w.writeLine('')
  w.write(LEVEL_1, 'Required Terms:\t')
  const terms = required.nodeSelectorTerms ?? []
  if (terms.length === 0) {
    w.writeLine('<none>')
    return
  }
  w.writeLine('')
  terms.forEach((term, i) => {
    w.write(LEVEL_2, `Term ${i}:\t`)
    const requirements = term.matchExpressions ?? []
    if (requirements.length === 0) {
      w.writeLine('<none>')
      return
    }
    requirements.forEach((requirement, j) => {
      if (j !== 0) w.write(LEVEL_2, '\t')
      let expression = `${requirement.key ?? ''} ${(requirement.operator ?? '').toLowerCase()}`
      if ((requirement.values ?? []).length > 0) expression += ` [${(requirement.values ?? []).join(', ')}]`
      w.write(LEVEL_0, `${expression}\n`)
    })
  })
}

/** Describes a PersistentVolume: class, claim, policy, capacity, node affinity and source. */
export async function describePersistentVolume(object: KubeObject, context: DescribeContext): Promise<string> {
  const pv = object as PersistentVolume
  const events = await eventsFor(context, pv)
  const spec = pv.spec ?? {}
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pv.metadata.name ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', pv.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', pv.metadata.annotations)
    w.write(LEVEL_0, `Finalizers:\t${goStringList(pv.metadata.finalizers)}\n`)
    w.write(LEVEL_0, `StorageClass:\t${storageClassOf(pv.metadata.annotations, pv.spec?.storageClassName)}\n`)
    const deleted = pv.metadata.deletionTimestamp
    w.write(
      LEVEL_0,
      deleted
        ? `Status:\tTerminating (lasts ${translateTimestampSince(deleted, context.now)})\n`
        : `Status:\t${pv.status?.phase ?? ''}\n`,
    )
    const claim = spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : ''
    w.write(LEVEL_0, `Claim:\t${claim}\n`)
    w.write(LEVEL_0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`)
    w.write(LEVEL_0, `Access Modes:\t${accessModesString(spec.accessModes)}\n`)
    if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`)
    w.write(LEVEL_0, `Capacity:\t${quantityString(spec.capacity?.['storage'] ?? '0')}\n`)
    printVolumeNodeAffinity(w, spec)
    w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ''}\n`)
    w.write(LEVEL_0, 'Source:\n')
    const found = PV_SOURCES.find(([field]) => spec[field] !== undefined && spec[field] !== null)
    if (found) found[1](fieldsOf(spec[found[0]]), w)
    else w.write(LEVEL_1, '<unknown>\n')
    if (events) describeEvents(events, w, context.now)
  })
}

// kubectl: describe.go getPodsForPVC: pods mounting the claim, then pods owning it
function podsUsingClaim(claim: PersistentVolumeClaim, pods: Pod[]): Pod[] {
  const using: Pod[] = []
  for (const pod of pods) {
    for (const volume of pod.spec?.volumes ?? []) {
      if (fieldsOf(volume['persistentVolumeClaim'])['claimName'] === claim.metadata.name) using.push(pod)
    }
  }
  for (const owner of claim.metadata.ownerReferences ?? []) {
    if (owner.kind !== 'Pod') continue
    const pod = pods.find((p) => p.metadata.uid === owner.uid)
    if (pod && !using.some((p) => p.metadata.uid === pod.metadata.uid)) using.push(pod)
  }
  return using
}

/** Describes a PersistentVolumeClaim, the pods using it and its conditions. */
export async function describePersistentVolumeClaim(object: KubeObject, context: DescribeContext): Promise<string> {
  const claim = object as PersistentVolumeClaim
  const podsRef = {group: '', version: 'v1', resource: 'pods', namespace: claim.metadata.namespace ?? ''}
  const pods = (await listAll(context.backend, podsRef, {}, context.chunkSize)) as Pod[]
  const users = podsUsingClaim(claim, pods)
  const events = await eventsFor(context, claim)
  return tabbedString((w) => {
    printPersistentVolumeClaim(w, claim, {isFullPVC: true, now: context.now})
    printNamesMultiline(
      w,
      'Used By',
      users.map((pod) => pod.metadata.name ?? ''),
    )
    const conditions = claim.status?.conditions ?? []
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n')
      w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n')
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n')
      for (const c of conditions) {
        w.write(
          LEVEL_1,
          `${c.type ?? ''} \t${c.status ?? ''} \t${formatRFC1123Z(c.lastProbeTime)} \t` +
            `${formatRFC1123Z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
        )
      }
    }
    if (events) describeEvents(events, w, context.now)
  })
}
