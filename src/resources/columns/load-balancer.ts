/** One entry of status.loadBalancer.ingress (Service and Ingress). */
export interface LoadBalancerIngress {
  ip?: string
  hostname?: string
}

/**
 * The addresses of a load balancer status: each entry's IP, else its hostname, unique and sorted.
 * kubectl: pkg/printers/internalversion/printers.go loadBalancerStatusStringer (v1.32)
 */
export function loadBalancerAddresses(ingress: LoadBalancerIngress[] | undefined): string[] {
  const addresses = new Set<string>()
  for (const entry of ingress ?? []) {
    if (entry.ip) addresses.add(entry.ip)
    else if (entry.hostname) addresses.add(entry.hostname)
  }
  return [...addresses].sort()
}
