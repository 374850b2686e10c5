import type {KubeObject} from '../../backend/object.js'

/** The probe fields the simulated kubelet reads. */
export interface ProbeSpec {
  exec?: {command?: string[]}
  httpGet?: unknown
  tcpSocket?: unknown
  grpc?: unknown
  initialDelaySeconds?: number
  periodSeconds?: number
  failureThreshold?: number
  successThreshold?: number
  /** the grace period of a kill this probe causes (liveness), instead of the pod's */
  terminationGracePeriodSeconds?: number
}

/** The container fields the simulated kubelet reads. */
export interface ContainerSpec {
  name: string
  image?: string
  command?: string[]
  args?: string[]
  env?: Array<{name: string; value?: string; valueFrom?: {fieldRef?: {fieldPath?: string}}}>
  imagePullPolicy?: string
  readinessProbe?: ProbeSpec
  livenessProbe?: ProbeSpec
  startupProbe?: ProbeSpec
  volumeMounts?: Array<{name: string; mountPath: string; readOnly?: boolean}>
}

/** The pod fields the simulated kubelet reads. */
export interface KubeletPod extends KubeObject {
  spec?: {
    nodeName?: string
    containers?: ContainerSpec[]
    initContainers?: ContainerSpec[]
    restartPolicy?: string
    terminationGracePeriodSeconds?: number
    serviceAccountName?: string
  }
  status?: Record<string, unknown> & {phase?: string; conditions?: Array<Record<string, unknown>>}
}

/** Every container of a pod with whether it is an init container, init containers first. */
export function podContainers(pod: KubeletPod): Array<{spec: ContainerSpec; init: boolean}> {
  return [
    ...(pod.spec?.initContainers ?? []).map((spec) => ({spec, init: true})),
    ...(pod.spec?.containers ?? []).map((spec) => ({spec, init: false})),
  ]
}

/**
 * A container's environment as kubelet builds it: HOSTNAME (the pod name), then `env` in order with
 * `$(VAR)` references to earlier entries expanded and downward-API fieldRefs resolved.
 */
export function containerEnv(
  pod: KubeletPod,
  container: ContainerSpec,
  addresses: {podIP: string; hostIP: string},
): Map<string, string> {
  const env = new Map<string, string>([['HOSTNAME', pod.metadata.name ?? '']])
  for (const variable of container.env ?? []) {
    if (variable.value !== undefined) {
      env.set(
        variable.name,
        variable.value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (whole, name: string) => env.get(name) ?? whole),
      )
    } else if (variable.valueFrom?.fieldRef?.fieldPath) {
      env.set(variable.name, fieldRefValue(pod, variable.valueFrom.fieldRef.fieldPath, addresses))
    }
  }
  return env
}

function fieldRefValue(pod: KubeletPod, path: string, addresses: {podIP: string; hostIP: string}): string {
  const label = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path)
  if (label) return (label[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[label[2] ?? ''] ?? ''
  const values: Record<string, string> = {
    'metadata.name': pod.metadata.name ?? '',
    'metadata.namespace': pod.metadata.namespace ?? '',
    'metadata.uid': pod.metadata.uid ?? '',
    'spec.nodeName': pod.spec?.nodeName ?? '',
    'spec.serviceAccountName': pod.spec?.serviceAccountName ?? '',
    'status.podIP': addresses.podIP,
    'status.podIPs': addresses.podIP,
    'status.hostIP': addresses.hostIP,
    'status.hostIPs': addresses.hostIP,
  }
  return values[path] ?? ''
}
