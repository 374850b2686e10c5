import {existsSync} from 'node:fs'
import {dirname, isAbsolute, relative, resolve, sep} from 'node:path'
import {isJsonObject, type JsonObject} from '../../backend/object.js'
import {jsonEqual} from '../../resources/json-equal.js'
import type {KubeconfigAccess} from './access.js'
import {readKubeconfigFile, writeKubeconfigFile} from './edit.js'
import type {Kubeconfig, Named} from './types.js'

/*
 * clientcmd.ModifyConfig (client-go tools/clientcmd/config.go, v1.32): compares the config a command started from
 * with the one it wants, and writes each change to the file it belongs to: a changed or deleted entry to the
 * file that defined it, a new one to the default file, current-context to the first file that sets one.
 */

type Section = 'clusters' | 'users' | 'contexts'

// the fields that hold file paths, made relative to the file they are written to (RelativizeClusterLocalPaths,
// RelativizeAuthInfoLocalPaths)
const PATH_FIELDS: Readonly<Record<Section, readonly string[]>> = {
  clusters: ['certificate-authority'],
  users: ['client-certificate', 'client-key', 'tokenFile'],
  contexts: [],
}

/** How a command's changes are written. */
interface ModifyOptions {
  /** relativize the paths of written clusters and users (kubectl's set-cluster, set-credentials, delete-*) */
  relativizePaths: boolean
}

// filepath.Rel then RelativizePathWithNoBacksteps: a path that would need `../` stays as it is when absolute
function relativized(path: string, base: string): string {
  if (path === '' || !isAbsolute(path)) return path
  const rel = relative(base, path)
  return rel.startsWith(`..${sep}`) || rel === '..' ? path : rel === '' ? '.' : rel
}

function withRelativePaths(value: JsonObject, section: Section, file: string): JsonObject {
  const out: JsonObject = {...value}
  const base = dirname(resolve(file))
  for (const field of PATH_FIELDS[section]) {
    const path = out[field]
    if (typeof path === 'string') out[field] = relativized(path, base)
  }
  const exec = out['exec']
  // an exec command is a path only when it names one, not a program found on $PATH
  if (section === 'users' && isJsonObject(exec) && typeof exec['command'] === 'string' && exec['command'].includes(sep))
    out['exec'] = {...exec, command: relativized(exec['command'], base)}
  return out
}

async function writeCurrentContext(access: KubeconfigAccess, name: string): Promise<void> {
  let target = access.explicit
  if (target === undefined && name !== '') {
    for (const file of access.precedence) {
      if (existsSync(file) && (await readKubeconfigFile(file)).currentContext !== '') {
        target = file
        break
      }
    }
  }
  target ??= access.defaultFile
  writeKubeconfigFile({...(await readKubeconfigFile(target)), currentContext: name}, target)
}

async function writePreferences(access: KubeconfigAccess, preferences: Record<string, unknown>): Promise<void> {
  const files = access.explicit ? [access.explicit] : access.precedence
  for (const file of files) {
    const config = await readKubeconfigFile(file)
    if (jsonEqual(config.preferences, preferences)) continue
    writeKubeconfigFile({...config, preferences}, file)
    return
  }
}

async function writeEntry(
  section: Section,
  entry: Named<string, JsonObject>,
  access: KubeconfigAccess,
  options: ModifyOptions,
): Promise<void> {
  const file = entry.file || access.defaultFile
  const config = await readKubeconfigFile(file)
  const value = options.relativizePaths ? withRelativePaths(entry.value, section, file) : entry.value
  const list = config[section] as Named<string, JsonObject>[]
  const written = {...entry, value, file}
  const next = list.some((e) => e.name === entry.name)
    ? list.map((e) => (e.name === entry.name ? written : e))
    : [...list, written]
  writeKubeconfigFile({...config, [section]: next}, file)
}

async function removeEntry(
  section: Section,
  entry: Named<string, JsonObject>,
  access: KubeconfigAccess,
): Promise<void> {
  const file = entry.file || access.defaultFile
  const config = await readKubeconfigFile(file)
  const list = config[section] as Named<string, JsonObject>[]
  writeKubeconfigFile({...config, [section]: list.filter((e) => e.name !== entry.name)}, file)
}

/** Writes the difference between `starting` and `wanted` to the kubeconfig files, as kubectl does. */
export async function modifyKubeconfig(
  access: KubeconfigAccess,
  starting: Kubeconfig,
  wanted: Kubeconfig,
  options: ModifyOptions,
): Promise<void> {
  if (starting.currentContext !== wanted.currentContext) await writeCurrentContext(access, wanted.currentContext)
  if (!jsonEqual(starting.preferences, wanted.preferences)) await writePreferences(access, wanted.preferences)
  for (const section of ['clusters', 'contexts', 'users'] as const) {
    const before = starting[section] as Named<string, JsonObject>[]
    const after = wanted[section] as Named<string, JsonObject>[]
    // contexts hold no paths (ModifyConfig relativizes clusters and users only)
    const relativize = {relativizePaths: options.relativizePaths && section !== 'contexts'}
    for (const entry of after) {
      const old = before.find((e) => e.name === entry.name)
      if (!old || !jsonEqual(old.value, entry.value)) await writeEntry(section, entry, access, relativize)
    }
    for (const entry of before) if (!after.some((e) => e.name === entry.name)) await removeEntry(section, entry, access)
  }
}
