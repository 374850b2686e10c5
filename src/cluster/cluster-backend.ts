import type {
  Backend,
  DeleteOptions,
  ListOptions,
  LogOptions,
  Patch,
  ServerVersion,
  WriteOptions,
} from '../backend/backend.js'
import type {KubeList, KubeObject} from '../backend/object.js'
import {parseApiVersion, qualifiedResource, type ResourceInfo, type ResourceRef} from '../backend/refs.js'
import {checkRequestPath} from '../backend/request-path.js'
import {badRequest, StatusError, type Status} from '../backend/status.js'
import type {Table} from '../backend/table.js'
import type {TableWatchEvent, WatchEvent} from '../backend/watch.js'
import {skiffHome} from '../embedded/cluster-home.js'
import {DEFAULT_FIELD_MANAGER} from '../embedded/field-manager/component-managers.js'
import {ApiClient, type ApiRequest} from './api-client.js'
import {connect} from './credentials.js'
import {DiscoveryCache, discoveryCacheDir, fetchDiscovery} from './discovery.js'
import type {KubeconfigSelection} from './kubeconfig/select.js'
import {parseRequestTimeoutMs} from './request-timeout.js'
import {readLines} from './read-lines.js'

// kubectl get's Accept header for server-side printing (kubectl/pkg/cmd/get/get.go, v1.32)
const TABLE_ACCEPT =
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json'

const PATCH_CONTENT_TYPES: Readonly<Record<Patch['type'], string>> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
}

// writes to these change what the server serves, so discovery must be asked again
const DISCOVERY_CHANGING_GROUPS = new Set(['apiextensions.k8s.io', 'apiregistration.k8s.io'])

/** The REST path of a resource collection or object: /api/v1/namespaces/ns/pods/name/log. */
function resourcePath(ref: ResourceRef, name?: string, subresource?: string): string {
  // every segment is checked and encoded, so no name can collapse the URL onto a collection or a parent
  checkRequestPath({...ref, subresource}, name)
  const segment = encodeURIComponent
  const root = ref.group === '' ? `/api/${segment(ref.version)}` : `/apis/${segment(ref.group)}/${segment(ref.version)}`
  const namespace = ref.namespace ? `/namespaces/${segment(ref.namespace)}` : ''
  const object = name === undefined ? '' : `/${segment(name)}`
  const sub = subresource ? `/${subresource.split('/').map(segment).join('/')}` : ''
  return `${root}${namespace}/${segment(ref.resource)}${object}${sub}`
}

function listQuery(options: ListOptions): ApiRequest['query'] {
  return {
    labelSelector: options.labelSelector || undefined,
    fieldSelector: options.fieldSelector || undefined,
    limit: options.limit,
    continue: options.continue || undefined,
    resourceVersion: options.resourceVersion,
  }
}

function writeQuery(options: WriteOptions): ApiRequest['query'] {
  return {
    dryRun: options.dryRun ? 'All' : undefined,
    // kubectl's User-Agent names the manager of a write without --field-manager; skiff's own does not
    fieldManager: options.fieldManager ?? DEFAULT_FIELD_MANAGER,
    force: options.force === undefined ? undefined : options.force,
    fieldValidation: options.fieldValidation,
  }
}

/**
 * The Backend over a real Kubernetes API server (or `skiff serve`), reached with the kubeconfig's cluster and
 * user. Requests are the ones kubectl sends: Tables for `get`, the scale subresource for `scale`, patches
 * in their own content types, watches and log follows as streams.
 */
export class ClusterBackend implements Backend {
  private resources: ResourceInfo[] | undefined

  constructor(
    private readonly client: ApiClient,
    private readonly cache: DiscoveryCache,
  ) {}

  async version(): Promise<ServerVersion> {
    return this.client.json<ServerVersion>({method: 'GET', path: '/version'})
  }

  async serverTime(): Promise<number> {
    if (this.client.clockOffsetMs === undefined) await this.client.send({method: 'GET', path: '/version'})
    return Date.now() + (this.client.clockOffsetMs ?? 0)
  }

  async openApi(path: string): Promise<unknown> {
    // the serverRelativeURL of a group-version document carries its hash as a query: the path keeps it
    return this.client.json<unknown>({method: 'GET', path, accept: 'application/json'})
  }

