import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {rolloutStatusOf, watchRolloutStatus} from '../../../../src/kubectl/rollout/status.js'
import type {Backend} from '../../../../src/backend/backend.js'

function deployment(status: Record<string, unknown>, generation = 1, replicas = 3): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name: 'web', generation, annotations: {'deployment.kubernetes.io/revision': '2'}},
    spec: {replicas},
    status: {observedGeneration: 1, ...status},
  }
}

describe('rolloutStatusOf a Deployment', () => {
  it('waits for the spec to be observed', () => {
    expect(rolloutStatusOf(deployment({}, 2))).toEqual({
      message: 'Waiting for deployment spec update to be observed...\n',
      done: false,
    })
  })

  it('counts new replicas that are updated', () => {
    expect(rolloutStatusOf(deployment({updatedReplicas: 1, replicas: 3})).message).toBe(
      'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n',
    )
  })

  it('counts old replicas pending termination', () => {
    expect(rolloutStatusOf(deployment({updatedReplicas: 3, replicas: 4})).message).toBe(
      'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n',
    )
  })

  it('counts updated replicas that are available', () => {
    expect(rolloutStatusOf(deployment({updatedReplicas: 3, replicas: 3, availableReplicas: 1})).message).toBe(
      'Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are available...\n',
    )
  })

  it('reports success when every updated replica is available', () => {
    expect(rolloutStatusOf(deployment({updatedReplicas: 3, replicas: 3, availableReplicas: 3}))).toEqual({
      message: 'deployment "web" successfully rolled out\n',
      done: true,
    })
  })

  it('fails when the progress deadline passed', () => {
    const stuck = deployment({conditions: [{type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded'}]})
    expect(() => rolloutStatusOf(stuck)).toThrow('deployment "web" exceeded its progress deadline')
  })

  it('refuses a pinned revision that is not running', () => {
    expect(() => rolloutStatusOf(deployment({}), 1)).toThrow(
      'desired revision (1) is different from the running revision (2)',
    )
  })
})

describe('rolloutStatusOf other kinds', () => {
  it('reads a DaemonSet rollout', () => {
    const ds: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: {name: 'agent', generation: 1},
      status: {observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 2},
    }
    expect(rolloutStatusOf(ds).message).toBe(
      'Waiting for daemon set "agent" rollout to finish: 2 of 3 updated pods are available...\n',
    )
  })

  it('reads a StatefulSet rollout', () => {
    const sts: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: {name: 'db', generation: 1},
      spec: {replicas: 3},
      status: {observedGeneration: 1, readyReplicas: 1},
    }
    expect(rolloutStatusOf(sts).message).toBe('Waiting for 2 pods to be ready...\n')
  })

  it('has no status viewer for a Pod', () => {
    expect(() => rolloutStatusOf({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'p'}})).toThrow(
      'no status viewer has been implemented for Pod',
    )
  })
})

describe('watchRolloutStatus', () => {
  it('reports each new reading until the rollout is done', async () => {
    // Given a deployment whose status moves on at each read
    const readings = [
      deployment({updatedReplicas: 3, replicas: 3, availableReplicas: 1}),
      deployment({updatedReplicas: 3, replicas: 3, availableReplicas: 2}),
      deployment({updatedReplicas: 3, replicas: 3, availableReplicas: 3}),
    ].map((d, i) => ({...d, metadata: {...d.metadata, resourceVersion: String(i + 1)}}))
    let reads = 0
    const backend = {get: async () => readings[Math.min(reads++, readings.length - 1)]} as unknown as Backend
    const messages: string[] = []
    // When rollout status watches
    await watchRolloutStatus(backend, {group: 'apps', version: 'v1', resource: 'deployments'}, 'web', {
      revision: 0,
      watch: true,
      timeoutMs: 0,
      pollMs: 1,
      now: () => 0,
      sleep: async () => undefined,
      onStatus: (s) => messages.push(s.message),
    })
    // Then every reading is printed, ending with success
    expect(messages).toEqual([
      'Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are available...\n',
      'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...\n',
      'deployment "web" successfully rolled out\n',
    ])
  })

  it('times out with the words of apimachinery', async () => {
    let now = 0
    const stuck = {...deployment({updatedReplicas: 0, replicas: 3}), metadata: {name: 'web', resourceVersion: '1'}}
    const backend = {get: async () => stuck} as unknown as Backend
    await expect(
      watchRolloutStatus(backend, {group: 'apps', version: 'v1', resource: 'deployments'}, 'web', {
        revision: 0,
        watch: true,
        timeoutMs: 1000,
        pollMs: 200,
        now: () => now,
        sleep: async (ms) => {
          now += ms
        },
        onStatus: () => undefined,
      }),
    ).rejects.toThrow('timed out waiting for the condition')
  })
})
