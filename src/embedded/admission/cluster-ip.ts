// Service IP and node port allocation for the embedded cluster: the state the Service REST storage
// keeps in kube-apiserver (pkg/registry/core/service/ipallocator and portallocator, v1.32), made a
// pure function of the addresses and ports already in use.
import type {JsonObject, KubeObject} from '../../backend/object.js'
import type {StatusCause} from '../../backend/status.js'
import {child, index, invalid, toStatusCauses, type FieldError} from './field-error.js'
import {parseIPv4} from './formats.js'
import {goStringSlice} from '../../resources/go-format.js'
import {goScalar} from './go-format.js'
import {arr, ensureObject, num, obj, str} from './json.js'

/** kube-apiserver --service-cluster-ip-range default in kubeadm and kind clusters. */
const SERVICE_CLUSTER_IP_RANGE = '10.96.0.0/12'
/** --service-node-port-range default. */
const NODE_PORT_RANGE = {min: 30000, max: 32767} as const

const RANGE_BASE = ipToNumber([10, 96, 0, 0])
const RANGE_SIZE = 2 ** (32 - 12)
// ipallocator: the lower 1/16 of the range (at least 16, at most 256 addresses) is kept for
// static IPs such as kube-dns' 10.96.0.10; dynamic allocation starts above it.
const STATIC_BAND = Math.min(Math.max(16, Math.floor(RANGE_SIZE / 16)), 256)

function ipToNumber(octets: readonly number[]): number {
  return octets.reduce((acc, octet) => acc * 256 + octet, 0)
}

function numberToIP(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.')
}

/** True when an IPv4 address is a usable address of the service range (not network or broadcast). */
export function isInServiceRange(ip: string): boolean {
  const octets = parseIPv4(ip)
  if (octets === undefined) return false
  const offset = ipToNumber(octets) - RANGE_BASE
  return offset > 0 && offset < RANGE_SIZE - 1
}

function firstFree(used: ReadonlySet<string>, from: number, to: number): string | undefined {
  for (let offset = from; offset < to; offset++) {
    const ip = numberToIP(RANGE_BASE + offset)
    if (!used.has(ip)) return ip
  }
  return undefined
}

/**
 * A free cluster IP from 10.96.0.0/12. Deterministic by default: the lowest free address above the
 * static band (10.96.1.1, 10.96.1.2, ...); pass a seeded `random` (0 ≤ r < 1) to spread them out
 * as kube-apiserver does. Returns undefined when the range is full.
 */
export function allocateClusterIP(used: ReadonlySet<string>, random?: () => number): string | undefined {
  const start = STATIC_BAND + 1
  const end = RANGE_SIZE - 1
  const from = random === undefined ? start : start + Math.floor(random() * (end - start))
  return firstFree(used, from, end) ?? firstFree(used, start, from) ?? firstFree(used, 1, start)
}

/** A free node port; deterministic (lowest free) unless a seeded `random` is given. */
export function allocateNodePort(used: ReadonlySet<number>, random?: () => number): number | undefined {
  const size = NODE_PORT_RANGE.max - NODE_PORT_RANGE.min + 1
  const from = random === undefined ? 0 : Math.floor(random() * size)
  for (let i = 0; i < size; i++) {
    const port = NODE_PORT_RANGE.min + ((from + i) % size)
    if (!used.has(port)) return port
  }
  return undefined
}

/** What is already taken, for allocateServiceAddresses. */
export interface ServiceAllocationState {
  usedClusterIPs: ReadonlySet<string>
  usedNodePorts: ReadonlySet<number>
  /** seeded randomness; omit for the lowest free values */
  random?: () => number
}

function needsNodePorts(type: string): boolean {
  return type === 'NodePort' || type === 'LoadBalancer'
}

function validateRequestedIP(spec: JsonObject, state: ServiceAllocationState): FieldError[] {
  const ips = arr(spec['clusterIPs']).map(str)
  const requested = ips[0]
  if (requested === undefined || requested === 'None') return []
  const reason = !isInServiceRange(requested)
    ? `provided IP is not in the valid range. The range of valid IPs is ${SERVICE_CLUSTER_IP_RANGE}`
    : state.usedClusterIPs.has(requested)
      ? 'provided IP is already allocated'
      : undefined
  return reason === undefined
    ? []
    : [invalid('spec.clusterIPs', goStringSlice(ips), `failed to allocate IP ${requested}: ${reason}`)]
}

function validateFamilies(spec: JsonObject): FieldError[] {
  if (spec['ipFamilyPolicy'] === 'RequireDualStack') {
    return [
      invalid('spec.ipFamilyPolicy', '"RequireDualStack"', 'this cluster is not configured for dual-stack services'),
    ]
  }
  return arr(spec['ipFamilies']).flatMap((family, i) =>
    str(family) === 'IPv6' ? [invalid(index('spec.ipFamilies', i), '"IPv6"', 'not configured on this cluster')] : [],
  )
}

function validateRequestedNodePorts(spec: JsonObject, state: ServiceAllocationState): FieldError[] {
  return arr(spec['ports']).flatMap((raw, i) => {
    const nodePort = num(obj(raw)['nodePort']) ?? 0
    if (nodePort === 0) return []
    const path = child(index('spec.ports', i), 'nodePort')
    if (nodePort < NODE_PORT_RANGE.min || nodePort > NODE_PORT_RANGE.max) {
      const range = `${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}`
      return [
        invalid(
          path,
          goScalar(nodePort),
          `provided port is not in the valid range. The range of valid ports is ${range}`,
        ),
      ]
    }
    return state.usedNodePorts.has(nodePort)
      ? [invalid(path, goScalar(nodePort), 'provided port is already allocated')]
      : []
  })
}

/**
 * Allocates what a new Service needs (cluster IP unless headless or ExternalName; node ports for
 * NodePort and LoadBalancer) on a defaulted Service. Returns the completed copy, or the causes of
 * the Invalid error kube-apiserver gives for a requested IP or port it cannot have.
 */
export function allocateServiceAddresses(
  service: KubeObject,
  state: ServiceAllocationState,
): {service: KubeObject} | {causes: StatusCause[]} {
  const copy = structuredClone(service)
  const spec = ensureObject(copy as unknown as JsonObject, 'spec')
  const type = str(spec['type'])
  if (type === 'ExternalName') return {service: copy}
  const errors = [...validateFamilies(spec), ...validateRequestedIP(spec, state)]
  if (needsNodePorts(type)) errors.push(...validateRequestedNodePorts(spec, state))
  if (errors.length > 0) return {causes: toStatusCauses(errors)}
  if (str(spec['clusterIP']).length === 0) {
    const ip = allocateClusterIP(state.usedClusterIPs, state.random)
    if (ip === undefined)
      return {causes: [{reason: 'InternalError', message: 'failed to allocate a serviceIP: range is full', field: ''}]}
    spec['clusterIP'] = ip
    spec['clusterIPs'] = [ip]
  }
  if (needsNodePorts(type)) {
    const taken = new Set(state.usedNodePorts)
    for (const port of arr(spec['ports'])) {
      const p = obj(port)
      if ((num(p['nodePort']) ?? 0) !== 0) continue
      const allocated = allocateNodePort(taken, state.random)
      if (allocated === undefined) return {causes: [{reason: 'InternalError', message: 'range is full', field: ''}]}
      p['nodePort'] = allocated
      taken.add(allocated)
    }
  }
  return {service: copy}
}
