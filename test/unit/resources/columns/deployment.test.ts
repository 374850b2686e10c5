import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {deploymentColumns} from '../../../../src/resources/columns/deployment.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

function deployment(
  status: Record<string, unknown>,
  selector: Record<string, unknown> = {matchLabels: {app: 'web'}},
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name: 'web', namespace: 'default', generation: 2, creationTimestamp: '2024-06-01T08:30:00Z'},
    spec: {
      replicas: 3,
      selector,
      template: {
        metadata: {labels: {app: 'web'}},
        spec: {
          containers: [
            {name: 'nginx', image: 'nginx:1.27', ports: [{containerPort: 80, protocol: 'TCP'}]},
            {name: 'exporter', image: 'nginx/nginx-prometheus-exporter:1.1'},
          ],
        },
      },
      strategy: {type: 'RollingUpdate', rollingUpdate: {maxUnavailable: '25%', maxSurge: '25%'}},
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status,
  }
}

describe('deployment columns', () => {
  it('names the columns as kube-apiserver does', () => {
    expect(deploymentColumns.columns.map((c) => [c.name, c.priority])).toEqual([
      ['Name', 0],
      ['Ready', 0],
      ['Up-to-date', 0],
      ['Available', 0],
      ['Age', 0],
      ['Containers', 1],
      ['Images', 1],
      ['Selector', 1],
    ])
  })

  it('prints ready out of desired replicas with containers, images and selector', () => {
    const status = {observedGeneration: 2, replicas: 3, updatedReplicas: 3, readyReplicas: 2, availableReplicas: 2}
    expect(deploymentColumns.cells(deployment(status), NOW)).toEqual([
      'web',
      '2/3',
      3,
      2,
      '3h30m',
      'nginx,exporter',
      'nginx:1.27,nginx/nginx-prometheus-exporter:1.1',
      'app=web',
    ])
  })

  it('prints zeros for a deployment without status yet', () => {
    expect(deploymentColumns.cells(deployment({}), NOW).slice(1, 4)).toEqual(['0/3', 0, 0])
  })

  it('writes match expressions as a selector string', () => {
    const selector = {
      matchLabels: {app: 'web'},
      matchExpressions: [
        {key: 'tier', operator: 'In', values: ['front', 'edge']},
        {key: 'canary', operator: 'DoesNotExist'},
      ],
    }
    expect(deploymentColumns.cells(deployment({}, selector), NOW)[7]).toBe('app=web,!canary,tier in (edge,front)')
  })

  it('prints <invalid> for a selector with an unknown operator', () => {
    const selector = {matchExpressions: [{key: 'tier', operator: 'Like', values: ['a']}]}
    expect(deploymentColumns.cells(deployment({}, selector), NOW)[7]).toBe('<invalid>')
  })
})
