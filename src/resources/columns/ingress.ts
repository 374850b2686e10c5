import type {KubeObject} from '../../backend/object.js'
import {translateTimestampSince} from './age.js'
import {ageColumn, column, nameColumn, type ColumnSet} from './column-set.js'
import {loadBalancerAddresses, type LoadBalancerIngress} from './load-balancer.js'

interface IngressFields extends KubeObject {
  spec?: {ingressClassName?: string | null; rules?: {host?: string}[]; tls?: unknown[]}
  status?: {loadBalancer?: {ingress?: LoadBalancerIngress[]}}
}

// kubectl: printers.go formatHosts lists three hosts at most (v1.32)
const MAX_HOSTS = 3

// kubectl: pkg/printers/internalversion/printers.go ingressColumnDefinitions + printIngress (v1.32)
/** NAME CLASS HOSTS ADDRESS PORTS AGE. */
export const ingressColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Class', 'string', 'The ingress class that implements the ingress.'),
    column('Hosts', 'string', 'The hosts the rules match.'),
    column('Address', 'string', 'The addresses of the load balancer.'),
    column('Ports', 'string', 'The ports the ingress serves: 80, and 443 with TLS.'),
    ageColumn(),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const ingress = object as IngressFields
    return [
      ingress.metadata.name ?? '',
      ingress.spec?.ingressClassName ?? '<none>',
      formatHosts(ingress.spec?.rules ?? []),
      loadBalancerAddresses(ingress.status?.loadBalancer?.ingress).join(','),
      (ingress.spec?.tls ?? []).length > 0 ? '80, 443' : '80',
      translateTimestampSince(ingress.metadata.creationTimestamp, now),
    ]
  },
}

// kubectl: printers.go formatHosts (v1.32): the `more` count is of rules, hosts or not
function formatHosts(rules: {host?: string}[]): string {
  const hosts: string[] = []
  let more = false
  for (const rule of rules) {
    if (hosts.length === MAX_HOSTS) more = true
    if (!more && rule.host) hosts.push(rule.host)
  }
  if (hosts.length === 0) return '*'
  const text = hosts.join(',')
  return more ? `${text} + ${rules.length - MAX_HOSTS} more...` : text
}
