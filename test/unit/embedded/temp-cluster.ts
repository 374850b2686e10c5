import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {ResourceRef} from '../../../src/backend/refs.js'
import type {EmbeddedBackend} from '../../../src/embedded/embedded-backend.js'
import {openEmbeddedCluster} from '../../../src/embedded/open-cluster.js'

/** An embedded cluster in its own temporary SKIFF_HOME, and how to dispose of it. */
export interface TempCluster {
  backend: EmbeddedBackend
  home: string
  dispose(): Promise<void>
}

/** Opens a fresh embedded cluster under a new temporary SKIFF_HOME. */
export async function openTempCluster(name = 'test'): Promise<TempCluster> {
  const home = mkdtempSync(join(tmpdir(), 'skiff-embedded-'))
  const backend = await openEmbeddedCluster(name, {SKIFF_HOME: home})
  return {
    backend,
    home,
    async dispose() {
      await backend.close()
      rmSync(home, {recursive: true, force: true})
    },
  }
}

export const namespacesRef: ResourceRef = {group: '', version: 'v1', resource: 'namespaces'}

/** The ref of a core (group '') namespaced resource. */
export function coreRef(resource: string, namespace?: string): ResourceRef {
  return namespace === undefined
    ? {group: '', version: 'v1', resource}
    : {group: '', version: 'v1', resource, namespace}
}

/** The ref of deployments in a namespace. */
export function deploymentsRef(namespace = 'default'): ResourceRef {
  return {group: 'apps', version: 'v1', resource: 'deployments', namespace}
}

/** The status error a promise rejects with, for assertions on reason, code and message. */
export async function rejection(promise: Promise<unknown>): Promise<{reason: string; code: number; message: string}> {
  try {
    await promise
  } catch (error) {
    const status = (error as {status?: {reason: string; code: number; message: string}}).status
    if (status) return {reason: status.reason, code: status.code, message: status.message}
    throw error
  }
  throw new Error('expected the promise to reject')
}
