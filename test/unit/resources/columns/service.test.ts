import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {serviceColumns} from '../../../../src/resources/columns/service.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

function service(spec: Record<string, unknown>, status: Record<string, unknown> = {loadBalancer: {}}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {name: 'web', namespace: 'default', creationTimestamp: '2024-05-31T09:00:00Z'},
    spec: {
      clusterIP: '10.96.12.34',
      clusterIPs: ['10.96.12.34'],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
      sessionAffinity: 'None',
      ...spec,
    },
    status,
  }
}

describe('service columns', () => {
  it('names the columns as kube-apiserver does', () => {
    expect(serviceColumns.columns.map((c) => [c.name, c.priority])).toEqual([
      ['Name', 0],
      ['Type', 0],
      ['Cluster-IP', 0],
      ['External-IP', 0],
      ['Port(s)', 0],
      ['Age', 0],
      ['Selector', 1],
    ])
  })

  it('prints a ClusterIP service', () => {
    const svc = service({
      type: 'ClusterIP',
      ports: [{port: 80, protocol: 'TCP', targetPort: 8080}],
      selector: {app: 'web'},
    })
    expect(serviceColumns.cells(svc, NOW)).toEqual([
      'web',
      'ClusterIP',
      '10.96.12.34',
      '<none>',
      '80/TCP',
      '27h',
      'app=web',
    ])
  })

  it('writes node ports after the port and joins several ports', () => {
    const svc = service({
      type: 'NodePort',
      ports: [
        {name: 'http', port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30080},
        {name: 'dns', port: 53, protocol: 'UDP', targetPort: 53, nodePort: 30053},
      ],
      selector: {tier: 'front', app: 'web'},
    })
    const cells = serviceColumns.cells(svc, NOW)
    expect(cells[4]).toBe('80:30080/TCP,53:30053/UDP')
    expect(cells[6]).toBe('app=web,tier=front')
  })

  it('shows <pending> for a load balancer without an address yet', () => {
    const svc = service({type: 'LoadBalancer', ports: [{port: 443, protocol: 'TCP', nodePort: 31443}]})
    expect(serviceColumns.cells(svc, NOW).slice(1, 5)).toEqual([
      'LoadBalancer',
      '10.96.12.34',
      '<pending>',
      '443:31443/TCP',
    ])
  })

  it('lists load balancer addresses sorted and unique, without clipping them, then external IPs', () => {
    const svc = service(
      {type: 'LoadBalancer', ports: [{port: 80, protocol: 'TCP', nodePort: 30080}], externalIPs: ['192.0.2.10']},
      {loadBalancer: {ingress: [{ip: '203.0.113.7'}, {hostname: 'a1b2c3.elb.example.com'}, {ip: '203.0.113.7'}]}},
    )
    expect(serviceColumns.cells(svc, NOW)[3]).toBe('203.0.113.7,a1b2c3.elb.example.com,192.0.2.10')
  })

  it('prints the external name of an ExternalName service', () => {
    const svc: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {name: 'db', namespace: 'default', creationTimestamp: '2024-06-01T11:59:00Z'},
      spec: {type: 'ExternalName', externalName: 'db.example.com', sessionAffinity: 'None'},
      status: {loadBalancer: {}},
    }
    expect(serviceColumns.cells(svc, NOW)).toEqual([
      'db',
      'ExternalName',
      '<none>',
      'db.example.com',
      '<none>',
      '60s',
      '<none>',
    ])
  })

  it('prints None for a headless service and external IPs of a ClusterIP service', () => {
    const svc = service({
      type: 'ClusterIP',
      clusterIP: 'None',
      clusterIPs: ['None'],
      externalIPs: ['192.0.2.1', '192.0.2.2'],
      ports: [{port: 5432, protocol: 'TCP'}],
    })
    expect(serviceColumns.cells(svc, NOW).slice(2, 4)).toEqual(['None', '192.0.2.1,192.0.2.2'])
  })
})
