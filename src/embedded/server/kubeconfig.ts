import {stringify} from 'yaml'

/** How a client reaches `skiff serve`: its URL, the bearer token, and for HTTPS the CA certificate (PEM). */
export interface ServedEndpoint {
  server: string
  token: string
  caCertificate?: string
}

/** A kubeconfig (one cluster, user and context, all named after the embedded cluster) pointing at the server. */
export function kubeconfigFor(clusterName: string, endpoint: ServedEndpoint): string {
  const name = `skiff-${clusterName}`
  const cluster: Record<string, string> = {server: endpoint.server}
  if (endpoint.caCertificate !== undefined)
    cluster['certificate-authority-data'] = Buffer.from(endpoint.caCertificate).toString('base64')
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{name, cluster}],
    users: [{name, user: {token: endpoint.token}}],
    contexts: [{name, context: {cluster: name, user: name, namespace: 'default'}}],
    'current-context': name,
    preferences: {},
  })
}
