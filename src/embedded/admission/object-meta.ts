// metadata validation on create and update: apimachinery pkg/api/validation/objectmeta.go plus the
// finalizer rule core adds (pkg/apis/core/validation, v1.32).
import {byteLength, isQualifiedName} from '../../resources/label-syntax.js'
import {child, forbidden, index, invalid, required, tooLong, type FieldError} from './field-error.js'
import type {NameValidator} from './formats.js'
import {nameIsDNSLabel} from './formats.js'
import {goQuote, goStringSlice} from '../../resources/go-format.js'
import {GO_NIL, goScalar} from './go-format.js'
import {arr, num, obj, str} from './json.js'
import {validateLabels} from './labels.js'

/** objectmeta.go TotalAnnotationSizeLimitB: 256 KiB for all annotation keys and values. */
const TOTAL_ANNOTATION_SIZE_LIMIT_BYTES = 256 * 1024

/** FieldImmutableErrorMsg. */
export const FIELD_IMMUTABLE = 'field is immutable'

/** IsNegativeErrorMsg. */
export const IS_NEGATIVE = 'must be greater than or equal to 0'

// metav1.FinalizerOrphanDependents, FinalizerDeleteDependents and core's FinalizerKubernetes.
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion'])

/** How a kind's metadata is checked. */
interface ObjectMetaOptions {
  namespaced: boolean
  nameFn: NameValidator
}

/** ValidateNonnegativeField. */
export function validateNonnegative(value: unknown, path: string): FieldError[] {
  const n = num(value)
  return n !== undefined && n < 0 ? [invalid(path, goScalar(n), IS_NEGATIVE)] : []
}

/** ValidateAnnotations: keys are qualified names (case-insensitive), total size at most 256 KiB. */
export function validateAnnotations(annotations: unknown, path: string): FieldError[] {
  const map = obj(annotations)
  const errors: FieldError[] = []
  let total = 0
  for (const [k, v] of Object.entries(map)) {
    for (const message of isQualifiedName(k.toLowerCase())) errors.push(invalid(path, goQuote(k), message))
    total += byteLength(k) + byteLength(str(v))
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT_BYTES) errors.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT_BYTES))
  return errors
}

