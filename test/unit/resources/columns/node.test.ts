import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {nodeColumns} from '../../../../src/resources/columns/node.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

function node(overrides: {
  labels?: Record<string, string>
  unschedulable?: boolean
  ready?: string | undefined
}): KubeObject {
  const conditions = [
    {type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory'},
    {type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure'},
    {type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID'},
  ]
  if (overrides.ready !== undefined) conditions.push({type: 'Ready', status: overrides.ready, reason: 'KubeletReady'})
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: 'node-1',
      creationTimestamp: '2024-05-20T12:00:00Z',
      labels: {'kubernetes.io/hostname': 'node-1', 'kubernetes.io/os': 'linux', ...overrides.labels},
    },
    spec: {podCIDR: '10.244.1.0/24', ...(overrides.unschedulable ? {unschedulable: true} : {})},
    status: {
      conditions,
      addresses: [
        {type: 'InternalIP', address: '10.0.0.11'},
        {type: 'Hostname', address: 'node-1'},
      ],
      nodeInfo: {
        kubeletVersion: 'v1.32.0',
        kubeProxyVersion: 'v1.32.0',
        osImage: 'Ubuntu 22.04.4 LTS',
        kernelVersion: '5.15.0-105-generic',
        containerRuntimeVersion: 'containerd://1.7.13',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  }
}

describe('node columns', () => {
  it('names the columns as kube-apiserver does', () => {
    expect(nodeColumns.columns.map((c) => c.name)).toEqual([
      'Name',
      'Status',
      'Roles',
      'Age',
      'Version',
      'Internal-IP',
      'External-IP',
      'OS-Image',
      'Kernel-Version',
      'Container-Runtime',
    ])
    expect(nodeColumns.columns.filter((c) => c.priority === 1)).toHaveLength(5)
  })

  it('prints a ready worker node', () => {
    expect(nodeColumns.cells(node({ready: 'True'}), NOW)).toEqual([
      'node-1',
      'Ready',
      '<none>',
      '12d',
      'v1.32.0',
      '10.0.0.11',
      '<none>',
      'Ubuntu 22.04.4 LTS',
      '5.15.0-105-generic',
      'containerd://1.7.13',
    ])
  })

  it('adds SchedulingDisabled to a cordoned node', () => {
    expect(nodeColumns.cells(node({ready: 'True', unschedulable: true}), NOW)[1]).toBe('Ready,SchedulingDisabled')
  })

  it('shows NotReady and Unknown from the Ready condition', () => {
    expect(nodeColumns.cells(node({ready: 'Unknown'}), NOW)[1]).toBe('NotReady')
    expect(nodeColumns.cells(node({ready: undefined}), NOW)[1]).toBe('Unknown')
  })

  it('lists roles from node-role labels, sorted, with the legacy role label', () => {
    const labels = {
      'node-role.kubernetes.io/worker': '',
      'node-role.kubernetes.io/control-plane': '',
      'node-role.kubernetes.io/': '',
      'kubernetes.io/role': 'ingress',
    }
    expect(nodeColumns.cells(node({ready: 'True', labels}), NOW)[2]).toBe('control-plane,ingress,worker')
  })

  it('writes <unknown> for missing system information', () => {
    const bare: KubeObject = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {name: 'new', creationTimestamp: '2024-06-01T11:59:58Z'},
    }
    expect(nodeColumns.cells(bare, NOW)).toEqual([
      'new',
      'Unknown',
      '<none>',
      '2s',
      '',
      '<none>',
      '<none>',
      '<unknown>',
      '<unknown>',
      '<unknown>',
    ])
  })
})
