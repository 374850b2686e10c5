import {mkdirSync} from 'node:fs'
import {dirname} from 'node:path'
import {Clock} from './clock/clock.js'
import {ControllerRunner} from './controllers/runner.js'
import {garbageCollector} from './controllers/garbage-collector.js'
import {namespaceController} from './controllers/namespace-controller.js'
import {clusterStoreFile} from './cluster-home.js'
import {EmbeddedBackend} from './embedded-backend.js'
import {Store} from './store/store.js'

const CLOCK_OFFSET_KEY = 'clock.offsetMs'
const BOOTSTRAPPED_KEY = 'bootstrapped'

/** Opens (creating on first use) the embedded cluster `name` under $SKIFF_HOME, as a Backend. */
export async function openEmbeddedCluster(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<EmbeddedBackend> {
  const file = clusterStoreFile(name, env)
  mkdirSync(dirname(file), {recursive: true})
  const store = new Store(file)
  const clock = new Clock(Number(store.readMeta(CLOCK_OFFSET_KEY) ?? '0'))
  const backend = new EmbeddedBackend(store, clock, new ControllerRunner([garbageCollector, namespaceController]))
  if (store.readMeta(BOOTSTRAPPED_KEY) === undefined) {
    const {bootstrapCluster} = await import('./bootstrap.js')
    // one transaction: a second process that opens a new cluster at the same time waits, then sees it done
    store.transaction(() => {
      if (store.readMeta(BOOTSTRAPPED_KEY) !== undefined) return
      bootstrapCluster(store, clock)
      store.writeMeta(BOOTSTRAPPED_KEY, clock.timestamp())
    })
  }
  return backend
}
