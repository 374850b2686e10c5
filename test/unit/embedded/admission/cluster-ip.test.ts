import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {
  allocateClusterIP,
  allocateNodePort,
  allocateServiceAddresses,
  isInServiceRange,
} from '../../../../src/embedded/admission/cluster-ip.js'

function service(spec: Record<string, unknown>): KubeObject {
  return {apiVersion: 'v1', kind: 'Service', metadata: {name: 'web', namespace: 'default'}, spec}
}

describe('cluster IP allocation', () => {
  it('hands out the lowest free address above the static band', () => {
    expect(allocateClusterIP(new Set())).toBe('10.96.1.1')
    expect(allocateClusterIP(new Set(['10.96.1.1']))).toBe('10.96.1.2')
  })

  it('spreads addresses with a seeded random source', () => {
    const ip = allocateClusterIP(new Set(), () => 0.5)
    expect(ip).toBeDefined()
    expect(isInServiceRange(ip ?? '')).toBe(true)
  })

  it('knows the bounds of 10.96.0.0/12', () => {
    expect(isInServiceRange('10.96.0.10')).toBe(true)
    expect(isInServiceRange('10.111.255.254')).toBe(true)
    expect(isInServiceRange('10.96.0.0')).toBe(false)
    expect(isInServiceRange('10.112.0.1')).toBe(false)
  })

  it('allocates node ports from 30000-32767', () => {
    expect(allocateNodePort(new Set([30000]))).toBe(30001)
  })
})

describe('allocateServiceAddresses', () => {
  const state = {usedClusterIPs: new Set(['10.96.0.10']), usedNodePorts: new Set([30080])}

  it('assigns a cluster IP and node ports', () => {
    const result = allocateServiceAddresses(service({type: 'NodePort', ports: [{port: 80}]}), state)
    expect('service' in result && result.service['spec']).toEqual({
      type: 'NodePort',
      ports: [{port: 80, nodePort: 30000}],
      clusterIP: '10.96.1.1',
      clusterIPs: ['10.96.1.1'],
    })
  })

  it('leaves headless and ExternalName services without an address', () => {
    const headless = service({clusterIP: 'None', clusterIPs: ['None'], ports: [{port: 80}]})
    expect(allocateServiceAddresses(headless, state)).toEqual({service: headless})
  })

  it('rejects a requested IP outside the range or already taken', () => {
    expect(allocateServiceAddresses(service({clusterIP: '10.0.0.1', clusterIPs: ['10.0.0.1']}), state)).toEqual({
      causes: [
        {
          reason: 'FieldValueInvalid',
          field: 'spec.clusterIPs',
          message:
            'Invalid value: []string{"10.0.0.1"}: failed to allocate IP 10.0.0.1: provided IP is not in the valid range. The range of valid IPs is 10.96.0.0/12',
        },
      ],
    })
    const taken = allocateServiceAddresses(service({clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10']}), state)
    expect('causes' in taken && taken.causes[0]?.message).toBe(
      'Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    )
  })

  it('rejects a requested node port outside the range or taken', () => {
    const result = allocateServiceAddresses(
      service({
        type: 'NodePort',
        ports: [
          {port: 80, nodePort: 80},
          {port: 81, nodePort: 30080},
        ],
      }),
      state,
    )
    expect('causes' in result && result.causes.map((c) => `${c.field}: ${c.message}`)).toEqual([
      'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
      'spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated',
    ])
  })
})
