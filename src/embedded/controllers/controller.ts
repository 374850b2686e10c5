import type {KubeObject} from '../../backend/object.js'
import type {ResourceInfo} from '../../backend/refs.js'
import type {Clock} from '../clock/clock.js'
import type {EmbeddedBackend} from '../embedded-backend.js'
import type {EventRecorder} from '../events.js'
import type {ChangeEvent, StoreKey} from '../store/store.js'

/** What a reconcile may use: the API (the same Backend the CLI uses), the clock, events, and lookups. */
export interface ReconcileContext {
  api: EmbeddedBackend
  /** cluster time; during catch-up the simulated moment being processed */
  clock: Clock
  events: EventRecorder
  /** The served resource behind a store resource key ('apps/deployments'). */
  infoFor(resource: string): ResourceInfo | undefined
}

/** What a reconcile asks for next: to run again for the same key after a delay (no sleeping, no timers of its own). */
export interface ReconcileResult {
  requeueAfterMs?: number
}

/**
 * A level-triggered reconciler (controller-runtime's shape, on one thread): changes map to keys, and
 * reconcile reads the current state for a key, writes what is missing through the API, and returns
 * when it wants to look again.
 */
export interface Controller {
  readonly name: string
  keysFor(change: ChangeEvent, ctx: ReconcileContext): StoreKey[]
  reconcile(key: StoreKey, ctx: ReconcileContext): Promise<ReconcileResult | void>
}

/** The object stored under a key; undefined when it is gone. */
export async function readObject(ctx: ReconcileContext, key: StoreKey): Promise<KubeObject | undefined> {
  return ctx.api.store.get(key)?.object
}
