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
import {apiVersionOf, type ResourceInfo, type ResourceRef} from '../backend/refs.js'
import {badRequest, conflict, invalid, notFound, StatusError, type Status} from '../backend/status.js'
import type {Table} from '../backend/table.js'
import type {TableWatchEvent, WatchEvent} from '../backend/watch.js'
import {BUILTIN_RESOURCES} from '../resources/builtin.js'
import {buildTable} from '../resources/columns/index.js'
import type {Clock} from './clock/clock.js'
import {listObjects} from './list-objects.js'
import type * as Admission from './admit.js'
import type * as Decoding from './admission/decode-error.js'
import {deleteObject, isDeletionComplete} from './delete-object.js'
import {customResources} from './custom-resources.js'
import {servedColumns} from './crd/columns.js'
import {deleteDefinition} from './crd/delete-definition.js'
import {isDefinitionResource} from './crd/lookup.js'
import {scaleAdapterFor} from './crd/scale.js'
import {storeKey} from './storage-key.js'
import type {Store} from './store/store.js'
import {watchChanges} from './watch-changes.js'
import type {ControlLoop, SettleOptions} from './control-loop.js'
import {DEFAULT_FIELD_MANAGER} from './field-manager/component-managers.js'
import type {Writer} from './field-manager/record.js'
import {AsyncLocalStorage} from 'node:async_hooks'
import {isCertificateSigningRequests, prepareCsrCreate, prepareCsrUpdate} from './certificates/csr-strategy.js'
import {EMBEDDED_USER, type UserInfo} from './identity.js'

// The Kubernetes release whose API and behaviour the embedded control plane follows.
const EMBEDDED_SERVER_VERSION: ServerVersion = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0-skiff',
  gitCommit: '',
  gitTreeState: 'clean',
  buildDate: '',
  goVersion: '',
  compiler: 'node',
  platform: 'linux/amd64',
}

// the type of the scale subresource, whatever the kind scaled
const SCALE = {group: 'autoscaling', version: 'v1', kind: 'Scale'}

/**
 * The Backend over the embedded control plane: an API server's REST semantics (admission, optimistic
 * concurrency, finalizers) over the SQLite store. Writes mark the control loop dirty; it runs before the
 * next read and on close when this process may lead it, so a command sees the cluster settled, as after a
 * real controller-manager caught up; when another process leads, that one reconciles.
 */
export class EmbeddedBackend implements Backend {
  private loop: ControlLoop | undefined
  // the control-plane component whose reconcile is running, so its writes are recorded under its name
  private readonly component = new AsyncLocalStorage<string>()
  // who the running request comes from (serve's impersonation headers); the single embedded user otherwise
  private readonly user = new AsyncLocalStorage<UserInfo>()

  constructor(
    readonly store: Store,
    readonly clock: Clock,
  ) {}

  /** The control loop this API server's writes wake, and that runs before reads and on close. */
  attachControlLoop(loop: ControlLoop): void {
    this.loop = loop
  }

  /** The attached control loop (its lease, its catch-up). */
  get controlLoop(): ControlLoop | undefined {
    return this.loop
  }

  async version(): Promise<ServerVersion> {
    return EMBEDDED_SERVER_VERSION
  }

  async serverTime(): Promise<number> {
    return this.clock.now()
  }

  async discover(): Promise<ResourceInfo[]> {
    return [...BUILTIN_RESOURCES, ...customResources(this.store)]
  }

  async openApi(path: string): Promise<unknown> {
    // the schemas are what serve builds from client-node's models: loaded only when a command reads them
    const {localOpenApiDocument} = await import('./server/openapi/local-document.js')
    return localOpenApiDocument(this, path)
  }

  async get(ref: ResourceRef, name: string): Promise<KubeObject> {
    await this.settle()
    const info = await this.resolve(ref)
    const stored = this.store.get(storeKey(info, ref.namespace, name))
    if (!stored) throw notFound(info, name)
    if (ref.subresource === 'scale') {
      const scaling = scaleAdapterFor(this.store, info)
      if (!scaling) throw notFound(info, name)
      return scaling.scaleOf(stored.object)
    }
    return stored.object
  }