function validateOwnerReferences(refs: unknown, path: string): FieldError[] {
  const errors: FieldError[] = []
  let firstController = ''
  for (const raw of arr(refs)) {
    const ref = obj(raw)
    const apiVersion = str(ref['apiVersion'])
    const slash = apiVersion.indexOf('/')
    const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1)
    if (version.length === 0 || version.includes('/')) {
      errors.push(invalid(child(path, 'apiVersion'), goQuote(apiVersion), 'version must not be empty'))
    }
    for (const field of ['kind', 'name', 'uid']) {
      const value = str(ref[field])
      if (value.length === 0) errors.push(invalid(child(path, field), goQuote(value), 'must not be empty'))
    }
    if (ref['controller'] === true) {
      const current = `${str(ref['kind'])}/${str(ref['name'])}`
      if (firstController !== '') {
        errors.push(
          invalid(
            path,
            '[]v1.OwnerReference{...}',
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`,
          ),
        )
      } else {
        firstController = current
      }
    }
  }
  return errors
}

function validateFinalizers(finalizers: unknown, path: string): FieldError[] {
  const list = arr(finalizers).map(str)
  const errors: FieldError[] = []
  for (const finalizer of list) {
    for (const message of isQualifiedName(finalizer)) errors.push(invalid(path, goQuote(finalizer), message))
  }
  if (list.includes('orphan') && list.includes('foregroundDeletion')) {
    errors.push(invalid(path, goStringSlice(list), 'finalizer orphan and foregroundDeletion cannot be both set'))
  }
  // pkg/apis/core/validation validateKubeFinalizerName, reported per index
  list.forEach((finalizer, i) => {
    if (!finalizer.includes('/') && !STANDARD_FINALIZERS.has(finalizer)) {
      errors.push(
        invalid(
          index(path, i),
          goQuote(finalizer),
          'name is neither a standard finalizer name nor is it fully qualified',
        ),
      )
    }
  })
  return errors
}

/** ValidateObjectMeta on create (name generation must already have happened). */
export function validateObjectMeta(metadata: unknown, options: ObjectMetaOptions, path = 'metadata'): FieldError[] {
  const meta = obj(metadata)
  const errors: FieldError[] = []
  const generateName = str(meta['generateName'])
  if (generateName.length > 0) {
    for (const message of options.nameFn(generateName, true)) {
      errors.push(invalid(child(path, 'generateName'), goQuote(generateName), message))
    }
  }
  const name = str(meta['name'])
  if (name.length === 0) {
    errors.push(required(child(path, 'name'), 'name or generateName is required'))
  } else {
    for (const message of options.nameFn(name, false)) errors.push(invalid(child(path, 'name'), goQuote(name), message))
  }
  const namespace = str(meta['namespace'])
  if (options.namespaced) {
    if (namespace.length === 0) errors.push(required(child(path, 'namespace')))
    else {
      for (const message of nameIsDNSLabel(namespace, false)) {
        errors.push(invalid(child(path, 'namespace'), goQuote(namespace), message))
      }
    }
  } else if (namespace.length > 0) {
    errors.push(forbidden(child(path, 'namespace'), 'not allowed on this type'))
  }
  errors.push(...validateNonnegative(meta['generation'], child(path, 'generation')))
  errors.push(...validateCommonMeta(meta, path))
  return errors
}

function validateCommonMeta(meta: Record<string, unknown>, path: string): FieldError[] {
  return [
    ...validateLabels(meta['labels'], child(path, 'labels')),
    ...validateAnnotations(meta['annotations'], child(path, 'annotations')),
    ...validateOwnerReferences(meta['ownerReferences'], child(path, 'ownerReferences')),
    ...validateFinalizers(meta['finalizers'], child(path, 'finalizers')),
  ]
}

/** metav1.Time as Go's time.Time.String() prints it in UTC: `2024-05-01 10:00:00 +0000 UTC`. */
export function goTime(value: unknown): string {
  const text = str(value)
  const date = text.length > 0 ? new Date(text) : undefined
  if (date === undefined || Number.isNaN(date.getTime())) return '0001-01-01 00:00:00 +0000 UTC'
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0')
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  return `${day} ${time} +0000 UTC`
}

function immutable(newValue: unknown, oldValue: unknown, path: string, render: (v: unknown) => string): FieldError[] {
  const a = newValue ?? undefined
  const b = oldValue ?? undefined
  return a === b ? [] : [invalid(path, render(newValue), FIELD_IMMUTABLE)]
}

/** ValidateObjectMetaUpdate: identity fields are immutable; no finalizers may be added while deleting. */
export function validateObjectMetaUpdate(newMetadata: unknown, oldMetadata: unknown, path = 'metadata'): FieldError[] {
  const next = obj(newMetadata)
  const prev = obj(oldMetadata)
  const errors: FieldError[] = []
  if (str(prev['deletionTimestamp']).length > 0) {
    const old = new Set(arr(prev['finalizers']).map(str))
    const added = [...new Set(arr(next['finalizers']).map(str))].filter((f) => !old.has(f)).sort()
    if (added.length > 0) {
      errors.push(
        forbidden(
          child(path, 'finalizers'),
          `no new finalizers can be added if the object is being deleted, found new finalizers ${goStringSlice(added)}`,
        ),
      )
    }
  }
  const asString = (v: unknown): string => goQuote(str(v))
  errors.push(...immutable(str(next['name']), str(prev['name']), child(path, 'name'), asString))
  errors.push(...immutable(str(next['namespace']), str(prev['namespace']), child(path, 'namespace'), asString))
  errors.push(...immutable(str(next['uid']), str(prev['uid']), child(path, 'uid'), asString))
  errors.push(
    ...immutable(
      goTime(next['creationTimestamp']),
      goTime(prev['creationTimestamp']),
      child(path, 'creationTimestamp'),
      goTime.bind(undefined, next['creationTimestamp']),
    ),
  )
  errors.push(
    ...immutable(
      str(next['deletionTimestamp']),
      str(prev['deletionTimestamp']),
      child(path, 'deletionTimestamp'),
      () => (str(next['deletionTimestamp']).length > 0 ? goTime(next['deletionTimestamp']) : GO_NIL),
    ),
  )
  errors.push(
    ...immutable(
      num(next['deletionGracePeriodSeconds']),
      num(prev['deletionGracePeriodSeconds']),
      child(path, 'deletionGracePeriodSeconds'),
      (v) => (typeof v === 'number' ? goScalar(v) : GO_NIL),
    ),
  )
  errors.push(...validateCommonMeta(next, path))
  return errors
}
