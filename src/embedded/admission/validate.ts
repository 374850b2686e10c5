// Entry point of validation: the field errors kube-apiserver v1.32 reports for a write, by kind,
// as StatusCauses ready for invalid(gk, name, causes). Run it on the defaulted object.
import type {KubeObject} from '../../backend/object.js'
import type {ResourceInfo} from '../../backend/refs.js'
import type {StatusCause} from '../../backend/status.js'
import {validateWorkloadCreate, validateWorkloadUpdate} from './apps.js'
import {validateCronJobCreate, validateCronJobUpdate, validateJobCreate, validateJobUpdate} from './batch.js'
import {validateConfigMap, validateConfigMapUpdate, validateSecret, validateSecretUpdate} from './config-data.js'
import {validateNamespace, validateNode, validateResourceQuota} from './core-kinds.js'
import {toStatusCauses, type FieldError} from './field-error.js'
import {nameIsDNSSubdomain, nameIsPathSegment, type NameValidator} from './formats.js'
import {validateHorizontalPodAutoscaler} from './hpa.js'
import {validateObjectMeta, validateObjectMetaUpdate} from './object-meta.js'
import {validatePodCreate, validatePodUpdate} from './pod.js'
import {validateService, validateServiceUpdate} from './service.js'
import {
  validatePersistentVolume,
  validatePersistentVolumeClaim,
  validatePersistentVolumeClaimUpdate,
} from './storage.js'

interface KindValidator {
  create: (object: KubeObject) => FieldError[]
  update: (object: KubeObject, old: KubeObject) => FieldError[]
}

const WORKLOAD: KindValidator = {create: validateWorkloadCreate, update: validateWorkloadUpdate}

// Keyed by `group/Kind` ('' for the core group).
const VALIDATORS: Readonly<Record<string, KindValidator>> = {
  '/Pod': {create: validatePodCreate, update: validatePodUpdate},
  '/Service': {create: validateService, update: validateServiceUpdate},
  '/ConfigMap': {create: validateConfigMap, update: validateConfigMapUpdate},
  '/Secret': {create: validateSecret, update: validateSecretUpdate},
  '/Namespace': {create: validateNamespace, update: (o, old) => validateObjectMetaUpdate(o.metadata, old.metadata)},
  '/PersistentVolumeClaim': {create: validatePersistentVolumeClaim, update: validatePersistentVolumeClaimUpdate},
  '/PersistentVolume': {
    create: validatePersistentVolume,
    update: (o, old) => [...validateObjectMetaUpdate(o.metadata, old.metadata), ...validatePersistentVolume(o)],
  },
  '/Node': {create: (o) => validateNode(o), update: (o, old) => validateNode(o, old)},
  '/ResourceQuota': {create: (o) => validateResourceQuota(o), update: (o, old) => validateResourceQuota(o, old)},
  'apps/Deployment': WORKLOAD,
  'apps/ReplicaSet': WORKLOAD,
  'apps/DaemonSet': WORKLOAD,
  'apps/StatefulSet': WORKLOAD,
  'batch/Job': {create: validateJobCreate, update: validateJobUpdate},
  'batch/CronJob': {create: validateCronJobCreate, update: validateCronJobUpdate},
  'autoscaling/HorizontalPodAutoscaler': {
    create: (o) => validateHorizontalPodAutoscaler(o),
    update: (o, old) => validateHorizontalPodAutoscaler(o, old),
  },
}

// RBAC object names are path segments, not DNS names (ValidateRBACName).
function nameValidatorFor(info: ResourceInfo): NameValidator {
  return info.group === 'rbac.authorization.k8s.io' ? nameIsPathSegment : nameIsDNSSubdomain
}

/** Options for validateObject. */
export interface ValidateOptions {
  /**
   * The subresource written. `status` and other subresources (binding, ephemeralcontainers, ...)
   * check only metadata, as their strategies do; `scale` and none check the whole object.
   */
  subresource?: string
}

/**
 * The validation errors of a create (no `old`) or update, worded as kube-apiserver v1.32 words
 * them; empty when the object is valid. Kinds without their own rules get the metadata checks.
 */
export function validateObject(
  info: ResourceInfo,
  object: KubeObject,
  old?: KubeObject,
  options: ValidateOptions = {},
): StatusCause[] {
  const subresource = options.subresource
  if (old !== undefined && subresource !== undefined && subresource !== 'scale') {
    return toStatusCauses(validateObjectMetaUpdate(object.metadata, old.metadata))
  }
  const validator = VALIDATORS[`${info.group}/${info.kind}`]
  if (validator !== undefined) {
    return toStatusCauses(old === undefined ? validator.create(object) : validator.update(object, old))
  }
  const meta =
    old === undefined
      ? validateObjectMeta(object.metadata, {namespaced: info.namespaced, nameFn: nameValidatorFor(info)})
      : validateObjectMetaUpdate(object.metadata, old.metadata)
  return toStatusCauses(meta)
}
