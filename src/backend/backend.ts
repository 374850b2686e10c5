import type {KubeList, KubeObject} from './object.js'
import type {ResourceInfo, ResourceRef} from './refs.js'
import type {Status} from './status.js'
import type {Table} from './table.js'
import type {TableWatchEvent, WatchEvent} from './watch.js'

/** list and watch options, as the query parameters of the API. */
export interface ListOptions {
  labelSelector?: string
  fieldSelector?: string
  limit?: number
  continue?: string
  resourceVersion?: string
}

/** Options of create, update and patch. */
export interface WriteOptions {
  dryRun?: boolean
  fieldManager?: string
  /** server-side apply only */
  force?: boolean
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore'
}

/** Options of delete. */
export interface DeleteOptions {
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan'
  gracePeriodSeconds?: number
  dryRun?: boolean
  preconditions?: {uid?: string; resourceVersion?: string}
}

/** A patch body with its content type. */
export type Patch =
  | {type: 'json'; body: unknown[]}
  | {type: 'merge'; body: unknown}
  | {type: 'strategic'; body: unknown}
  | {type: 'apply'; body: unknown}

/** Options of pods/log. */
export interface LogOptions {
  container?: string
  follow?: boolean
  previous?: boolean
  tailLines?: number
  sinceSeconds?: number
  sinceTime?: string
  timestamps?: boolean
  limitBytes?: number
}

/** What `/version` answers (version.Info). */
export interface ServerVersion {
  major: string
  minor: string
  gitVersion: string
  gitCommit: string
  gitTreeState: string
  buildDate: string
  goVersion: string
  compiler: string
  platform: string
}

/**
 * The Kubernetes API as skiff's commands see it, implemented by a real cluster and by the embedded
 * control plane. It speaks resources and objects like client-go's dynamic client; verbs live above it.
 * Every method throws StatusError only.
 */
export interface Backend {
  version(): Promise<ServerVersion>
  /** The server's clock in ms since the epoch (a real API server's Date header), for ages computed client-side. */
  serverTime(): Promise<number>
  discover(): Promise<ResourceInfo[]>
  /** Asks the server again, past any discovery cache (kubectl's RESTMapper reset on a miss); absent when discovery is never cached. */
  rediscover?(): Promise<ResourceInfo[]>
  /**
   * GET of an OpenAPI document, parsed: `/openapi/v3` (the index), a group-version's document by its
   * serverRelativeURL (`/openapi/v3/apis/apps/v1?hash=...`), or `/openapi/v2`; absent when not served.
   */
  openApi?(path: string): Promise<unknown>
  get(ref: ResourceRef, name: string): Promise<KubeObject>
  list(ref: ResourceRef, options?: ListOptions): Promise<KubeList>
  /** includeObject: what rows carry (the server's default, Metadata, or whole objects, which --sort-by needs) */
  table(
    ref: ResourceRef,
    options?: ListOptions & {name?: string; includeObject?: 'Metadata' | 'Object'},
  ): Promise<Table>
  create(object: KubeObject, options?: WriteOptions): Promise<KubeObject>
  update(object: KubeObject, options?: WriteOptions & {subresource?: string}): Promise<KubeObject>
  patch(ref: ResourceRef, name: string, patch: Patch, options?: WriteOptions): Promise<KubeObject>
  delete(ref: ResourceRef, name: string, options?: DeleteOptions): Promise<KubeObject | Status>
  watch(ref: ResourceRef, options?: ListOptions): AsyncIterable<WatchEvent>
  /**
   * A watch whose events are Table rows in the server's columns (CRD printer columns included), for
   * `get -w`; bookmarks are skipped and an ERROR event is thrown as its Status.
   */
  watchTable?(ref: ResourceRef, options?: ListOptions): AsyncIterable<TableWatchEvent>
  logs(pod: string, namespace: string, options?: LogOptions): AsyncIterable<string>
  /** Releases the connection or database; runs pending control-plane work on the embedded backend. */
  close(): Promise<void>
}
