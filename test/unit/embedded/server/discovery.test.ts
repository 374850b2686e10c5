import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import type {ResourceInfo} from '../../../../src/backend/refs.js'
import {
  aggregatedContentType,
  aggregatedDocument,
  compareVersionPriority,
  discoveredResources,
  groupListDocument,
  negotiateAggregatedDiscovery,
  resourceListDocument,
} from '../../../../src/embedded/server/discovery.js'
import {BUILTIN_RESOURCES} from '../../../../src/resources/builtin.js'

// The facts below are what kube-apiserver v1.32 answers (Kubernetes' api/discovery/*.json), in our own words.

const BUILTINS = discoveredResources(BUILTIN_RESOURCES, [])

interface LegacyEntry {
  name: string
  singularName: string
  namespaced: boolean
  kind: string
  verbs: string[]
  group?: string
  version?: string
  shortNames?: string[]
  categories?: string[]
}

function legacy(group: string, version: string): Map<string, LegacyEntry> {
  const doc = resourceListDocument(BUILTINS, group, version) as {resources: LegacyEntry[]; groupVersion: string}
  return new Map(doc.resources.map((r) => [r.name, r]))
}

interface AggregatedResource {
  resource: string
  responseKind: {group: string; version: string; kind: string}
  scope: string
  singularResource: string
  verbs: string[]
  shortNames?: string[]
  categories?: string[]
  subresources?: {subresource: string; responseKind: {group: string; version: string; kind: string}; verbs: string[]}[]
}

