// A pod's QoS class (pkg/apis/core/helper/qos ComputePodQOS, v1.32): the Pod strategy stores it in
// status.qosClass on create, and kubectl describe computes it when the status has none.
import {isJsonObject} from '../backend/object.js'
import {addQuantities, compareQuantities, quantityOf, type Quantity} from './quantity.js'

/** The three QoS classes. */
export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort'

const QOS_RESOURCES = ['cpu', 'memory']

function objectOf(value: unknown): Record<string, unknown> {
  return isJsonObject(value) ? value : {}
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

// Only positive cpu and memory amounts count.
function positive(list: unknown): Map<string, Quantity> {
  const found = new Map<string, Quantity>()
  for (const [name, raw] of Object.entries(objectOf(list))) {
    if (!QOS_RESOURCES.includes(name)) continue
    const parsed = quantityOf(raw)
    if (parsed !== undefined && parsed.nanos > 0n) found.set(name, parsed)
  }
  return found
}

function accumulate(total: Map<string, Quantity>, add: Map<string, Quantity>): void {
  for (const [name, quantity] of add) {
    const existing = total.get(name)
    total.set(name, existing === undefined ? quantity : addQuantities(existing, quantity))
  }
}

/** The QoS class of a pod spec (after defaulting, so requests already include limits). */
export function podQOSClass(podSpec: unknown): QOSClass {
  const spec = objectOf(podSpec)
  const requests = new Map<string, Quantity>()
  const limits = new Map<string, Quantity>()
  let guaranteed = true
  for (const container of [...arrayOf(spec['containers']), ...arrayOf(spec['initContainers'])]) {
    if (!isJsonObject(container)) continue
    const resources = objectOf(container['resources'])
    accumulate(requests, positive(resources['requests']))
    const containerLimits = positive(resources['limits'])
    accumulate(limits, containerLimits)
    if (!containerLimits.has('cpu') || !containerLimits.has('memory')) guaranteed = false
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort'
  if (guaranteed) {
    for (const [name, request] of requests) {
      const limit = limits.get(name)
      if (limit === undefined || compareQuantities(limit, request) !== 0) {
        guaranteed = false
        break
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable'
}
