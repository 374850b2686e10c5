// Pod volumes (core ValidateVolumes/validateVolumeSource, v1.32) for the sources a learner meets:
// emptyDir, hostPath, configMap, secret, persistentVolumeClaim, nfs, downwardAPI, projected.
// Other sources count as a source but their inner fields are not checked.
import {isDNS1123Label} from '../../resources/label-syntax.js'
import {isQuantity, tryParseQuantity} from '../../resources/quantity.js'
import {child, duplicate, forbidden, index, invalid, required, type FieldError} from './field-error.js'
import {nameIsDNSSubdomain} from './formats.js'
import {goQuote} from '../../resources/go-format.js'
import {goScalar} from './go-format.js'
import {arr, isSet, num, obj, str} from './json.js'

// The order Kubernetes tries the sources in, which decides which one is called the extra.
const VOLUME_SOURCES = [
  'emptyDir',
  'hostPath',
  'gitRepo',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'flocker',
  'persistentVolumeClaim',
  'rbd',
  'cinder',
  'cephfs',
  'quobyte',
  'downwardAPI',
  'fc',
  'flexVolume',
  'configMap',
  'azureFile',
  'vsphereVolume',
  'photonPersistentDisk',
  'portworxVolume',
  'azureDisk',
  'storageos',
  'projected',
  'scaleIO',
  'csi',
  'ephemeral',
  'image',
] as const

const FILE_MODE_ERROR = 'must be a number between 0 and 0777 (octal), both inclusive'

function validateMode(value: unknown, path: string): FieldError[] {
  const mode = num(value)
  return mode !== undefined && (mode > 0o777 || mode < 0) ? [invalid(path, goScalar(mode), FILE_MODE_ERROR)] : []
}

function validateKeyToPaths(items: unknown, path: string): FieldError[] {
  const errors: FieldError[] = []
  arr(items).forEach((raw, i) => {
    const item = obj(raw)
    const itemPath = index(path, i)
    if (str(item['key']).length === 0) errors.push(required(child(itemPath, 'key')))
    if (str(item['path']).length === 0) errors.push(required(child(itemPath, 'path')))
    errors.push(...validateMode(item['mode'], child(itemPath, 'mode')))
  })
  return errors
}

function isNegativeQuantity(value: unknown): boolean {
  if (!isSet(value)) return false
  const parsed = tryParseQuantity(value)
  return isQuantity(parsed) && parsed.nanos < 0n
}

function validateSource(source: string, spec: Record<string, unknown>, path: string): FieldError[] {
  const errors: FieldError[] = []
  switch (source) {
    case 'emptyDir':
      if (isNegativeQuantity(spec['sizeLimit'])) {
        errors.push(forbidden(child(path, 'sizeLimit'), 'SizeLimit field must be a valid resource quantity'))
      }
      break
    case 'hostPath':
      if (str(spec['path']).length === 0) errors.push(required(child(path, 'path')))
      break
    case 'secret':
      if (str(spec['secretName']).length === 0) errors.push(required(child(path, 'secretName')))
      errors.push(...validateMode(spec['defaultMode'], child(path, 'defaultMode')))
      errors.push(...validateKeyToPaths(spec['items'], child(path, 'items')))
      break
    case 'configMap':
      if (str(spec['name']).length === 0) errors.push(required(child(path, 'name')))
      errors.push(...validateMode(spec['defaultMode'], child(path, 'defaultMode')))
      errors.push(...validateKeyToPaths(spec['items'], child(path, 'items')))
      break
    case 'persistentVolumeClaim':
      if (str(spec['claimName']).length === 0) errors.push(required(child(path, 'claimName')))
      break
    case 'nfs': {
      const nfsPath = str(spec['path'])
      if (str(spec['server']).length === 0) errors.push(required(child(path, 'server')))
      if (nfsPath.length === 0) errors.push(required(child(path, 'path')))
      if (!nfsPath.startsWith('/'))
        errors.push(invalid(child(path, 'path'), goQuote(nfsPath), 'must be an absolute path'))
      break
    }
    case 'downwardAPI':
    case 'projected':
      errors.push(...validateMode(spec['defaultMode'], child(path, 'defaultMode')))
      break
    default:
      break
  }
  return errors
}

function validateVolumeSource(volume: Record<string, unknown>, path: string): FieldError[] {
  const errors: FieldError[] = []
  let count = 0
  for (const source of VOLUME_SOURCES) {
    if (!isSet(volume[source])) continue
    // Kubernetes names the downwardAPI extra `downwarAPI` (sic).
    const reportedAs = source === 'downwardAPI' ? 'downwarAPI' : source
    if (count > 0) {
      errors.push(forbidden(child(path, reportedAs), 'may not specify more than 1 volume type'))
      continue
    }
    count++
    errors.push(...validateSource(source, obj(volume[source]), child(path, source)))
  }
  if (count === 0) errors.push(required(path, 'must specify a volume type'))
  return errors
}

/** ValidateVolumes: returns the errors and the names of the valid volumes, for volumeMounts to match. */
export function validateVolumes(volumes: unknown, path: string): {errors: FieldError[]; names: Set<string>} {
  const errors: FieldError[] = []
  const names = new Set<string>()
  arr(volumes).forEach((raw, i) => {
    const volume = obj(raw)
    const volumePath = index(path, i)
    const namePath = child(volumePath, 'name')
    const name = str(volume['name'])
    const volumeErrors = validateVolumeSource(volume, volumePath)
    if (name.length === 0) volumeErrors.push(required(namePath))
    else volumeErrors.push(...isDNS1123Label(name).map((message) => invalid(namePath, goQuote(name), message)))
    if (names.has(name)) volumeErrors.push(duplicate(namePath, goQuote(name)))
    if (volumeErrors.length === 0) names.add(name)
    else errors.push(...volumeErrors)
  })
  return {errors, names}
}

/** A configMapKeyRef/secretKeyRef name check (ValidateSecretName on the referenced name). */
export function validateReferencedName(name: string, path: string): FieldError[] {
  return nameIsDNSSubdomain(name, false).map((message) => invalid(path, goQuote(name), message))
}
