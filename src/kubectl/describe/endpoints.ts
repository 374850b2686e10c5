// kubectl: pkg/describe/describe.go EndpointsDescriber, EndpointSliceDescriber (v1.32)
import type {KubeObject} from '../../backend/object.js'
import {eventsFor, type DescribeContext} from './context.js'
import type {EndpointSlice, Endpoints} from './endpoint-addresses.js'
import {describeEvents} from './events.js'
import {printAnnotationsMultiline, printLabelsMultiline} from './multiline.js'
import {LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString} from './prefix-writer.js'

function ipList(addresses: {ip?: string}[] | undefined): string {
  return (addresses ?? []).map((address) => address.ip ?? '').join(',') || '<none>'
}

/** Describes an Endpoints object subset by subset. */
export async function describeEndpoints(object: KubeObject, context: DescribeContext): Promise<string> {
  const endpoints = object as Endpoints
  const events = await eventsFor(context, endpoints)
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${endpoints.metadata.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${endpoints.metadata.namespace ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', endpoints.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', endpoints.metadata.annotations)
    w.write(LEVEL_0, 'Subsets:\n')
    for (const subset of endpoints.subsets ?? []) {
      w.write(LEVEL_1, `Addresses:\t${ipList(subset.addresses)}\n`)
      w.write(LEVEL_1, `NotReadyAddresses:\t${ipList(subset.notReadyAddresses)}\n`)
      const ports = subset.ports ?? []
      if (ports.length > 0) {
        w.write(LEVEL_1, 'Ports:\n')
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n')
        w.write(LEVEL_2, '----\t----\t--------\n')
        for (const port of ports) {
          w.write(LEVEL_2, `${port.name || '<unset>'}\t${port.port ?? 0}\t${port.protocol ?? ''}\n`)
        }
      }
      w.write(LEVEL_0, '\n')
    }
    if (events) describeEvents(events, w, context.now)
  })
}

/** Describes an EndpointSlice: address type, ports and each endpoint. */
export async function describeEndpointSlice(object: KubeObject, context: DescribeContext): Promise<string> {
  const slice = object as EndpointSlice
  const events = await eventsFor(context, slice)
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${slice.metadata.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${slice.metadata.namespace ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', slice.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', slice.metadata.annotations)
    w.write(LEVEL_0, `AddressType:\t${slice.addressType ?? ''}\n`)
    const ports = slice.ports ?? []
    if (ports.length === 0) {
      w.write(LEVEL_0, 'Ports: <unset>\n')
    } else {
      w.write(LEVEL_0, 'Ports:\n')
      w.write(LEVEL_1, 'Name\tPort\tProtocol\n')
      w.write(LEVEL_1, '----\t----\t--------\n')
      for (const port of ports) {
        const portNumber = port.port === undefined || port.port === null ? '<unset>' : String(port.port)
        w.write(LEVEL_1, `${port.name || '<unset>'}\t${portNumber}\t${port.protocol ?? ''}\n`)
      }
    }
    const endpoints = slice.endpoints ?? []
    if (endpoints.length === 0) {
      w.write(LEVEL_0, 'Endpoints: <none>\n')
    } else {
      w.write(LEVEL_0, 'Endpoints:\n')
      for (const endpoint of endpoints) {
        w.write(LEVEL_1, `- Addresses:\t${(endpoint.addresses ?? []).join(', ') || '<none>'}\n`)
        w.write(LEVEL_2, 'Conditions:\n')
        const ready = endpoint.conditions?.ready
        w.write(LEVEL_3, `Ready:\t${ready === undefined || ready === null ? '<unset>' : String(ready)}\n`)
        w.write(LEVEL_2, `Hostname:\t${endpoint.hostname ?? '<unset>'}\n`)
        if (endpoint.targetRef) {
          w.write(LEVEL_2, `TargetRef:\t${endpoint.targetRef.kind ?? ''}/${endpoint.targetRef.name ?? ''}\n`)
        }
        w.write(LEVEL_2, `NodeName:\t${endpoint.nodeName ?? '<unset>'}\n`)
        w.write(LEVEL_2, `Zone:\t${endpoint.zone ?? '<unset>'}\n`)
      }
    }
    if (events) describeEvents(events, w, context.now)
  })
}
