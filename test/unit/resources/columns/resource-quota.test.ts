import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {resourceQuotaColumns} from '../../../../src/resources/columns/resource-quota.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

describe('resource quota columns', () => {
  it('puts AGE second, as kube-apiserver v1.32 does', () => {
    expect(resourceQuotaColumns.columns.map((c) => c.name)).toEqual(['Name', 'Age', 'Request', 'Limit'])
  })

  it('splits used/hard pairs into requests and limits, sorted by resource', () => {
    const quota: KubeObject = {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: {name: 'compute', namespace: 'team-a', creationTimestamp: '2024-06-01T11:59:00Z'},
      spec: {
        hard: {'requests.cpu': '1', 'requests.memory': '1Gi', 'limits.cpu': '2', 'limits.memory': '2Gi', pods: '10'},
      },
      status: {
        hard: {'requests.cpu': '1', 'requests.memory': '1Gi', 'limits.cpu': '2', 'limits.memory': '2Gi', pods: '10'},
        used: {
          'requests.cpu': '250m',
          'requests.memory': '64Mi',
          'limits.cpu': '500m',
          'limits.memory': '128Mi',
          pods: '1',
        },
      },
    }
    expect(resourceQuotaColumns.cells(quota, NOW)).toEqual([
      'compute',
      '60s',
      'pods: 1/10, requests.cpu: 250m/1, requests.memory: 64Mi/1Gi',
      'limits.cpu: 500m/2, limits.memory: 128Mi/2Gi',
    ])
  })

  it('writes 0 for a resource not used yet and empty cells before the quota is counted', () => {
    const fresh: KubeObject = {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: {name: 'objects', namespace: 'team-a', creationTimestamp: '2024-06-01T11:59:59Z'},
      spec: {hard: {configmaps: '10'}},
      status: {hard: {configmaps: '10'}},
    }
    expect(resourceQuotaColumns.cells(fresh, NOW)).toEqual(['objects', '1s', 'configmaps: 0/10', ''])
    expect(resourceQuotaColumns.cells({...fresh, status: {}}, NOW)).toEqual(['objects', '1s', '', ''])
  })
})
