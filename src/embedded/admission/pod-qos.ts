// A pod's QoS class (pkg/apis/core/helper/qos ComputePodQOS, v1.32), which the Pod strategy
// stores in status.qosClass on create and kubectl describe shows.
import {isJsonObject} from '../../backend/object.js'
import {
  addQuantities,
  compareQuantities,
  isQuantity,
  tryParseQuantity,
  type Quantity,
} from '../../resources/quantity.js'
import {arr, obj} from './json.js'

/** The three QoS classes. */
export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort'

const QOS_RESOURCES = ['cpu', 'memory']

function positive(list: unknown): Map<string, Quantity> {
  const found = new Map<string, Quantity>()
  for (const [name, raw] of Object.entries(obj(list))) {
    if (!QOS_RESOURCES.includes(name)) continue
    const parsed = tryParseQuantity(raw)
    if (isQuantity(parsed) && parsed.nanos > 0n) found.set(name, parsed)
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
  const spec = obj(podSpec)
  const requests = new Map<string, Quantity>()
  const limits = new Map<string, Quantity>()
  let guaranteed = true
  for (const container of [...arr(spec['containers']), ...arr(spec['initContainers'])]) {
    if (!isJsonObject(container)) continue
    const resources = obj(container['resources'])
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
