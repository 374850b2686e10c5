import type {KubeObject} from '../../backend/object.js'
import type {ResourceRef} from '../../backend/refs.js'
import type {ChangeEvent, StoreKey} from '../store/store.js'
import type {Controller, ReconcileContext} from './controller.js'
import {canonicalJson} from './deployment/template-hash.js'
import {
  API_SERVER_PORT,
  PODS,
  SERVICES,
  apiServerAddress,
  findPort,
  hasSelector,
  isHeadless,
  lastChangeTriggerTime,
  podHostname,
  podIP,
  podTargetRef,
  selectedPods,
  serviceKey,
  serviceKeysForPod,
  serviceSpec,
  shouldPodBeInEndpoints,
} from './endpoints/service-pods.js'
import {isPodReady, podNodeName} from './replicaset/pod-state.js'

const ENDPOINTS = '/endpoints'
// v1.EndpointsLastChangeTriggerTime
const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time'
// v1.IsHeadlessService
const HEADLESS_LABEL = 'service.kubernetes.io/headless'
// the apiserver's endpoint reconciler marks its Endpoints so the mirroring controller leaves them alone
const SKIP_MIRROR_LABEL = 'endpointslice.kubernetes.io/skip-mirror'

interface EndpointAddress {
  ip: string
  hostname?: string
  nodeName?: string
  targetRef?: Record<string, string>
}

interface EndpointPort {
  name?: string
  port: number
  protocol: string
  appProtocol?: string
}

interface EndpointSubset {
  addresses?: EndpointAddress[]
  notReadyAddresses?: EndpointAddress[]
  ports?: EndpointPort[]
}

/**
 * The Endpoints controller (pkg/controller/endpoint, v1.32): for every Service with a selector, an Endpoints
 * object of the same name listing the selected pods' addresses, ready ones under addresses and the others
 * under notReadyAddresses, per resolved target port. The `kubernetes` Service's Endpoints point at the
 * apiserver, as kube-apiserver's own endpoint reconciler keeps them.
 */
export const endpointsController: Controller = {
  name: 'endpoints',

  keysFor(change: ChangeEvent, ctx: ReconcileContext): StoreKey[] {
    if (change.resource === SERVICES) return [serviceKey(change.namespace, change.name)]
    if (change.resource === PODS) {
      return serviceKeysForPod(change.object, change.namespace, ctx, listingPod(change, ctx))
    }
    // someone deleted an Endpoints object the controller keeps: put it back
    if (change.resource === ENDPOINTS && change.type === 'DELETED') return [serviceKey(change.namespace, change.name)]
    return []
  },

  async reconcile(key: StoreKey, ctx: ReconcileContext): Promise<void> {
    const service = ctx.cache.get(key)
    const current = ctx.cache.get({resource: ENDPOINTS, namespace: key.namespace, name: key.name})
    if (!service) {
      // the Service is gone: its Endpoints go with it (syncService deletes them itself, no ownerReference)
      if (current) await ctx.api.delete(endpointsRef(key.namespace), key.name, {})
      return
    }
    if (key.namespace === 'default' && key.name === 'kubernetes') return reconcileKubernetes(current, ctx)
    if (!hasSelector(service) || service.metadata.deletionTimestamp !== undefined) return
    const pods = selectedPods(service, ctx).filter((pod) =>
      shouldPodBeInEndpoints(pod, serviceSpec(service).publishNotReadyAddresses === true),
    )
    const subsets = repackSubsets(service, pods)
    const labels = endpointsLabels(service)
    if (
      current &&
      sameSubsets(current, subsets) &&
      canonicalJson(current.metadata.labels ?? {}) === canonicalJson(labels)
    ) {
      return
    }
    const annotations = {...(current?.metadata.annotations ?? {})}
    const trigger = lastChangeTriggerTime(service, pods)
    if (trigger) annotations[TRIGGER_TIME_ANNOTATION] = trigger
    const next = endpointsObject(service, labels, annotations, subsets, current)
    if (current) await ctx.api.update(next)
    else await ctx.api.create(next)
  },
}

// the services whose Endpoints list a pod: a pod relabelled out of a selector must leave them
function listingPod(change: ChangeEvent, ctx: ReconcileContext): string[] {
  const uid = change.object.metadata.uid
  return ctx.cache
    .list(ENDPOINTS, change.namespace)
    .filter((endpoints) => subsetsOf(endpoints).some((s) => allAddresses(s).some((a) => a.targetRef?.['uid'] === uid)))
    .map((endpoints) => endpoints.metadata.name ?? '')
}

function allAddresses(subset: EndpointSubset): EndpointAddress[] {
  return [...(subset.addresses ?? []), ...(subset.notReadyAddresses ?? [])]
}

function subsetsOf(endpoints: KubeObject): EndpointSubset[] {
  return (endpoints['subsets'] as EndpointSubset[] | undefined) ?? []
}

function sameSubsets(endpoints: KubeObject, subsets: EndpointSubset[]): boolean {
  return canonicalJson(subsetsOf(endpoints)) === canonicalJson(subsets)
}

