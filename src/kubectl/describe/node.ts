// kubectl: pkg/describe/describe.go NodeDescriber (v1.32)
import type {KubeObject} from '../../backend/object.js'
import {hasReason, isStatusError} from '../../backend/status.js'
import type {DescribeContext} from './context.js'
import {describeEvents, searchEventsQuietly} from './events.js'
import {listAll} from '../list-all.js'
import {printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, type Taint} from './multiline.js'
import {podRequestsAndLimits, type Quantities} from './pod-resources.js'
import type {Pod} from './pod-types.js'
import {LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter} from './prefix-writer.js'
import {
  addQuantities,
  formatQuantity,
  quantityOf,
  scaledValue,
  zeroQuantity,
  type Quantity,
} from '../../resources/quantity.js'
import {translateTimestampSince} from '../../resources/columns/age.js'
import {formatRFC1123Z} from './time.js'
import {findNodeRoles} from '../../resources/columns/node.js'

// core/v1 NamespaceNodeLease
const NODE_LEASE_NAMESPACE = 'kube-node-lease'
// Go converts NaN and ±Inf to this int64 on amd64, which kubectl prints for a zero allocatable
const GO_INT64_OF_NAN = '-9223372036854775808'
const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage'])

interface Node extends KubeObject {
  spec?: {taints?: Taint[]; unschedulable?: boolean; podCIDR?: string; podCIDRs?: string[]; providerID?: string}
  status?: {
    capacity?: Record<string, unknown>
    allocatable?: Record<string, unknown>
    conditions?: {
      type?: string
      status?: string
      lastHeartbeatTime?: string
      lastTransitionTime?: string
      reason?: string
      message?: string
    }[]
    addresses?: {type?: string; address?: string}[]
    nodeInfo?: Record<string, string>
  }
}

interface Lease extends KubeObject {
  spec?: {holderIdentity?: string; acquireTime?: string; renewTime?: string}
}

function listQuantity(list: Record<string, unknown> | undefined, name: string): Quantity {
  return quantityOf(list?.[name]) ?? zeroQuantity()
}

// int64(float64(part) / float64(whole) * 100), as Go truncates the percentage
function percent(part: Quantity, whole: Quantity, scale: number): string {
  const denominator = Number(scaledValue(whole, scale))
  if (denominator === 0) return GO_INT64_OF_NAN
  return String(Math.trunc((Number(scaledValue(part, scale)) / denominator) * 100))
}

function guardedPercent(part: Quantity, whole: Quantity, scale: number): string {
  return scaledValue(whole, scale) === 0n ? '0' : percent(part, whole, scale)
}

function get(map: Quantities, name: string): Quantity {
  return map.get(name) ?? zeroQuantity()
}

