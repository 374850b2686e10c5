import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {ingressColumns} from '../../../../src/resources/columns/ingress.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

function ingress(spec: Record<string, unknown>, status: Record<string, unknown> = {loadBalancer: {}}): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {name: 'web', namespace: 'default', creationTimestamp: '2024-06-01T11:00:00Z'},
    spec,
    status,
  }
}

const backend = {service: {name: 'web', port: {number: 80}}}

describe('ingress columns', () => {
  it('prints class, hosts, address and ports', () => {
    const web = ingress(
      {
        ingressClassName: 'nginx',
        tls: [{hosts: ['shop.example.com'], secretName: 'shop-tls'}],
        rules: [{host: 'shop.example.com', http: {paths: [{path: '/', pathType: 'Prefix', backend}]}}],
      },
      {loadBalancer: {ingress: [{ip: '203.0.113.20'}]}},
    )
    expect(ingressColumns.columns.map((c) => c.name)).toEqual(['Name', 'Class', 'Hosts', 'Address', 'Ports', 'Age'])
    expect(ingressColumns.cells(web, NOW)).toEqual([
      'web',
      'nginx',
      'shop.example.com',
      '203.0.113.20',
      '80, 443',
      '60m',
    ])
  })

  it('prints <none>, * and an empty address for a bare ingress', () => {
    expect(ingressColumns.cells(ingress({defaultBackend: backend}), NOW).slice(1, 5)).toEqual(['<none>', '*', '', '80'])
  })

  it('lists three hosts and counts the remaining rules', () => {
    const rules = ['a', 'b', 'c', 'd', 'e'].map((h) => ({host: `${h}.example.com`}))
    expect(ingressColumns.cells(ingress({rules}), NOW)[2]).toBe('a.example.com,b.example.com,c.example.com + 2 more...')
  })
})
