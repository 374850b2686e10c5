import {describe, expect, it} from 'vitest'
import type {Backend} from '../../../src/backend/backend.js'
import type {ResourceInfo} from '../../../src/backend/refs.js'
import {
  listApiResources,
  listApiVersions,
  preferredResources,
  toApiResourcesOptions,
  validateApiResourcesOptions,
} from '../../../src/kubectl/api-resources.js'

function info(group: string, version: string, resource: string, extra: Partial<ResourceInfo> = {}): ResourceInfo {
  return {
    group,
    version,
    resource,
    kind: resource[0]?.toUpperCase() + resource.slice(1, -1),
    singular: resource.slice(0, -1),
    shortNames: [],
    namespaced: true,
    verbs: ['get', 'list'],
    categories: [],
    ...extra,
  }
}

const RESOURCES = [
  info('autoscaling', 'v1', 'horizontalpodautoscalers'),
  info('autoscaling', 'v2', 'horizontalpodautoscalers'),
  info('autoscaling', 'v2beta1', 'oldthings'),
  info('', 'v1', 'pods', {categories: ['all']}),
  info('', 'v1', 'nodes', {namespaced: false, verbs: ['get', 'list', 'watch']}),
  info('apps', 'v1', 'deployments', {categories: ['all']}),
  info('', 'v1', 'bindings', {verbs: []}),
]

// discovery only: the listing needs nothing else from the Backend
function backendOf(resources: ResourceInfo[], fresh?: ResourceInfo[]): Backend {
  const partial: Pick<Backend, 'discover' | 'rediscover'> = {
    discover: async () => resources,
    ...(fresh ? {rediscover: async () => fresh} : {}),
  }
  return partial as Backend
}

describe('api-resources', () => {
  it("keeps each resource once, in its group's preferred version or the one that serves it", () => {
    expect(preferredResources(RESOURCES).map((r) => `${r.resource}.${r.group}/${r.version}`)).toEqual([
      'horizontalpodautoscalers.autoscaling/v2',
      'oldthings.autoscaling/v2beta1',
      'pods./v1',
      'nodes./v1',
      'bindings./v1',
      'deployments.apps/v1',
    ])
  })

  it('filters by group, scope, verbs and categories and sorts by group then name', async () => {
    const list = async (flags: Parameters<typeof toApiResourcesOptions>[0]) =>
      (await listApiResources(backendOf(RESOURCES), toApiResourcesOptions(flags))).map((r) => r.resource)
    expect(await list({})).toEqual(['nodes', 'pods', 'deployments', 'horizontalpodautoscalers', 'oldthings'])
    expect(await list({'api-group': ''})).toEqual(['nodes', 'pods'])
    expect(await list({namespaced: false})).toEqual(['nodes'])
    expect(await list({verbs: ['list,watch']})).toEqual(['nodes'])
    expect(await list({categories: ['all']})).toEqual(['pods', 'deployments'])
    expect(await list({'sort-by': 'name'})).toEqual([
      'deployments',
      'horizontalpodautoscalers',
      'nodes',
      'oldthings',
      'pods',
    ])
  })

  it('asks discovery afresh unless --cached', async () => {
    const backend = backendOf([info('', 'v1', 'pods')], [info('', 'v1', 'pods'), info('x.io', 'v1', 'widgets')])
    const fresh = await listApiResources(backend, toApiResourcesOptions({}))
    const cached = await listApiResources(backend, toApiResourcesOptions({cached: true}))
    expect([fresh.length, cached.length]).toEqual([2, 1])
    expect(await listApiVersions(backend)).toEqual(['v1', 'x.io/v1'])
  })

  it("rejects kubectl's unknown outputs and sort fields in its words", () => {
    expect(() => validateApiResourcesOptions(toApiResourcesOptions({output: 'json'}))).toThrow(
      '--output json is not available',
    )
    expect(() => validateApiResourcesOptions(toApiResourcesOptions({'sort-by': 'age'}))).toThrow(
      '--sort-by accepts only name or kind',
    )
  })
})