  async discover(): Promise<ResourceInfo[]> {
    this.resources ??= this.cache.read() ?? (await this.rediscover())
    return this.resources
  }

  /** Fetches discovery from the server, bypassing and refreshing the disk cache. */
  async rediscover(): Promise<ResourceInfo[]> {
    const fresh = await fetchDiscovery(this.client)
    this.cache.write(fresh)
    this.resources = fresh
    return fresh
  }

  async get(ref: ResourceRef, name: string): Promise<KubeObject> {
    return this.client.json<KubeObject>({
      method: 'GET',
      path: resourcePath(ref, name, ref.subresource),
      about: {qualifiedResource: qualifiedResource(ref), name},
    })
  }

  async list(ref: ResourceRef, options: ListOptions = {}): Promise<KubeList> {
    return this.client.json<KubeList>({
      method: 'GET',
      path: resourcePath(ref),
      query: listQuery(options),
      about: {qualifiedResource: qualifiedResource(ref), name: ''},
    })
  }

  async table(
    ref: ResourceRef,
    options: ListOptions & {name?: string; includeObject?: 'Metadata' | 'Object'} = {},
  ): Promise<Table> {
    const {name, includeObject, ...list} = options
    // as kubectl: rows carry metadata (namespace, labels) unless whole objects are needed (--sort-by), which
    // keeps a 500-row chunk a fraction of the size to send and parse
    const query = {...(name === undefined ? listQuery(list) : {}), includeObject: includeObject ?? 'Metadata'}
    const table = await this.client.json<Table>({
      method: 'GET',
      path: resourcePath(ref, name),
      query,
      accept: TABLE_ACCEPT,
      about: {qualifiedResource: qualifiedResource(ref), name: name ?? ''},
    })
    if (table.kind !== 'Table') throw badRequest(`the server did not answer a Table for ${qualifiedResource(ref)}`)
    return table
  }

  async create(object: KubeObject, options: WriteOptions = {}): Promise<KubeObject> {
    const ref = await this.refFor(object)
    const created = await this.client.json<KubeObject>({
      method: 'POST',
      path: resourcePath(ref),
      query: writeQuery(options),
      body: object,
      about: {qualifiedResource: qualifiedResource(ref), name: object.metadata.name ?? ''},
    })
    this.noteWrite(ref, options)
    return created
  }

  async update(object: KubeObject, options: WriteOptions & {subresource?: string} = {}): Promise<KubeObject> {
    const ref = await this.refFor(object)
    const name = object.metadata.name ?? ''
    const {subresource, ...write} = options
    const updated = await this.client.json<KubeObject>({
      method: 'PUT',
      path: resourcePath(ref, name, subresource),
      query: writeQuery(write),
      body: object,
      about: {qualifiedResource: qualifiedResource(ref), name},
    })
    this.noteWrite(ref, options)
    return updated
  }

  async patch(ref: ResourceRef, name: string, patch: Patch, options: WriteOptions = {}): Promise<KubeObject> {
    const patched = await this.client.json<KubeObject>({
      method: 'PATCH',
      path: resourcePath(ref, name, ref.subresource),
      query: writeQuery(options),
      body: patch.body,
      contentType: PATCH_CONTENT_TYPES[patch.type],
      about: {qualifiedResource: qualifiedResource(ref), name},
    })
    this.noteWrite(ref, options)
    return patched
  }

  async delete(ref: ResourceRef, name: string, options: DeleteOptions = {}): Promise<KubeObject | Status> {
    const body = {
      kind: 'DeleteOptions',
      apiVersion: 'v1',
      ...(options.propagationPolicy ? {propagationPolicy: options.propagationPolicy} : {}),
      ...(options.gracePeriodSeconds === undefined ? {} : {gracePeriodSeconds: options.gracePeriodSeconds}),
      ...(options.dryRun ? {dryRun: ['All']} : {}),
      ...(options.preconditions ? {preconditions: options.preconditions} : {}),
    }
    const deleted = await this.client.json<KubeObject | Status>({
      method: 'DELETE',
      path: resourcePath(ref, name),
      body,
      about: {qualifiedResource: qualifiedResource(ref), name},
    })
    this.noteWrite(ref, options)
    return deleted
  }

