import type {KubeObject} from '../../backend/object.js'
import {quantityOf, scaledValue} from '../../resources/quantity.js'
import {schedulingSpec, type ContainerResources, type Resources} from './types.js'

// schedutil.DefaultMilliCPURequest and DefaultMemoryRequest (pkg/scheduler/util/pod_resources.go, v1.32)
const DEFAULT_MILLI_CPU_REQUEST = 100
const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024

/** No resources at all. */
export function emptyResources(): Resources {
  return {milliCpu: 0, memory: 0, ephemeralStorage: 0, scalar: {}}
}

/** A ResourceList (`{cpu: '500m', memory: '1Gi'}`) as amounts; `pods` is left out. */
export function resourcesOf(list: Record<string, unknown> | undefined, nonZero = false): Resources {
  const result = emptyResources()
  for (const [name, value] of Object.entries(list ?? {})) {
    const quantity = quantityOf(value)
    if (!quantity) continue
    if (name === 'cpu') result.milliCpu = Number(scaledValue(quantity, -3))
    else if (name === 'memory') result.memory = Number(scaledValue(quantity, 0))
    else if (name === 'ephemeral-storage') result.ephemeralStorage = Number(scaledValue(quantity, 0))
    else if (name !== 'pods') result.scalar[name] = Number(scaledValue(quantity, 0))
  }
  if (nonZero) {
    // a container that asks for nothing still counts for something when scoring (GetNonzeroRequests)
    if (list?.['cpu'] === undefined) result.milliCpu = DEFAULT_MILLI_CPU_REQUEST
    if (list?.['memory'] === undefined) result.memory = DEFAULT_MEMORY_REQUEST
  }
  return result
}

/** a + b. */
export function addResources(a: Resources, b: Resources): Resources {
  const scalar = {...a.scalar}
  for (const [name, value] of Object.entries(b.scalar)) scalar[name] = (scalar[name] ?? 0) + value
  return {
    milliCpu: a.milliCpu + b.milliCpu,
    memory: a.memory + b.memory,
    ephemeralStorage: a.ephemeralStorage + b.ephemeralStorage,
    scalar,
  }
}

function maxResources(a: Resources, b: Resources): Resources {
  const scalar = {...a.scalar}
  for (const [name, value] of Object.entries(b.scalar)) scalar[name] = Math.max(scalar[name] ?? 0, value)
  return {
    milliCpu: Math.max(a.milliCpu, b.milliCpu),
    memory: Math.max(a.memory, b.memory),
    ephemeralStorage: Math.max(a.ephemeralStorage, b.ephemeralStorage),
    scalar,
  }
}

function containerRequests(container: ContainerResources, nonZero: boolean): Resources {
  return resourcesOf(container.resources?.requests, nonZero)
}

/**
 * What a pod asks for (resource.PodRequests, pkg/api/v1/resource/helpers.go, v1.32): the sum of its
 * containers, or the largest init container when larger (sidecars, restartable init containers, add to
 * every later step), plus the pod overhead. With nonZero, containers without requests count the defaults.
 */
export function podRequests(pod: KubeObject, nonZero = false): Resources {
  // asked for every node of every cycle: a stored object never changes, so its sums are kept with it
  const memo = nonZero ? nonZeroRequestsMemo : requestsMemo
  let requests = memo.get(pod)
  if (!requests) memo.set(pod, (requests = sumRequests(pod, nonZero)))
  return requests
}

const requestsMemo = new WeakMap<KubeObject, Resources>()
const nonZeroRequestsMemo = new WeakMap<KubeObject, Resources>()

function sumRequests(pod: KubeObject, nonZero: boolean): Resources {
  const spec = schedulingSpec(pod)
  let sum = emptyResources()
  for (const container of spec.containers ?? []) sum = addResources(sum, containerRequests(container, nonZero))
  let sidecars = emptyResources()
  let initMax = emptyResources()
  for (const container of spec.initContainers ?? []) {
    const requests = containerRequests(container, nonZero)
    if (container.restartPolicy === 'Always') {
      sidecars = addResources(sidecars, requests)
      initMax = maxResources(initMax, sidecars)
    } else {
      initMax = maxResources(initMax, addResources(sidecars, requests))
    }
  }
  let total = maxResources(addResources(sum, sidecars), initMax)
  if (spec.overhead) total = addResources(total, resourcesOf(spec.overhead))
  return total
}
