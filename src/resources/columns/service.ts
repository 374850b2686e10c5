import type {KubeObject} from '../../backend/object.js'
import {translateTimestampSince} from './age.js'
import {ageColumn, column, nameColumn, wideColumn, type ColumnSet} from './column-set.js'
import {formatLabels} from '../label-selector.js'
import {loadBalancerAddresses, type LoadBalancerIngress} from './load-balancer.js'

interface ServicePort {
  port?: number
  nodePort?: number
  protocol?: string
}

interface ServiceFields extends KubeObject {
  spec?: {
    type?: string
    clusterIPs?: string[]
    externalIPs?: string[]
    externalName?: string
    ports?: ServicePort[]
    selector?: Record<string, string>
  }
  status?: {loadBalancer?: {ingress?: LoadBalancerIngress[]}}
}

// kubectl: pkg/printers/internalversion/printers.go serviceColumnDefinitions + printService (v1.32)
/** NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE, wide SELECTOR. */
export const serviceColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Type', 'string', 'How the service is exposed: ClusterIP, NodePort, LoadBalancer or ExternalName.'),
    column('Cluster-IP', 'string', 'The IP address of the service inside the cluster.'),
    column('External-IP', 'string', 'Addresses the service is reachable at from outside the cluster.'),
    column('Port(s)', 'string', 'The ports the service exposes.'),
    ageColumn(),
    wideColumn('Selector', 'string', 'Labels of the pods the service sends traffic to.'),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const service = object as ServiceFields
    const spec = service.spec ?? {}
    return [
      service.metadata.name ?? '',
      spec.type ?? '',
      spec.clusterIPs?.[0] ?? '<none>',
      externalIP(service),
      portsString(spec.ports ?? []) || '<none>',
      translateTimestampSince(service.metadata.creationTimestamp, now),
      formatLabels(spec.selector),
    ]
  },
}

// kubectl: printers.go getServiceExternalIP (v1.32); the server prints wide, so addresses are never clipped
function externalIP(service: ServiceFields): string {
  const externalIPs = service.spec?.externalIPs ?? []
  switch (service.spec?.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>'
    case 'LoadBalancer': {
      const addresses = loadBalancerAddresses(service.status?.loadBalancer?.ingress)
      if (externalIPs.length > 0) return [...addresses, ...externalIPs].join(',')
      return addresses.length > 0 ? addresses.join(',') : '<pending>'
    }
    case 'ExternalName':
      return service.spec.externalName ?? ''
    default:
      return '<unknown>'
  }
}

// kubectl: printers.go makePortString (v1.32)
function portsString(ports: ServicePort[]): string {
  return ports
    .map((p) => {
      const protocol = p.protocol ?? ''
      return p.nodePort ? `${p.port ?? 0}:${p.nodePort}/${protocol}` : `${p.port ?? 0}/${protocol}`
    })
    .join(',')
}