  watch(ref: ResourceRef, options: ListOptions = {}): AsyncIterable<WatchEvent> {
    return this.watchStream<WatchEvent>(ref, options)
  }

  /** kubectl get -w's watch: Tables asked for in the Accept header, with whole objects in their rows. */
  async *watchTable(ref: ResourceRef, options: ListOptions = {}): AsyncIterable<TableWatchEvent> {
    const events = this.watchStream<{type: WatchEvent['type']; object: Table | Status}>(ref, options, {
      accept: TABLE_ACCEPT,
      includeObject: 'Object',
    })
    for await (const event of events) {
      if (event.type === 'ERROR') throw new StatusError(event.object as Status)
      if (event.type === 'BOOKMARK') continue
      const table = event.object as Table
      if (table.kind !== 'Table') throw badRequest(`the server did not answer a Table for ${qualifiedResource(ref)}`)
      yield {type: event.type, table}
    }
  }

  private async *watchStream<Event>(
    ref: ResourceRef,
    options: ListOptions,
    table?: {accept: string; includeObject: string},
  ): AsyncIterable<Event> {
    const abort = new AbortController()
    const response = await this.client.stream(
      {
        method: 'GET',
        path: resourcePath(ref),
        query: {
          ...listQuery(options),
          watch: 1,
          allowWatchBookmarks: true,
          ...(table ? {includeObject: table.includeObject} : {}),
        },
        ...(table ? {accept: table.accept} : {}),
        about: {qualifiedResource: qualifiedResource(ref), name: ''},
      },
      abort.signal,
    )
    try {
      for await (const line of readLines(response)) {
        if (line.trim() !== '') yield JSON.parse(line) as Event
      }
    } finally {
      abort.abort()
    }
  }

  async *logs(pod: string, namespace: string, options: LogOptions = {}): AsyncIterable<string> {
    const abort = new AbortController()
    const response = await this.client.stream(
      {
        method: 'GET',
        path: resourcePath({group: '', version: 'v1', resource: 'pods', namespace}, pod, 'log'),
        query: {
          container: options.container,
          follow: options.follow || undefined,
          previous: options.previous || undefined,
          tailLines: options.tailLines,
          sinceSeconds: options.sinceSeconds,
          sinceTime: options.sinceTime,
          timestamps: options.timestamps || undefined,
          limitBytes: options.limitBytes,
        },
        about: {qualifiedResource: 'pods', name: pod},
      },
      abort.signal,
    )
    try {
      for await (const line of readLines(response)) yield `${line}\n`
    } finally {
      abort.abort()
    }
  }

  async close(): Promise<void> {
    this.client.close()
  }

  // the plural resource for an object's kind, from discovery (asked again once when the kind is new)
  private async refFor(object: KubeObject): Promise<ResourceRef> {
    const {group, version} = parseApiVersion(object.apiVersion)
    const match = (all: readonly ResourceInfo[]): ResourceInfo | undefined =>
      all.find((r) => r.group === group && r.version === version && r.kind === object.kind)
    const info = match(await this.discover()) ?? match(await this.rediscover())
    if (!info) throw badRequest(`no kind "${object.kind}" is registered for version "${object.apiVersion}"`)
    const ref: ResourceRef = {group, version, resource: info.resource}
    if (info.namespaced) ref.namespace = object.metadata.namespace || 'default'
    return ref
  }

  private noteWrite(ref: ResourceRef, options: {dryRun?: boolean | undefined}): void {
    if (!options.dryRun && DISCOVERY_CHANGING_GROUPS.has(ref.group)) {
      this.cache.invalidate()
      this.resources = undefined
    }
  }
}

/** Connects to the cluster a kubeconfig selection names. */
export async function openClusterBackend(
  selection: KubeconfigSelection,
  options: {requestTimeout?: string | undefined; env?: NodeJS.ProcessEnv} = {},
): Promise<ClusterBackend> {
  const timeoutMs = parseRequestTimeoutMs(options.requestTimeout)
  const connection = await connect(selection)
  const cacheRoot = `${skiffHome(options.env ?? process.env)}/cache`
  return new ClusterBackend(
    new ApiClient(connection, timeoutMs),
    new DiscoveryCache(discoveryCacheDir(cacheRoot, connection.server), () => Date.now()),
  )
}
