import {homedir} from 'node:os'
import {join} from 'node:path'

/** The default embedded cluster's name, used when no kubeconfig exists. */
export const DEFAULT_CLUSTER = 'default'

/** Where embedded clusters live: $SKIFF_HOME, else ~/.skiff. */
export function skiffHome(env: NodeJS.ProcessEnv = process.env): string {
  return env['SKIFF_HOME'] ?? join(homedir(), '.skiff')
}

/** The directory of one embedded cluster. */
export function clusterDir(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(skiffHome(env), 'clusters', name)
}

/** The SQLite file of one embedded cluster. */
export function clusterStoreFile(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(clusterDir(name, env), 'store.db')
}
