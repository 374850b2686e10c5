// kubectl: pkg/describe/describe.go IngressDescriber, IngressClassDescriber (v1.32)
import type {KubeObject} from '../../backend/object.js'
import {isStatusError} from '../../backend/status.js'
import {eventsFor, type DescribeContext} from './context.js'
import {formatEndpointSlices, type EndpointSlice} from './endpoint-addresses.js'
import {describeEvents} from './events.js'
import {printAnnotationsMultiline, printLabelsMultiline} from './multiline.js'
import {LEVEL_0, LEVEL_1, LEVEL_2, tabbedString} from './prefix-writer.js'

interface IngressBackend {
  service?: {name?: string; port?: {number?: number; name?: string}}
  resource?: {apiGroup?: string; kind?: string; name?: string}
}

interface Ingress extends KubeObject {
  spec?: {
    ingressClassName?: string
    defaultBackend?: IngressBackend
    tls?: {hosts?: string[]; secretName?: string}[]
    rules?: {host?: string; http?: {paths?: {path?: string; backend?: IngressBackend}[]}}[]
  }
  status?: {loadBalancer?: {ingress?: {ip?: string; hostname?: string}[]}}
}

interface Service extends KubeObject {
  spec?: {ports?: {name?: string; port?: number}[]}
}

// a Status error as client-go's error string: the message
function errorText(error: unknown): string {
  if (isStatusError(error)) return error.message
  throw error
}

function serviceBackendString(service: NonNullable<IngressBackend['service']>): string {
  const port = service.port?.number ? String(service.port.number) : (service.port?.name ?? '')
  return `${service.name ?? ''}:${port}`
}

/** A backend as `web:80 (10.0.0.1:8080,10.0.0.2:8080)`, looking up the service and its EndpointSlices. */
async function describeBackend(context: DescribeContext, namespace: string, backend: IngressBackend): Promise<string> {
  const service = backend.service
  if (service) {
    const name = service.name ?? ''
    const label = serviceBackendString(service)
    let slices: EndpointSlice[]
    let found: Service
    try {
      const slicesRef = {group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', namespace}
      slices = (await context.backend.list(slicesRef, {labelSelector: `kubernetes.io/service-name=${name}`})).items
      found = await context.backend.get({group: '', version: 'v1', resource: 'services', namespace}, name)
    } catch (error) {
      return `${label} (<error: ${errorText(error)}>)`
    }
    let portName = ''
    for (const port of found.spec?.ports ?? []) {
      if (service.port?.number && service.port.number === port.port) portName = port.name ?? ''
      else if (service.port?.name && service.port.name === port.name) portName = port.name
    }
    return `${label} (${formatEndpointSlices(slices, new Set([portName]))})`
  }
  if (backend.resource) {
    const ref = backend.resource
    return `APIGroup: ${ref.apiGroup ?? '<none>'}, Kind: ${ref.kind ?? ''}, Name: ${ref.name ?? ''}`
  }
  return ''
}

function addresses(ingress: Ingress): string {
  const set = new Set<string>()
  for (const entry of ingress.status?.loadBalancer?.ingress ?? []) {
    if (entry.ip) set.add(entry.ip)
    else if (entry.hostname) set.add(entry.hostname)
  }
  return [...set].sort().join(',')
}

/** Describes an Ingress: address, class, default backend, TLS and rules with their endpoints. */
export async function describeIngress(object: KubeObject, context: DescribeContext): Promise<string> {
  const ingress = object as Ingress
  const namespace = ingress.metadata.namespace ?? ''
  const spec = ingress.spec ?? {}
  const events = await eventsFor(context, ingress)
  const defaultBackend = spec.defaultBackend
    ? await describeBackend(context, namespace, spec.defaultBackend)
    : '<default>'
  const rules: {host: string; paths: {path: string; backend: string}[]}[] = []
  for (const rule of spec.rules ?? []) {
    if (!rule.http) continue
    const paths = []
    for (const path of rule.http.paths ?? []) {
      paths.push({path: path.path ?? '', backend: await describeBackend(context, namespace, path.backend ?? {})})
    }
    rules.push({host: rule.host || '*', paths})
  }
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ingress.metadata.name ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', ingress.metadata.labels)
    w.write(LEVEL_0, `Namespace:\t${namespace}\n`)
    w.write(LEVEL_0, `Address:\t${addresses(ingress)}\n`)
    w.write(LEVEL_0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`)
    w.write(LEVEL_0, `Default backend:\t${defaultBackend}\n`)
    if ((spec.tls ?? []).length > 0) {
      w.write(LEVEL_0, 'TLS:\n')
      for (const tls of spec.tls ?? []) {
        const hosts = (tls.hosts ?? []).join(',')
        w.write(LEVEL_1, tls.secretName ? `${tls.secretName} terminates ${hosts}\n` : `SNI routes ${hosts}\n`)
      }
    }
    w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n')
    w.write(LEVEL_1, '----\t----\t--------\n')
    for (const rule of rules) {
      w.write(LEVEL_1, `${rule.host}\t\n`)
      for (const path of rule.paths) w.write(LEVEL_2, `\t${path.path} \t${path.backend}\n`)
    }
    if (rules.length === 0) w.write(LEVEL_1, `*\t*\t${defaultBackend}\n`)
    printAnnotationsMultiline(w, 'Annotations', ingress.metadata.annotations)
    if (events) describeEvents(events, w, context.now)
  })
}

interface IngressClass extends KubeObject {
  spec?: {controller?: string; parameters?: {apiGroup?: string; kind?: string; name?: string}}
}

/** Describes an IngressClass. */
export async function describeIngressClass(object: KubeObject, context: DescribeContext): Promise<string> {
  const ingressClass = object as IngressClass
  const events = await eventsFor(context, ingressClass)
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ingressClass.metadata.name ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', ingressClass.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', ingressClass.metadata.annotations)
    w.write(LEVEL_0, `Controller:\t${ingressClass.spec?.controller ?? ''}\n`)
    const parameters = ingressClass.spec?.parameters
    if (parameters) {
      w.write(LEVEL_0, 'Parameters:\n')
      if (parameters.apiGroup !== undefined) w.write(LEVEL_1, `APIGroup:\t${parameters.apiGroup}\n`)
      w.write(LEVEL_1, `Kind:\t${parameters.kind ?? ''}\n`)
      w.write(LEVEL_1, `Name:\t${parameters.name ?? ''}\n`)
    }
    if (events) describeEvents(events, w, context.now)
  })
}
