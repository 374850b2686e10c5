import {describe, expect, it} from 'vitest'
import {parseRoute} from '../../../../src/embedded/server/route.js'

describe('parseRoute', () => {
  it('names the discovery documents', () => {
    expect(parseRoute('/version')).toEqual({type: 'version'})
    expect(parseRoute('/api')).toEqual({type: 'core-versions'})
    expect(parseRoute('/api/v1')).toEqual({type: 'resource-list', group: '', version: 'v1'})
    expect(parseRoute('/apis')).toEqual({type: 'groups'})
    expect(parseRoute('/apis/apps')).toEqual({type: 'group', group: 'apps'})
    expect(parseRoute('/apis/apps/v1')).toEqual({type: 'resource-list', group: 'apps', version: 'v1'})
  })

  it('names the OpenAPI documents and the health checks', () => {
    expect(parseRoute('/openapi/v2')).toEqual({type: 'openapi-v2'})
    expect(parseRoute('/openapi/v3')).toEqual({type: 'openapi-v3'})
    expect(parseRoute('/openapi/v3/api/v1')).toEqual({type: 'openapi-v3-group', path: 'api/v1'})
    expect(parseRoute('/openapi/v3/apis/apps/v1')).toEqual({type: 'openapi-v3-group', path: 'apis/apps/v1'})
    expect(parseRoute('/openapi/v4')).toEqual({type: 'unknown'})
    expect(parseRoute('/healthz')).toEqual({type: 'health'})
    expect(parseRoute('/readyz')).toEqual({type: 'health'})
  })

  it('reads namespaced and cluster-scoped resource paths, objects and subresources', () => {
    expect(parseRoute('/api/v1/namespaces/default/pods/web/log')).toEqual({
      type: 'resource',
      group: '',
      version: 'v1',
      resource: 'pods',
      namespace: 'default',
      name: 'web',
      subresource: 'log',
    })
    expect(parseRoute('/apis/apps/v1/deployments')).toEqual({
      type: 'resource',
      group: 'apps',
      version: 'v1',
      resource: 'deployments',
    })
    // a namespace's own subresource is not a resource inside it
    expect(parseRoute('/api/v1/namespaces/team-a/finalize')).toEqual({
      type: 'resource',
      group: '',
      version: 'v1',
      resource: 'namespaces',
      name: 'team-a',
      subresource: 'finalize',
    })
    expect(parseRoute('/api/v1/namespaces/team-a')).toMatchObject({resource: 'namespaces', name: 'team-a'})
    expect(parseRoute('/api/v1/pods/a/b/c')).toEqual({type: 'unknown'})
    expect(parseRoute('/metrics')).toEqual({type: 'unknown'})
  })

  it('takes dot segments and escaped slashes as names, never as path steps', () => {
    expect(parseRoute('/api/v1/namespaces/x/configmaps/%2E%2E')).toEqual({
      type: 'resource',
      group: '',
      version: 'v1',
      resource: 'configmaps',
      namespace: 'x',
      name: '..',
    })
    expect(parseRoute('/api/v1/namespaces/x%2Fconfigmaps%2Fa')).toEqual({
      type: 'resource',
      group: '',
      version: 'v1',
      resource: 'namespaces',
      name: 'x/configmaps/a',
    })
  })

  it('keeps an empty namespace segment, and knows no empty group or version', () => {
    expect(parseRoute('/api/v1/namespaces//configmaps')).toEqual({
      type: 'resource',
      group: '',
      version: 'v1',
      resource: 'configmaps',
      namespace: '',
    })
    expect(parseRoute('/apis//v1/pods')).toEqual({type: 'unknown'})
    expect(parseRoute('/api//pods')).toEqual({type: 'unknown'})
  })
})