interface AggregatedList {
  kind: string
  apiVersion: string
  items: {
    metadata: {name?: string}
    versions: {version: string; freshness: string; resources: AggregatedResource[]}[]
  }[]
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']

describe('legacy discovery (APIResourceList)', () => {
  it('lists the core kinds with their singular names, short names, categories and verbs', () => {
    const core = legacy('', 'v1')
    expect(core.get('pods')).toEqual({
      name: 'pods',
      singularName: 'pod',
      namespaced: true,
      kind: 'Pod',
      verbs: ALL_VERBS,
      shortNames: ['po'],
      categories: ['all'],
    })
    // a namespace is deleted one at a time: no deletecollection
    expect(core.get('namespaces')?.verbs).toEqual(['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'])
    expect(core.get('endpoints')?.singularName).toBe('endpoints')
    expect(core.get('secrets')?.shortNames).toBeUndefined()
    expect(core.get('services')).toMatchObject({shortNames: ['svc'], categories: ['all']})
  })

  it('lists the subresources skiff serves, with an empty singular name and the kind they answer with', () => {
    const core = legacy('', 'v1')
    expect(core.get('pods/log')).toMatchObject({singularName: '', kind: 'Pod', verbs: ['get'], namespaced: true})
    expect(core.get('pods/status')?.verbs).toEqual(['get', 'patch', 'update'])
    expect(core.get('namespaces/finalize')).toMatchObject({kind: 'Namespace', verbs: ['update'], namespaced: false})
    expect(core.get('replicationcontrollers/scale')).toMatchObject({group: 'autoscaling', version: 'v1', kind: 'Scale'})
    const apps = legacy('apps', 'v1')
    expect(apps.get('deployments/scale')).toEqual({
      name: 'deployments/scale',
      singularName: '',
      namespaced: true,
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
      verbs: ['get', 'patch', 'update'],
    })
    expect(apps.get('daemonsets/scale')).toBeUndefined()
    expect(apps.get('statefulsets/status')?.kind).toBe('StatefulSet')
  })

  it('answers undefined for a group-version nothing is served at', () => {
    expect(resourceListDocument(BUILTINS, 'apps', 'v1beta1')).toBeUndefined()
  })
})

describe('aggregated discovery (apidiscovery.k8s.io)', () => {
  const named = aggregatedDocument(BUILTINS, false, 'v2') as AggregatedList
  const resource = (group: string, name: string): AggregatedResource | undefined =>
    named.items.find((g) => g.metadata.name === group)?.versions[0]?.resources.find((r) => r.resource === name)

  it('is an APIGroupDiscoveryList of the version asked for', () => {
    expect(named).toMatchObject({kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2'})
    const beta = aggregatedDocument(BUILTINS, false, 'v2beta1') as AggregatedList
    expect(beta.apiVersion).toBe('apidiscovery.k8s.io/v2beta1')
    expect(aggregatedContentType('v2')).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList')
  })

  it('answers /api with the core group alone, unnamed', () => {
    const core = aggregatedDocument(BUILTINS, true, 'v2') as AggregatedList
    expect(core.items).toHaveLength(1)
    expect(core.items[0]?.metadata).toEqual({})
    expect(core.items[0]?.versions.map((v) => [v.version, v.freshness])).toEqual([['v1', 'Current']])
    const pods = core.items[0]?.versions[0]?.resources.find((r) => r.resource === 'pods')
    expect(pods).toMatchObject({scope: 'Namespaced', singularResource: 'pod', shortNames: ['po']})
  })

  it('describes a deployment as kube-apiserver does, scale answering with autoscaling/v1 Scale', () => {
    expect(resource('apps', 'deployments')).toEqual({
      resource: 'deployments',
      responseKind: {group: '', version: '', kind: 'Deployment'},
      scope: 'Namespaced',
      singularResource: 'deployment',
      verbs: ALL_VERBS,
      shortNames: ['deploy'],
      categories: ['all'],
      subresources: [
        {
          subresource: 'scale',
          responseKind: {group: 'autoscaling', version: 'v1', kind: 'Scale'},
          verbs: ['get', 'patch', 'update'],
        },
        {
          subresource: 'status',
          responseKind: {group: '', version: '', kind: 'Deployment'},
          verbs: ['get', 'patch', 'update'],
        },
      ],
    })
  })

  it('holds the short names, categories and scopes of the real server', () => {
    expect(resource('batch', 'cronjobs')).toMatchObject({shortNames: ['cj'], categories: ['all']})
    expect(resource('batch', 'jobs')?.shortNames).toBeUndefined()
    expect(resource('apiextensions.k8s.io', 'customresourcedefinitions')).toMatchObject({
      scope: 'Cluster',
      shortNames: ['crd', 'crds'],
      categories: ['api-extensions'],
    })
    expect(resource('autoscaling', 'horizontalpodautoscalers')).toMatchObject({
      shortNames: ['hpa'],
      categories: ['all'],
    })
    expect(resource('networking.k8s.io', 'ingresses')).toMatchObject({shortNames: ['ing'], singularResource: 'ingress'})
    expect(resource('rbac.authorization.k8s.io', 'clusterroles')).toMatchObject({scope: 'Cluster'})
    expect(resource('storage.k8s.io', 'storageclasses')).toMatchObject({shortNames: ['sc'], scope: 'Cluster'})
    expect(resource('policy', 'poddisruptionbudgets')?.subresources?.map((s) => s.subresource)).toEqual(['status'])
  })
})

describe('negotiateAggregatedDiscovery', () => {
  it('picks the first apidiscovery version the Accept header lists, passing over protobuf', () => {
    const kubectl132 =
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json'
    expect(negotiateAggregatedDiscovery(kubectl132)).toBe('v2')
    expect(
      negotiateAggregatedDiscovery(
        'application/vnd.kubernetes.protobuf;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList, application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList',
      ),
    ).toBe('v2beta1')
  })

  it('answers undefined for plain JSON or a version skiff does not serve, so the legacy document answers', () => {
    expect(negotiateAggregatedDiscovery('application/json, */*')).toBeUndefined()
    expect(negotiateAggregatedDiscovery(undefined)).toBeUndefined()
    expect(negotiateAggregatedDiscovery('application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList')).toBe(
      undefined,
    )
  })
})

describe('custom resources', () => {
  const info: ResourceInfo = {
    group: 'sparkoperator.k8s.io',
    version: 'v1beta2',
    kind: 'SparkApplication',
    resource: 'sparkapplications',
    singular: 'sparkapplication',
    shortNames: ['sparkapp'],
    namespaced: true,
    verbs: ALL_VERBS,
    categories: [],
  }
  const crd: KubeObject = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {name: 'sparkapplications.sparkoperator.k8s.io'},
    spec: {
      group: 'sparkoperator.k8s.io',
      names: {plural: 'sparkapplications', kind: 'SparkApplication'},
      versions: [
        {
          name: 'v1beta2',
          served: true,
          storage: true,
          subresources: {status: {}, scale: {specReplicasPath: '.spec.x'}},
        },
      ],
    },
  }

  it('lists the status and scale subresources a CRD version declares', () => {
    const [found] = discoveredResources([info], [crd])
    expect(found?.subresources.map((s) => s.name)).toEqual(['scale', 'status'])
    const list = resourceListDocument(discoveredResources([info], [crd]), 'sparkoperator.k8s.io', 'v1beta2') as {
      resources: {name: string; kind: string}[]
    }
    expect(list.resources.map((r) => `${r.name}:${r.kind}`)).toEqual([
      'sparkapplications:SparkApplication',
      'sparkapplications/scale:Scale',
      'sparkapplications/status:SparkApplication',
    ])
  })

  it("prefers a group's most stable, newest version", () => {
    const versions = ['v1alpha1', 'v1', 'v2beta1', 'v1beta1', 'v2', 'v1beta2']
    expect([...versions].sort(compareVersionPriority)).toEqual([
      'v2',
      'v1',
      'v2beta1',
      'v1beta2',
      'v1beta1',
      'v1alpha1',
    ])
    const groups = groupListDocument([
      {...info, version: 'v1beta1'},
      {...info, version: 'v1'},
    ]) as {groups: {name: string; preferredVersion: {version: string}; versions: {version: string}[]}[]}
    expect(groups.groups[0]?.preferredVersion.version).toBe('v1')
    expect(groups.groups[0]?.versions.map((v) => v.version)).toEqual(['v1', 'v1beta1'])
  })
})
