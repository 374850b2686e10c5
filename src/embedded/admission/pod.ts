// Pod create and update validation (core ValidatePodCreate/ValidatePodUpdate, v1.32).
import type {KubeObject} from '../../backend/object.js'
import {child, forbidden, index, invalid, required, type FieldError} from './field-error.js'
import {nameIsDNSSubdomain} from './formats.js'
import {goQuote} from '../../resources/go-format.js'
import {GO_NIL, goScalar} from './go-format.js'
import {jsonEqual} from '../../resources/json-equal.js'
import {arr, isSet, num, obj, str} from './json.js'
import {validateObjectMeta, validateObjectMetaUpdate} from './object-meta.js'
import {validatePodSpec} from './pod-spec.js'

const MAX_INT32 = 2147483647

/** The fields a pod update may change, as the Forbidden message lists them. */
const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
]

function validateImageWhitespace(containers: unknown, path: string): FieldError[] {
  return arr(containers).flatMap((raw, i) => {
    const image = str(obj(raw)['image'])
    return image !== image.trim()
      ? [invalid(child(index(path, i), 'image'), goQuote(image), 'must not have leading or trailing whitespace')]
      : []
  })
}

function validatePodMetadataAndSpec(pod: KubeObject): FieldError[] {
  const spec = obj(pod['spec'])
  const errors = [
    ...validateObjectMeta(pod.metadata, {namespaced: true, nameFn: nameIsDNSSubdomain}),
    ...validatePodSpec(pod['spec'], 'spec'),
  ]
  if (str(spec['serviceAccountName']).length === 0) {
    arr(spec['volumes']).forEach((volume, vi) => {
      arr(obj(obj(volume)['projected'])['sources']).forEach((source, si) => {
        if (isSet(obj(source)['serviceAccountToken'])) {
          const path = child(index(child(index('spec.volumes', vi), 'projected', 'sources'), si), 'serviceAccountToken')
          errors.push(forbidden(path, 'must not be specified when serviceAccountName is not set'))
        }
      })
    })
  }
  errors.push(...validateImageWhitespace(spec['containers'], 'spec.containers'))
  errors.push(...validateImageWhitespace(spec['initContainers'], 'spec.initContainers'))
  return errors
}

/** ValidatePodCreate. */
export function validatePodCreate(pod: KubeObject): FieldError[] {
  const spec = obj(pod['spec'])
  const errors = validatePodMetadataAndSpec(pod)
  if (arr(spec['ephemeralContainers']).length > 0) {
    errors.push(forbidden('spec.ephemeralContainers', 'cannot be set on create'))
  }
  if (str(spec['nodeName']).length > 0 && arr(spec['schedulingGates']).length > 0) {
    errors.push(forbidden('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'))
  }
  return errors
}

function validateContainerUpdates(next: unknown, prev: unknown, path: string): {errors: FieldError[]; stop: boolean} {
  const newList = arr(next)
  if (newList.length !== arr(prev).length) {
    return {errors: [forbidden(path, 'pod updates may not add or remove containers')], stop: true}
  }
  const errors: FieldError[] = []
  newList.forEach((raw, i) => {
    const image = str(obj(raw)['image'])
    if (image.length === 0) errors.push(required(child(index(path, i), 'image')))
    if (image.trim() !== image) {
      errors.push(
        invalid(child(index(path, i), 'image'), goQuote(image), 'must not have leading or trailing whitespace'),
      )
    }
  })
  return {errors, stop: false}
}

function tolerationsOnlyAdded(next: unknown, prev: unknown): boolean {
  const newList = arr(next).map(obj)
  return arr(prev).every((oldRaw) => {
    const old = obj(oldRaw)
    return newList.some((candidate) =>
      jsonEqual({...old, tolerationSeconds: candidate['tolerationSeconds']}, candidate),
    )
  })
}

// The spec with the updatable fields taken from the old pod, so any remaining difference is forbidden.
function mungedSpec(next: Record<string, unknown>, prev: Record<string, unknown>): Record<string, unknown> {
  const munged: Record<string, unknown> = {...next}
  for (const field of ['containers', 'initContainers']) {
    const oldList = arr(prev[field])
    if (Array.isArray(next[field])) {
      munged[field] = arr(next[field]).map((c, i) => ({...obj(c), image: obj(oldList[i])['image']}))
    }
  }
  munged['activeDeadlineSeconds'] = prev['activeDeadlineSeconds']
  munged['schedulingGates'] = prev['schedulingGates']
  munged['tolerations'] = prev['tolerations']
  const oldGrace = num(prev['terminationGracePeriodSeconds'])
  if (oldGrace !== undefined && oldGrace < 0 && num(next['terminationGracePeriodSeconds']) === 1) {
    munged['terminationGracePeriodSeconds'] = prev['terminationGracePeriodSeconds']
  }
  return munged
}

/**
 * ValidatePodUpdate. The Forbidden message for other spec changes leaves out the cmp.Diff that
 * Kubernetes appends after a newline: that dump of Go structs cannot be reproduced faithfully.
 */
export function validatePodUpdate(pod: KubeObject, old: KubeObject): FieldError[] {
  const errors = [...validateObjectMetaUpdate(pod.metadata, old.metadata), ...validatePodMetadataAndSpec(pod)]
  const spec = obj(pod['spec'])
  const oldSpec = obj(old['spec'])
  for (const field of ['containers', 'initContainers']) {
    const result = validateContainerUpdates(spec[field], oldSpec[field], child('spec', field))
    errors.push(...result.errors)
    if (result.stop) return errors
  }
  const deadline = num(spec['activeDeadlineSeconds'])
  const oldDeadline = num(oldSpec['activeDeadlineSeconds'])
  if (deadline !== undefined) {
    if (deadline < 0 || deadline > MAX_INT32) {
      errors.push(
        invalid('spec.activeDeadlineSeconds', goScalar(deadline), `must be between 0 and ${MAX_INT32}, inclusive`),
      )
      return errors
    }
    if (oldDeadline !== undefined && oldDeadline < deadline) {
      errors.push(
        invalid('spec.activeDeadlineSeconds', goScalar(deadline), 'must be less than or equal to previous value'),
      )
      return errors
    }
  } else if (oldDeadline !== undefined) {
    errors.push(invalid('spec.activeDeadlineSeconds', GO_NIL, 'must not update from a positive integer to nil value'))
  }
  if (!tolerationsOnlyAdded(spec['tolerations'], oldSpec['tolerations'])) {
    errors.push(forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds'))
  }
  if (!jsonEqual(mungedSpec(spec, oldSpec), oldSpec)) {
    errors.push(
      forbidden('spec', `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}`),
    )
  }
  return errors
}
