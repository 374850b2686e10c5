import type {ServerVersion} from '../../backend/backend.js'
import type {ResourceInfo} from '../../backend/refs.js'

// Subresources kube-apiserver v1.32 serves for built-in kinds (api/discovery/api__v1.json, apis__apps__v1.json).
const SUBRESOURCES: Readonly<Record<string, readonly {name: string; kind: string; group?: string; verbs: string[]}[]>> =
  {
    '/pods': [
      {name: 'log', kind: 'Pod', verbs: ['get']},
      {name: 'status', kind: 'Pod', verbs: ['get', 'patch', 'update']},
      {name: 'binding', kind: 'Binding', verbs: ['create']},
      {name: 'eviction', kind: 'Eviction', group: 'policy', verbs: ['create']},
    ],
    '/nodes': [{name: 'status', kind: 'Node', verbs: ['get', 'patch', 'update']}],
    '/namespaces': [
      {name: 'status', kind: 'Namespace', verbs: ['get', 'patch', 'update']},
      {name: 'finalize', kind: 'Namespace', verbs: ['update']},
    ],
    'apps/deployments': [
      {name: 'scale', kind: 'Scale', group: 'autoscaling', verbs: ['get', 'patch', 'update']},
      {name: 'status', kind: 'Deployment', verbs: ['get', 'patch', 'update']},
    ],
    'apps/replicasets': [
      {name: 'scale', kind: 'Scale', group: 'autoscaling', verbs: ['get', 'patch', 'update']},
      {name: 'status', kind: 'ReplicaSet', verbs: ['get', 'patch', 'update']},
    ],
    'apps/statefulsets': [
      {name: 'scale', kind: 'Scale', group: 'autoscaling', verbs: ['get', 'patch', 'update']},
      {name: 'status', kind: 'StatefulSet', verbs: ['get', 'patch', 'update']},
    ],
    'apps/daemonsets': [{name: 'status', kind: 'DaemonSet', verbs: ['get', 'patch', 'update']}],
    'batch/jobs': [{name: 'status', kind: 'Job', verbs: ['get', 'patch', 'update']}],
    'batch/cronjobs': [{name: 'status', kind: 'CronJob', verbs: ['get', 'patch', 'update']}],
    '/services': [{name: 'status', kind: 'Service', verbs: ['get', 'patch', 'update']}],
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

/** The named groups (every group but core) and their versions, in discovery order. */
export function namedGroups(resources: readonly ResourceInfo[]): {name: string; versions: string[]}[] {
  const groups: {name: string; versions: string[]}[] = []
  for (const r of resources) {
    if (r.group === '') continue
    const group = groups.find((g) => g.name === r.group)
    if (!group) groups.push({name: r.group, versions: [r.version]})
    else if (!group.versions.includes(r.version)) group.versions.push(r.version)
  }
  return groups
}

/** `/apis`: the APIGroupList. */
export function groupListDocument(resources: readonly ResourceInfo[]): object {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: namedGroups(resources).map((g) => {
      const versions = g.versions.map((v) => ({groupVersion: `${g.name}/${v}`, version: v}))
      return {name: g.name, versions, preferredVersion: versions[0]}
    }),
  }
}

/** `/apis/<group>`: one APIGroup, or undefined when the group is not served. */
export function groupDocument(resources: readonly ResourceInfo[], name: string): object | undefined {
  const group = namedGroups(resources).find((g) => g.name === name)
  if (!group) return undefined
  const versions = group.versions.map((v) => ({groupVersion: `${name}/${v}`, version: v}))
  return {kind: 'APIGroup', apiVersion: 'v1', name, versions, preferredVersion: versions[0]}
}

/** `/api/v1` or `/apis/<group>/<version>`: the APIResourceList, or undefined when nothing is served there. */
export function resourceListDocument(
  resources: readonly ResourceInfo[],
  group: string,
  version: string,
): object | undefined {
  const served = resources.filter((r) => r.group === group && r.version === version)
  if (served.length === 0) return undefined
  const list: ApiResource[] = []
  for (const r of served) {
    const entry: ApiResource = {
      name: r.resource,
      singularName: r.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: [...r.verbs],
    }
    if (r.shortNames.length > 0) entry.shortNames = [...r.shortNames]
    if (r.categories.length > 0) entry.categories = [...r.categories]
    list.push(entry)
    for (const sub of SUBRESOURCES[`${group}/${r.resource}`] ?? []) {
      const subEntry: ApiResource = {
        name: `${r.resource}/${sub.name}`,
        singularName: '',
        namespaced: r.namespaced,
        kind: sub.kind,
        verbs: [...sub.verbs],
      }
      if (sub.group !== undefined) {
        subEntry.group = sub.group
        subEntry.version = 'v1'
      }
      list.push(subEntry)
    }
  }
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group === '' ? version : `${group}/${version}`,
    resources: list,
  }
}
