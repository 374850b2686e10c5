import type {ServerVersion} from '../../backend/backend.js'
import {isJsonObject, type KubeObject} from '../../backend/object.js'
import type {ResourceInfo} from '../../backend/refs.js'

/** A subresource as discovery lists it; group/version are set only when its kind lives in another group. */
export interface Subresource {
  name: string
  kind: string
  group?: string
  version?: string
  verbs: readonly string[]
}

/** A served resource with its subresources: what both kinds of discovery document are made from. */
export interface DiscoveredResource extends ResourceInfo {
  subresources: readonly Subresource[]
}

const STATUS_VERBS = ['get', 'patch', 'update'] as const

function status(kind: string): Subresource {
  return {name: 'status', kind, verbs: STATUS_VERBS}
}

function scale(): Subresource {
  return {name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: STATUS_VERBS}
}

// The subresources kube-apiserver v1.32 lists for the built-in kinds skiff serves (api/discovery/api__v1.json,
// apis__apps__v1.json, aggregated_v2.json), less the ones whose handlers skiff does not have (exec, attach,
// portforward, proxy, ephemeralcontainers, eviction, binding, serviceaccounts/token).
const BUILTIN_SUBRESOURCES: Readonly<Record<string, readonly Subresource[]>> = {
  '/namespaces': [{name: 'finalize', kind: 'Namespace', verbs: ['update']}, status('Namespace')],
  '/nodes': [status('Node')],
  '/persistentvolumeclaims': [status('PersistentVolumeClaim')],
  '/persistentvolumes': [status('PersistentVolume')],
  '/pods': [{name: 'log', kind: 'Pod', verbs: ['get']}, status('Pod')],
  '/replicationcontrollers': [scale(), status('ReplicationController')],
  '/resourcequotas': [status('ResourceQuota')],
  '/services': [status('Service')],
  'apiextensions.k8s.io/customresourcedefinitions': [status('CustomResourceDefinition')],
  'apps/daemonsets': [status('DaemonSet')],
  'apps/deployments': [scale(), status('Deployment')],
  'apps/replicasets': [scale(), status('ReplicaSet')],
  'apps/statefulsets': [scale(), status('StatefulSet')],
  'autoscaling/horizontalpodautoscalers': [status('HorizontalPodAutoscaler')],
  'batch/cronjobs': [status('CronJob')],
  'batch/jobs': [status('Job')],
  'networking.k8s.io/ingresses': [status('Ingress')],
  'policy/poddisruptionbudgets': [status('PodDisruptionBudget')],
}

// the subresources a CRD version declares (spec.versions[].subresources.status / .scale)
function crdSubresources(crds: readonly KubeObject[], info: ResourceInfo): Subresource[] {
  for (const crd of crds) {
    const spec = crd['spec']
    if (!isJsonObject(spec) || spec['group'] !== info.group) continue
    const names = spec['names']
    if (!isJsonObject(names) || names['plural'] !== info.resource) continue
    const versions = Array.isArray(spec['versions']) ? spec['versions'] : []
    const version = versions.find((v) => isJsonObject(v) && v['name'] === info.version)
    const declared = isJsonObject(version) && isJsonObject(version['subresources']) ? version['subresources'] : {}
    const found: Subresource[] = []
    if (declared['scale'] !== undefined) found.push(scale())
    if (declared['status'] !== undefined) found.push(status(info.kind))
    return found
  }
  return []
}

/** The served resources with their subresources: built-ins from the table above, custom ones from their CRDs. */
export function discoveredResources(
  resources: readonly ResourceInfo[],
  crds: readonly KubeObject[],
): DiscoveredResource[] {
  return resources.map((info) => ({
    ...info,
    subresources: BUILTIN_SUBRESOURCES[`${info.group}/${info.resource}`] ?? crdSubresources(crds, info),
  }))
}

/** `/version`: version.Info. */
export function versionDocument(version: ServerVersion): ServerVersion {
  return {...version}
}

/** `/api`: the APIVersions of the core group. */
export function coreVersionsDocument(): object {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1'}],
  }
}

// Kubernetes orders versions GA > beta > alpha, then by number (v2 > v1, v1beta2 > v1beta1); other names last
function versionRank(version: string): [number, number, number] {
  const match = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(version)
  if (!match) return [3, 0, 0]
  const stability = match[2] === undefined ? 0 : match[2] === 'beta' ? 1 : 2
  return [stability, -Number(match[1]), -Number(match[3] ?? 0)]
}

/** Compares two API versions by Kubernetes' priority: the preferred one sorts first. */
export function compareVersionPriority(a: string, b: string): number {
  const [ra, rb] = [versionRank(a), versionRank(b)]
  for (let i = 0; i < 3; i++) {
    const diff = (ra[i] ?? 0) - (rb[i] ?? 0)
    if (diff !== 0) return diff
  }
  return a.localeCompare(b)
}

/** The named groups (every group but core) and their versions, preferred first, groups in discovery order. */
export function namedGroups(resources: readonly ResourceInfo[]): {name: string; versions: string[]}[] {
  const groups: {name: string; versions: string[]}[] = []
  for (const r of resources) {
    if (r.group === '') continue
    const group = groups.find((g) => g.name === r.group)
    if (!group) groups.push({name: r.group, versions: [r.version]})
    else if (!group.versions.includes(r.version)) group.versions.push(r.version)
  }
  for (const group of groups) group.versions.sort(compareVersionPriority)
  return groups
}

function groupEntry(group: {name: string; versions: string[]}): object {
  const versions = group.versions.map((v) => ({groupVersion: `${group.name}/${v}`, version: v}))
  return {name: group.name, versions, preferredVersion: versions[0]}
}

