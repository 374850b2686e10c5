import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../src/backend/object.js'
import {compareForLogging, containersFor, podSelectorOf} from '../../../src/kubectl/logs.js'

function pod(
  name: string,
  fields: {node?: string; phase?: string; ready?: boolean; created?: string; containers?: string[]; init?: string[]},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name, creationTimestamp: fields.created ?? '2025-01-01T00:00:00Z'},
    spec: {
      ...(fields.node ? {nodeName: fields.node} : {}),
      containers: (fields.containers ?? ['c']).map((n) => ({name: n})),
      ...(fields.init ? {initContainers: fields.init.map((n) => ({name: n}))} : {}),
    },
    status: {
      phase: fields.phase ?? 'Running',
      conditions: [
        {type: 'Ready', status: fields.ready ? 'True' : 'False', lastTransitionTime: '2025-01-01T00:00:00Z'},
      ],
    },
  }
}

describe('compareForLogging', () => {
  it('prefers scheduled, running, ready, then older pods, as kubectl ByLogging does', () => {
    const pods = [
      pod('unscheduled', {phase: 'Pending'}),
      pod('pending', {node: 'n', phase: 'Pending'}),
      pod('not-ready', {node: 'n'}),
      pod('newer-ready', {node: 'n', ready: true, created: '2025-01-02T00:00:00Z'}),
      pod('older-ready', {node: 'n', ready: true}),
    ]
    expect([...pods].sort(compareForLogging).map((p) => p.metadata.name)).toEqual([
      'older-ready',
      'newer-ready',
      'not-ready',
      'pending',
      'unscheduled',
    ])
  })
})

describe('containersFor', () => {
  it('takes the only container silently', () => {
    expect(containersFor(pod('p', {}), {allContainers: false})).toEqual({containers: ['c']})
  })

  it("defaults to the first of several containers with kubectl's notice", () => {
    expect(containersFor(pod('p', {containers: ['app', 'sidecar'], init: ['setup']}), {allContainers: false})).toEqual({
      containers: ['app'],
      defaulted: 'Defaulted container "app" out of: app, sidecar, setup (init)\n',
    })
  })

  it('reads every container, init first, with --all-containers', () => {
    expect(containersFor(pod('p', {containers: ['app', 'sidecar'], init: ['setup']}), {allContainers: true})).toEqual({
      containers: ['setup', 'app', 'sidecar'],
    })
  })

  it('refuses a container the pod does not have', () => {
    expect(() => containersFor(pod('p', {}), {container: 'x', allContainers: false})).toThrow(
      'container x is not valid for pod p',
    )
  })
})

describe('podSelectorOf', () => {
  it('reads the selector of a workload and of a Service', () => {
    const deployment: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {name: 'web'},
      spec: {selector: {matchLabels: {app: 'web'}}},
    }
    expect(podSelectorOf(deployment)).toBe('app=web')
    const service: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {name: 'web'},
      spec: {selector: {app: 'web'}},
    }
    expect(podSelectorOf(service)).toBe('app=web')
  })
})
