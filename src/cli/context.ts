import {existsSync} from 'node:fs'
import {homedir} from 'node:os'
import {delimiter, join} from 'node:path'
import type {Backend} from '../backend/backend.js'
import {clusterDir, DEFAULT_CLUSTER} from '../embedded/cluster-home.js'
import {readCurrentCluster} from './cluster-admin.js'

/** The global flags that pick a cluster and namespace. */
export interface ConnectionFlags {
  kubeconfig?: string | undefined
  context?: string | undefined
  namespace?: string | undefined
}

/** Where a command's requests go. */
export type Target =
  {kind: 'embedded'; cluster: string} | {kind: 'kubeconfig'; files: string[]; context?: string | undefined}

/**
 * Chooses the backend as kubectl chooses a cluster (--kubeconfig, then $KUBECONFIG, then ~/.kube/config),
 * with embedded clusters selectable by name through --context or `skiff cluster use`, and the embedded
 * `default` cluster when there is no kubeconfig at all.
 */
export function resolveTarget(flags: ConnectionFlags, env: NodeJS.ProcessEnv = process.env): Target {
  if (flags.context && existsSync(clusterDir(flags.context, env))) return {kind: 'embedded', cluster: flags.context}
  // `skiff cluster use NAME` picks an embedded cluster until explicit flags name another target
  const current = flags.context || flags.kubeconfig ? undefined : readCurrentCluster(env)
  if (current !== undefined && (current === DEFAULT_CLUSTER || existsSync(clusterDir(current, env)))) {
    return {kind: 'embedded', cluster: env['SKIFF_CLUSTER'] ?? current}
  }
  const files = kubeconfigFiles(flags, env)
  if (files.length === 0) return {kind: 'embedded', cluster: flags.context ?? env['SKIFF_CLUSTER'] ?? DEFAULT_CLUSTER}
  return {kind: 'kubeconfig', files, context: flags.context}
}

function kubeconfigFiles(flags: ConnectionFlags, env: NodeJS.ProcessEnv): string[] {
  if (flags.kubeconfig) return [flags.kubeconfig]
  // clientcmd: a set $KUBECONFIG replaces ~/.kube/config even when none of its files exist (loader.go, v1.32)
  const kubeconfigEnv = env['KUBECONFIG'] ?? ''
  if (kubeconfigEnv !== '') {
    return [...new Set(kubeconfigEnv.split(delimiter))].filter((f) => f !== '' && existsSync(f))
  }
  const home = join(env['HOME'] ?? homedir(), '.kube', 'config')
  return existsSync(home) ? [home] : []
}

/** Opens the Backend for a target; heavy modules load only here. */
export async function openBackend(target: Target): Promise<Backend> {
  if (target.kind === 'embedded') {
    const {openEmbeddedCluster} = await import('../embedded/open-cluster.js')
    return openEmbeddedCluster(target.cluster)
  }
  throw new Error(
    `the kubeconfig ${target.files.join(', ')} names a real cluster, and the cluster backend is not built yet; use --context ${DEFAULT_CLUSTER} for the embedded cluster`,
  )
}

/** The namespace a command works in: -n, else the context's, else `default`. */
export function resolveNamespace(flags: ConnectionFlags): string {
  return flags.namespace || process.env['SKIFF_NAMESPACE'] || 'default'
}
