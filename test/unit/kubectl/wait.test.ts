import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../src/backend/object.js'
import type {EmbeddedBackend} from '../../../src/embedded/embedded-backend.js'
import {isConditionMet, parseWaitFor, waitForCondition, type WaitTiming} from '../../../src/kubectl/wait.js'
import {coreRef, openTempCluster, type TempCluster} from '../embedded/temp-cluster.js'

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {name: 'web', generation: 2},
  spec: {replicas: 3},
  status: {
    observedGeneration: 2,
    readyReplicas: 3,
    conditions: [
      {type: 'Available', status: 'True'},
      {type: 'Progressing', status: 'True'},
    ],
  },
}

describe('parseWaitFor', () => {
  it('reads delete, create, condition and jsonpath forms', () => {
    expect(parseWaitFor('delete')).toEqual({type: 'delete'})
    expect(parseWaitFor('create')).toEqual({type: 'create'})
    expect(parseWaitFor('condition=Available')).toEqual({type: 'condition', name: 'Available', status: 'true'})
    expect(parseWaitFor('condition=Ready=false')).toEqual({type: 'condition', name: 'Ready', status: 'false'})
    expect(parseWaitFor("jsonpath={.status.phase}='Running'")).toMatchObject({type: 'jsonpath', value: 'Running'})
  })

  it("refuses an unknown condition with kubectl's words", () => {
    expect(() => parseWaitFor('foo')).toThrow('unrecognized condition: "foo"')
    expect(() => parseWaitFor('')).toThrow('unrecognized condition: ""')
  })

  it('refuses a jsonpath with an empty value', () => {
    expect(() => parseWaitFor('jsonpath={.a}=')).toThrow('jsonpath wait has to have a value after equal sign')
  })
})

describe('isConditionMet', () => {
  it('compares condition status case-insensitively', () => {
    expect(isConditionMet(deployment, parseWaitFor('condition=available'))).toBe(true)
    expect(isConditionMet(deployment, parseWaitFor('condition=Available=false'))).toBe(false)
  })

  it('ignores a condition observed for an older generation', () => {
    const stale = {...deployment, metadata: {...deployment.metadata, generation: 3}}
    expect(isConditionMet(stale, parseWaitFor('condition=Available'))).toBe(false)
  })

  it('matches a jsonpath value as Go prints it, or its mere presence', () => {
    expect(isConditionMet(deployment, parseWaitFor('jsonpath={.status.readyReplicas}=3'))).toBe(true)
    expect(isConditionMet(deployment, parseWaitFor('jsonpath={.status.readyReplicas}=2'))).toBe(false)
    expect(isConditionMet(deployment, parseWaitFor('jsonpath={.status.readyReplicas}'))).toBe(true)
    expect(isConditionMet(deployment, parseWaitFor('jsonpath={.status.missing}'))).toBe(false)
  })

  it('refuses a jsonpath that leads to an object', () => {
    expect(() => isConditionMet(deployment, parseWaitFor('jsonpath={.status}=x'))).toThrow(
      'jsonpath leads to a nested object or list which is not supported',
    )
  })
})

describe('waitForCondition', () => {
  let cluster: TempCluster
  let backend: EmbeddedBackend
  let clockMs: number
  const timing = (timeoutMs: number): WaitTiming => ({
    timeoutMs,
    pollMs: 100,
    now: () => clockMs,
    sleep: async (ms) => {
      clockMs += ms
    },
  })
  beforeEach(async () => {
    cluster = await openTempCluster()
    backend = cluster.backend
    clockMs = 0
    await backend.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {name: 'cfg', namespace: 'default'},
      data: {a: 'b'},
    })
  })
  afterEach(async () => cluster.dispose())

  it('is met at once when the object already matches', async () => {
    const outcome = await waitForCondition(
      backend,
      {ref: coreRef('configmaps', 'default'), name: 'cfg'},
      parseWaitFor('jsonpath={.data.a}=b'),
      timing(1000),
    )
    expect(outcome.met).toBe(true)
    expect(outcome.object?.metadata.name).toBe('cfg')
  })

  it('times out when the value never comes', async () => {
    const outcome = await waitForCondition(
      backend,
      {ref: coreRef('configmaps', 'default'), name: 'cfg'},
      parseWaitFor('jsonpath={.data.a}=c'),
      timing(1000),
    )
    expect(outcome.met).toBe(false)
    expect(clockMs).toBeGreaterThanOrEqual(1000)
  })

  it('is met for delete once the object is gone, and reports the object it waited on', async () => {
    const object = await backend.get(coreRef('configmaps', 'default'), 'cfg')
    await backend.delete(coreRef('configmaps', 'default'), 'cfg')
    const outcome = await waitForCondition(
      backend,
      {ref: coreRef('configmaps', 'default'), name: 'cfg', uid: object.metadata.uid, object},
      parseWaitFor('delete'),
      timing(0),
    )
    expect(outcome).toEqual({met: true, object})
  })
})
