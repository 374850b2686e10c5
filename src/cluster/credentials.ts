import {readFileSync} from 'node:fs'
import type {Agent} from 'node:http'
import type {KubeconfigSelection} from './kubeconfig/select.js'
import type {KubeconfigUser} from './kubeconfig/types.js'

/** How to reach one API server: its URL, an agent holding TLS settings and client certificate, and headers. */
export interface Connection {
  server: URL
  agent: Agent
  /** Authorization and the like; never logged */
  headers: Record<string, string>
}

interface TlsMaterial {
  ca?: Buffer
  cert?: Buffer | string
  key?: Buffer | string
  rejectUnauthorized: boolean
  servername?: string
}

function dataOrFile(data: string | undefined, file: string | undefined): Buffer | undefined {
  if (data) return Buffer.from(data, 'base64')
  if (file) return readFileSync(file)
  return undefined
}

function tlsMaterial(selection: KubeconfigSelection): TlsMaterial {
  const {cluster, user} = selection
  const material: TlsMaterial = {rejectUnauthorized: cluster['insecure-skip-tls-verify'] !== true}
  const ca = dataOrFile(cluster['certificate-authority-data'], cluster['certificate-authority'])
  if (ca) material.ca = ca
  const cert = dataOrFile(user['client-certificate-data'], user['client-certificate'])
  if (cert) material.cert = cert
  const key = dataOrFile(user['client-key-data'], user['client-key'])
  if (key) material.key = key
  if (cluster['tls-server-name']) material.servername = cluster['tls-server-name']
  return material
}

// the kinds of user that need client-node's own machinery: login plugins and proxies
function needsKubeConfig(selection: KubeconfigSelection): boolean {
  return selection.user['auth-provider'] !== undefined || Boolean(selection.cluster['proxy-url'])
}

/**
 * Builds the connection for a kubeconfig selection, as client-go's transport does: CA, client certificate
 * and key (inline or from files), bearer token or token file, basic auth, exec credential plugins, and
 * insecure-skip-tls-verify. Only the parts of @kubernetes/client-node a user needs are loaded: its exec
 * plugin runner for `exec` users, and its full KubeConfig only for auth providers and proxies.
 */
export async function connect(selection: KubeconfigSelection): Promise<Connection> {
  const server = new URL(selection.cluster.server ?? '')
  if (needsKubeConfig(selection)) return connectThroughKubeConfig(selection, server)
  const tls = tlsMaterial(selection)
  const headers: Record<string, string> = {}
  const {user} = selection
  if (user.exec) {
    const fromPlugin = await execCredential(selection.userName, user)
    if (fromPlugin.cert) tls.cert = fromPlugin.cert
    if (fromPlugin.key) tls.key = fromPlugin.key
    if (fromPlugin.authorization) headers['Authorization'] = fromPlugin.authorization
  } else if (user.token) {
    headers['Authorization'] = `Bearer ${user.token}`
  } else if (user.tokenFile) {
    headers['Authorization'] = `Bearer ${readFileSync(user.tokenFile, 'utf8').trim()}`
  } else if (user.username !== undefined && user.password !== undefined) {
    headers['Authorization'] = `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`
  }
  const agent =
    server.protocol === 'https:'
      ? new (await import('node:https')).Agent({...tls, keepAlive: true})
      : new (await import('node:http')).Agent({keepAlive: true})
  return {server, agent, headers}
}

async function execCredential(
  name: string,
  user: KubeconfigUser,
): Promise<{authorization?: string; cert?: string; key?: string}> {
  const {ExecAuth} = await import('@kubernetes/client-node/dist/exec_auth.js')
  const options: {headers: Record<string, string>; cert?: string; key?: string} = {headers: {}}
  await new ExecAuth().applyAuthentication({name, exec: user.exec}, options)
  return {
    ...(options.headers['Authorization'] ? {authorization: options.headers['Authorization']} : {}),
    ...(options.cert ? {cert: options.cert} : {}),
    ...(options.key ? {key: options.key} : {}),
  }
}

// auth-provider (oidc, azure, gcp) and proxy-url users go through client-node's KubeConfig whole
async function connectThroughKubeConfig(selection: KubeconfigSelection, server: URL): Promise<Connection> {
  const {KubeConfig} = await import('@kubernetes/client-node')
  const {newClusters, newUsers} = await import('@kubernetes/client-node/dist/config_types.js')
  const config = new KubeConfig()
  config.loadFromOptions({
    clusters: newClusters([{name: selection.clusterName, cluster: selection.cluster}]),
    users: newUsers([{name: selection.userName, user: selection.user}]),
    contexts: [{name: 'selected', cluster: selection.clusterName, user: selection.userName}],
    currentContext: 'selected',
  })
  const options: {headers?: Record<string, string>; agent?: Agent} = {headers: {}}
  await config.applyToHTTPSOptions(options)
  if (!options.agent) throw new Error(`no agent for ${server.host}`)
  return {server, agent: options.agent, headers: options.headers ?? {}}
}
