import {existsSync, mkdirSync, writeFileSync} from 'node:fs'
import {dirname} from 'node:path'
import {printYaml} from '../../output/yaml.js'
import {kubeconfigDocument} from './document.js'
import {loadKubeconfig} from './load.js'
import {mergeKubeconfigs} from './merge.js'
import type {Kubeconfig, KubeconfigContext} from './types.js'

/*
 * Writes to kubeconfig files as clientcmd's ModifyConfig does (client-go tools/clientcmd/config.go, v1.32):
 * the current context goes to the first file that already sets one (else the first file), a context to the
 * file that defines it (else the first file); each file written is rewritten whole in kubectl's form.
 */

/** One kubeconfig file as it stands (empty when it does not exist yet). */
export async function readKubeconfigFile(path: string): Promise<Kubeconfig> {
  return existsSync(path) ? loadKubeconfig([path]) : mergeKubeconfigs([{path, content: null}])
}

/** Rewrites one kubeconfig file whole, in kubectl's form; its folder is created as clientcmd's WriteToFile does. */
export function writeKubeconfigFile(config: Kubeconfig, path: string): void {
  mkdirSync(dirname(path), {recursive: true})
  writeFileSync(path, printYaml(kubeconfigDocument(config, {raw: true})), {mode: 0o600})
}

/** Sets current-context in the file clientcmd would write it to. */
export async function writeCurrentContext(files: readonly string[], name: string): Promise<void> {
  let target = files[0]
  for (const file of files) {
    if ((await readKubeconfigFile(file)).currentContext !== '') {
      target = file
      break
    }
  }
  if (target === undefined) throw new Error('no kubeconfig file to write to')
  const config = await readKubeconfigFile(target)
  writeKubeconfigFile({...config, currentContext: name}, target)
}

/** Creates or changes a context; returns whether it was created. */
export async function writeContext(
  files: readonly string[],
  merged: Kubeconfig,
  name: string,
  changes: KubeconfigContext,
): Promise<{created: boolean}> {
  const existing = merged.contexts.find((c) => c.name === name)
  const target = existing?.file ?? files[0]
  if (target === undefined) throw new Error('no kubeconfig file to write to')
  const config = await readKubeconfigFile(target)
  const own = config.contexts.find((c) => c.name === name)
  const value: KubeconfigContext = {...own?.value}
  for (const [field, v] of Object.entries(changes)) if (v !== undefined) value[field] = v
  const contexts = own
    ? config.contexts.map((c) => (c.name === name ? {...c, value} : c))
    : [...config.contexts, {name, value, file: target, key: 'context' as const}]
  writeKubeconfigFile({...config, contexts}, target)
  return {created: existing === undefined}
}
