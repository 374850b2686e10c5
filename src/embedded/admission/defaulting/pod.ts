// A Pod's defaults and what kube-apiserver's default admission plugins add on create (v1.32):
// ServiceAccount (serviceAccountName), Priority (priority, preemptionPolicy),
// DefaultTolerationSeconds (not-ready/unreachable for 300s), and the Pod strategy's initial status.
// Left out: the ServiceAccount plugin's projected token volume (kube-api-access-*) and its mounts,
// which need a generated name and a root CA the embedded cluster does not model.
import {isJsonObject, type JsonObject} from '../../../backend/object.js'
import {ensureObject, isSet, str} from '../json.js'
import {podQOSClass} from '../../../resources/pod-qos.js'
import {defaultPodOnlyFields, defaultPodSpec} from './pod-spec.js'

/** DefaultTolerationSeconds plugin: --default-not-ready-toleration-seconds / unreachable (300). */
const DEFAULT_TOLERATION_SECONDS = 300
/** The ServiceAccount plugin's default. */
const DEFAULT_SERVICE_ACCOUNT = 'default'

// The built-in PriorityClasses every cluster has (scheduling/v1 SystemPriorityClasses).
const SYSTEM_PRIORITY_CLASSES: Readonly<Record<string, number>> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
}

const TOLERATED_TAINTS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']

function addDefaultTolerations(spec: JsonObject): void {
  const tolerations = Array.isArray(spec['tolerations']) ? spec['tolerations'].filter(isJsonObject) : []
  const added: JsonObject[] = []
  for (const taint of TOLERATED_TAINTS) {
    const tolerated = tolerations.some((t) => {
      const k = str(t['key'])
      const effect = str(t['effect'])
      return (k === taint || k.length === 0) && (effect === 'NoExecute' || effect.length === 0)
    })
    if (!tolerated) {
      added.push({key: taint, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS})
    }
  }
  if (added.length > 0)
    spec['tolerations'] = [...(Array.isArray(spec['tolerations']) ? spec['tolerations'] : []), ...added]
}

/** Defaults a Pod object in place; `creating` adds the admission plugins' fields and the initial status. */
export function defaultPod(pod: JsonObject, creating: boolean): void {
  const spec = ensureObject(pod, 'spec')
  defaultPodOnlyFields(spec)
  defaultPodSpec(spec)
  if (!creating) return
  if (str(spec['serviceAccountName']).length === 0) {
    spec['serviceAccountName'] = DEFAULT_SERVICE_ACCOUNT
    spec['serviceAccount'] = DEFAULT_SERVICE_ACCOUNT
  }
  if (!isSet(spec['priority'])) spec['priority'] = SYSTEM_PRIORITY_CLASSES[str(spec['priorityClassName'])] ?? 0
  if (!isSet(spec['preemptionPolicy'])) spec['preemptionPolicy'] = 'PreemptLowerPriority'
  addDefaultTolerations(spec)
  // The Pod strategy resets status on create (PrepareForCreate).
  const status: JsonObject = {phase: 'Pending', qosClass: podQOSClass(spec)}
  if (Array.isArray(spec['schedulingGates']) && spec['schedulingGates'].length > 0) {
    status['conditions'] = [
      {
        type: 'PodScheduled',
        status: 'False',
        lastProbeTime: null,
        lastTransitionTime: null,
        reason: 'SchedulingGated',
        message: 'Scheduling is blocked due to non-empty scheduling gates',
      },
    ]
  }
  pod['status'] = status
}
