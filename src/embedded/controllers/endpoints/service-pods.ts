import type {KubeObject} from '../../../backend/object.js'
import {labelSelectorFromSpec, matchesLabels} from '../../../resources/label-selector.js'
import type {ReconcileContext} from '../controller.js'
import {podStatus} from '../replicaset/pod-state.js'

export const SERVICES = '/services'
export const PODS = '/pods'
export const NODES = '/nodes'
const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane'

/** The Service spec fields the endpoint controllers read. */
export interface ServiceSpec {
  type?: string
  clusterIP?: string
  selector?: Record<string, string> | null
  publishNotReadyAddresses?: boolean
  ports?: ServicePort[]
}

/** One entry of a Service's spec.ports. */
export interface ServicePort {
  name?: string
  port?: number
  protocol?: string
  appProtocol?: string
  targetPort?: number | string
}

interface ContainerPort {
  name?: string
  containerPort?: number
  protocol?: string
}

interface Container {
  ports?: ContainerPort[]
  restartPolicy?: string
}

/** The spec of a Service. */
export function serviceSpec(service: KubeObject): ServiceSpec {
  return (service['spec'] as ServiceSpec | undefined) ?? {}
}

/**
 * Whether the endpoint controllers manage this Service: it has a selector and is not ExternalName
 * (endpoints_controller.go syncService, endpointslice_controller.go syncService, v1.32).
 */
export function hasSelector(service: KubeObject): boolean {
  const spec = serviceSpec(service)
  return spec.type !== 'ExternalName' && spec.selector !== undefined && spec.selector !== null
}

/** Whether a Service with a selector selects a pod with these labels (labels.SelectorFromSet). */
export function serviceSelects(service: KubeObject, labels: Record<string, string> | undefined): boolean {
  if (!hasSelector(service)) return false
  const selector = labelSelectorFromSpec({matchLabels: serviceSpec(service).selector ?? {}})
  return matchesLabels(selector, labels)
}

/** v1helper.IsServiceIPSet's inverse: a headless Service (clusterIP None). */
export function isHeadless(service: KubeObject): boolean {
  return serviceSpec(service).clusterIP === 'None'
}

/** The pods of the service's namespace its selector matches, in name order. */
export function selectedPods(service: KubeObject, ctx: ReconcileContext): KubeObject[] {
  if (!hasSelector(service)) return []
  const selector = labelSelectorFromSpec({matchLabels: serviceSpec(service).selector ?? {}})
  return ctx.cache.select(PODS, service.metadata.namespace ?? '', selector)
}

/** The pod's IP, or '' before the kubelet reports one. */
export function podIP(pod: KubeObject): string {
  const status = podStatus(pod) as {podIP?: string; podIPs?: Array<{ip?: string}>}
  return status.podIP ?? status.podIPs?.[0]?.ip ?? ''
}

/**
 * endpointslice/util ShouldPodBeInEndpoints (v1.32): not terminal, has an IP, and not terminating unless
 * terminating pods are wanted.
 */
export function shouldPodBeInEndpoints(pod: KubeObject, includeTerminating: boolean): boolean {
  const phase = podStatus(pod).phase
  if (phase === 'Succeeded' || phase === 'Failed') return false
  if (podIP(pod) === '') return false
  return includeTerminating || pod.metadata.deletionTimestamp === undefined
}

/**
 * podutil.FindPort (v1.32): the pod port a service port targets: a number as is, a name looked up among
 * the containers' (and sidecar init containers') ports with the same protocol; undefined when none.
 */
export function findPort(pod: KubeObject, servicePort: ServicePort): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port
  if (typeof target === 'number') return target
  if (target === undefined) return undefined
  if (/^\d+$/.test(target)) return Number(target)
  const spec = (pod['spec'] as {containers?: Container[]; initContainers?: Container[]} | undefined) ?? {}
  const sidecars = (spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')
  for (const container of [...(spec.containers ?? []), ...sidecars]) {
    for (const port of container.ports ?? []) {
      if (port.name === target && (port.protocol ?? 'TCP') === (servicePort.protocol ?? 'TCP')) {
        return port.containerPort
      }
    }
  }
  return undefined
}

/** A targetRef to a pod (Kind, Namespace, Name, UID, as the controllers set it). */
export function podTargetRef(pod: KubeObject): Record<string, string> {
  return {
    kind: 'Pod',
    namespace: pod.metadata.namespace ?? '',
    name: pod.metadata.name ?? '',
    uid: pod.metadata.uid ?? '',
  }
}

/** The pod's hostname when it names itself under the service's subdomain (podToEndpointAddressForService). */
export function podHostname(pod: KubeObject, service: KubeObject): string | undefined {
  const spec = (pod['spec'] as {hostname?: string; subdomain?: string} | undefined) ?? {}
  if (!spec.hostname || spec.subdomain !== service.metadata.name) return undefined
  return pod.metadata.namespace === service.metadata.namespace ? spec.hostname : undefined
}

/**
 * The endpoints.kubernetes.io/last-change-trigger-time value. Upstream's TriggerTimeTracker keeps the
 * earliest trigger among the changes since the last sync: pods' Ready transition times and the Service's
 * creation. Syncing once per change, the latest of those is the change that triggered this write.
 */
export function lastChangeTriggerTime(service: KubeObject, pods: readonly KubeObject[]): string | undefined {
  let best: string | undefined = service.metadata.creationTimestamp
  for (const pod of pods) {
    const ready = podStatus(pod).conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime
    if (ready && (best === undefined || Date.parse(ready) > Date.parse(best))) best = ready
  }
  return best
}

/** The key of a Service. */
export function serviceKey(namespace: string, name: string): {resource: string; namespace: string; name: string} {
  return {resource: SERVICES, namespace, name}
}

/** The InternalIP of the control-plane node: the address kube-apiserver advertises (172.18.0.2 in kind). */
export function apiServerAddress(ctx: ReconcileContext): string | undefined {
  const selector = labelSelectorFromSpec({matchExpressions: [{key: CONTROL_PLANE_LABEL, operator: 'Exists'}]})
  for (const node of ctx.cache.select(NODES, '', selector)) {
    const addresses = (node['status'] as {addresses?: Array<{type?: string; address?: string}>} | undefined)?.addresses
    return addresses?.find((a) => a.type === 'InternalIP')?.address
  }
  return undefined
}

// kube-apiserver's --secure-port, where the kubernetes Service's targetPort 6443 lands
export const API_SERVER_PORT = 6443

/**
 * The Services a pod change concerns (getPodServiceMemberships): those whose selector matches the pod's
 * labels now, plus `alsoNamed` (the services whose endpoints still list the pod, for a pod relabelled away).
 */
export function serviceKeysForPod(
  pod: KubeObject,
  namespace: string,
  ctx: ReconcileContext,
  alsoNamed: Iterable<string> = [],
): Array<{resource: string; namespace: string; name: string}> {
  const names = new Set(alsoNamed)
  for (const service of ctx.cache.list(SERVICES, namespace)) {
    if (serviceSelects(service, pod.metadata.labels)) names.add(service.metadata.name ?? '')
  }
  return [...names].sort().map((name) => serviceKey(namespace, name))
}
