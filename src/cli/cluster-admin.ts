import {existsSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {join} from 'node:path'
import type {KubeObject} from '../backend/object.js'
import {clusterDir, clusterStoreFile, DEFAULT_CLUSTER, skiffHome} from '../embedded/cluster-home.js'
import type {EmbeddedBackend} from '../embedded/embedded-backend.js'
import type {ClusterShape} from '../embedded/nodes.js'
import {writePrivateFile} from '../embedded/private-files.js'
import type {Target} from './context.js'

/*
 * The glue of `skiff cluster ...`: embedded clusters as directories under $SKIFF_HOME, the current one in
 * $SKIFF_HOME/config.json. Only node:fs and cluster-home load statically, because context.ts reads the
 * current cluster on every command; the control plane loads on use.
 */

const CONFIG_FILE = 'config.json'

interface SkiffConfig {
  currentCluster?: string
}

function configPath(env: NodeJS.ProcessEnv): string {
  return join(skiffHome(env), CONFIG_FILE)
}

function readConfig(env: NodeJS.ProcessEnv): SkiffConfig {
  const file = configPath(env)
  if (!existsSync(file)) return {}
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
  return typeof parsed === 'object' && parsed !== null ? (parsed as SkiffConfig) : {}
}

function writeConfig(config: SkiffConfig, env: NodeJS.ProcessEnv): void {
  writePrivateFile(configPath(env), `${JSON.stringify(config, null, 2)}\n`, env)
}

/** The embedded cluster `skiff cluster use` made current, if any. */
export function readCurrentCluster(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const current = readConfig(env).currentCluster
  return typeof current === 'string' && current !== '' ? current : undefined
}

/** Persists the current embedded cluster (undefined forgets it). */
export function writeCurrentCluster(name: string | undefined, env: NodeJS.ProcessEnv = process.env): void {
  const config = {...readConfig(env)}
  if (name === undefined) delete config.currentCluster
  else config.currentCluster = name
  writeConfig(config, env)
}

/** True when an embedded cluster of this name exists. */
export function clusterExists(name: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return existsSync(clusterStoreFile(name, env))
}

/** True when `cluster use` may select the name: an existing cluster, or the default one, created on first use. */
export function isSelectableCluster(name: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return name === DEFAULT_CLUSTER || clusterExists(name, env)
}

/** The embedded clusters under $SKIFF_HOME, sorted by name. */
export function listClusters(env: NodeJS.ProcessEnv = process.env): string[] {
  const dir = join(skiffHome(env), 'clusters')
  if (!existsSync(dir)) return []
  return readdirSync(dir, {withFileTypes: true})
    .filter((entry) => entry.isDirectory() && clusterExists(entry.name, env))
    .map((entry) => entry.name)
    .sort()
}

// the same rule as a Kubernetes object name (DNS-1123 label), since node names derive from it
const CLUSTER_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/

/** Creates (bootstraps) a new embedded cluster; refuses an existing name or an invalid one. */
export async function createCluster(
  name: string,
  shape: ClusterShape,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  if (!CLUSTER_NAME.test(name) || name.length > 63) {
    throw new Error(
      `invalid cluster name "${name}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character`,
    )
  }
  if (clusterExists(name, env)) throw new Error(`cluster "${name}" already exists`)
  const {openEmbeddedCluster} = await import('../embedded/open-cluster.js')
  const backend = await openEmbeddedCluster(name, env, shape)
  await backend.close()
}

/** Deletes an embedded cluster and its store; forgets it as the current one. */
export function deleteCluster(name: string, env: NodeJS.ProcessEnv = process.env): void {
  if (!clusterExists(name, env)) throw new Error(`cluster "${name}" not found`)
  rmSync(clusterDir(name, env), {recursive: true, force: true})
  if (readCurrentCluster(env) === name) writeCurrentCluster(undefined, env)
}

/** The shape a cluster was created with (DEFAULT_CLUSTER_SHAPE for clusters older than the record). */
export async function clusterShape(backend: EmbeddedBackend): Promise<ClusterShape> {
  const {CLUSTER_SHAPE_KEY} = await import('../embedded/bootstrap.js')
  const {DEFAULT_CLUSTER_SHAPE} = await import('../embedded/nodes.js')
  const text = backend.store.readMeta(CLUSTER_SHAPE_KEY)
  return text === undefined ? DEFAULT_CLUSTER_SHAPE : (JSON.parse(text) as ClusterShape)
}

/** Puts a cluster back to fresh, with the shape it was created with; returns that shape. */
export async function resetCluster(name: string, env: NodeJS.ProcessEnv = process.env): Promise<ClusterShape> {
  const {openEmbeddedCluster} = await import('../embedded/open-cluster.js')
  // a cluster never used (the default one is created on first use) opens fresh with the default shape
  const old = await openEmbeddedCluster(name, env)
  const shape = await clusterShape(old)
  old.store.close()
  rmSync(clusterDir(name, env), {recursive: true, force: true})
  const fresh = await openEmbeddedCluster(name, env, shape)
  await fresh.close()
  return shape
}

/** Opens an existing embedded cluster (NotFound-like error when there is none). */
export async function openExistingCluster(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<EmbeddedBackend> {
  const {openEmbeddedCluster} = await import('../embedded/open-cluster.js')
  return openEmbeddedCluster(name, env)
}

/** Moves the cluster clock forward by `durationMs`, running all that falls due; returns the new cluster time (RFC 3339). */
export async function advanceClusterClock(backend: EmbeddedBackend, durationMs: number): Promise<string> {
  const {advanceCluster} = await import('../embedded/open-cluster.js')
  const {catchUpProgress} = await import('./catch-up-progress.js')
  backend.controlLoop?.configure({onProgress: catchUpProgress(process.stderr)})
  await advanceCluster(backend, durationMs)
  return backend.clock.timestamp()
}

const NODES = {group: '', version: 'v1', resource: 'nodes'}

/** `cluster node add`: registers a new Ready worker node with the next pod CIDR and address. */
export async function addNode(backend: EmbeddedBackend, name: string): Promise<KubeObject> {
  const {nodeObject, healthyNodeConditions} = await import('../embedded/nodes.js')
  const nodes = (await backend.list(NODES)).items
  const shape = await clusterShape(backend)
  const index = nextNodeIndex(nodes)
  const node = nodeObject(name, {index, controlPlane: false, cpu: shape.cpu, memory: shape.memory})
  const status = {...(node['status'] as object), conditions: healthyNodeConditions(backend.clock.timestamp())}
  return backend.create({...node, status})
}

// a node's index is the third octet of its pod CIDR (10.244.<i>.0/24): the next one is one past the largest
function nextNodeIndex(nodes: readonly KubeObject[]): number {
  let max = -1
  for (const node of nodes) {
    const cidr = (node['spec'] as {podCIDR?: string} | undefined)?.podCIDR ?? ''
    const octet = /^10\.244\.(\d+)\./.exec(cidr)?.[1]
    if (octet !== undefined) max = Math.max(max, Number(octet))
  }
  return max + 1
}

/** The embedded cluster a target names; an error for a kubeconfig target, since only embedded clusters are managed. */
export function embeddedClusterOf(target: Target): string {
  if (target.kind === 'embedded') return target.cluster
  throw new Error(
    `the current context names a cluster from ${target.files.join(', ')}, not an embedded cluster; use --context NAME or 'skiff cluster use NAME'`,
  )
}

/** `cluster node crash`: the machine loses power (NotFound when no such node). */
export async function crashClusterNode(backend: EmbeddedBackend, name: string): Promise<void> {
  await backend.get(NODES, name)
  const {crashNode} = await import('../embedded/node-power-actions.js')
  await crashNode(backend, name)
}

/** `cluster node restore`: the machine gets its power back (NotFound when no such node). */
export async function restoreClusterNode(backend: EmbeddedBackend, name: string): Promise<void> {
  await backend.get(NODES, name)
  const {restoreNode} = await import('../embedded/node-power-actions.js')
  await restoreNode(backend, name)
}
