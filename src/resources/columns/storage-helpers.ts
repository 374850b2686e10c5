// kubectl: pkg/apis/core BetaStorageClassAnnotation (v1.32)
const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class'

// the order kubectl lists access modes in, whatever order the object has them in
const ACCESS_MODE_ABBREVIATIONS: readonly [string, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
]

/**
 * Access modes abbreviated and joined: `RWO,RWX`.
 * kubectl: pkg/apis/core/helper GetAccessModesAsString (v1.32)
 */
export function accessModesString(modes: readonly string[] | undefined): string {
  const present = new Set(modes ?? [])
  return ACCESS_MODE_ABBREVIATIONS.filter(([mode]) => present.has(mode))
    .map(([, short]) => short)
    .join(',')
}

/**
 * The storage class of a volume or claim: the beta annotation wins over spec.storageClassName.
 * kubectl: pkg/apis/core/helper GetPersistentVolumeClass / GetPersistentVolumeClaimClass (v1.32)
 */
export function storageClassOf(annotations: Record<string, string> | undefined, storageClassName: unknown): string {
  const annotated = annotations?.[BETA_STORAGE_CLASS_ANNOTATION]
  if (annotated !== undefined) return annotated
  return typeof storageClassName === 'string' ? storageClassName : ''
}