function describeNodeResource(pods: Pod[], node: Node, w: PrefixWriter, now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`)
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n')
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n')
  const allocatableList =
    Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status?.allocatable : node.status?.capacity
  const cpu = listQuantity(allocatableList, 'cpu')
  const memory = listQuantity(allocatableList, 'memory')
  const requests: Quantities = new Map()
  const limits: Quantities = new Map()
  for (const pod of pods) {
    const totals = podRequestsAndLimits(pod)
    const cells = [
      [get(totals.requests, 'cpu'), cpu, -3],
      [get(totals.limits, 'cpu'), cpu, -3],
      [get(totals.requests, 'memory'), memory, 0],
      [get(totals.limits, 'memory'), memory, 0],
    ] as const
    const columns = cells.map(([q, whole, scale]) => `${formatQuantity(q)} (${percent(q, whole, scale)}%)`)
    const age = translateTimestampSince(pod.metadata.creationTimestamp, now)
    w.write(LEVEL_1, `${pod.metadata.namespace ?? ''}\t${pod.metadata.name ?? ''}\t\t${columns.join('\t')}\t${age}\n`)
    for (const [target, source] of [
      [requests, totals.requests],
      [limits, totals.limits],
    ] as const) {
      for (const [name, quantity] of source) {
        const current = target.get(name)
        target.set(name, current ? addQuantities(current, quantity) : quantity)
      }
    }
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n')
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n')
  w.write(LEVEL_1, '--------\t--------\t------\n')
  for (const [name, whole, scale] of [
    ['cpu', cpu, -3],
    ['memory', memory, 0],
    ['ephemeral-storage', listQuantity(allocatableList, 'ephemeral-storage'), 0],
  ] as const) {
    const request = get(requests, name)
    const limit = get(limits, name)
    w.write(
      LEVEL_1,
      `${name}\t${formatQuantity(request)} (${guardedPercent(request, whole, scale)}%)\t` +
        `${formatQuantity(limit)} (${guardedPercent(limit, whole, scale)}%)\n`,
    )
  }
  const names = Object.keys(allocatableList ?? {}).sort()
  for (const name of names.filter((n) => n.startsWith('hugepages-'))) {
    const request = get(requests, name)
    const limit = get(limits, name)
    const whole = listQuantity(allocatableList, name)
    w.write(
      LEVEL_1,
      `${name}\t${formatQuantity(request)} (${guardedPercent(request, whole, 0)}%)\t` +
        `${formatQuantity(limit)} (${guardedPercent(limit, whole, 0)}%)\n`,
    )
  }
  for (const name of names) {
    if (STANDARD_CONTAINER_RESOURCES.has(name) || name.startsWith('hugepages-') || name === 'pods') continue
    w.write(LEVEL_1, `${name}\t${formatQuantity(get(requests, name))}\t${formatQuantity(get(limits, name))}\n`)
  }
}

function printResourceList(w: PrefixWriter, title: string, list: Record<string, unknown> | undefined): void {
  const names = Object.keys(list ?? {}).sort()
  if (names.length === 0) return
  w.write(LEVEL_0, `${title}:\n`)
  for (const name of names) w.write(LEVEL_0, `  ${name}:\t${formatQuantity(listQuantity(list, name))}\n`)
}

function describeNodeLease(lease: Lease, w: PrefixWriter): void {
  const spec = lease.spec ?? {}
  w.write(LEVEL_0, 'Lease:\n')
  w.write(LEVEL_1, `HolderIdentity:\t${spec.holderIdentity ?? '<unset>'}\n`)
  w.write(LEVEL_1, `AcquireTime:\t${spec.acquireTime ? formatRFC1123Z(spec.acquireTime) : '<unset>'}\n`)
  w.write(LEVEL_1, `RenewTime:\t${spec.renewTime ? formatRFC1123Z(spec.renewTime) : '<unset>'}\n`)
}

async function nodeLease(context: DescribeContext, name: string): Promise<Lease | string> {
  const ref = {group: 'coordination.k8s.io', version: 'v1', resource: 'leases', namespace: NODE_LEASE_NAMESPACE}
  try {
    return await context.backend.get(ref, name)
  } catch (error) {
    if (isStatusError(error)) return error.message
    throw error
  }
}

// pods bound to the node that have not finished; undefined when the user may not list pods
async function nonTerminatedPods(context: DescribeContext, name: string): Promise<Pod[] | undefined> {
  const fieldSelector = `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed`
  try {
    return (await listAll(
      context.backend,
      {group: '', version: 'v1', resource: 'pods'},
      {fieldSelector},
      context.chunkSize,
    )) as Pod[]
  } catch (error) {
    if (hasReason(error, 'Forbidden')) return undefined
    throw error
  }
}

/** Describes a node: roles, taints, lease, conditions, resources, system info, its pods and events. */
export async function describeNode(object: KubeObject, context: DescribeContext): Promise<string> {
  const node = object as Node
  const name = node.metadata.name ?? ''
  const pods = await nonTerminatedPods(context, name)
  let events: KubeObject[] | undefined
  if (context.showEvents) {
    // the node controller reports with the node's uid, the kubelet with its name
    const target = {name, namespace: '', kind: 'Node'}
    const byUID = await searchEventsQuietly(
      context.backend,
      {...target, uid: node.metadata.uid ?? ''},
      context.chunkSize,
    )
    const byName = await searchEventsQuietly(context.backend, {...target, uid: name}, context.chunkSize)
    events = [...byUID, ...byName]
  }
  const lease = await nodeLease(context, name)
  const spec = node.spec ?? {}
  const status = node.status ?? {}
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${name}\n`)
    const roles = findNodeRoles(node.metadata.labels ?? {})
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`)
    printLabelsMultiline(w, 'Labels', node.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations)
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(node.metadata.creationTimestamp)}\n`)
    printTaintsMultiline(w, 'Taints', spec.taints)
    w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`)
    if (typeof lease === 'string') w.write(LEVEL_0, `Lease:\tFailed to get lease: ${lease}\n`)
    else describeNodeLease(lease, w)
    const conditions = status.conditions ?? []
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n')
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n')
      for (const c of conditions) {
        w.write(
          LEVEL_1,
          `${c.type ?? ''} \t${c.status ?? ''} \t${formatRFC1123Z(c.lastHeartbeatTime)} \t` +
            `${formatRFC1123Z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
        )
      }
    }
    w.write(LEVEL_0, 'Addresses:\n')
    for (const address of status.addresses ?? []) w.write(LEVEL_1, `${address.type ?? ''}:\t${address.address ?? ''}\n`)
    printResourceList(w, 'Capacity', status.capacity)
    printResourceList(w, 'Allocatable', status.allocatable)
    const info = status.nodeInfo ?? {}
    w.write(LEVEL_0, 'System Info:\n')
    for (const [label, field] of [
      ['Machine ID', 'machineID'],
      ['System UUID', 'systemUUID'],
      ['Boot ID', 'bootID'],
      ['Kernel Version', 'kernelVersion'],
      ['OS Image', 'osImage'],
      ['Operating System', 'operatingSystem'],
      ['Architecture', 'architecture'],
      ['Container Runtime Version', 'containerRuntimeVersion'],
      ['Kubelet Version', 'kubeletVersion'],
      ['Kube-Proxy Version', 'kubeProxyVersion'],
    ] as const) {
      w.write(LEVEL_0, `  ${label}:\t${info[field] ?? ''}\n`)
    }
    if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`)
    if ((spec.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${(spec.podCIDRs ?? []).join(',')}\n`)
    if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`)
    if (pods) describeNodeResource(pods, node, w, context.now)
    else w.write(LEVEL_0, 'Pods:\tnot authorized\n')
    if (events) describeEvents(events, w, context.now)
  })
}
