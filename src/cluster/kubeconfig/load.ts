import {existsSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {homedir} from 'node:os'
import {delimiter, join} from 'node:path'
import {KubeconfigLoadError, mergeKubeconfigs} from './merge.js'
import type {Kubeconfig} from './types.js'

/**
 * The kubeconfig files in force, as clientcmd's loading rules pick them (client-go tools/clientcmd/loader.go,
 * v1.32): --kubeconfig alone; else $KUBECONFIG's list (each file once, missing ones skipped, and a set
 * $KUBECONFIG replaces ~/.kube/config even when none of its files exist); else ~/.kube/config if it exists.
 */
export function kubeconfigFiles(explicit: string | undefined, env: NodeJS.ProcessEnv): string[] {
  if (explicit) return [explicit]
  const list = env['KUBECONFIG'] ?? ''
  if (list !== '') return [...new Set(list.split(delimiter))].filter((f) => f !== '' && existsSync(f))
  const home = join(env['HOME'] ?? homedir(), '.kube', 'config')
  return existsSync(home) ? [home] : []
}

// YAML loads synchronously and only when a kubeconfig exists: target and namespace resolution are
// synchronous, and a command on the embedded cluster (no kubeconfig) must not pay for the parser. The CLI's
// entry preloads the bundled parser (preloadYamlParser) when a kubeconfig will be read; otherwise the
// package loads here, by a name the bundler leaves to Node at run time.
const YAML_PACKAGE = 'yaml'
let preloaded: ((text: string) => unknown) | undefined

/** Loads the bundled YAML parser ahead of a synchronous kubeconfig read. */
export async function preloadYamlParser(): Promise<void> {
  preloaded ??= (await import('./yaml-bundled.js')).parseYamlText
}

function parseYaml(text: string): unknown {
  if (preloaded) return preloaded(text)
  const yaml = createRequire(import.meta.url)(YAML_PACKAGE) as {parse(text: string): unknown}
  return yaml.parse(text)
}

/** Reads and merges kubeconfig files; an explicit file that does not exist is an error, as in kubectl. */
export function loadKubeconfig(files: readonly string[]): Kubeconfig {
  return mergeKubeconfigs(
    files.map((path) => {
      let text: string
      try {
        text = readFileSync(path, 'utf8')
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new Error(`stat ${path}: no such file or directory`)
        }
        throw error
      }
      try {
        return {path, content: parseYaml(text)}
      } catch (error) {
        throw new KubeconfigLoadError(
          path,
          error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error),
        )
      }
    }),
  )
}
