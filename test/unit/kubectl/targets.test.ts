import {describe, expect, it} from 'vitest'
import {expandTypes, resolveArgTargets, TargetArgumentError, type Visit} from '../../../src/kubectl/targets.js'
import {BUILTIN_RESOURCES} from '../../../src/resources/builtin.js'
import {ResourceRegistry, ResourceTypeError} from '../../../src/resources/registry.js'

const registry = new ResourceRegistry(BUILTIN_RESOURCES)

/** A visit as `kind group/resource[/name] @namespace`, for compact assertions. */
function describeVisit(visit: Visit): string {
  const resource = `${visit.info.group}/${visit.info.resource}`
  const name = visit.kind === 'list' ? '' : `/${visit.name}`
  return `${visit.kind} ${resource}${name} @${visit.namespace ?? '-'}`
}

const resolveIn = (namespace: string | undefined, args: string[]): string[] =>
  resolveArgTargets(registry, {args, namespace}).map(describeVisit)
const resolve = (args: string[], namespace = 'default'): string[] => resolveIn(namespace, args)

describe('resolveArgTargets', () => {
  it('returns nothing for no arguments', () => {
    expect(resolve([])).toEqual([])
  })

  it('lists a type named alone, by plural, singular, short name or kind', () => {
    for (const type of ['pods', 'pod', 'po', 'Pod', 'PODS']) {
      expect(resolve([type])).toEqual(['list /pods @default'])
    }
  })

  it('names each object of TYPE NAME..., in order', () => {
    expect(resolve(['deploy', 'web', 'api'], 'shop')).toEqual([
      'named apps/deployments/web @shop',
      'named apps/deployments/api @shop',
    ])
  })

  it('lists every type of a comma-separated list, in order', () => {
    expect(resolve(['pods,svc,deploy'])).toEqual([
      'list /pods @default',
      'list /services @default',
      'list apps/deployments @default',
    ])
  })

  it('names each name for each type of a list, type by type', () => {
    expect(resolve(['pods,svc', 'a', 'b'])).toEqual([
      'named /pods/a @default',
      'named /pods/b @default',
      'named /services/a @default',
      'named /services/b @default',
    ])
  })

  it('takes TYPE/NAME arguments in order, each with its own type', () => {
    expect(resolve(['deploy/web', 'svc/web', 'deployments.apps/api', 'deploy.v1.apps/db'])).toEqual([
      'named apps/deployments/web @default',
      'named /services/web @default',
      'named apps/deployments/api @default',
      'named apps/deployments/db @default',
    ])
  })

  it('drops the namespace for cluster-scoped types, and keeps none with --all-namespaces', () => {
    expect(resolve(['nodes', 'node-1'], 'shop')).toEqual(['named /nodes/node-1 @-'])
    expect(resolve(['ns/shop'], 'shop')).toEqual(['named /namespaces/shop @-'])
    expect(resolveIn(undefined, ['pods', 'web'])).toEqual(['named /pods/web @-'])
  })

  it('expands all into its category, in discovery order', () => {
    expect(resolve(['all'])).toEqual([
      'list /pods @default',
      'list /replicationcontrollers @default',
      'list /services @default',
      'list apps/daemonsets @default',
      'list apps/deployments @default',
      'list apps/replicasets @default',
      'list apps/statefulsets @default',
      'list autoscaling/horizontalpodautoscalers @default',
      'list batch/cronjobs @default',
      'list batch/jobs @default',
    ])
  })

  it('does not repeat a type that a list names twice or that all already covers', () => {
    expect(resolve(['pods,po,all,svc'])[0]).toBe('list /pods @default')
    expect(resolve(['pods,po,all,svc']).filter((v) => v === 'list /pods @default')).toHaveLength(1)
    expect(resolve(['pods,po,all,svc']).filter((v) => v === 'list /services @default')).toHaveLength(1)
  })

  it('refuses mixing TYPE and TYPE/NAME with kubectl’s words', () => {
    expect(() => resolve(['pods', 'deploy/web'])).toThrow(TargetArgumentError)
    expect(() => resolve(['deploy/web', 'pods'])).toThrow(
      /^there is no need to specify a resource type as a separate argument when passing arguments in resource\/name form \(e\.g\. '\S+ get resource\/<resource_name>' instead of '\S+ get resource resource\/<resource_name>'$/,
    )
  })

  it('refuses TYPE/NAME without a type or a name, or with several types', () => {
    for (const arg of ['pods/', '/web', 'pods,svc/web', 'pods,/web']) {
      expect(() => resolve([arg])).toThrow(
        new TargetArgumentError('arguments in resource/name form must have a single resource and name'),
      )
    }
  })

  it('refuses TYPE/NAME with more than one slash', () => {
    expect(() => resolve(['pods/a/b'])).toThrow(
      new TargetArgumentError('arguments in resource/name form may not have more than one slash'),
    )
  })

  it('refuses an unknown type with the server’s words', () => {
    expect(() => resolve(['nope'])).toThrow(new ResourceTypeError('nope'))
    expect(() => resolve(['nope'])).toThrow('the server doesn\'t have a resource type "nope"')
    expect(() => resolve(['pods,nope'])).toThrow('the server doesn\'t have a resource type "nope"')
    expect(() => resolve(['nope/web'])).toThrow('the server doesn\'t have a resource type "nope"')
  })
})

describe('expandTypes', () => {
  it('skips empty entries of a list', () => {
    expect(expandTypes(registry, 'pods,,svc,').map((i) => i.resource)).toEqual(['pods', 'services'])
  })

  it('resolves a name before a category of the same name', () => {
    expect(expandTypes(registry, 'deployments').map((i) => i.resource)).toEqual(['deployments'])
  })
})
