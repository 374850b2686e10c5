import {existsSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {clusterDir, clusterStoreFile, DEFAULT_CLUSTER, skiffHome} from '../embedded/cluster-home.js'
import {readEmbeddedNamespace} from './embedded-namespace.js'
import {kubeconfigFiles, loadKubeconfig} from './kubeconfig/load.js'
import type {Kubeconfig} from './kubeconfig/types.js'

/*
 * The contexts skiff offers: the kubeconfig's, and beside them one per embedded cluster under $SKIFF_HOME.
 * A name that is both means the embedded cluster (the rule resolveTarget follows).
 */

/** One row of `config get-contexts`. */
interface ContextRow {
  name: string
  cluster: string
  authInfo: string
  namespace: string
  embedded: boolean
}

/** The kubeconfig in force (merged), or an empty one when there is no kubeconfig file. */
export function loadKubeconfigInForce(explicit: string | undefined, env: NodeJS.ProcessEnv): Kubeconfig {
  const files = kubeconfigFiles(explicit, env)
  return loadKubeconfig(files)
}

/** True when an embedded cluster of this name exists (or is `default`, created on first use). */
export function isEmbeddedContext(name: string, env: NodeJS.ProcessEnv): boolean {
  return name === DEFAULT_CLUSTER || existsSync(clusterDir(name, env))
}

function embeddedClusters(env: NodeJS.ProcessEnv): string[] {
  const dir = join(skiffHome(env), 'clusters')
  const names = existsSync(dir)
    ? readdirSync(dir, {withFileTypes: true})
        .filter((e) => e.isDirectory() && existsSync(clusterStoreFile(e.name, env)))
        .map((e) => e.name)
    : []
  return [...new Set([DEFAULT_CLUSTER, ...names])]
}

// the CLUSTER column of an embedded cluster's row: it is no kubeconfig cluster
const EMBEDDED_CLUSTER_LABEL = '(embedded)'

/** Every context, sorted by name: kubeconfig contexts and embedded clusters (the embedded one on a clash). */
export function listContexts(config: Kubeconfig, env: NodeJS.ProcessEnv): ContextRow[] {
  const embedded = embeddedClusters(env)
  const rows: ContextRow[] = embedded.map((name) => ({
    name,
    cluster: EMBEDDED_CLUSTER_LABEL,
    authInfo: '',
    namespace: readEmbeddedNamespace(name, env),
    embedded: true,
  }))
  for (const context of config.contexts) {
    if (embedded.includes(context.name)) continue
    rows.push({
      name: context.name,
      cluster: context.value.cluster ?? '',
      authInfo: context.value.user ?? '',
      namespace: context.value.namespace ?? '',
      embedded: false,
    })
  }
  return rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}
