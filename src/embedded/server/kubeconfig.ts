import {stringify} from 'yaml'

/** A kubeconfig (one cluster, user and context, all named after the embedded cluster) pointing at `server`. */
export function kubeconfigFor(clusterName: string, server: string, token: string): string {
  const name = `skiff-${clusterName}`
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{name, cluster: {server}}],
    users: [{name, user: {token}}],
    contexts: [{name, context: {cluster: name, user: name, namespace: 'default'}}],
    'current-context': name,
    preferences: {},
  })
}