/** `/apis`: the APIGroupList. */
export function groupListDocument(resources: readonly ResourceInfo[]): object {
  return {kind: 'APIGroupList', apiVersion: 'v1', groups: namedGroups(resources).map(groupEntry)}
}

/** `/apis/<group>`: one APIGroup, or undefined when the group is not served. */
export function groupDocument(resources: readonly ResourceInfo[], name: string): object | undefined {
  const group = namedGroups(resources).find((g) => g.name === name)
  return group ? {kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(group)} : undefined
}

/** meta/v1 APIResource, as legacy discovery lists it. */
export interface ApiResource {
  name: string
  singularName: string
  namespaced: boolean
  group?: string
  version?: string
  kind: string
  verbs: string[]
  shortNames?: string[]
  categories?: string[]
}

function legacyEntries(r: DiscoveredResource): ApiResource[] {
  const entry: ApiResource = {
    name: r.resource,
    singularName: r.singular,
    namespaced: r.namespaced,
    kind: r.kind,
    verbs: [...r.verbs],
  }
  if (r.shortNames.length > 0) entry.shortNames = [...r.shortNames]
  if (r.categories.length > 0) entry.categories = [...r.categories]
  const subs = r.subresources.map((sub) => {
    const subEntry: ApiResource = {
      name: `${r.resource}/${sub.name}`,
      singularName: '',
      namespaced: r.namespaced,
      kind: sub.kind,
      verbs: [...sub.verbs],
    }
    if (sub.group !== undefined) subEntry.group = sub.group
    if (sub.version !== undefined) subEntry.version = sub.version
    return subEntry
  })
  return [entry, ...subs]
}

/** `/api/v1` or `/apis/<group>/<version>`: the APIResourceList, or undefined when nothing is served there. */
export function resourceListDocument(
  resources: readonly DiscoveredResource[],
  group: string,
  version: string,
): object | undefined {
  const served = resources.filter((r) => r.group === group && r.version === version)
  if (served.length === 0) return undefined
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group === '' ? version : `${group}/${version}`,
    resources: served.flatMap(legacyEntries),
  }
}

/** The apidiscovery.k8s.io versions skiff serves: v2 (kubectl 1.30+) and v2beta1 (kubectl 1.26 to 1.32). */
export type AggregatedDiscoveryVersion = 'v2' | 'v2beta1'

const AGGREGATED_VERSIONS: readonly AggregatedDiscoveryVersion[] = ['v2', 'v2beta1']

/** The Content-Type of an aggregated discovery answer (clients check it to know they got one). */
export function aggregatedContentType(version: AggregatedDiscoveryVersion): string {
  return `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`
}

/**
 * The aggregated discovery version an Accept header asks for, in its order of preference, or undefined when it
 * asks for none skiff serves (then the legacy document answers). Protobuf media types are passed over.
 */
export function negotiateAggregatedDiscovery(accept: string | undefined): AggregatedDiscoveryVersion | undefined {
  for (const range of (accept ?? '').split(',')) {
    const [type, ...params] = range.split(';').map((p) => p.trim())
    if (type !== 'application/json') continue
    const values = new Map(
      params.map((p) => {
        const eq = p.indexOf('=')
        return [p.slice(0, eq).trim(), p.slice(eq + 1).trim()] as const
      }),
    )
    if (values.get('g') !== 'apidiscovery.k8s.io' || values.get('as') !== 'APIGroupDiscoveryList') continue
    const version = AGGREGATED_VERSIONS.find((v) => v === values.get('v'))
    if (version) return version
  }
  return undefined
}

// responseKind leaves group and version empty when they are the resource's own, as kube-apiserver does
function responseKind(sub: {kind: string; group?: string; version?: string}): object {
  return {group: sub.group ?? '', version: sub.version ?? '', kind: sub.kind}
}

function aggregatedResource(r: DiscoveredResource): object {
  const entry: Record<string, unknown> = {
    resource: r.resource,
    responseKind: responseKind({kind: r.kind}),
    scope: r.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: r.singular,
    verbs: [...r.verbs],
  }
  if (r.shortNames.length > 0) entry['shortNames'] = [...r.shortNames]
  if (r.categories.length > 0) entry['categories'] = [...r.categories]
  if (r.subresources.length > 0) {
    entry['subresources'] = r.subresources.map((sub) => ({
      subresource: sub.name,
      responseKind: responseKind(sub),
      verbs: [...sub.verbs],
    }))
  }
  return entry
}

function groupDiscovery(resources: readonly DiscoveredResource[], name: string, versions: readonly string[]): object {
  return {
    metadata: name === '' ? {} : {name},
    versions: versions.map((version) => ({
      version,
      resources: resources.filter((r) => r.group === name && r.version === version).map(aggregatedResource),
      freshness: 'Current',
    })),
  }
}

/**
 * Aggregated discovery (APIGroupDiscoveryList): `/api` (core === true) answers with the core group, `/apis` with
 * every named group, versions preferred first, so one request tells a client every resource.
 */
export function aggregatedDocument(
  resources: readonly DiscoveredResource[],
  core: boolean,
  version: AggregatedDiscoveryVersion,
): object {
  const items = core
    ? [groupDiscovery(resources, '', ['v1'])]
    : namedGroups(resources).map((g) => groupDiscovery(resources, g.name, g.versions))
  return {kind: 'APIGroupDiscoveryList', apiVersion: `apidiscovery.k8s.io/${version}`, metadata: {}, items}
}
