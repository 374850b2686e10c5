// PersistentVolumeClaim and PersistentVolume validation (pkg/apis/core/validation, v1.32).
import type {KubeObject} from '../../backend/object.js'
import {formatQuantity, isQuantity, tryParseQuantity} from '../../resources/quantity.js'
import {child, forbidden, invalid, key, notSupported, required, type FieldError} from './field-error.js'
import {nameIsDNSSubdomain} from './formats.js'
import {goQuote} from '../../resources/go-format.js'
import {jsonEqual} from '../../resources/json-equal.js'
import {arr, isSet, obj, str} from './json.js'
import {validateLabelSelector} from './labels.js'
import {validateObjectMeta, validateObjectMetaUpdate} from './object-meta.js'
import {validateResourceQuantityValue} from './resources.js'

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod']

function validateAccessModes(modes: unknown, path: string, requiredDetail: string): FieldError[] {
  const list = arr(modes).map(str)
  const errors: FieldError[] = list.length === 0 ? [required(path, requiredDetail)] : []
  for (const mode of list) {
    if (!ACCESS_MODES.includes(mode)) errors.push(notSupported(path, goQuote(mode), ACCESS_MODES))
  }
  if (
    list.includes('ReadWriteOncePod') &&
    list.some((mode) => mode !== 'ReadWriteOncePod' && ACCESS_MODES.includes(mode))
  ) {
    errors.push(forbidden(path, 'may not use ReadWriteOncePod with other access modes'))
  }
  return errors
}

function validatePositiveStorage(value: unknown, path: string): FieldError[] {
  const parsed = tryParseQuantity(value)
  if (!isQuantity(parsed)) return []
  if (parsed.nanos <= 0n) return [invalid(path, goQuote(formatQuantity(parsed)), 'must be greater than zero')]
  return validateResourceQuantityValue('storage', parsed, path)
}

function validateClaimSpec(spec: Record<string, unknown>, path: string): FieldError[] {
  const errors = validateAccessModes(
    spec['accessModes'],
    child(path, 'accessModes'),
    'at least 1 access mode is required',
  )
  if (isSet(spec['selector'])) errors.push(...validateLabelSelector(spec['selector'], child(path, 'selector')))
  const requests = obj(obj(spec['resources'])['requests'])
  const storagePath = key(child(path, 'resources'), 'storage')
  if (!Object.hasOwn(requests, 'storage')) errors.push(required(storagePath))
  else errors.push(...validatePositiveStorage(requests['storage'], storagePath))
  const className = str(spec['storageClassName'])
  if (className.length > 0) {
    errors.push(
      ...nameIsDNSSubdomain(className, false).map((message) =>
        invalid(child(path, 'storageClassName'), goQuote(className), message),
      ),
    )
  }
  if (isSet(spec['volumeMode']) && !['Block', 'Filesystem'].includes(str(spec['volumeMode']))) {
    errors.push(notSupported(child(path, 'volumeMode'), goQuote(str(spec['volumeMode'])), ['Block', 'Filesystem']))
  }
  return errors
}

/** ValidatePersistentVolumeClaim. */
export function validatePersistentVolumeClaim(claim: KubeObject): FieldError[] {
  return [
    ...validateObjectMeta(claim.metadata, {namespaced: true, nameFn: nameIsDNSSubdomain}),
    ...validateClaimSpec(obj(claim['spec']), 'spec'),
  ]
}

/**
 * ValidatePersistentVolumeClaimUpdate: the spec is frozen except a first volumeName and, for bound
 * claims, a larger storage request. Kubernetes appends a cmp.Diff after the message; it is left out.
 */
export function validatePersistentVolumeClaimUpdate(claim: KubeObject, old: KubeObject): FieldError[] {
  const errors = [...validateObjectMetaUpdate(claim.metadata, old.metadata), ...validatePersistentVolumeClaim(claim)]
  const spec = structuredClone(obj(claim['spec']))
  const oldSpec = structuredClone(obj(old['spec']))
  if (str(oldSpec['volumeName']).length === 0) oldSpec['volumeName'] = spec['volumeName']
  const bound = str(obj(claim['status'])['phase']) === 'Bound'
  const newStorage = obj(obj(spec['resources'])['requests'])['storage']
  const oldStorage = obj(obj(oldSpec['resources'])['requests'])['storage']
  if (bound && isSet(obj(spec['resources'])['requests'])) {
    spec['resources'] = {
      ...obj(spec['resources']),
      requests: {...obj(obj(spec['resources'])['requests']), storage: oldStorage},
    }
  }
  if (!jsonEqual(spec, oldSpec)) {
    errors.push(
      forbidden(
        'spec',
        'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
      ),
    )
  }
  const next = tryParseQuantity(newStorage)
  const prev = tryParseQuantity(oldStorage)
  if (isQuantity(next) && isQuantity(prev) && next.nanos < prev.nanos) {
    errors.push(forbidden('spec.resources.requests.storage', 'field can not be less than previous value'))
  }
  return errors
}

/** ValidatePersistentVolume (the common volume sources only). */
export function validatePersistentVolume(volume: KubeObject): FieldError[] {
  const spec = obj(volume['spec'])
  const errors = [
    ...validateObjectMeta(volume.metadata, {namespaced: false, nameFn: nameIsDNSSubdomain}),
    ...validateAccessModes(spec['accessModes'], 'spec.accessModes', ''),
  ]
  const capacity = obj(spec['capacity'])
  if (Object.keys(capacity).length === 0) errors.push(required('spec.capacity'))
  if (!Object.hasOwn(capacity, 'storage') || Object.keys(capacity).length > 1) {
    errors.push(notSupported('spec.capacity', 'core.ResourceList{...}', ['storage']))
  }
  for (const [name, value] of Object.entries(capacity))
    errors.push(...validatePositiveStorage(value, key('spec.capacity', name)))
  const policy = str(spec['persistentVolumeReclaimPolicy'])
  if (policy.length > 0 && !['Delete', 'Recycle', 'Retain'].includes(policy)) {
    errors.push(notSupported('spec.persistentVolumeReclaimPolicy', goQuote(policy), ['Delete', 'Recycle', 'Retain']))
  }
  const sources = [
    'hostPath',
    'local',
    'nfs',
    'csi',
    'iscsi',
    'fc',
    'gcePersistentDisk',
    'awsElasticBlockStore',
    'azureDisk',
    'azureFile',
    'cephfs',
    'rbd',
  ]
  if (!sources.some((source) => isSet(spec[source]))) errors.push(required('spec', 'must specify a volume type'))
  if (isSet(spec['hostPath']) && str(obj(spec['hostPath'])['path']).length === 0)
    errors.push(required('spec.hostPath.path'))
  return errors
}
