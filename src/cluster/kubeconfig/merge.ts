import {isJsonObject, type JsonObject} from '../../backend/object.js'
import type {Kubeconfig, KubeconfigCluster, KubeconfigContext, KubeconfigUser, Named} from './types.js'

/** A kubeconfig file's parsed content, with its path. */
export interface KubeconfigFile {
  path: string
  content: unknown
}

/** A kubeconfig file that is not a kubeconfig: kubectl's `error loading config file` wording. */
export class KubeconfigLoadError extends Error {
  constructor(path: string, detail: string) {
    super(`error loading config file "${path}": ${detail}`)
    this.name = 'KubeconfigLoadError'
  }
}

/**
 * Merges kubeconfig files as clientcmd's loading rules do (client-go tools/clientcmd/loader.go, v1.32): for
 * clusters, users and contexts the first file to define a name wins; current-context and preferences come
 * from the first file that sets them.
 */
export function mergeKubeconfigs(files: readonly KubeconfigFile[]): Kubeconfig {
  const merged: Kubeconfig = {clusters: [], users: [], contexts: [], currentContext: '', preferences: {}, files: []}
  let preferencesSet = false
  for (const {path, content} of files) {
    merged.files.push(path)
    if (content === null || content === undefined) continue
    if (!isJsonObject(content)) throw new KubeconfigLoadError(path, 'not a kubeconfig (expected a mapping)')
    merged.clusters.push(
      ...newEntries(merged.clusters, entries<KubeconfigCluster, 'cluster'>(content, 'clusters', 'cluster', path)),
    )
    merged.users.push(...newEntries(merged.users, entries<KubeconfigUser, 'user'>(content, 'users', 'user', path)))
    merged.contexts.push(
      ...newEntries(merged.contexts, entries<KubeconfigContext, 'context'>(content, 'contexts', 'context', path)),
    )
    const current = content['current-context']
    if (merged.currentContext === '' && typeof current === 'string') merged.currentContext = current
    const preferences = content['preferences']
    if (!preferencesSet && isJsonObject(preferences) && Object.keys(preferences).length > 0) {
      merged.preferences = preferences
      preferencesSet = true
    }
  }
  return merged
}

function newEntries<T extends {name: string}>(existing: readonly T[], candidates: readonly T[]): T[] {
  const seen = new Set(existing.map((e) => e.name))
  const fresh: T[] = []
  for (const candidate of candidates) {
    if (seen.has(candidate.name)) continue
    seen.add(candidate.name)
    fresh.push(candidate)
  }
  return fresh
}

function entries<V, K extends string>(content: JsonObject, list: string, key: K, path: string): Named<K, V>[] {
  const raw = content[list]
  if (raw === undefined || raw === null) return []
  if (!Array.isArray(raw)) throw new KubeconfigLoadError(path, `${list} must be a list`)
  return raw.map((item: unknown) => {
    if (!isJsonObject(item) || typeof item['name'] !== 'string') {
      throw new KubeconfigLoadError(path, `every entry of ${list} needs a name`)
    }
    const value = item[key]
    return {name: item['name'], value: (isJsonObject(value) ? value : {}) as V, file: path, key}
  })
}
