// The apps/v1 and batch/v1 fields the workload describers read.
import type {KubeObject} from '../../backend/object.js'
import type {IntOrString, PodTemplateSpec} from './pod-types.js'
import type {LabelSelectorSpec} from '../../resources/label-selector.js'
import type {PersistentVolumeClaim} from './storage.js'

/** A workload condition. */
export interface WorkloadCondition {
  type?: string
  status?: string
  reason?: string
  message?: string
}

/** An apps/v1 Deployment. */
export interface Deployment extends KubeObject {
  spec?: {
    replicas?: number
    selector?: LabelSelectorSpec
    template?: PodTemplateSpec
    minReadySeconds?: number
    strategy?: {type?: string; rollingUpdate?: {maxUnavailable?: IntOrString; maxSurge?: IntOrString}}
  }
  status?: {
    replicas?: number
    updatedReplicas?: number
    availableReplicas?: number
    unavailableReplicas?: number
    conditions?: WorkloadCondition[]
  }
}

/** An apps/v1 ReplicaSet (or a core/v1 ReplicationController, read the same way). */
export interface ReplicaSet extends KubeObject {
  spec?: {replicas?: number; selector?: LabelSelectorSpec; template?: PodTemplateSpec}
  status?: {replicas?: number; conditions?: WorkloadCondition[]}
}

/** An apps/v1 StatefulSet. */
export interface StatefulSet extends KubeObject {
  spec?: {
    replicas?: number
    selector?: LabelSelectorSpec
    template?: PodTemplateSpec
    updateStrategy?: {type?: string; rollingUpdate?: {partition?: number; maxUnavailable?: IntOrString}}
    volumeClaimTemplates?: PersistentVolumeClaim[]
  }
  status?: {replicas?: number}
}

/** An apps/v1 DaemonSet. */
export interface DaemonSet extends KubeObject {
  spec?: {selector?: LabelSelectorSpec; template?: PodTemplateSpec}
  status?: {
    desiredNumberScheduled?: number
    currentNumberScheduled?: number
    updatedNumberScheduled?: number
    numberAvailable?: number
    numberMisscheduled?: number
  }
}

/** A batch/v1 JobSpec. */
export interface JobSpec {
  selector?: LabelSelectorSpec
  parallelism?: number
  completions?: number
  completionMode?: string
  suspend?: boolean
  backoffLimit?: number
  ttlSecondsAfterFinished?: number
  activeDeadlineSeconds?: number
  template?: PodTemplateSpec
}

/** A batch/v1 Job. */
export interface Job extends KubeObject {
  spec?: JobSpec
  status?: {
    startTime?: string
    completionTime?: string
    active?: number
    ready?: number
    succeeded?: number
    failed?: number
    completedIndexes?: string
  }
}

/** A batch/v1 CronJob. */
export interface CronJob extends KubeObject {
  spec?: {
    schedule?: string
    concurrencyPolicy?: string
    suspend?: boolean
    successfulJobsHistoryLimit?: number
    failedJobsHistoryLimit?: number
    startingDeadlineSeconds?: number
    jobTemplate?: {metadata?: KubeObject['metadata']; spec?: JobSpec}
  }
  status?: {lastScheduleTime?: string; active?: {name?: string}[]}
}

/** IntOrString.String(): the number or the text; `<nil>` when unset. */
export function intOrString(value: IntOrString | undefined | null): string {
  return value === undefined || value === null ? '<nil>' : String(value)
}
