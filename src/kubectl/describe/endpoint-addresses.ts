// The `Endpoints:` value of services and ingress backends
// (kubectl: pkg/describe/describe.go formatEndpointSlices (v1.32)).
import type {Backend} from '../../backend/backend.js'
import type {KubeObject} from '../../backend/object.js'
import {isStatusError} from '../../backend/status.js'
import {joinHostPort} from '../../resources/host-port.js'

// at most this many addresses are listed, then `+ N more...`
const MAX_ADDRESSES = 3
// discovery/v1 LabelServiceName
const SERVICE_NAME_LABEL = 'kubernetes.io/service-name'

/** The discovery/v1 EndpointSlice fields describe reads. */
export interface EndpointSlice extends KubeObject {
  addressType?: string
  ports?: {name?: string; port?: number; protocol?: string}[]
  endpoints?: {
    addresses?: string[]
    conditions?: {ready?: boolean}
    hostname?: string
    nodeName?: string
    zone?: string
    targetRef?: {kind?: string; name?: string}
  }[]
}

/** The core/v1 Endpoints fields describe reads. */
export interface Endpoints extends KubeObject {
  subsets?: {
    addresses?: {ip?: string}[]
    notReadyAddresses?: {ip?: string}[]
    ports?: {name?: string; port?: number; protocol?: string}[]
  }[]
}

class AddressList {
  readonly list: string[] = []
  private count = 0
  private more = false

  /** kubectl marks the list full before it knows whether the next endpoint is ready. */
  visit(): void {
    if (this.list.length === MAX_ADDRESSES) this.more = true
  }

  add(address: () => string): void {
    if (!this.more) this.list.push(address())
    this.count++
  }

  toString(): string {
    const joined = this.list.join(',')
    return this.more ? `${joined} + ${this.count - MAX_ADDRESSES} more...` : joined
  }
}

/** Ready `ip:port` pairs of the slices' ports named in `portNames` (all ports when undefined). */
export function formatEndpointSlices(slices: readonly EndpointSlice[], portNames?: ReadonlySet<string>): string {
  if (slices.length === 0) return '<none>'
  const addresses = new AddressList()
  for (const slice of slices) {
    const endpoints = slice.endpoints ?? []
    if ((slice.ports ?? []).length === 0) {
      // headless services may have no ports
      for (const endpoint of endpoints) {
        addresses.visit()
        // an unset ready condition counts as ready
        if (endpoint.conditions?.ready !== false) addresses.add(() => endpoint.addresses?.[0] ?? '')
      }
      continue
    }
    for (const port of slice.ports ?? []) {
      if (portNames && !portNames.has(port.name ?? '')) continue
      for (const endpoint of endpoints) {
        addresses.visit()
        if (endpoint.conditions?.ready !== false) {
          addresses.add(() => joinHostPort(endpoint.addresses?.[0] ?? '', port.port ?? 0))
        }
      }
    }
  }
  return addresses.toString()
}

/** The EndpointSlices of a service (by the service-name label); none when they cannot be listed, as kubectl. */
export async function serviceEndpointSlices(
  backend: Backend,
  namespace: string,
  service: string,
): Promise<EndpointSlice[]> {
  const ref = {group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', namespace}
  try {
    const list = await backend.list(ref, {labelSelector: `${SERVICE_NAME_LABEL}=${service}`})
    return list.items
  } catch (error) {
    if (isStatusError(error)) return []
    throw error
  }
}

/** The Endpoints object named like a service, if there is one. */
export async function serviceEndpoints(
  backend: Backend,
  namespace: string,
  service: string,
): Promise<Endpoints | undefined> {
  const ref = {group: '', version: 'v1', resource: 'endpoints', namespace}
  try {
    return await backend.get(ref, service)
  } catch (error) {
    if (isStatusError(error)) return undefined
    throw error
  }
}
