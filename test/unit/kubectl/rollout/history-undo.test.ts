import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import type {EmbeddedBackend} from '../../../../src/embedded/embedded-backend.js'
import {deploymentHistory} from '../../../../src/kubectl/rollout/history.js'
import {setPaused} from '../../../../src/kubectl/rollout/pause.js'
import {restartWorkload} from '../../../../src/kubectl/rollout/restart.js'
import {undoDeployment} from '../../../../src/kubectl/rollout/undo.js'
import {deploymentsRef, openTempCluster, type TempCluster} from '../../embedded/temp-cluster.js'

const template = (image: string): Record<string, unknown> => ({
  metadata: {labels: {app: 'web'}},
  spec: {containers: [{name: 'nginx', image}]},
})

/** A Deployment and two ReplicaSets it owns, at revisions 1 (nginx:1.25) and 2 (nginx:1.27), written directly. */
async function deploymentWithHistory(backend: EmbeddedBackend): Promise<KubeObject> {
  const deployment = await backend.create({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name: 'web', namespace: 'default'},
    spec: {replicas: 0, selector: {matchLabels: {app: 'web'}}, template: template('nginx:1.27')},
  })
  const owner = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: 'web',
    uid: deployment.metadata.uid ?? '',
    controller: true,
  }
  for (const [revision, image, hash] of [
    ['1', 'nginx:1.25', 'aaa'],
    ['2', 'nginx:1.27', 'bbb'],
  ] as const) {
    const rsTemplate = template(image)
    ;(rsTemplate['metadata'] as {labels: Record<string, string>}).labels['pod-template-hash'] = hash
    await backend
      .create({
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name: `web-${hash}`,
          namespace: 'default',
          labels: {app: 'web', 'pod-template-hash': hash},
          annotations: {
            'deployment.kubernetes.io/revision': revision,
            ...(revision === '1' ? {'kubernetes.io/change-cause': 'first'} : {}),
          },
          ownerReferences: [owner],
        },
        spec: {replicas: 0, selector: {matchLabels: {app: 'web', 'pod-template-hash': hash}}, template: rsTemplate},
      })
      .catch((error: unknown) => {
        // a deployment controller may already have made this revision's ReplicaSet
        if (!String(error).includes('already exists')) throw error
      })
  }
  return backend.get(deploymentsRef(), 'web')
}

describe('rollout history, undo, restart, pause', () => {
  let cluster: TempCluster
  let backend: EmbeddedBackend
  beforeEach(async () => {
    cluster = await openTempCluster()
    backend = cluster.backend
  })
  afterEach(async () => cluster.dispose())

  it('lists revisions with their change causes', async () => {
    const deployment = await deploymentWithHistory(backend)
    const history = await deploymentHistory(backend, deployment, {revision: 0, now: Date.now()})
    expect(history).toMatch(/^REVISION {2}CHANGE-CAUSE\n1 {9}first\n2 {9}/)
  })

  it("shows one revision's pod template, and refuses an unknown one", async () => {
    const deployment = await deploymentWithHistory(backend)
    const one = await deploymentHistory(backend, deployment, {revision: 1, now: Date.now()})
    expect(one).toContain('Pod Template:')
    expect(one).toContain('nginx:1.25')
    await expect(deploymentHistory(backend, deployment, {revision: 9, now: Date.now()})).rejects.toThrow(
      'unable to find the specified revision',
    )
  })

  it('rolls back to the previous revision by copying its template without the hash label', async () => {
    const deployment = await deploymentWithHistory(backend)
    const result = await undoDeployment(backend, deploymentsRef(), deployment, {toRevision: 0, dryRun: 'none'})
    expect(result.operation).toBe('rolled back')
    const spec = (await backend.get(deploymentsRef(), 'web'))['spec'] as {
      template: {metadata: {labels: Record<string, string>}; spec: {containers: Array<{image: string}>}}
    }
    expect(spec.template.spec.containers[0]?.image).toBe('nginx:1.25')
    expect(spec.template.metadata.labels).toEqual({app: 'web'})
  })

  it('skips a rollback to the template already running, and refuses a revision not in history', async () => {
    const deployment = await deploymentWithHistory(backend)
    const skipped = await undoDeployment(backend, deploymentsRef(), deployment, {toRevision: 2, dryRun: 'none'})
    expect(skipped.operation).toBe('skipped rollback (current template already matches revision 2)')
    await expect(
      undoDeployment(backend, deploymentsRef(), deployment, {toRevision: 7, dryRun: 'none'}),
    ).rejects.toThrow('unable to find specified revision 7 in history')
  })

  it('pauses once, refuses a second pause, and will not restart or roll back while paused', async () => {
    const deployment = await deploymentWithHistory(backend)
    const paused = await setPaused(backend, deploymentsRef(), deployment, {
      paused: true,
      dryRun: 'none',
      fieldManager: 'kubectl-rollout',
    })
    expect((paused['spec'] as {paused?: boolean}).paused).toBe(true)
    await expect(
      setPaused(backend, deploymentsRef(), paused, {paused: true, dryRun: 'none', fieldManager: 'kubectl-rollout'}),
    ).rejects.toThrow('is already paused')
    await expect(
      restartWorkload(backend, deploymentsRef(), paused, {
        restartedAt: '2025-01-01T00:00:00Z',
        dryRun: 'none',
        fieldManager: 'kubectl-rollout',
      }),
    ).rejects.toThrow("can't restart paused deployment (run rollout resume first)")
    await expect(undoDeployment(backend, deploymentsRef(), paused, {toRevision: 0, dryRun: 'none'})).rejects.toThrow(
      /you cannot rollback a paused deployment/,
    )
    const resumed = await setPaused(backend, deploymentsRef(), paused, {
      paused: false,
      dryRun: 'none',
      fieldManager: 'kubectl-rollout',
    })
    await expect(
      setPaused(backend, deploymentsRef(), resumed, {paused: false, dryRun: 'none', fieldManager: 'kubectl-rollout'}),
    ).rejects.toThrow('is not paused')
  })

  it('stamps the pod template with restartedAt', async () => {
    const deployment = await deploymentWithHistory(backend)
    const restarted = await restartWorkload(backend, deploymentsRef(), deployment, {
      restartedAt: '2025-01-01T00:00:00Z',
      dryRun: 'none',
      fieldManager: 'kubectl-rollout',
    })
    const annotations = (restarted['spec'] as {template: {metadata: {annotations?: Record<string, string>}}}).template
      .metadata.annotations
    expect(annotations?.['kubectl.kubernetes.io/restartedAt']).toBe('2025-01-01T00:00:00Z')
  })
})