// CloneAndAddLabel / CloneAndRemoveLabel of the headless label (endpoints_controller.go, v1.32)
function endpointsLabels(service: KubeObject): Record<string, string> {
  const labels = {...(service.metadata.labels ?? {})}
  if (isHeadless(service)) labels[HEADLESS_LABEL] = ''
  else delete labels[HEADLESS_LABEL]
  return labels
}

function endpointsObject(
  service: KubeObject,
  labels: Record<string, string>,
  annotations: Record<string, string>,
  subsets: EndpointSubset[],
  current: KubeObject | undefined,
): KubeObject {
  const metadata: KubeObject['metadata'] = current
    ? structuredClone(current.metadata)
    : {name: service.metadata.name ?? '', namespace: service.metadata.namespace ?? ''}
  if (Object.keys(labels).length > 0) metadata.labels = labels
  else delete metadata.labels
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations
  else delete metadata.annotations
  const object: KubeObject = {apiVersion: 'v1', kind: 'Endpoints', metadata}
  // Endpoints.subsets is omitempty
  if (subsets.length > 0) object['subsets'] = subsets
  return object
}

function endpointAddress(pod: KubeObject, service: KubeObject): EndpointAddress {
  const address: EndpointAddress = {ip: podIP(pod)}
  const hostname = podHostname(pod, service)
  if (hostname) address.hostname = hostname
  address.nodeName = podNodeName(pod)
  address.targetRef = podTargetRef(pod)
  return address
}

/**
 * The subsets for the pods: each pod contributes its address once per resolved service port, ready or not
 * (addEndpointSubset), then endpoints.RepackSubsets groups addresses sharing the same ports.
 */
function repackSubsets(service: KubeObject, pods: readonly KubeObject[]): EndpointSubset[] {
  const spec = serviceSpec(service)
  const tolerateUnready = spec.publishNotReadyAddresses === true
  const groups = new Map<string, {ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[]}>()
  for (const pod of pods) {
    const ports: EndpointPort[] = []
    for (const servicePort of spec.ports ?? []) {
      const port = findPort(pod, servicePort)
      if (port === undefined) continue
      // EndpointPort.name is omitempty: an unnamed service port stays unnamed
      const endpointPort: EndpointPort = {
        ...(servicePort.name ? {name: servicePort.name} : {}),
        port,
        protocol: servicePort.protocol ?? 'TCP',
      }
      if (servicePort.appProtocol) endpointPort.appProtocol = servicePort.appProtocol
      ports.push(endpointPort)
    }
    // a pod with none of the ports contributes nothing, except to a headless service without ports
    if (ports.length === 0 && !((spec.ports ?? []).length === 0 && isHeadless(service))) continue
    const groupKey = canonicalJson([...ports].sort(comparePorts))
    const group = groups.get(groupKey) ?? {ports, ready: [], notReady: []}
    groups.set(groupKey, group)
    if (tolerateUnready || isPodReady(pod)) group.ready.push(endpointAddress(pod, service))
    else group.notReady.push(endpointAddress(pod, service))
  }
  return [...groups.values()].map((group) => {
    const subset: EndpointSubset = {}
    if (group.ready.length > 0) subset.addresses = group.ready.sort(compareAddresses)
    if (group.notReady.length > 0) subset.notReadyAddresses = group.notReady.sort(compareAddresses)
    if (group.ports.length > 0) subset.ports = group.ports
    return subset
  })
}

function comparePorts(a: EndpointPort, b: EndpointPort): number {
  return (a.name ?? '').localeCompare(b.name ?? '') || a.port - b.port || a.protocol.localeCompare(b.protocol)
}

// endpoints.LessEndpointAddress: by IP bytes, then targetRef uid
function compareAddresses(a: EndpointAddress, b: EndpointAddress): number {
  const byIp = a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0
  if (byIp !== 0) return byIp
  const ua = a.targetRef?.['uid'] ?? ''
  const ub = b.targetRef?.['uid'] ?? ''
  return ua < ub ? -1 : ua > ub ? 1 : 0
}

/** pkg/controlplane/reconcilers (lease/master-count reconciler): default/kubernetes -> the apiserver's address. */
async function reconcileKubernetes(current: KubeObject | undefined, ctx: ReconcileContext): Promise<void> {
  const ip = apiServerAddress(ctx)
  if (!ip) return
  const subsets: EndpointSubset[] = [
    {addresses: [{ip}], ports: [{name: 'https', port: API_SERVER_PORT, protocol: 'TCP'}]},
  ]
  const labels = {[SKIP_MIRROR_LABEL]: 'true'}
  if (current && sameSubsets(current, subsets) && current.metadata.labels?.[SKIP_MIRROR_LABEL] === 'true') return
  const metadata: KubeObject['metadata'] = current
    ? {...structuredClone(current.metadata), labels: {...(current.metadata.labels ?? {}), ...labels}}
    : {name: 'kubernetes', namespace: 'default', labels}
  const next: KubeObject = {apiVersion: 'v1', kind: 'Endpoints', metadata, subsets}
  if (current) await ctx.api.update(next)
  else await ctx.api.create(next)
}

function endpointsRef(namespace: string): ResourceRef {
  return {group: '', version: 'v1', resource: 'endpoints', namespace}
}
