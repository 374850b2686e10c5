import {existsSync} from 'node:fs'
import {homedir} from 'node:os'
import {delimiter, join} from 'node:path'
import {loadKubeconfig} from './load.js'
import type {Kubeconfig} from './types.js'

/**
 * Which kubeconfig files a `config` command reads and writes, as clientcmd's PathOptions decides (client-go
 * tools/clientcmd/config.go, v1.32): --kubeconfig alone; else every file of $KUBECONFIG (written to even when
 * it does not exist yet); else ~/.kube/config.
 */
export interface KubeconfigAccess {
  /** --kubeconfig, when given */
  explicit: string | undefined
  /** the files in precedence order, existing or not */
  precedence: string[]
  /** where a new entry goes (PathOptions.GetDefaultFilename) */
  defaultFile: string
}

/** The files `config` edits for --kubeconfig and the environment. */
export function kubeconfigAccess(explicit: string | undefined, env: NodeJS.ProcessEnv): KubeconfigAccess {
  if (explicit) return {explicit, precedence: [explicit], defaultFile: explicit}
  const list = [...new Set((env['KUBECONFIG'] ?? '').split(delimiter).filter((f) => f !== ''))]
  if (list.length > 0) {
    // one file: that one; several: the first that exists, else the last
    const defaultFile = list.length === 1 ? list[0] : (list.find((f) => existsSync(f)) ?? list[list.length - 1])
    return {explicit: undefined, precedence: list, defaultFile: defaultFile ?? ''}
  }
  const global = join(env['HOME'] ?? homedir(), '.kube', 'config')
  return {explicit: undefined, precedence: [global], defaultFile: global}
}

/** The merged kubeconfig a `config` command starts from; files that do not exist yet read as empty. */
export function startingKubeconfig(access: KubeconfigAccess): Kubeconfig {
  return loadKubeconfig(access.precedence.filter((file) => existsSync(file)))
}

/** The file kubectl names in `config delete-*` and `rename-context` messages. */
export function messageFile(access: KubeconfigAccess): string {
  return access.explicit ?? access.defaultFile
}
