// The `Type:` blocks of volume sources, shared by pod volumes and persistent volumes
// (kubectl: pkg/describe/describe.go print*VolumeSource (v1.32)).
import {bool, fieldsOf, goMap, list, num, str, type Fields} from './go-values.js'
import {LEVEL_2, type PrefixWriter} from './prefix-writer.js'

/** One `Label:\tvalue` row under a volume's Type line; the label carries its own colon. */
type SourceField = readonly [label: string, value: string]

/** Writes `Type:\t<description>` and the source's fields in one write, as kubectl's format strings do. */
export function printSource(w: PrefixWriter, description: string, fields: readonly SourceField[]): void {
  w.write(LEVEL_2, `Type:\t${description}\n${fields.map(([label, value]) => `    ${label}\t${value}\n`).join('')}`)
}

/** A source printer: what kubectl prints for one kind of volume source. */
export type SourcePrinter = (source: Fields, w: PrefixWriter) => void

export function simpleSource(description: string, fields: (source: Fields) => SourceField[]): SourcePrinter {
  return (source, w) => printSource(w, description, fields(source))
}

const HOST_PATH = simpleSource('HostPath (bare host directory volume)', (s) => [
  ['Path:', str(s['path'])],
  ['HostPathType:', s['type'] === undefined || s['type'] === null ? '<none>' : str(s['type'])],
])

const GCE_PD = simpleSource('GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)', (s) => [
  ['PDName:', str(s['pdName'])],
  ['FSType:', str(s['fsType'])],
  ['Partition:', num(s['partition'])],
  ['ReadOnly:', bool(s['readOnly'])],
])

const AWS_EBS = simpleSource('AWSElasticBlockStore (a Persistent Disk resource in AWS)', (s) => [
  ['VolumeID:', str(s['volumeID'])],
  ['FSType:', str(s['fsType'])],
  ['Partition:', num(s['partition'])],
  ['ReadOnly:', bool(s['readOnly'])],
])

const NFS = simpleSource('NFS (an NFS mount that lasts the lifetime of a pod)', (s) => [
  ['Server:', str(s['server'])],
  ['Path:', str(s['path'])],
  ['ReadOnly:', bool(s['readOnly'])],
])

const QUOBYTE = simpleSource("Quobyte (a Quobyte mount on the host that shares a pod's lifetime)", (s) => [
  ['Registry:', str(s['registry'])],
  ['Volume:', str(s['volume'])],
  ['ReadOnly:', bool(s['readOnly'])],
])

const PORTWORX = simpleSource('PortworxVolume (a Portworx Volume resource)', (s) => [['VolumeID:', str(s['volumeID'])]])

const AZURE_DISK = simpleSource('AzureDisk (an Azure Data Disk mount on the host and bind mount to the pod)', (s) => [
  ['DiskName:', str(s['diskName'])],
  ['DiskURI:', str(s['diskURI'])],
  ['Kind: ', str(s['kind'])],
  ['FSType:', str(s['fsType'])],
  ['CachingMode:', str(s['cachingMode'])],
  ['ReadOnly:', bool(s['readOnly'])],
])

const VSPHERE = simpleSource('vSphereVolume (a Persistent Disk resource in vSphere)', (s) => [
  ['VolumePath:', str(s['volumePath'])],
  ['FSType:', str(s['fsType'])],
  ['StoragePolicyName:', str(s['storagePolicyName'])],
])

const PHOTON = simpleSource('PhotonPersistentDisk (a Persistent Disk resource in photon platform)', (s) => [
  ['PdID:', str(s['pdID'])],
  ['FSType:', str(s['fsType'])],
])

const FLOCKER = simpleSource('Flocker (a Flocker volume mounted by the Flocker agent)', (s) => [
  ['DatasetName:', str(s['datasetName'])],
  ['DatasetUUID:', str(s['datasetUUID'])],
])

const FC = simpleSource('FC (a Fibre Channel disk)', (s) => [
  ['TargetWWNs:', (Array.isArray(s['targetWWNs']) ? s['targetWWNs'] : []).map(str).join(', ')],
  ['LUN:', s['lun'] === undefined || s['lun'] === null ? '<none>' : num(s['lun'])],
  ['FSType:', str(s['fsType'])],
  ['ReadOnly:', bool(s['readOnly'])],
])

/** ISCSI fields, with the secret reference printed by the caller's reference type. */
export function iscsiFields(s: Fields, secretRef: string): SourceField[] {
  return [
    ['TargetPortal:', str(s['targetPortal'])],
    ['IQN:', str(s['iqn'])],
    ['Lun:', num(s['lun'])],
    // kubectl's format string has no colon after ISCSIInterface
    ['ISCSIInterface', str(s['iscsiInterface'])],
    ['FSType:', str(s['fsType'])],
    ['ReadOnly:', bool(s['readOnly'])],
    ['Portals:', list(s['portals'])],
    ['DiscoveryCHAPAuth:', bool(s['chapAuthDiscovery'])],
    ['SessionCHAPAuth:', bool(s['chapAuthSession'])],
    ['SecretRef:', secretRef],
    [
      'InitiatorName:',
      s['initiatorName'] === undefined || s['initiatorName'] === null ? '<none>' : str(s['initiatorName']),
    ],
  ]
}

