// kubectl: pkg/util/resource PodRequestsAndLimits (v1.32): containers summed, init containers
// as a maximum (sidecars count with the containers), plus the pod overhead.
import type {Container, Pod, ResourceList} from './pod-types.js'
import {addQuantities, compareQuantities, quantityOf, type Quantity} from '../../resources/quantity.js'

/** Resource name to quantity. */
export type Quantities = Map<string, Quantity>

function parsed(list: ResourceList | undefined): Quantities {
  const result: Quantities = new Map()
  for (const [name, value] of Object.entries(list ?? {})) {
    const quantity = quantityOf(value)
    if (quantity) result.set(name, quantity)
  }
  return result
}

function addTo(total: Quantities, list: Quantities): void {
  for (const [name, quantity] of list) {
    const current = total.get(name)
    total.set(name, current ? addQuantities(current, quantity) : quantity)
  }
}

function maxInto(total: Quantities, list: Quantities): void {
  for (const [name, quantity] of list) {
    const current = total.get(name)
    if (!current || compareQuantities(quantity, current) > 0) total.set(name, quantity)
  }
}

function isSidecar(container: Container): boolean {
  return container.restartPolicy === 'Always'
}

function podTotal(pod: Pod, pick: (container: Container) => ResourceList | undefined): Quantities {
  const total: Quantities = new Map()
  for (const container of pod.spec?.containers ?? []) addTo(total, parsed(pick(container)))
  const sidecars: Quantities = new Map()
  const initMax: Quantities = new Map()
  for (const container of pod.spec?.initContainers ?? []) {
    const own = parsed(pick(container))
    let effective: Quantities
    if (isSidecar(container)) {
      addTo(total, own)
      addTo(sidecars, own)
      effective = sidecars
    } else {
      effective = new Map()
      addTo(effective, own)
      addTo(effective, sidecars)
    }
    maxInto(initMax, effective)
  }
  maxInto(total, initMax)
  return total
}

/** The requests and limits of a pod as the scheduler counts them. */
export function podRequestsAndLimits(pod: Pod): {requests: Quantities; limits: Quantities} {
  const requests = podTotal(pod, (c) => c.resources?.requests)
  const limits = podTotal(pod, (c) => c.resources?.limits)
  const overhead = parsed(pod.spec?.overhead)
  addTo(requests, overhead)
  // overhead only raises limits that are set
  for (const [name, quantity] of overhead) {
    const limit = limits.get(name)
    if (limit) limits.set(name, addQuantities(limit, quantity))
  }
  return {requests, limits}
}
