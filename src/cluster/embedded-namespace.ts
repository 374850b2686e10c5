import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {clusterDir} from '../embedded/cluster-home.js'
import {writePrivateFile} from '../embedded/private-files.js'

/*
 * An embedded cluster is a context too, so it has a namespace of its own: `skiff config set-context --current
 * --namespace=shop` on an embedded cluster is kept beside its store (and goes when the cluster is deleted).
 */

const CONTEXT_FILE = 'context.json'

/** The namespace set for an embedded cluster's context, '' when none. */
export function readEmbeddedNamespace(cluster: string, env: NodeJS.ProcessEnv = process.env): string {
  const file = join(clusterDir(cluster, env), CONTEXT_FILE)
  if (!existsSync(file)) return ''
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
  const namespace = typeof parsed === 'object' && parsed !== null ? (parsed as {namespace?: unknown}).namespace : ''
  return typeof namespace === 'string' ? namespace : ''
}

/** Sets (or with '' clears) the namespace of an embedded cluster's context. */
export function writeEmbeddedNamespace(cluster: string, namespace: string, env: NodeJS.ProcessEnv = process.env): void {
  const file = join(clusterDir(cluster, env), CONTEXT_FILE)
  writePrivateFile(file, `${JSON.stringify(namespace === '' ? {} : {namespace})}\n`, env)
}
