import type {KubeObject} from '../../backend/object.js'
import {translateTimestampSince} from './age.js'
import {ageColumn, column, nameColumn, type ColumnSet} from './column-set.js'

interface EndpointSliceFields extends KubeObject {
  addressType?: string
  ports?: {name?: string; port?: number}[] | null
  endpoints?: {addresses?: string[]}[] | null
}

// kubectl: printers.go formatDiscoveryPorts / formatDiscoveryEndpoints list at most three (v1.32)
const MAX_LISTED = 3

// kubectl: pkg/printers/internalversion/printers.go endpointSliceColumnDefinitions + printEndpointSlice (v1.32)
/** NAME ADDRESSTYPE PORTS ENDPOINTS AGE. */
export const endpointSliceColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('AddressType', 'string', 'The type of the addresses: IPv4, IPv6 or FQDN.'),
    column('Ports', 'string', 'The ports of the endpoint slice.'),
    column('Endpoints', 'string', 'The addresses of the endpoints.'),
    ageColumn(),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const slice = object as EndpointSliceFields
    const ports = (slice.ports ?? []).map((p) => (typeof p.port === 'number' ? String(p.port) : (p.name ?? '*')))
    const addresses = (slice.endpoints ?? []).flatMap((e) => e.addresses ?? [])
    return [
      slice.metadata.name ?? '',
      slice.addressType ?? '',
      listWithMore(ports),
      listWithMore(addresses),
      translateTimestampSince(slice.metadata.creationTimestamp, now),
    ]
  },
}

// kubectl: printers.go listWithMoreString (v1.32)
function listWithMore(items: string[]): string {
  if (items.length > MAX_LISTED) return `${items.slice(0, MAX_LISTED).join(',')} + ${items.length - MAX_LISTED} more...`
  const text = items.join(',')
  return text === '' ? '<unset>' : text
}
