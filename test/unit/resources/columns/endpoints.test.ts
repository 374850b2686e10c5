import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {endpointsColumns, formatEndpoints} from '../../../../src/resources/columns/endpoints.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

function endpoints(subsets: unknown[] | undefined): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {name: 'web', namespace: 'default', creationTimestamp: '2024-06-01T11:55:00Z'},
    ...(subsets ? {subsets} : {}),
  }
}

describe('endpoints columns', () => {
  it('lists address:port pairs', () => {
    const web = endpoints([
      {
        addresses: [
          {ip: '10.244.1.5', nodeName: 'node-1', targetRef: {kind: 'Pod', name: 'web-1', namespace: 'default'}},
          {ip: '10.244.2.7', nodeName: 'node-2', targetRef: {kind: 'Pod', name: 'web-2', namespace: 'default'}},
        ],
        ports: [{name: 'http', port: 8080, protocol: 'TCP'}],
      },
    ])
    expect(endpointsColumns.columns.map((c) => c.name)).toEqual(['Name', 'Endpoints', 'Age'])
    expect(endpointsColumns.cells(web, NOW)).toEqual(['web', '10.244.1.5:8080,10.244.2.7:8080', '5m'])
  })

  it('shows three endpoints and counts the others', () => {
    const many = endpoints([
      {
        addresses: [{ip: '10.0.0.1'}, {ip: '10.0.0.2'}],
        ports: [
          {name: 'http', port: 80, protocol: 'TCP'},
          {name: 'https', port: 443, protocol: 'TCP'},
        ],
      },
    ])
    expect(endpointsColumns.cells(many, NOW)[1]).toBe('10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...')
  })

  it('lists bare IPs for a headless service without ports and brackets IPv6', () => {
    expect(endpointsColumns.cells(endpoints([{addresses: [{ip: '10.0.0.9'}]}]), NOW)[1]).toBe('10.0.0.9')
    const v6 = endpoints([{addresses: [{ip: 'fd00::5'}], ports: [{port: 80, protocol: 'TCP'}]}])
    expect(endpointsColumns.cells(v6, NOW)[1]).toBe('[fd00::5]:80')
  })

  it('prints <none> without subsets and nothing for not-ready addresses only', () => {
    expect(endpointsColumns.cells(endpoints(undefined), NOW)[1]).toBe('<none>')
    const notReady = endpoints([{notReadyAddresses: [{ip: '10.0.0.3'}], ports: [{port: 80, protocol: 'TCP'}]}])
    expect(endpointsColumns.cells(notReady, NOW)[1]).toBe('')
  })
})

describe('formatEndpoints', () => {
  it('keeps only the named ports when describe asks for one service port', () => {
    const subsets = [
      {
        addresses: [{ip: '10.244.1.5'}, {ip: 'fd00::7'}],
        ports: [
          {name: 'http', port: 80},
          {name: 'metrics', port: 9113},
        ],
      },
    ]
    expect(formatEndpoints(subsets, new Set(['metrics']))).toBe('10.244.1.5:9113,[fd00::7]:9113')
    expect(formatEndpoints(subsets, new Set(['other']))).toBe('')
    expect(formatEndpoints([], new Set(['http']))).toBe('<none>')
  })
})
