import type {KubeObject} from '../../backend/object.js'
import type {ResourceRef} from '../../backend/refs.js'
import type {ChangeEvent, StoreKey} from '../store/store.js'
import type {Controller, ReconcileContext} from './controller.js'
import {canonicalJson} from './deployment/template-hash.js'
import {
  API_SERVER_PORT,
  NODES,
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
import {controllerRefTo} from './replicaset/owner.js'
import {isPodReady, podNodeName} from './replicaset/pod-state.js'

const SLICES = 'discovery.k8s.io/endpointslices'
// discovery.LabelServiceName, discovery.LabelManagedBy and this controller's name (v1.32)
const SERVICE_NAME_LABEL = 'kubernetes.io/service-name'
const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by'
const CONTROLLER_NAME = 'endpointslice-controller.k8s.io'
const HEADLESS_LABEL = 'service.kubernetes.io/headless'
const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time'
const ZONE_LABEL = 'topology.kubernetes.io/zone'
// --max-endpoints-per-slice default
const MAX_ENDPOINTS_PER_SLICE = 100

interface SliceEndpoint {
  addresses: string[]
  conditions: {ready: boolean; serving: boolean; terminating: boolean}
  hostname?: string
  targetRef?: Record<string, string>
  nodeName?: string
  zone?: string
}

interface SlicePort {
  name: string
  protocol: string
  port: number
  appProtocol?: string
}

interface Desired {
  ports: SlicePort[] | null
  endpoints: SliceEndpoint[] | null
}

/**
 * The EndpointSlice controller (pkg/controller/endpointslice, v1.32): for every Service with a selector,
 * EndpointSlices `<service>-xxxxx` owned by the Service, one per set of resolved ports and at most 100
 * endpoints each, listing the selected pods with their ready/serving/terminating conditions. A Service
 * with no endpoints keeps one empty placeholder slice. The `kubernetes` Service's slice is kube-apiserver's.
 */
export const endpointSliceController: Controller = {
  name: 'endpointslice',

  keysFor(change: ChangeEvent, ctx: ReconcileContext): StoreKey[] {
    if (change.resource === SERVICES) return [serviceKey(change.namespace, change.name)]
    if (change.resource === PODS) {
      return serviceKeysForPod(change.object, change.namespace, ctx, slicesListing(change, ctx))
    }
    // a slice of ours deleted by someone else is recreated (the controller watches its slices)
    if (change.resource === SLICES && change.type === 'DELETED') {
      const service = change.object.metadata.labels?.[SERVICE_NAME_LABEL]
      return service ? [serviceKey(change.namespace, service)] : []
    }
    return []
  },

  async reconcile(key: StoreKey, ctx: ReconcileContext): Promise<void> {
    const service = ctx.cache.get(key)
    // a deleted Service's slices go with it through their ownerReference (garbage collector)
    if (!service || service.metadata.deletionTimestamp !== undefined) return
    if (key.namespace === 'default' && key.name === 'kubernetes') return reconcileKubernetes(ctx)
    if (!hasSelector(service)) return
    const pods = selectedPods(service, ctx).filter((pod) => shouldPodBeInEndpoints(pod, true))
    const desired = desiredSlices(service, pods, ctx)
    const existing = ctx.cache
      .list(SLICES, key.namespace)
      .filter((slice) => slice.metadata.labels?.[SERVICE_NAME_LABEL] === key.name)
      .filter((slice) => slice.metadata.labels?.[MANAGED_BY_LABEL] === CONTROLLER_NAME)
    await reconcileSlices(service, desired, existing, lastChangeTriggerTime(service, pods), ctx)
  },
}

// the services whose slices list a pod: a pod relabelled out of a selector must leave them
function slicesListing(change: ChangeEvent, ctx: ReconcileContext): string[] {
  const uid = change.object.metadata.uid
  return ctx.cache
    .list(SLICES, change.namespace)
    .filter((slice) => endpointsOf(slice).some((e) => e.targetRef?.['uid'] === uid))
    .map((slice) => slice.metadata.labels?.[SERVICE_NAME_LABEL] ?? '')
    .filter((name) => name !== '')
}

function endpointsOf(slice: KubeObject): SliceEndpoint[] {
  return (slice['endpoints'] as SliceEndpoint[] | null | undefined) ?? []
}

/** podToEndpoint (endpointslice/util, v1.32). */
function podToEndpoint(pod: KubeObject, service: KubeObject, ctx: ReconcileContext): SliceEndpoint {
  const serving = isPodReady(pod)
  const terminating = pod.metadata.deletionTimestamp !== undefined
  const ready = serviceSpec(service).publishNotReadyAddresses === true || (serving && !terminating)
  const endpoint: SliceEndpoint = {addresses: [podIP(pod)], conditions: {ready, serving, terminating}}
  const hostname = podHostname(pod, service)
  if (hostname) endpoint.hostname = hostname
  endpoint.targetRef = podTargetRef(pod)
  const nodeName = podNodeName(pod)
  if (nodeName) {
    endpoint.nodeName = nodeName
    const zone = ctx.cache.get({resource: NODES, namespace: '', name: nodeName})?.metadata.labels?.[ZONE_LABEL]
    if (zone) endpoint.zone = zone
  }
  return endpoint
}

/** getEndpointPorts (v1.32): the service ports that resolve on this pod; name is always set, "" when unnamed. */
function endpointPorts(pod: KubeObject, service: KubeObject): SlicePort[] {
  const ports: SlicePort[] = []
  for (const servicePort of serviceSpec(service).ports ?? []) {
    const port = findPort(pod, servicePort)
    if (port === undefined) continue
    const slicePort: SlicePort = {name: servicePort.name ?? '', protocol: servicePort.protocol ?? 'TCP', port}
    if (servicePort.appProtocol) slicePort.appProtocol = servicePort.appProtocol
    ports.push(slicePort)
  }
  return ports
}

/** The slices the pods call for: endpoints grouped by their port set, at most 100 per slice. */
function desiredSlices(service: KubeObject, pods: readonly KubeObject[], ctx: ReconcileContext): Desired[] {
  const groups = new Map<string, {ports: SlicePort[]; endpoints: SliceEndpoint[]}>()
  for (const pod of pods) {
    const ports = endpointPorts(pod, service)
    const key = canonicalJson(ports)
    const group = groups.get(key) ?? {ports, endpoints: []}
    groups.set(key, group)
    group.endpoints.push(podToEndpoint(pod, service, ctx))
  }
  const slices: Desired[] = []
  for (const group of groups.values()) {
    // upstream's order follows its informer cache; by address reads better and stays stable across syncs
    group.endpoints.sort((a, b) => compareStrings(a.addresses[0] ?? '', b.addresses[0] ?? ''))
    for (let i = 0; i < group.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) {
      slices.push({ports: group.ports, endpoints: group.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE)})
    }
  }
  // reconciler.go: a Service without endpoints keeps one placeholder slice (endpoints and ports null)
  if (slices.length === 0) slices.push({ports: null, endpoints: null})
  return slices
}

