import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {EmbeddedBackend} from '../../../src/embedded/embedded-backend.js'
import {scaleObject, ScalePreconditionError} from '../../../src/kubectl/scale.js'
import {deploymentsRef, openTempCluster, type TempCluster} from '../embedded/temp-cluster.js'

const DEPLOYMENT = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {name: 'web', namespace: 'default'},
  spec: {
    replicas: 2,
    selector: {matchLabels: {app: 'web'}},
    template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'nginx', image: 'nginx'}]}},
  },
}

const options = {replicas: 5, currentReplicas: -1, resourceVersion: '', dryRun: 'none' as const}

describe('scaleObject', () => {
  let cluster: TempCluster
  let backend: EmbeddedBackend
  beforeEach(async () => {
    cluster = await openTempCluster()
    backend = cluster.backend
    await backend.create(DEPLOYMENT)
  })
  afterEach(async () => cluster.dispose())

  const replicas = async (): Promise<unknown> =>
    ((await backend.get(deploymentsRef(), 'web'))['spec'] as {replicas?: number}).replicas

  it('sets the replicas through the scale subresource', async () => {
    const scale = await scaleObject(backend, deploymentsRef(), 'web', options)
    expect(scale.kind).toBe('Scale')
    expect(await replicas()).toBe(5)
  })

  it('scales when --current-replicas matches', async () => {
    await scaleObject(backend, deploymentsRef(), 'web', {...options, currentReplicas: 2})
    expect(await replicas()).toBe(5)
  })

  it("refuses with kubectl's precondition message when --current-replicas does not match", async () => {
    // Given a deployment of 2 replicas, When the user expects 3
    const attempt = scaleObject(backend, deploymentsRef(), 'web', {...options, currentReplicas: 3})
    // Then nothing changes and the message is kubectl's
    await expect(attempt).rejects.toThrow(ScalePreconditionError)
    await expect(attempt).rejects.toThrow('Expected replicas to be 3, was 2')
    expect(await replicas()).toBe(2)
  })

  it('refuses a stale --resource-version', async () => {
    await expect(scaleObject(backend, deploymentsRef(), 'web', {...options, resourceVersion: '1'})).rejects.toThrow(
      /^Expected resource version to be 1, was \d+$/,
    )
  })

  it('changes nothing on a client dry run', async () => {
    await scaleObject(backend, deploymentsRef(), 'web', {...options, dryRun: 'client'})
    expect(await replicas()).toBe(2)
  })

  it('answers NotFound for a missing object', async () => {
    await expect(scaleObject(backend, deploymentsRef(), 'nope', options)).rejects.toThrow(/not found/)
  })
})
