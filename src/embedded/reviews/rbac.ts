// The authorizer chain of the embedded control plane, as kube-apiserver's default `--authorization-mode=Node,RBAC`
// plus its privileged-group authorizer (system:masters) evaluates a request (plugin/pkg/auth/authorizer/rbac, v1.32).
// The Node authorizer is left out: the simulated kubelets do not send requests as nodes.
import type {Store} from '../store/store.js'
import {MASTERS_GROUP, type UserInfo} from '../identity.js'

/** What is asked: authorizer.Attributes, resource or non-resource. */
export interface RequestAttributes {
  verb: string
  namespace?: string
  group?: string
  resource?: string
  subresource?: string
  name?: string
  /** a non-resource request's path (/healthz, /version ...) */
  path?: string
}

export interface Decision {
  allowed: boolean
  reason: string
}

interface PolicyRule {
  verbs?: string[]
  apiGroups?: string[]
  resources?: string[]
  resourceNames?: string[]
  nonResourceURLs?: string[]
}

interface Subject {
  kind: string
  name: string
  namespace?: string
}

interface Binding {
  metadata: {name?: string; namespace?: string}
  roleRef?: {kind: string; name: string}
  subjects?: Subject[]
}

/** Allowed for system:masters; otherwise allowed when a RoleBinding or ClusterRoleBinding grants a matching rule. */
export function authorize(store: Store, user: UserInfo, request: RequestAttributes): Decision {
  if (user.groups.includes(MASTERS_GROUP)) return {allowed: true, reason: ''}
  const bindings: Array<{binding: Binding; kind: 'ClusterRoleBinding' | 'RoleBinding'}> = [
    ...store.list('rbac.authorization.k8s.io/clusterrolebindings').map((s) => ({
      binding: s.object as unknown as Binding,
      kind: 'ClusterRoleBinding' as const,
    })),
  ]
  if (request.namespace)
    bindings.push(
      ...store.list('rbac.authorization.k8s.io/rolebindings', request.namespace).map((s) => ({
        binding: s.object as unknown as Binding,
        kind: 'RoleBinding' as const,
      })),
    )
  for (const {binding, kind} of bindings) {
    const subject = (binding.subjects ?? []).find((s) => appliesTo(s, user, binding.metadata.namespace))
    if (!subject || !binding.roleRef) continue
    const rules = rulesOf(store, binding.roleRef, binding.metadata.namespace)
    if (!rules.some((rule) => ruleAllows(rule, request))) continue
    const where =
      kind === 'RoleBinding'
        ? `RoleBinding "${binding.metadata.name ?? ''}/${binding.metadata.namespace ?? ''}"`
        : `ClusterRoleBinding "${binding.metadata.name ?? ''}"`
    const role =
      binding.roleRef.kind === 'Role'
        ? `Role "${binding.roleRef.name}/${binding.metadata.namespace ?? ''}"`
        : `ClusterRole "${binding.roleRef.name}"`
    const who =
      subject.kind === 'ServiceAccount'
        ? `ServiceAccount "${subject.name}/${subject.namespace ?? binding.metadata.namespace ?? ''}"`
        : `${subject.kind} "${subject.name}"`
    return {allowed: true, reason: `RBAC: allowed by ${where} of ${role} to ${who}`}
  }
  return {allowed: false, reason: ''}
}

function appliesTo(subject: Subject, user: UserInfo, bindingNamespace: string | undefined): boolean {
  switch (subject.kind) {
    case 'User':
      return subject.name === user.username
    case 'Group':
      return user.groups.includes(subject.name)
    case 'ServiceAccount':
      return user.username === `system:serviceaccount:${subject.namespace ?? bindingNamespace ?? ''}:${subject.name}`
    default:
      return false
  }
}

function rulesOf(store: Store, ref: {kind: string; name: string}, namespace: string | undefined): PolicyRule[] {
  const found =
    ref.kind === 'Role'
      ? store.list('rbac.authorization.k8s.io/roles', namespace ?? '').find((s) => s.object.metadata.name === ref.name)
      : store.list('rbac.authorization.k8s.io/clusterroles').find((s) => s.object.metadata.name === ref.name)
  return ((found?.object['rules'] as PolicyRule[] | undefined) ?? []).filter(Boolean)
}

function matches(values: readonly string[] | undefined, wanted: string): boolean {
  return (values ?? []).some((v) => v === '*' || v === wanted)
}

function ruleAllows(rule: PolicyRule, request: RequestAttributes): boolean {
  if (!matches(rule.verbs, request.verb)) return false
  if (request.resource === undefined) {
    const path = request.path ?? ''
    return (rule.nonResourceURLs ?? []).some(
      (url) => url === '*' || url === path || (url.endsWith('*') && path.startsWith(url.slice(0, -1))),
    )
  }
  if (!matches(rule.apiGroups, request.group ?? '')) return false
  const resource = request.subresource ? `${request.resource}/${request.subresource}` : request.resource
  const resourceMatches = (rule.resources ?? []).some(
    (r) => r === '*' || r === resource || (request.subresource !== undefined && r === `*/${request.subresource}`),
  )
  if (!resourceMatches) return false
  const names = rule.resourceNames ?? []
  return names.length === 0 || (request.name !== undefined && names.includes(request.name))
}
