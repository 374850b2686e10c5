// kubectl: pkg/describe/describe.go ServiceDescriber (v1.32)
import type {KubeObject} from '../../backend/object.js'
import {eventsFor, type DescribeContext} from './context.js'
import {formatEndpoints} from '../../resources/columns/endpoints.js'
import {formatEndpointSlices, serviceEndpoints, serviceEndpointSlices, type Endpoints} from './endpoint-addresses.js'
import {describeEvents} from './events.js'
import {printAnnotationsMultiline, printLabelsMultiline} from './multiline.js'
import type {IntOrString} from './pod-types.js'
import {LEVEL_0, tabbedString} from './prefix-writer.js'
import {formatLabels} from '../../resources/label-selector.js'

/** The core/v1 Service fields describe reads. */
interface Service extends KubeObject {
  spec?: {
    selector?: Record<string, string>
    type?: string
    ipFamilyPolicy?: string
    ipFamilies?: string[]
    clusterIP?: string
    clusterIPs?: string[]
    externalIPs?: string[]
    loadBalancerIP?: string
    externalName?: string
    ports?: {name?: string; port?: number; targetPort?: IntOrString; nodePort?: number; protocol?: string}[]
    sessionAffinity?: string
    externalTrafficPolicy?: string
    internalTrafficPolicy?: string
    healthCheckNodePort?: number
    loadBalancerSourceRanges?: string[]
    trafficDistribution?: string
  }
  status?: {loadBalancer?: {ingress?: {ip?: string; hostname?: string; ipMode?: string}[]}}
}

function loadBalancerIngress(service: Service): string {
  return (service.status?.loadBalancer?.ingress ?? [])
    .map((ingress) => {
      if (!ingress.ip) return ingress.hostname ?? ''
      return ingress.ipMode ? `${ingress.ip} (${ingress.ipMode})` : ingress.ip
    })
    .join(', ')
}

/**
 * Describes a service; each port's Endpoints come from the service's EndpointSlices as in kubectl
 * v1.32. When there are none (a backend without an EndpointSlice controller), skiff falls back to
 * the Endpoints object of the same name.
 */
export async function describeService(object: KubeObject, context: DescribeContext): Promise<string> {
  const service = object as Service
  const namespace = service.metadata.namespace ?? ''
  const name = service.metadata.name ?? ''
  const slices = await serviceEndpointSlices(context.backend, namespace, name)
  const endpoints: Endpoints | undefined =
    slices.length === 0 ? await serviceEndpoints(context.backend, namespace, name) : undefined
  const events = await eventsFor(context, service)
  const spec = service.spec ?? {}
  const addressesOf = (portName: string): string => {
    const ports = new Set([portName])
    return endpoints ? formatEndpoints(endpoints.subsets ?? [], ports) : formatEndpointSlices(slices, ports)
  }
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${name}\n`)
    w.write(LEVEL_0, `Namespace:\t${namespace}\n`)
    printLabelsMultiline(w, 'Labels', service.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', service.metadata.annotations)
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`)
    w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`)
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`)
    const families = spec.ipFamilies ?? []
    w.write(LEVEL_0, `IP Families:\t${families.length > 0 ? families.join(',') : '<none>'}\n`)
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`)
    const clusterIPs = spec.clusterIPs ?? []
    w.write(LEVEL_0, `IPs:\t${clusterIPs.length > 0 ? clusterIPs.join(',') : '<none>'}\n`)
    if ((spec.externalIPs ?? []).length > 0) w.write(LEVEL_0, `External IPs:\t${(spec.externalIPs ?? []).join(',')}\n`)
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`)
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`)
    if ((service.status?.loadBalancer?.ingress ?? []).length > 0) {
      w.write(LEVEL_0, `LoadBalancer Ingress:\t${loadBalancerIngress(service)}\n`)
    }
    for (const port of spec.ports ?? []) {
      const portName = port.name || '<unset>'
      const protocol = port.protocol ?? ''
      w.write(LEVEL_0, `Port:\t${portName}\t${port.port ?? 0}/${protocol}\n`)
      w.write(LEVEL_0, `TargetPort:\t${String(port.targetPort ?? 0)}/${protocol}\n`)
      if (port.nodePort) w.write(LEVEL_0, `NodePort:\t${portName}\t${port.nodePort}/${protocol}\n`)
      w.write(LEVEL_0, `Endpoints:\t${addressesOf(port.name ?? '')}\n`)
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`)
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`)
    if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`)
    if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`)
    if ((spec.loadBalancerSourceRanges ?? []).length > 0) {
      w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${(spec.loadBalancerSourceRanges ?? []).join(',')}\n`)
    }
    if (spec.trafficDistribution) w.write(LEVEL_0, `Traffic Distribution:\t${spec.trafficDistribution}\n`)
    if (events) describeEvents(events, w, context.now)
  })
}
