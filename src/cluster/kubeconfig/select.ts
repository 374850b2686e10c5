import {dirname, isAbsolute, resolve} from 'node:path'
import {VerbatimError} from '../verbatim-error.js'
import type {Kubeconfig, KubeconfigCluster, KubeconfigUser} from './types.js'

/** Which context, cluster and user the command line asks for (kubectl's --context, --cluster, --user). */
interface KubeconfigOverrides {
  context?: string | undefined
  cluster?: string | undefined
  user?: string | undefined
}

/** What a command connects with: one cluster and one user, with paths resolved against their files. */
export interface KubeconfigSelection {
  contextName: string
  clusterName: string
  userName: string
  cluster: KubeconfigCluster
  user: KubeconfigUser
  /** the context's namespace, '' when it sets none */
  namespace: string
}

/** A kubeconfig that names something it does not define, with kubectl's own prefix for each case. */
class KubeconfigSelectionError extends VerbatimError {
  constructor(message: string, prefix: 'Error in configuration: ' | 'error: ') {
    super(`${prefix}${message}`)
    this.name = 'KubeconfigSelectionError'
  }
}

// clientcmd's default when a kubeconfig names no server (client-go tools/clientcmd/client_config.go, v1.32)
const DEFAULT_SERVER = 'http://localhost:8080'

/**
 * Picks context, cluster and user as clientcmd's DirectClientConfig does: --context over current-context,
 * --cluster and --user over the context's own; errors worded as kubectl words them.
 */
export function selectKubeconfig(config: Kubeconfig, overrides: KubeconfigOverrides = {}): KubeconfigSelection {
  const contextName = overrides.context || config.currentContext
  const context = config.contexts.find((c) => c.name === contextName)
  if (overrides.context && !context) {
    throw new KubeconfigSelectionError(
      `context was not found for specified context: ${overrides.context}`,
      'Error in configuration: ',
    )
  }
  const clusterName = overrides.cluster || context?.value.cluster || ''
  const userName = overrides.user || context?.value.user || ''
  const cluster = config.clusters.find((c) => c.name === clusterName)
  if (overrides.cluster && !cluster) {
    throw new KubeconfigSelectionError(`no server found for cluster "${overrides.cluster}"`, 'error: ')
  }
  const user = config.users.find((u) => u.name === userName)
  if (overrides.user && !user) {
    throw new KubeconfigSelectionError(`auth info "${overrides.user}" does not exist`, 'error: ')
  }
  const clusterValue: KubeconfigCluster = cluster
    ? resolvePaths(cluster.value, cluster.file, ['certificate-authority'])
    : {}
  return {
    contextName,
    clusterName,
    userName,
    cluster: {...clusterValue, server: clusterValue.server || DEFAULT_SERVER},
    user: user ? resolveUserPaths(user.value, user.file) : {},
    namespace: context?.value.namespace ?? '',
  }
}

// clientcmd resolves file references relative to the kubeconfig that holds them (ResolveLocalPaths)
function resolvePaths<T extends Record<string, unknown>>(value: T, file: string, fields: readonly string[]): T {
  const copy: Record<string, unknown> = {...value}
  for (const field of fields) {
    const path = copy[field]
    if (typeof path === 'string' && path !== '' && !isAbsolute(path)) copy[field] = resolve(dirname(file), path)
  }
  return copy as T
}

function resolveUserPaths(user: KubeconfigUser, file: string): KubeconfigUser {
  const resolved = resolvePaths(user, file, ['client-certificate', 'client-key', 'tokenFile'])
  const command = user.exec?.command
  // an exec command is resolved only when it names a relative path, not a program on $PATH
  if (user.exec && command && !isAbsolute(command) && /[\\/]/.test(command)) {
    resolved.exec = {...user.exec, command: resolve(dirname(file), command)}
  }
  return resolved
}
