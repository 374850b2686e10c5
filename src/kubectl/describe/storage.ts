// PersistentVolumeClaim fields shared by the PVC describer, ephemeral volumes and StatefulSet claim
// templates, and kubectl's storage helpers (kubectl: pkg/util/storage (v1.32)).
import type {KubeObject} from '../../backend/object.js'
import {printAnnotationsMultiline, printLabelsMultiline} from './multiline.js'
import {LEVEL_0, LEVEL_1, type PrefixWriter} from './prefix-writer.js'
import {quantityString} from '../../resources/quantity.js'
import {translateTimestampSince} from '../../resources/columns/age.js'
import {accessModesString, storageClassOf} from '../../resources/columns/storage-helpers.js'

/** The PersistentVolumeClaim fields describe reads. */
export interface PersistentVolumeClaim extends KubeObject {
  spec?: {
    accessModes?: string[]
    resources?: {requests?: Record<string, unknown>}
    storageClassName?: string
    volumeName?: string
    volumeMode?: string
    dataSource?: {apiGroup?: string; kind?: string; name?: string}
  }
  status?: {
    phase?: string
    accessModes?: string[]
    capacity?: Record<string, unknown>
    conditions?: {
      type?: string
      status?: string
      lastProbeTime?: string
      lastTransitionTime?: string
      reason?: string
      message?: string
    }[]
  }
}

/** Go's %v of a []string: `[a b]`. */
export function goStringList(values: readonly string[] | undefined): string {
  return `[${(values ?? []).join(' ')}]`
}

/**
 * The claim fields of a full PVC or of a claim template (kubectl's printPersistentVolumeClaim):
 * a template has no name, namespace, status or finalizers.
 */
export function printPersistentVolumeClaim(
  w: PrefixWriter,
  claim: PersistentVolumeClaim,
  options: {isFullPVC: boolean; now: number},
): void {
  const spec = claim.spec ?? {}
  if (options.isFullPVC) {
    w.write(LEVEL_0, `Name:\t${claim.metadata.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${claim.metadata.namespace ?? ''}\n`)
  }
  w.write(LEVEL_0, `StorageClass:\t${storageClassOf(claim.metadata.annotations, claim.spec?.storageClassName)}\n`)
  if (options.isFullPVC) {
    const deleted = claim.metadata.deletionTimestamp
    w.write(
      LEVEL_0,
      deleted
        ? `Status:\tTerminating (lasts ${translateTimestampSince(deleted, options.now)})\n`
        : `Status:\t${claim.status?.phase ?? ''}\n`,
    )
  }
  w.write(LEVEL_0, `Volume:\t${spec.volumeName ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', claim.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', claim.metadata.annotations)
  if (options.isFullPVC) w.write(LEVEL_0, `Finalizers:\t${goStringList(claim.metadata.finalizers)}\n`)
  let capacity = ''
  let accessModes = ''
  if (spec.volumeName) {
    accessModes = accessModesString(claim.status?.accessModes)
    capacity = quantityString(claim.status?.capacity?.['storage'] ?? '0')
  }
  w.write(LEVEL_0, `Capacity:\t${capacity}\n`)
  w.write(LEVEL_0, `Access Modes:\t${accessModes}\n`)
  if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`)
  if (spec.dataSource) {
    w.write(LEVEL_0, 'DataSource:\n')
    if (spec.dataSource.apiGroup !== undefined) w.write(LEVEL_1, `APIGroup:\t${spec.dataSource.apiGroup}\n`)
    w.write(LEVEL_1, `Kind:\t${spec.dataSource.kind ?? ''}\n`)
    w.write(LEVEL_1, `Name:\t${spec.dataSource.name ?? ''}\n`)
  }
}