// setEndpointSliceLabels (v1.32): the service's labels, then the controller's own
function sliceLabels(service: KubeObject): Record<string, string> {
  const labels: Record<string, string> = {}
  for (const [k, v] of Object.entries(service.metadata.labels ?? {})) {
    if (k !== SERVICE_NAME_LABEL && k !== MANAGED_BY_LABEL && k !== HEADLESS_LABEL) labels[k] = v
  }
  if (isHeadless(service)) labels[HEADLESS_LABEL] = ''
  labels[SERVICE_NAME_LABEL] = service.metadata.name ?? ''
  labels[MANAGED_BY_LABEL] = CONTROLLER_NAME
  return labels
}

function sliceContent(slice: KubeObject): string {
  return canonicalJson({
    ports: slice['ports'] ?? null,
    endpoints: slice['endpoints'] ?? null,
    labels: slice.metadata.labels ?? {},
  })
}

/**
 * reconciler.go reconcileByAddressType, simplified: existing slices with the same ports are reused in place
 * (updated only when their content differs), missing ones created, leftovers and slices not owned by the
 * Service deleted.
 */
async function reconcileSlices(
  service: KubeObject,
  desired: readonly Desired[],
  existing: readonly KubeObject[],
  trigger: string | undefined,
  ctx: ReconcileContext,
): Promise<void> {
  const uid = service.metadata.uid ?? ''
  const labels = sliceLabels(service)
  const owned = existing.filter((slice) => (slice.metadata.ownerReferences ?? []).some((ref) => ref.uid === uid))
  const unused = [...owned]
  const toDelete = existing.filter((slice) => !owned.includes(slice))
  const toCreate: Desired[] = []
  const toUpdate: KubeObject[] = []
  for (const want of desired) {
    const portsKey = canonicalJson(want.ports ?? [])
    const index = unused.findIndex((slice) => canonicalJson(slice['ports'] ?? []) === portsKey)
    const reuse = index >= 0 ? unused.splice(index, 1)[0] : undefined
    if (!reuse) {
      toCreate.push(want)
      continue
    }
    const next = sliceObject(service, want, labels, trigger, reuse)
    if (sliceContent(reuse) !== sliceContent(next)) toUpdate.push(next)
  }
  // finalize(): a slice that would be deleted while another is created is updated in its place instead
  while (toCreate.length > 0 && unused.length > 0) {
    const want = toCreate.pop() as Desired
    toUpdate.push(sliceObject(service, want, labels, trigger, unused.shift()))
  }
  toDelete.push(...unused)
  for (const want of toCreate) await ctx.api.create(sliceObject(service, want, labels, trigger, undefined))
  for (const slice of toUpdate) await ctx.api.update(slice)
  for (const slice of toDelete) await ctx.api.delete(slicesRef(service), slice.metadata.name ?? '', {})
}

