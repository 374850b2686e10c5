import type {KubeObject} from '../../backend/object.js'
import type {ResourceInfo} from '../../backend/refs.js'
import type {Clock} from '../clock/clock.js'
import type {EmbeddedBackend} from '../embedded-backend.js'
import type {ChangeEvent, StoreKey} from '../store/store.js'

/** What a reconcile may use: the API (the same Backend the CLI uses), the clock, and lookups. */
export interface ReconcileContext {
  api: EmbeddedBackend
  clock: Clock
  /** The served resource behind a store resource key ('apps/deployments'). */
  infoFor(resource: string): ResourceInfo | undefined
}

/**
 * A level-triggered reconciler (controller-runtime's shape, on one thread): changes map to keys, and
 * reconcile reads the current state for a key and writes what is missing through the API.
 */
export interface Controller {
  readonly name: string
  keysFor(change: ChangeEvent, ctx: ReconcileContext): StoreKey[]
  reconcile(key: StoreKey, ctx: ReconcileContext): Promise<void>
}

/** The object stored under a key, read through the API; undefined when it is gone. */
export async function readObject(ctx: ReconcileContext, key: StoreKey): Promise<KubeObject | undefined> {
  return ctx.api.store.get(key)?.object
}
