import {ensurePrivateDir, ensurePrivateFile} from './private-files.js'
import {dirname} from 'node:path'
import {Clock} from './clock/clock.js'
import type {Controller} from './controllers/controller.js'
import {ControllerRunner} from './controllers/runner.js'
import {DEFAULT_CLUSTER_SHAPE, type ClusterShape} from './nodes.js'
import {clusterStoreFile} from './cluster-home.js'
import {EmbeddedBackend} from './embedded-backend.js'
import {Store} from './store/store.js'

// the controllers are most of the control plane's code: a read of a quiet cluster does not load them
async function loadControllers(): Promise<readonly Controller[]> {
  return (await import('./control-plane.js')).CONTROLLERS
}

const CLOCK_OFFSET_KEY = 'clock.offsetMs'
const BOOTSTRAPPED_KEY = 'bootstrapped'

/** Opens (creating on first use, with `shape`) the embedded cluster `name` under $SKIFF_HOME, as a Backend. */
export async function openEmbeddedCluster(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
  shape: ClusterShape = DEFAULT_CLUSTER_SHAPE,
): Promise<EmbeddedBackend> {
  const file = clusterStoreFile(name, env)
  ensurePrivateDir(dirname(file), env)
  ensurePrivateFile(file, [`${file}-wal`, `${file}-shm`])
  const store = new Store(file)
  const clock = new Clock(Number(store.readMeta(CLOCK_OFFSET_KEY) ?? '0'))
  const backend = new EmbeddedBackend(store, clock, new ControllerRunner(loadControllers))
  if (store.readMeta(BOOTSTRAPPED_KEY) === undefined) {
    const {bootstrapCluster} = await import('./bootstrap.js')
    // one transaction: a second process that opens a new cluster at the same time waits, then sees it done
    store.transaction(() => {
      if (store.readMeta(BOOTSTRAPPED_KEY) !== undefined) return
      bootstrapCluster(store, clock, name, shape)
      store.writeMeta(BOOTSTRAPPED_KEY, clock.timestamp())
    })
  }
  return backend
}

/**
 * `skiff cluster advance`: moves the cluster's clock forward and runs everything that falls due, in time
 * order, so the cluster is quiet at the new 'now'.
 */
export async function advanceCluster(backend: EmbeddedBackend, durationMs: number): Promise<void> {
  await backend.settle()
  backend.store.transaction(() => {
    const offset = Number(backend.store.readMeta(CLOCK_OFFSET_KEY) ?? '0') + durationMs
    backend.store.writeMeta(CLOCK_OFFSET_KEY, String(offset))
  })
  backend.clock.advance(durationMs)
  await backend.settle()
}

/**
 * For a long-running process (`skiff serve`): takes up the clock offset another process's `cluster advance`
 * stored since this one opened the cluster, so both agree on 'now'.
 */
export function refreshClockOffset(backend: EmbeddedBackend): void {
  const stored = Number(backend.store.readMeta(CLOCK_OFFSET_KEY) ?? '0')
  if (stored > backend.clock.offset) backend.clock.advance(stored - backend.clock.offset)
}
