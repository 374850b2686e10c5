import {messageFile, startingKubeconfig, type KubeconfigAccess} from './access.js'
import {modifyKubeconfig} from './modify.js'
import {setProperty, unsetProperty} from './property.js'

/*
 * The `config` verbs that remove, rename or set single entries, with kubectl's checks and words
 * (kubectl/pkg/cmd/config/{delete_context,delete_cluster,delete_user,rename_context,set,unset}.go, v1.32).
 * Each returns the file kubectl names in its message.
 */

/** `config delete-context NAME`; `wasCurrent` asks for kubectl's warning. */
export async function deleteContext(
  access: KubeconfigAccess,
  name: string,
): Promise<{file: string; wasCurrent: boolean}> {
  const starting = startingKubeconfig(access)
  const file = messageFile(access)
  if (!starting.contexts.some((c) => c.name === name)) throw new Error(`cannot delete context ${name}, not in ${file}`)
  const contexts = starting.contexts.filter((c) => c.name !== name)
  await modifyKubeconfig(access, starting, {...starting, contexts}, {relativizePaths: true})
  return {file, wasCurrent: starting.currentContext === name}
}

/** `config delete-cluster NAME`. */
export async function deleteCluster(access: KubeconfigAccess, name: string): Promise<{file: string}> {
  const starting = startingKubeconfig(access)
  const file = messageFile(access)
  if (!starting.clusters.some((c) => c.name === name)) throw new Error(`cannot delete cluster ${name}, not in ${file}`)
  const clusters = starting.clusters.filter((c) => c.name !== name)
  await modifyKubeconfig(access, starting, {...starting, clusters}, {relativizePaths: true})
  return {file}
}

/** `config delete-user NAME`. */
export async function deleteUser(access: KubeconfigAccess, name: string): Promise<{file: string}> {
  const starting = startingKubeconfig(access)
  const file = messageFile(access)
  if (!starting.users.some((u) => u.name === name)) throw new Error(`cannot delete user ${name}, not in ${file}`)
  const users = starting.users.filter((u) => u.name !== name)
  await modifyKubeconfig(access, starting, {...starting, users}, {relativizePaths: true})
  return {file}
}

/** `config rename-context OLD NEW`: the current context follows the rename. */
export async function renameContext(access: KubeconfigAccess, from: string, to: string): Promise<void> {
  if (to === '') throw new Error('You must specify a new non-empty context name')
  const starting = startingKubeconfig(access)
  const file = messageFile(access)
  if (!starting.contexts.some((c) => c.name === from))
    throw new Error(`cannot rename the context "${from}", it's not in ${file}`)
  if (starting.contexts.some((c) => c.name === to))
    throw new Error(`cannot rename the context "${from}", the context "${to}" already exists in ${file}`)
  // the renamed context keeps the file it came from
  const contexts = starting.contexts.map((c) => (c.name === from ? {...c, name: to} : c))
  const currentContext = starting.currentContext === from ? to : starting.currentContext
  await modifyKubeconfig(access, starting, {...starting, contexts, currentContext}, {relativizePaths: true})
}

/** `config set PROPERTY_NAME PROPERTY_VALUE`. */
export async function setKubeconfigProperty(
  access: KubeconfigAccess,
  path: string,
  value: string,
  options: {setRawBytes: boolean},
): Promise<void> {
  if (value === '') throw new Error('you cannot use set to unset a property')
  if (path === '') throw new Error('you must specify a property')
  const starting = startingKubeconfig(access)
  await modifyKubeconfig(access, starting, setProperty(starting, path, value, options), {relativizePaths: false})
}

/** `config unset PROPERTY_NAME`. */
export async function unsetKubeconfigProperty(access: KubeconfigAccess, path: string): Promise<void> {
  if (path === '') throw new Error('you must specify a property')
  const starting = startingKubeconfig(access)
  await modifyKubeconfig(access, starting, unsetProperty(starting, path), {relativizePaths: false})
}
