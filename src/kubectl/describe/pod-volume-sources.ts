// The volume sources only pods have, in the order kubectl's describeVolumes checks them
// (kubectl: pkg/describe/describe.go describeVolumes (v1.32)).
import {bool, fieldsOf, localObjectReference, num, str, type Fields} from './go-values.js'
import {LEVEL_2, LEVEL_3, type PrefixWriter} from './prefix-writer.js'
import {compareQuantities, formatQuantity, quantityOf, zeroQuantity} from '../../resources/quantity.js'
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
  simpleSource,
  type SourcePrinter,
} from './volume-sources.js'

function emptyDir(s: Fields, w: PrefixWriter): void {
  const size = quantityOf(s['sizeLimit'])
  const sizeLimit = size && compareQuantities(size, zeroQuantity()) > 0 ? formatQuantity(size) : '<unset>'
  printSource(w, "EmptyDir (a temporary directory that shares a pod's lifetime)", [
    ['Medium:', str(s['medium'])],
    ['SizeLimit:', sizeLimit],
  ])
}

function optional(value: unknown): string {
  return bool(value === true)
}

// kubectl v1.32 prints the optional flags of projected sources as Go pointers; skiff prints
// the value instead of an address, and <nil> when unset as kubectl does
function optionalPointer(value: unknown): string {
  return value === undefined || value === null ? '<nil>' : bool(value)
}

function projected(s: Fields, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n')
  for (const source of Array.isArray(s['sources']) ? s['sources'] : []) {
    const projection = fieldsOf(source)
    const secret = projection['secret']
    const configMap = projection['configMap']
    const token = projection['serviceAccountToken']
    if (secret) {
      const ref = fieldsOf(secret)
      w.write(
        LEVEL_2,
        `SecretName:\t${str(ref['name'])}\n    SecretOptionalName:\t${optionalPointer(ref['optional'])}\n`,
      )
    } else if (projection['downwardAPI']) {
      w.write(LEVEL_2, 'DownwardAPI:\ttrue\n')
    } else if (configMap) {
      const ref = fieldsOf(configMap)
      w.write(
        LEVEL_2,
        `ConfigMapName:\t${str(ref['name'])}\n    ConfigMapOptional:\t${optionalPointer(ref['optional'])}\n`,
      )
    } else if (token) {
      w.write(LEVEL_2, `TokenExpirationSeconds:\t${num(fieldsOf(token)['expirationSeconds'])}\n`)
    }
  }
}

function downwardAPI(s: Fields, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n')
  for (const item of Array.isArray(s['items']) ? s['items'] : []) {
    const mapping = fieldsOf(item)
    const fieldRef = mapping['fieldRef']
    const resourceRef = mapping['resourceFieldRef']
    if (fieldRef) w.write(LEVEL_3, `${str(fieldsOf(fieldRef)['fieldPath'])} -> ${str(mapping['path'])}\n`)
    if (resourceRef) w.write(LEVEL_3, `${str(fieldsOf(resourceRef)['resource'])} -> ${str(mapping['path'])}\n`)
  }
}

function csi(s: Fields, w: PrefixWriter): void {
  printSource(w, CSI_DESCRIPTION, [
    ['Driver:', str(s['driver'])],
    ['FSType:', str(s['fsType'])],
    ['ReadOnly:', bool(s['readOnly'])],
  ])
  printVolumeAttributes(w, s['volumeAttributes'])
}

/** The printers of pod volume sources, in kubectl's switch order (ephemeral is handled by the caller). */
export const POD_VOLUME_SOURCES: readonly (readonly [string, SourcePrinter])[] = [
  ['hostPath', SHARED_SOURCES.hostPath],
  ['emptyDir', emptyDir],
  ['gcePersistentDisk', SHARED_SOURCES.gcePersistentDisk],
  ['awsElasticBlockStore', SHARED_SOURCES.awsElasticBlockStore],
  [
    'gitRepo',
    simpleSource('GitRepo (a volume that is pulled from git when the pod is created)', (s) => [
      ['Repository:', str(s['repository'])],
      ['Revision:', str(s['revision'])],
    ]),
  ],
  [
    'secret',
    simpleSource('Secret (a volume populated by a Secret)', (s) => [
      ['SecretName:', str(s['secretName'])],
      ['Optional:', optional(s['optional'])],
    ]),
  ],
  [
    'configMap',
    simpleSource('ConfigMap (a volume populated by a ConfigMap)', (s) => [
      ['Name:', str(s['name'])],
      ['Optional:', optional(s['optional'])],
    ]),
  ],
  ['nfs', SHARED_SOURCES.nfs],
  ['iscsi', (s, w) => printSource(w, ISCSI_DESCRIPTION, iscsiFields(s, localObjectReference(s['secretRef'])))],
  [
    'glusterfs',
    simpleSource(GLUSTERFS_DESCRIPTION, (s) => [
      ['EndpointsName:', str(s['endpoints'])],
      ['Path:', str(s['path'])],
      ['ReadOnly:', bool(s['readOnly'])],
    ]),
  ],
  [
    'persistentVolumeClaim',
    simpleSource('PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)', (s) => [
      ['ClaimName:', str(s['claimName'])],
      ['ReadOnly:', bool(s['readOnly'])],
    ]),
  ],
  ['rbd', (s, w) => printSource(w, RBD_DESCRIPTION, rbdFields(s, localObjectReference(s['secretRef'])))],
  ['quobyte', SHARED_SOURCES.quobyte],
  ['downwardAPI', downwardAPI],
  ['azureDisk', SHARED_SOURCES.azureDisk],
  ['vsphereVolume', SHARED_SOURCES.vsphereVolume],
  ['cinder', (s, w) => printSource(w, CINDER_DESCRIPTION, cinderFields(s, localObjectReference(s['secretRef'])))],
  ['photonPersistentDisk', SHARED_SOURCES.photonPersistentDisk],
  ['portworxVolume', SHARED_SOURCES.portworxVolume],
  [
    'scaleIO',
    simpleSource(SCALEIO_DESCRIPTION, (s) => [
      ['Gateway:', str(s['gateway'])],
      ['System:', str(s['system'])],
      ['Protection Domain:', str(s['protectionDomain'])],
      ['Storage Pool:', str(s['storagePool'])],
      ['Storage Mode:', str(s['storageMode'])],
      ['VolumeName:', str(s['volumeName'])],
      ['FSType:', str(s['fsType'])],
      ['ReadOnly:', bool(s['readOnly'])],
    ]),
  ],
  ['cephfs', (s, w) => printSource(w, CEPHFS_DESCRIPTION, cephfsFields(s, localObjectReference(s['secretRef'])))],
  ['storageos', SHARED_SOURCES.storageos],
  ['fc', SHARED_SOURCES.fc],
  [
    'azureFile',
    simpleSource(AZURE_FILE_DESCRIPTION, (s) => [
      ['SecretName:', str(s['secretName'])],
      ['ShareName:', str(s['shareName'])],
      ['ReadOnly:', bool(s['readOnly'])],
    ]),
  ],
  ['flexVolume', (s, w) => printSource(w, FLEX_DESCRIPTION, flexFields(s, localObjectReference(s['secretRef'])))],
  ['flocker', SHARED_SOURCES.flocker],
  ['projected', projected],
  ['csi', csi],
  [
    'image',
    simpleSource('Image (a container image or OCI artifact)', (s) => [
      ['Reference:', str(s['reference'])],
      ['PullPolicy:', str(s['pullPolicy'])],
    ]),
  ],
]
