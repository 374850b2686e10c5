// The create-only review kinds (pkg/registry/authentication/selfsubjectreview and
// pkg/registry/authorization/*subjectaccessreview, v1.32): a create is a question, answered in status and
// never stored, so it has no name, no resourceVersion and no watch.
import type {KubeObject} from '../../backend/object.js'
import type {ResourceInfo} from '../../backend/refs.js'
import {badRequest, invalid, type StatusCause} from '../../backend/status.js'
import type {Store} from '../store/store.js'
import type {UserInfo} from '../identity.js'
import {authorize, type RequestAttributes} from './rbac.js'

interface ReviewSpec {
  user?: string
  uid?: string
  groups?: string[]
  extra?: Record<string, string[]>
  resourceAttributes?: {
    namespace?: string
    verb?: string
    group?: string
    version?: string
    resource?: string
    subresource?: string
    name?: string
  }
  nonResourceAttributes?: {path?: string; verb?: string}
}

const REVIEW_KINDS = new Set([
  'authentication.k8s.io/selfsubjectreviews',
  'authorization.k8s.io/subjectaccessreviews',
  'authorization.k8s.io/selfsubjectaccessreviews',
  'authorization.k8s.io/localsubjectaccessreviews',
])

/** True for a kind whose create is answered rather than stored. */
export function isReviewResource(info: ResourceInfo): boolean {
  return REVIEW_KINDS.has(`${info.group}/${info.resource}`)
}

/** Answers a review as the API server does: the object sent back with its status filled in. */
export function answerReview(
  store: Store,
  info: ResourceInfo,
  input: KubeObject,
  requester: UserInfo,
  now: string,
): KubeObject {
  const metadata = {...structuredClone(input.metadata ?? {}), creationTimestamp: now}
  if (info.resource === 'selfsubjectreviews') {
    return {apiVersion: input.apiVersion, kind: input.kind, metadata, status: {userInfo: userInfoOf(requester)}}
  }
  const spec = structuredClone((input['spec'] ?? {}) as ReviewSpec)
  const causes = validateSpec(info, spec, input.metadata?.namespace)
  if (causes.length > 0) throw invalid(info, input.metadata?.name ?? '', causes)
  const subject: UserInfo =
    info.resource === 'selfsubjectaccessreviews'
      ? requester
      : {
          username: spec.user ?? '',
          groups: spec.groups ?? [],
          ...(spec.uid ? {uid: spec.uid} : {}),
          ...(spec.extra ? {extra: spec.extra} : {}),
        }
  if (info.resource === 'selfsubjectaccessreviews') {
    // the self review's spec carries only the attributes; the server reports who asked nowhere
    delete spec.user
    delete spec.groups
  }
  const decision = authorize(store, subject, attributesOf(spec))
  const status: Record<string, unknown> = {allowed: decision.allowed}
  if (decision.reason) status['reason'] = decision.reason
  return {apiVersion: input.apiVersion, kind: input.kind, metadata, spec, status}
}

function userInfoOf(user: UserInfo): Record<string, unknown> {
  return {
    username: user.username,
    ...(user.uid ? {uid: user.uid} : {}),
    groups: [...user.groups],
    ...(user.extra && Object.keys(user.extra).length > 0 ? {extra: structuredClone(user.extra)} : {}),
  }
}

function attributesOf(spec: ReviewSpec): RequestAttributes {
  const resource = spec.resourceAttributes
  if (resource) {
    const attributes: RequestAttributes = {verb: resource.verb ?? '', group: resource.group ?? ''}
    attributes.resource = resource.resource ?? ''
    if (resource.namespace) attributes.namespace = resource.namespace
    if (resource.subresource) attributes.subresource = resource.subresource
    if (resource.name) attributes.name = resource.name
    return attributes
  }
  return {verb: spec.nonResourceAttributes?.verb ?? '', path: spec.nonResourceAttributes?.path ?? ''}
}

// ValidateSubjectAccessReviewSpec and friends (pkg/apis/authorization/validation, v1.32)
function validateSpec(info: ResourceInfo, spec: ReviewSpec, namespace: string | undefined): StatusCause[] {
  const causes: StatusCause[] = []
  if (spec.resourceAttributes && spec.nonResourceAttributes)
    causes.push({
      reason: 'FieldValueInvalid',
      field: 'spec.nonResourceAttributes',
      message: 'Invalid value: "": cannot be specified in combination with resourceAttributes',
    })
  if (!spec.resourceAttributes && !spec.nonResourceAttributes)
    causes.push({
      reason: 'FieldValueRequired',
      field: 'spec.resourceAttributes',
      message: 'Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified',
    })
  if (info.resource === 'subjectaccessreviews' || info.resource === 'localsubjectaccessreviews') {
    if (!spec.user && (spec.groups ?? []).length === 0)
      causes.push({
        reason: 'FieldValueInvalid',
        field: 'spec.user',
        message: 'Invalid value: "": at least one of user or group must be specified',
      })
  }
  if (info.resource === 'localsubjectaccessreviews' && spec.resourceAttributes?.namespace !== namespace) {
    throw badRequest(`spec.resourceAttributes.namespace must match namespace: ${namespace ?? ''}`)
  }
  return causes
}
