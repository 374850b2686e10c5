import type {KubeObject} from '../../backend/object.js'
import {translateTimestampSince} from './age.js'
import {ageColumn, column, nameColumn, type ColumnSet} from './column-set.js'

interface EndpointSubset {
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

// kubectl: printers.go formatEndpoints with every port (v1.32)
function formatEndpoints(subsets: EndpointSubset[]): string {
  if (subsets.length === 0) return '<none>'
  const list: string[] = []
  let count = 0
  for (const subset of subsets) {
    const addresses = subset.addresses ?? []
    const ports = subset.ports ?? []
    // headless services may have no ports: list bare IPs
    const targets = ports.length === 0 ? [undefined] : ports.map((p) => p.port ?? 0)
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

// Go's net.JoinHostPort brackets IPv6 addresses
function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}
