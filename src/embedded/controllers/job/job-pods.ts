import type {KubeObject} from '../../../backend/object.js'
import {controllerRefTo} from '../replicaset/owner.js'
import {podStatus} from '../replicaset/pod-state.js'

/** The finalizer the Job controller puts on its pods until it has counted them (batch.JobTrackingFinalizer, v1.32). */
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking'

// job_controller.go DefaultJobPodFailureBackOff / MaxJobPodFailureBackOff (v1.32)
const POD_FAILURE_BACKOFF_MS = 10_000
const MAX_POD_FAILURE_BACKOFF_MS = 10 * 60_000

interface ContainerStatus {
  restartCount?: number
  state?: {terminated?: {finishedAt?: string}}
}

/** The pod template of a Job (the fields the controller copies). */
export interface JobPodTemplate {
  metadata?: {labels?: Record<string, string>; annotations?: Record<string, string>; finalizers?: string[]}
  spec?: Record<string, unknown>
}

/** Whether the pod reached Succeeded or Failed. */
export function isPodTerminal(pod: KubeObject): boolean {
  const phase = podStatus(pod).phase
  return phase === 'Succeeded' || phase === 'Failed'
}

/** Whether the pod still carries the Job tracking finalizer (it has not been counted yet). */
export function isTracked(pod: KubeObject): boolean {
  return (pod.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER)
}

/** A copy of `pod` without the tracking finalizer. */
export function untracked(pod: KubeObject): KubeObject {
  const next = structuredClone(pod)
  const finalizers = (next.metadata.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER)
  if (finalizers.length > 0) next.metadata.finalizers = finalizers
  else delete next.metadata.finalizers
  return next
}

/** When the pod finished (job_controller.go getFinishedTime): its last container finish, else deletion, else `nowMs`. */
export function podFinishedMs(pod: KubeObject, nowMs: number): number {
  const statuses = (pod['status'] as {containerStatuses?: ContainerStatus[]} | undefined)?.containerStatuses ?? []
  const finishes = statuses
    .map((s) => (s.state?.terminated?.finishedAt ? Date.parse(s.state.terminated.finishedAt) : NaN))
    .filter((ms) => !Number.isNaN(ms))
  if (finishes.length > 0) return Math.max(...finishes)
  if (pod.metadata.deletionTimestamp) return Date.parse(pod.metadata.deletionTimestamp)
  return nowMs
}

/** The restarts of a pod's containers, for restartPolicy OnFailure's backoff limit (pastBackoffLimitOnFailure). */
export function podRestarts(pod: KubeObject): number {
  const status = pod['status'] as {containerStatuses?: ContainerStatus[]; initContainerStatuses?: ContainerStatus[]}
  const all = [...(status?.containerStatuses ?? []), ...(status?.initContainerStatuses ?? [])]
  return all.reduce((sum, s) => sum + (s.restartCount ?? 0), 0)
}

/** backoffRecord.getRemainingTime: 10s doubling per failure since the last success, capped at 10 minutes. */
export function backoffRemainingMs(failuresSinceSuccess: number, lastFailureMs: number, nowMs: number): number {
  if (failuresSinceSuccess === 0) return 0
  const delay = Math.min(POD_FAILURE_BACKOFF_MS * 2 ** (failuresSinceSuccess - 1), MAX_POD_FAILURE_BACKOFF_MS)
  return Math.max(0, lastFailureMs + delay - nowMs)
}

/** controller.GetPodFromTemplate for a Job: `<job>-<random>`, controlled by the Job, with the tracking finalizer. */
export function podFromJobTemplate(job: KubeObject, template: JobPodTemplate): KubeObject {
  const metadata: KubeObject['metadata'] = {
    generateName: `${job.metadata.name ?? ''}-`,
    namespace: job.metadata.namespace ?? 'default',
    ownerReferences: [controllerRefTo(job)],
    finalizers: [...(template.metadata?.finalizers ?? []), JOB_TRACKING_FINALIZER],
  }
  if (template.metadata?.labels) metadata.labels = structuredClone(template.metadata.labels)
  if (template.metadata?.annotations) metadata.annotations = structuredClone(template.metadata.annotations)
  return {apiVersion: 'v1', kind: 'Pod', metadata, spec: structuredClone(template.spec ?? {})}
}
