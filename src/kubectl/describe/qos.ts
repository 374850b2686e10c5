// kubectl: pkg/util/qos GetPodQOS (v1.32): the stored class, else computed from the containers.
import type {Pod, ResourceList} from './pod-types.js'
import {addQuantities, compareQuantities, parseQuantity, zeroQuantity, type Quantity} from './quantity.js'

const QOS_RESOURCES = ['cpu', 'memory']

function addPositive(total: Map<string, Quantity>, list: ResourceList | undefined): Set<string> {
  const found = new Set<string>()
  for (const name of QOS_RESOURCES) {
    const quantity = parseQuantity(list?.[name])
    if (!quantity || compareQuantities(quantity, zeroQuantity()) <= 0) continue
    found.add(name)
    const current = total.get(name)
    total.set(name, current ? addQuantities(quantity, current) : quantity)
  }
  return found
}

/** The pod's QoS class: `Guaranteed`, `Burstable` or `BestEffort`. */
export function podQOSClass(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass
  const requests = new Map<string, Quantity>()
  const limits = new Map<string, Quantity>()
  let guaranteed = true
  for (const container of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    addPositive(requests, container.resources?.requests)
    const limitsFound = addPositive(limits, container.resources?.limits)
    if (!limitsFound.has('cpu') || !limitsFound.has('memory')) guaranteed = false
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort'
  if (guaranteed) {
    for (const [name, request] of requests) {
      const limit = limits.get(name)
      if (!limit || compareQuantities(limit, request) !== 0) {
        guaranteed = false
        break
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable'
}