  async list(ref: ResourceRef, options: ListOptions = {}): Promise<KubeList> {
    await this.settle()
    const info = await this.resolve(ref)
    const {page, revision} = this.store.snapshot(() => ({
      page: listObjects(this.store, info, ref.namespace, options),
      revision: this.store.revision(),
    }))
    return {
      apiVersion: apiVersionOf(info),
      kind: `${info.kind}List`,
      metadata: {resourceVersion: String(revision), ...(page.continue ? {continue: page.continue} : {})},
      items: page.items,
    }
  }

  async table(ref: ResourceRef, options: ListOptions & {name?: string} = {}): Promise<Table> {
    const info = await this.resolve(ref)
    if (options.name !== undefined)
      return buildTable([await this.get(ref, options.name)], servedColumns(this.store, info), this.clock.now())
    const list = await this.list(ref, options)
    const table = buildTable(list.items, servedColumns(this.store, info), this.clock.now())
    // the list's resourceVersion and continue token, so a client can page through tables as through lists
    return {...table, metadata: list.metadata}
  }

  async create(input: KubeObject, options: WriteOptions = {}): Promise<KubeObject> {
    const info = await this.infoForObject(input)
    const decoding = await this.decoding()
    // the body is decoded into the kind's Go type before anything looks at it (reviews, field validation)
    decoding.rejectUndecodable(info, input)
    const {isReviewResource, answerReview} = await import('./reviews/review.js')
    if (isReviewResource(info)) return answerReview(this.store, info, input, this.requester, this.clock.timestamp())
    let object = isCertificateSigningRequests(info) ? prepareCsrCreate(info, input, this.requester) : input
    if (options.fieldValidation) {
      // only when asked (kubectl's --validate): the schemas load the built-in definitions
      const {validateObjectFields} = await import('./validate-fields.js')
      object = await validateObjectFields(this.store, info, object, options.fieldValidation)
    }
    const {admitCreate, recordCreate} = await this.admission()
    await this.writeTurn()
    const created = this.store.transaction(() => {
      const admitted = recordCreate(
        info,
        object,
        admitCreate(this.store, this.clock, info, object),
        this.writer(options),
      )
      if (options.dryRun) return admitted
      return this.store.put(storeKey(info, admitted.metadata.namespace, admitted.metadata.name ?? ''), admitted)
    })
    if (!options.dryRun) this.loop?.markDirty()
    return created
  }

  async update(object: KubeObject, options: WriteOptions & {subresource?: string} = {}): Promise<KubeObject> {
    const info = await this.infoForObject(object)
    const decoding = await this.decoding()
    decoding.rejectUndecodable(info, object)
    const admission = await this.admission()
    await this.writeTurn()
    const updated = this.store.transaction(() => this.updateLocked(admission, info, object, options))
    if (!options.dryRun) this.loop?.markDirty()
    return updated
  }

