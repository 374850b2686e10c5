// kube-apiserver's impersonation filter (staging/src/k8s.io/apiserver/pkg/endpoints/filters/impersonation.go,
// v1.32): Impersonate-User, -Uid, -Group and -Extra-<key> headers replace who the request comes from, when the
// authenticated user may impersonate (system:masters may do anything).
import type {IncomingHttpHeaders} from 'node:http'
import {badRequest, forbidden} from '../../backend/status.js'
import type {Store} from '../store/store.js'
import {AUTHENTICATED_GROUP, type UserInfo} from '../identity.js'
import {authorize} from './rbac.js'

const EXTRA_PREFIX = 'impersonate-extra-'

/** Whom a request asks to act as (Impersonate-* headers, or kubectl's --as flags). */
export interface ImpersonationRequest {
  user?: string | undefined
  uid?: string | undefined
  groups: string[]
  extra: Record<string, string[]>
}

/** The Impersonate-* headers of a request. */
export function impersonationHeaders(
  headers: Readonly<Record<string, string[] | undefined>> | IncomingHttpHeaders,
): ImpersonationRequest {
  const values = (name: string): string[] => {
    const value = headers[name]
    return value === undefined ? [] : Array.isArray(value) ? value : [value]
  }
  const extra: Record<string, string[]> = {}
  for (const name of Object.keys(headers)) {
    if (!name.startsWith(EXTRA_PREFIX)) continue
    // the key travels percent-encoded in the header name, which HTTP makes case-insensitive
    const key = decodeURIComponent(name.slice(EXTRA_PREFIX.length)).toLowerCase()
    extra[key] = [...(extra[key] ?? []), ...values(name)]
  }
  return {
    user: values('impersonate-user')[0],
    uid: values('impersonate-uid')[0],
    groups: values('impersonate-group'),
    extra,
  }
}

/** The user a request acts as: the authenticated one, or the one it impersonates. Throws Status errors. */
export function impersonatedUser(store: Store, authenticated: UserInfo, request: ImpersonationRequest): UserInfo {
  const {user: username, uid, groups, extra} = request
  const asked = [
    ...groups.map((g) => `{Group  ${g}}`),
    ...(uid !== undefined ? [`{UID  ${uid}}`] : []),
    ...Object.entries(extra).flatMap(([k, vs]) => vs.map((v) => `{UserExtra  ${k}=${v}}`)),
  ]
  if (username === undefined) {
    if (asked.length > 0) throw badRequest(`requested [${asked.join(' ')}] without impersonating a user`)
    return authenticated
  }
  const checks: Array<{resource: string; name: string; group: string; subresource?: string}> = [
    {resource: username.startsWith('system:serviceaccount:') ? 'serviceaccounts' : 'users', name: username, group: ''},
    ...groups.map((g) => ({resource: 'groups', name: g, group: ''})),
    ...(uid !== undefined ? [{resource: 'uids', name: uid, group: 'authentication.k8s.io'}] : []),
    ...Object.entries(extra).flatMap(([k, vs]) =>
      vs.map((v) => ({resource: 'userextras', subresource: k, name: v, group: 'authentication.k8s.io'})),
    ),
  ]
  for (const check of checks) {
    const decision = authorize(store, authenticated, {verb: 'impersonate', ...check})
    if (!decision.allowed) {
      // responsewriters.Forbidden: NewForbidden(group/resource, name, ...), whose details name them (v1.32)
      throw forbidden(
        `${check.resource} "${check.name}" is forbidden: User "${authenticated.username}" cannot impersonate resource "${check.resource}" in API group "${check.group}" at the cluster scope`,
        {name: check.name, group: check.group, kind: check.resource},
      )
    }
  }
  // an impersonated user other than anonymous is authenticated, as any real login would be
  const all =
    username === 'system:anonymous' || groups.includes(AUTHENTICATED_GROUP) ? groups : [...groups, AUTHENTICATED_GROUP]
  return {
    username,
    ...(uid !== undefined ? {uid} : {}),
    groups: all,
    ...(Object.keys(extra).length > 0 ? {extra} : {}),
  }
}
