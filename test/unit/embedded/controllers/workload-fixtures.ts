import {expect} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import type {EmbeddedBackend} from '../../../../src/embedded/embedded-backend.js'
import {advanceCluster} from '../../../../src/embedded/open-cluster.js'
import {coreRef, deploymentsRef} from '../temp-cluster.js'

export const replicaSetsRef = {group: 'apps', version: 'v1', resource: 'replicasets', namespace: 'default'}
export const podsRef = coreRef('pods', 'default')

/** A Deployment `name` running nginx with `replicas` and an optional strategy. */
export function deployment(name: string, replicas: number, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name, namespace: 'default'},
    spec: {
      replicas,
      selector: {matchLabels: {app: name}},
      template: {metadata: {labels: {app: name}}, spec: {containers: [{name: 'nginx', image: 'nginx:1.27'}]}},
      ...extra,
    },
  }
}

/** The pods in default, live (not terminating). */
export async function livePods(api: EmbeddedBackend): Promise<KubeObject[]> {
  return (await api.list(podsRef)).items.filter((p) => p.metadata.deletionTimestamp === undefined)
}

/** Whether the kubelet reports the pod Ready (its Ready condition is True). */
export function isReady(pod: KubeObject): boolean {
  const conditions = (pod['status'] as {conditions?: Array<{type: string; status: string}>} | undefined)?.conditions
  return conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false
}

/** The fields of a Deployment's status the tests read. */
export interface DeploymentStatus {
  observedGeneration?: number
  replicas?: number
  updatedReplicas?: number
  readyReplicas?: number
  availableReplicas?: number
  unavailableReplicas?: number
}

/** The status of the Deployment `name` in default. */
export async function deploymentStatus(api: EmbeddedBackend, name: string): Promise<DeploymentStatus> {
  return ((await api.get(deploymentsRef(), name))['status'] ?? {}) as DeploymentStatus
}

// kubectl: pkg/polymorphichelpers/rollout_status.go (v1.32) — what `kubectl rollout status` waits for
async function rolledOut(api: EmbeddedBackend, name: string): Promise<boolean> {
  const d = await api.get(deploymentsRef(), name)
  const desired = (d['spec'] as {replicas?: number}).replicas ?? 1
  const status = (d['status'] ?? {}) as DeploymentStatus
  return (
    (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 0) &&
    (status.updatedReplicas ?? 0) === desired &&
    (status.replicas ?? 0) === desired &&
    (status.availableReplicas ?? 0) === desired
  )
}

/** How to drive cluster time in {@link advanceUntilRolledOut}. */
export interface AdvanceOptions {
  /** cluster time per step */
  stepMs?: number
  /** cluster time after which the rollout counts as stuck */
  limitMs?: number
  /** assertions to hold after every step, the cluster settled at that moment */
  check?: () => Promise<void>
}

/**
 * Moves cluster time in small steps (the scheduler binds, the kubelets start and stop containers) until the
 * Deployment `name` has completely rolled out, running `check` before the first step and after each one.
 * Returns the cluster time it took.
 */
export async function advanceUntilRolledOut(
  api: EmbeddedBackend,
  name: string,
  {stepMs = 500, limitMs = 180_000, check}: AdvanceOptions = {},
): Promise<number> {
  let elapsed = 0
  await check?.()
  while (!(await rolledOut(api, name))) {
    expect(elapsed, `deployment "${name}" still rolling out after ${elapsed}ms`).toBeLessThan(limitMs)
    await advanceCluster(api, stepMs)
    elapsed += stepMs
    await check?.()
  }
  return elapsed
}
