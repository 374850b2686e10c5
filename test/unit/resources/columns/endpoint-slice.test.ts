import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {endpointSliceColumns} from '../../../../src/resources/columns/endpoint-slice.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

function slice(ports: unknown, endpoints: unknown): KubeObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: 'web-8x2kq',
      namespace: 'default',
      creationTimestamp: '2024-06-01T11:55:00Z',
      labels: {
        'kubernetes.io/service-name': 'web',
        'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      },
    },
    addressType: 'IPv4',
    ports,
    endpoints,
  }
}

describe('endpoint slice columns', () => {
  it('prints ports and addresses', () => {
    const web = slice(
      [{name: 'http', port: 8080, protocol: 'TCP'}],
      [
        {addresses: ['10.244.1.5'], conditions: {ready: true, serving: true, terminating: false}, nodeName: 'node-1'},
        {addresses: ['10.244.2.7'], conditions: {ready: true, serving: true, terminating: false}, nodeName: 'node-2'},
      ],
    )
    expect(endpointSliceColumns.columns.map((c) => c.name)).toEqual([
      'Name',
      'AddressType',
      'Ports',
      'Endpoints',
      'Age',
    ])
    expect(endpointSliceColumns.cells(web, NOW)).toEqual(['web-8x2kq', 'IPv4', '8080', '10.244.1.5,10.244.2.7', '5m'])
  })

  it('prints <unset> for no ports or endpoints, port names, * and the count past three', () => {
    expect(endpointSliceColumns.cells(slice(null, null), NOW).slice(2, 4)).toEqual(['<unset>', '<unset>'])
    const named = slice(
      [{name: 'http'}, {}],
      [{addresses: ['10.0.0.1', '10.0.0.2', '10.0.0.3']}, {addresses: ['10.0.0.4']}],
    )
    expect(endpointSliceColumns.cells(named, NOW).slice(2, 4)).toEqual([
      'http,*',
      '10.0.0.1,10.0.0.2,10.0.0.3 + 1 more...',
    ])
  })
})
