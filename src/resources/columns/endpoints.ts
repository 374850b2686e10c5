import type {KubeObject} from '../../backend/object.js'
import {joinHostPort} from '../host-port.js'
import {translateTimestampSince} from './age.js'
import {ageColumn, column, nameColumn, type ColumnSet} from './column-set.js'

/** One subset of a core/v1 Endpoints object. */
export interface EndpointSubset {
  addresses?: {ip?: string}[]
  ports?: {name?: string; port?: number}[]
}

interface EndpointsFields extends KubeObject {
  subsets?: EndpointSubset[]
}

// kubectl: printers.go formatEndpoints shows at most three addresses (v1.32)
const MAX_LISTED = 3

// kubectl: pkg/printers/internalversion/printers.go endpointColumnDefinitions + printEndpoints (v1.32)
/** NAME ENDPOINTS AGE. */
export const endpointsColumns: ColumnSet = {
  columns: [nameColumn(), column('Endpoints', 'string', 'Ready addresses and ports of the endpoints.'), ageColumn()],
  cells(object: KubeObject, now: number): unknown[] {
    const endpoints = object as EndpointsFields
    return [
      endpoints.metadata.name ?? '',
      formatEndpoints(endpoints.subsets ?? []),
      translateTimestampSince(endpoints.metadata.creationTimestamp, now),
    ]
  },
}

/**
 * The ready `ip:port` pairs of an Endpoints object, at most three then `+ N more...`; only the ports named in
 * `portNames` when given (describe passes the service's port names).
 * kubectl: printers.go formatEndpoints (v1.32)
 */
export function formatEndpoints(subsets: readonly EndpointSubset[], portNames?: ReadonlySet<string>): string {
  if (subsets.length === 0) return '<none>'
  const list: string[] = []
  let count = 0
  for (const subset of subsets) {
    const addresses = subset.addresses ?? []
    const ports = subset.ports ?? []
    // headless services may have no ports: list bare IPs
    const targets =
      ports.length === 0
        ? [undefined]
        : ports.filter((p) => portNames === undefined || portNames.has(p.name ?? '')).map((p) => p.port ?? 0)
    for (const port of targets) {
      count += addresses.length
      for (const address of addresses) {
        if (list.length === MAX_LISTED) break
        list.push(port === undefined ? (address.ip ?? '') : joinHostPort(address.ip ?? '', port))
      }
    }
  }
  const text = list.join(',')
  return count > MAX_LISTED ? `${text} + ${count - MAX_LISTED} more...` : text
}