  async patch(ref: ResourceRef, name: string, patch: Patch, options: WriteOptions = {}): Promise<KubeObject> {
    const info = await this.resolve(ref)
    // only when asked (kubectl's --validate): the schemas load the built-in definitions
    const validation =
      options.fieldValidation && ref.subresource === undefined && patch.type !== 'apply'
        ? {module: await import('./validate-fields.js'), level: options.fieldValidation}
        : undefined
    const schema = validation ? await validation.module.schemaOf(this.store, info) : undefined
    const admission = await this.admission()
    const decoding = await this.decoding()
    const {applyPatch, checkPatchOptions} = await import('./apply-patch.js')
    checkPatchOptions(patch, options)
    await this.writeTurn()
    const patched = this.store.transaction(() => {
      if (patch.type === 'apply' && ref.subresource !== 'scale')
        return this.applyLocked({admission, decoding}, info, ref, name, patch.body, options)
      const current = this.store.get(storeKey(info, ref.namespace, name))
      if (!current) throw notFound(info, name)
      if (ref.subresource === 'scale') {
        const scaling = scaleAdapterFor(this.store, info)
        if (!scaling) throw notFound(info, name)
        const scale = applyPatch(info, scaling.scaleOf(current.object), patch)
        const undecodableScale = decoding.patchDecodeError(SCALE, patch, scale)
        if (undecodableScale) throw undecodableScale
        const scaled = this.updateLocked(admission, info, scaling.withScale(current.object, scale), {
          ...options,
          fieldsSubresource: 'scale',
        })
        return scaling.scaleOf(scaled)
      }
      const applied = applyPatch(info, current.object, patch)
      const undecodable = decoding.patchDecodeError(info, patch, applied)
      if (undecodable) throw undecodable
      const next = validation ? validation.module.validatePatchedFields(applied, schema, validation.level) : applied
      if (next.metadata.name !== undefined && next.metadata.name !== name) {
        throw invalid(info, name, [
          {
            reason: 'FieldValueInvalid',
            field: 'metadata.name',
            message: `Invalid value: "${next.metadata.name}": field is immutable`,
          },
        ])
      }
      // a patch that carries no resourceVersion applies to what it was computed against: the current object
      const withVersion: KubeObject = {
        ...next,
        metadata: {
          ...next.metadata,
          resourceVersion: next.metadata.resourceVersion ?? current.object.metadata.resourceVersion,
        },
      }
      return this.updateLocked(admission, info, withVersion, {...options, subresource: ref.subresource})
    })
    if (!options.dryRun) this.loop?.markDirty()
    return patched
  }

  async delete(ref: ResourceRef, name: string, options: DeleteOptions = {}): Promise<KubeObject | Status> {
    const info = await this.resolve(ref)
    await this.writeTurn()
    const result = this.store.transaction(() =>
      (isDefinitionResource(info) ? deleteDefinition : deleteObject)(
        this.store,
        this.clock,
        info,
        ref.namespace,
        name,
        options,
      ),
    )
    if (!options.dryRun) this.loop?.markDirty()
    return result
  }

  watch(ref: ResourceRef, options: ListOptions = {}): AsyncIterable<WatchEvent> {
    return watchChanges(this, ref, options)
  }

  async *watchTable(ref: ResourceRef, options: ListOptions = {}): AsyncIterable<TableWatchEvent> {
    const info = await this.resolve(ref)
    for await (const event of this.watch(ref, options)) {
      if (event.type === 'ERROR') throw new StatusError(event.object as unknown as Status)
      if (event.type === 'BOOKMARK') continue
      // the columns are looked up per event: a CRD's printer columns may change while the watch runs
      yield {type: event.type, table: buildTable([event.object], servedColumns(this.store, info), this.clock.now())}
    }
  }

  /** pods/log: the lines the simulated kubelet computes for a container (src/embedded/kubelet/logs.ts). */
  async *logs(pod: string, namespace: string, options: LogOptions = {}): AsyncIterable<string> {
    const {readPodLogs} = await import('./kubelet/logs.js')
    yield* readPodLogs(this, pod, namespace, options)
  }

  async close(): Promise<void> {
    await this.loop?.close()
    this.store.close()
  }

  /** Runs the controllers until the cluster is quiet, when there is work and this process may lead. */
  async settle(options: SettleOptions = {}): Promise<void> {
    // a controller's own read (through the API, not the cache) happens inside the catch-up: it must not wait for it
    if (this.component.getStore() !== undefined) return
    await this.loop?.settle(options)
  }

  /** The served resource of a ref, or NotFound as kube-apiserver answers an unknown path. */
  async resolve(ref: ResourceRef): Promise<ResourceInfo> {
    const all = await this.discover()
    const info = all.find((r) => r.group === ref.group && r.resource === ref.resource && r.version === ref.version)
    if (!info) throw notFound({group: ref.group, resource: ref.resource}, '')
    return info
  }

  private async infoForObject(object: KubeObject): Promise<ResourceInfo> {
    const all = await this.discover()
    const info = all.find((r) => apiVersionOf(r) === object.apiVersion && r.kind === object.kind)
    if (!info) throw badRequest(`no kind "${object.kind}" is registered for version "${object.apiVersion}"`)
    return info
  }

  // admission (defaulting, validation) is most of the control plane's code, and only writes need it
  private async admission(): Promise<typeof Admission> {
    return import('./admit.js')
  }

