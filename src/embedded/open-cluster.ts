import {ensurePrivateDir, ensurePrivateFile} from './private-files.js'
import {dirname} from 'node:path'
import {Clock} from './clock/clock.js'
import {addClockOffset, readClockOffset} from './clock/stored-offset.js'
import type {Controller} from './controllers/controller.js'
import {ControllerRunner} from './controllers/runner.js'
import {ControlLoop} from './control-loop.js'
import {newHolderIdentity} from './leader/holder-identity.js'
import {LEASE_KEY, LeaderLease} from './leader/lease.js'
import {DEFAULT_CLUSTER_SHAPE, type ClusterShape} from './nodes.js'
import {clusterStoreFile} from './cluster-home.js'
import {EmbeddedBackend} from './embedded-backend.js'
import {Store} from './store/store.js'

// the controllers are most of the control plane's code: a read of a quiet cluster does not load them
async function loadControllers(): Promise<readonly Controller[]> {
  return (await import('./control-plane.js')).CONTROLLERS
}

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
  const clock = new Clock(readClockOffset(store))
  const backend = new EmbeddedBackend(store, clock)
  backend.attachControlLoop(newControlLoop(backend, loadControllers))
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
 * The control loop of a process over an API server: the lease it competes for (kube-system's
 * skiff-control-plane, read straight from storage, written through the API) and the controllers it runs.
 */
export function newControlLoop(
  backend: EmbeddedBackend,
  controllers: () => Promise<readonly Controller[]>,
): ControlLoop {
  const lease = new LeaderLease(
    {
      read: () => backend.store.get(LEASE_KEY)?.object,
      create: (object, options) => backend.create(object, options),
      update: (object, options) => backend.update(object, options),
    },
    backend.clock,
    newHolderIdentity(),
  )
  return new ControlLoop(backend, new ControllerRunner(controllers), lease)
}

/**
 * `skiff cluster advance`: moves the cluster's clock forward and runs everything that falls due, in time
 * order, so the cluster is quiet at the new 'now' (or waits for the process that leads the control loop to
 * have done so).
 */
export async function advanceCluster(backend: EmbeddedBackend, durationMs: number): Promise<void> {
  await backend.settle()
  backend.clock.catchUpOffset(addClockOffset(backend.store, durationMs))
  await backend.controlLoop?.settleThrough(backend.clock.wallNow())
}

/**
 * For a long-running process (`skiff serve`): takes up the clock offset another process's `cluster advance`
 * stored since this one opened the cluster, so both agree on 'now'.
 */
export function refreshClockOffset(backend: EmbeddedBackend): void {
  backend.clock.catchUpOffset(readClockOffset(backend.store))
}