function sliceObject(
  service: KubeObject,
  want: Desired,
  labels: Record<string, string>,
  trigger: string | undefined,
  current: KubeObject | undefined,
): KubeObject {
  const metadata: KubeObject['metadata'] = current
    ? structuredClone(current.metadata)
    : {
        generateName: `${service.metadata.name ?? ''}-`,
        namespace: service.metadata.namespace ?? '',
        ownerReferences: [controllerRefTo(service)],
      }
  metadata.labels = {...labels}
  const annotations = {...(metadata.annotations ?? {})}
  if (trigger) annotations[TRIGGER_TIME_ANNOTATION] = trigger
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata,
    addressType: 'IPv4',
    endpoints: want.endpoints,
    ports: want.ports,
  }
}

/** kube-apiserver's endpoint reconciler writes default/kubernetes's slice, named like the Service. */
async function reconcileKubernetes(ctx: ReconcileContext): Promise<void> {
  const ip = apiServerAddress(ctx)
  if (!ip) return
  const current = ctx.cache.get({resource: SLICES, namespace: 'default', name: 'kubernetes'})
  const next: KubeObject = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: current
      ? {...structuredClone(current.metadata), labels: {[SERVICE_NAME_LABEL]: 'kubernetes'}}
      : {name: 'kubernetes', namespace: 'default', labels: {[SERVICE_NAME_LABEL]: 'kubernetes'}},
    addressType: 'IPv4',
    endpoints: [{addresses: [ip], conditions: {ready: true}}],
    ports: [{name: 'https', protocol: 'TCP', port: API_SERVER_PORT}],
  }
  if (!current) await ctx.api.create(next)
  else if (sliceContent(current) !== sliceContent(next)) await ctx.api.update(next)
}

function slicesRef(service: KubeObject): ResourceRef {
  return {
    group: 'discovery.k8s.io',
    version: 'v1',
    resource: 'endpointslices',
    namespace: service.metadata.namespace ?? '',
  }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
