import type {DeleteOptions, ListOptions, WriteOptions} from '../../backend/backend.js'
import type {KubeList, KubeObject} from '../../backend/object.js'
import type {ResourceInfo, ResourceRef} from '../../backend/refs.js'
import type {Status} from '../../backend/status.js'
import type {Clock} from '../clock/clock.js'
import type {EventReport} from '../events.js'
import type {ObjectCache} from '../informer/object-cache.js'
import type {ChangeEvent, Store, StoreKey} from '../store/store.js'

/** What a reconcile writes through: the API server, with admission, optimistic concurrency and finalizers. */
export interface ApiClient {
  create(object: KubeObject, options?: WriteOptions): Promise<KubeObject>
  update(object: KubeObject, options?: WriteOptions & {subresource?: string}): Promise<KubeObject>
  delete(ref: ResourceRef, name: string, options?: DeleteOptions): Promise<KubeObject | Status>
  /** a live read, for what the cache does not hold (events), as the namespace deleter lists through the API */
  list(ref: ResourceRef, options?: ListOptions): Promise<KubeList>
}

/** Where a controller records events (client-go's EventRecorder). */
export interface EventSink {
  record(object: KubeObject, report: EventReport): Promise<void>
}

/** The informer cache, as controllers may use it: reads only. */
export type ObjectReader = Pick<
  ObjectCache,
  | 'get'
  | 'list'
  | 'listInNamespace'
  | 'keyOfUid'
  | 'dependentsOf'
  | 'ownedBy'
  | 'podsOnNode'
  | 'unboundPods'
  | 'nodesTouchedSince'
  | 'select'
  | 'selectOrphans'
>

/**
 * What a reconcile may use (controller-runtime's client and cache, on one thread): reads from the informer
 * cache, writes through the API server, events, the clock; never the store's objects or the backend class.
 */
export interface ReconcileContext {
  /** the informer cache: every object but events, kept current in revision order */
  readonly cache: ObjectReader
  /** the API server: every write goes through admission here */
  readonly api: ApiClient
  /** cluster time; during catch-up the simulated moment being processed */
  readonly clock: Clock
  readonly events: EventSink
  /** the control plane's own records beside the API objects (kubelet records, node power, scheduler memory) */
  readonly state: Store
  /**
   * What a controller keeps in this process between reconciles, by controller name (kube-scheduler's cache
   * and queue): lost when the process ends, rebuilt from the cache by the next one.
   */
  readonly memory: Map<string, unknown>
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

/** The object cached under a key; undefined when it is gone. */
export async function readObject(ctx: ReconcileContext, key: StoreKey): Promise<KubeObject | undefined> {
  return ctx.cache.get(key)
}