  // the Go types of the built-in kinds, which every write body is decoded against
  private async decoding(): Promise<typeof Decoding> {
    return import('./admission/decode-error.js')
  }

  /** Who this backend's requests come from: the embedded cluster's single user unless onBehalfOf says otherwise. */
  get requester(): UserInfo {
    return this.user.getStore() ?? EMBEDDED_USER
  }

  /** Runs a request as another user (impersonation): CSRs and reviews see that user as the requester. */
  onBehalfOf<T>(user: UserInfo, work: () => Promise<T>): Promise<T> {
    return this.user.run(user, work)
  }

  // a write from outside the control loop waits for an open round to commit: a round is one transaction
  private async writeTurn(): Promise<void> {
    if (this.component.getStore() === undefined) await this.loop?.roundClosed()
  }

  /** Runs a control-plane component's work with its writes recorded under the component's field manager. */
  actingAs<T>(manager: string, work: () => Promise<T>): Promise<T> {
    return this.component.run(manager, work)
  }

  private writer(options: WriteOptions): Writer {
    return {
      manager: options.fieldManager ?? this.component.getStore() ?? DEFAULT_FIELD_MANAGER,
      time: this.clock.timestamp(),
    }
  }

  // server-side apply: creates the object when absent, else merges into it (the field manager's Apply)
  private applyLocked(
    {admission, decoding}: {admission: typeof Admission; decoding: typeof Decoding},
    info: ResourceInfo,
    ref: ResourceRef,
    name: string,
    body: unknown,
    options: WriteOptions,
  ): KubeObject {
    const applied = admission.appliedObject(info, ref, name, body)
    const untyped = decoding.applyDecodeError(info, applied)
    if (untyped) throw untyped
    const current = this.store.get(storeKey(info, ref.namespace, name))
    const writer = {...this.writer(options), force: options.force === true, subresource: ref.subresource}
    const merged = admission.serverSideApply(info, current?.object, applied, writer)
    // what the typed configuration lets through (a fraction for an int32, a bad quantity) fails decoding the result
    decoding.rejectUndecodable(info, merged)
    if (!current) {
      const admitted = admission.admitCreate(this.store, this.clock, info, merged)
      if (options.dryRun) return admitted
      return this.store.put(storeKey(info, admitted.metadata.namespace, admitted.metadata.name ?? ''), admitted)
    }
    const withVersion = {
      ...merged,
      metadata: {...merged.metadata, resourceVersion: current.object.metadata.resourceVersion},
    }
    return this.updateLocked(admission, info, withVersion, {
      ...options,
      subresource: ref.subresource,
      fieldsRecorded: true,
    })
  }

  private updateLocked(
    admission: typeof Admission,
    info: ResourceInfo,
    object: KubeObject,
    options: WriteOptions & {subresource?: string | undefined; fieldsSubresource?: string; fieldsRecorded?: boolean},
  ): KubeObject {
    const name = object.metadata.name ?? ''
    const key = storeKey(info, object.metadata.namespace, name)
    const current = this.store.get(key)
    if (!current) throw notFound(info, name)
    const sentVersion = object.metadata.resourceVersion
    if (sentVersion !== undefined && sentVersion !== '' && sentVersion !== current.object.metadata.resourceVersion) {
      throw conflict(
        info,
        name,
        'the object has been modified; please apply your changes to the latest version and try again',
      )
    }
    const input = isCertificateSigningRequests(info)
      ? prepareCsrUpdate(info, object, current.object, options.subresource, this.clock.timestamp())
      : object
    const admitted = admission.admitUpdate(info, input, current.object, options.subresource, this)
    const next = options.fieldsRecorded
      ? admitted
      : admission.recordUpdateOf(info, current.object, object, admitted, {
          ...this.writer(options),
          subresource: options.fieldsSubresource ?? options.subresource,
        })
    if (options.dryRun) return next
    if (JSON.stringify(next) === JSON.stringify(current.object)) return current.object
    return isDeletionComplete(key.resource, next, current.object)
      ? this.store.remove(key, next)
      : this.store.put(key, next)
  }
}