/** The ISCSI description line. */
export const ISCSI_DESCRIPTION =
  "ISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)"

/** RBD fields, with the secret reference printed by the caller's reference type. */
export function rbdFields(s: Fields, secretRef: string): SourceField[] {
  return [
    ['CephMonitors:', list(s['monitors'])],
    ['RBDImage:', str(s['image'])],
    ['FSType:', str(s['fsType'])],
    ['RBDPool:', str(s['pool'])],
    ['RadosUser:', str(s['user'])],
    ['Keyring:', str(s['keyring'])],
    ['SecretRef:', secretRef],
    ['ReadOnly:', bool(s['readOnly'])],
  ]
}

/** The RBD description line. */
export const RBD_DESCRIPTION = "RBD (a Rados Block Device mount on the host that shares a pod's lifetime)"

/** CephFS fields, with the secret reference printed by the caller's reference type. */
export function cephfsFields(s: Fields, secretRef: string): SourceField[] {
  return [
    ['Monitors:', list(s['monitors'])],
    ['Path:', str(s['path'])],
    ['User:', str(s['user'])],
    ['SecretFile:', str(s['secretFile'])],
    ['SecretRef:', secretRef],
    ['ReadOnly:', bool(s['readOnly'])],
  ]
}

/** The CephFS description line. */
export const CEPHFS_DESCRIPTION = "CephFS (a CephFS mount on the host that shares a pod's lifetime)"

/** Cinder fields, with the secret reference printed by the caller's reference type. */
export function cinderFields(s: Fields, secretRef: string): SourceField[] {
  return [
    ['VolumeID:', str(s['volumeID'])],
    ['FSType:', str(s['fsType'])],
    ['ReadOnly:', bool(s['readOnly'])],
    ['SecretRef:', secretRef],
  ]
}

/** The Cinder description line. */
export const CINDER_DESCRIPTION = 'Cinder (a Persistent Disk resource in OpenStack)'

/** FlexVolume fields, with the secret reference printed by the caller's reference type. */
export function flexFields(s: Fields, secretRef: string): SourceField[] {
  return [
    ['Driver:', str(s['driver'])],
    ['FSType:', str(s['fsType'])],
    ['SecretRef:', secretRef],
    ['ReadOnly:', bool(s['readOnly'])],
    ['Options:', goMap(s['options'])],
  ]
}

/** The FlexVolume description line. */
export const FLEX_DESCRIPTION =
  'FlexVolume (a generic volume resource that is provisioned/attached using an exec based plugin)'

/** StorageOS fields. */
const STORAGEOS = simpleSource('StorageOS (a StorageOS Persistent Disk resource)', (s) => [
  ['VolumeName:', str(s['volumeName'])],
  ['VolumeNamespace:', str(s['volumeNamespace'])],
  ['FSType:', str(s['fsType'])],
  ['ReadOnly:', bool(s['readOnly'])],
])

/** The ScaleIO description line. */
export const SCALEIO_DESCRIPTION = 'ScaleIO (a persistent volume backed by a block device in ScaleIO)'

/** The AzureFile description line. */
export const AZURE_FILE_DESCRIPTION = 'AzureFile (an Azure File Service mount on the host and bind mount to the pod)'

/** The CSI description line. */
export const CSI_DESCRIPTION = 'CSI (a Container Storage Interface (CSI) volume source)'

/** The Glusterfs description line. */
export const GLUSTERFS_DESCRIPTION = "Glusterfs (a Glusterfs mount on the host that shares a pod's lifetime)"

/** `VolumeAttributes:  k=v` at level 2 (kubectl's printCSIPersistentVolumeAttributesMultiline). */
export function printVolumeAttributes(w: PrefixWriter, attributes: unknown): void {
  const fields = fieldsOf(attributes)
  w.write(LEVEL_2, 'VolumeAttributes:\t')
  const keys = Object.keys(fields).sort()
  if (keys.length === 0) {
    w.writeLine('<none>')
    return
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_2, '')
      w.write(LEVEL_2, '\t')
    }
    const line = `${key}=${str(fields[key])}`
    w.write(LEVEL_2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`)
  })
}

/** The printers both pod volumes and persistent volumes share, by source field. */
export const SHARED_SOURCES = {
  hostPath: HOST_PATH,
  gcePersistentDisk: GCE_PD,
  awsElasticBlockStore: AWS_EBS,
  nfs: NFS,
  quobyte: QUOBYTE,
  vsphereVolume: VSPHERE,
  azureDisk: AZURE_DISK,
  photonPersistentDisk: PHOTON,
  portworxVolume: PORTWORX,
  fc: FC,
  flocker: FLOCKER,
  storageos: STORAGEOS,
} as const satisfies Record<string, SourcePrinter>
