/**
 * managedFields on the embedded API server's writes, as kube-apiserver's field manager keeps them
 * (k8s.io/apimachinery/pkg/util/managedfields, v1.32): creates and updates record an `Update` entry for
 * the writer, server-side apply an `Apply` entry, with conflicts answered as 409s.
 */
import type {KubeObject} from '../../backend/object.js'
import {isJsonObject} from '../../backend/object.js'
import type {ResourceInfo} from '../../backend/refs.js'
import {badRequest, StatusError, type StatusCause} from '../../backend/status.js'
import {jsonEqual} from '../../resources/json-equal.js'
import {
  decodeManagedFields,
  describeManager,
  encodeManagedFields,
  isResetManagedFields,
  ManagedFieldsError,
  type ManagerEntry,
  type ManagerIdentity,
} from '../../resources/field-manager/managed-fields.js'
import {formatPath} from '../../resources/field-manager/path-element.js'
import {FieldPathError} from '../../resources/field-manager/type-node.js'
import {ApplyConflictError, recordApply, recordUpdate} from '../../resources/field-manager/updater.js'
import {trackedFieldsFilter, typeNodeFor, zeroObjectFor} from './tracked-fields.js'

/** Who writes and how: the manager name and the subresource written through. */
export interface Writer {
  readonly manager: string
  readonly subresource?: string | undefined
  /** metav1.Time of the write. */
  readonly time: string
}

/** The created object with the creator's Update entry (after the entries the request itself carried). */
export function recordCreate(info: ResourceInfo, request: KubeObject, created: KubeObject, writer: Writer): KubeObject {
  return withEntries(created, () =>
    recordUpdate({
      entries: requestEntries(request.metadata.managedFields) ?? [],
      live: zeroObjectFor(info, created),
      next: withoutManagedFields(created),
      node: typeNodeFor(info),
      identity: identityOf(created, writer, 'Update'),
      time: writer.time,
      filter: trackedFieldsFilter(info, writer.subresource),
    }),
  )
}

/**
 * The updated object with the writer's Update entry. The request's own entries replace the live ones when
 * it carries any (not through a subresource), as decodeLiveOrNew does; `[{}]` clears them.
 */
export function recordUpdateOf(
  info: ResourceInfo,
  live: KubeObject,
  request: KubeObject,
  next: KubeObject,
  writer: Writer,
): KubeObject {
  const fromRequest = writer.subresource === undefined ? requestEntries(request.metadata.managedFields) : undefined
  const recorded = withEntries(next, () =>
    recordUpdate({
      entries: fromRequest ?? liveEntries(live),
      live: withoutManagedFields(live),
      next: withoutManagedFields(next),
      node: typeNodeFor(info),
      identity: identityOf(next, writer, 'Update'),
      time: writer.time,
      filter: trackedFieldsFilter(info, writer.subresource),
    }),
  )
  // nothing changed: keep the stored entries byte for byte, so a no-op stays a no-op
  if (fromRequest === undefined && jsonEqual(withoutManagedFields(recorded), withoutManagedFields(live))) {
    return withManagedFields(recorded, live.metadata.managedFields)
  }
  return recorded
}

/** Options of serverSideApply. */
export interface ApplyWriter extends Writer {
  readonly force: boolean
}

/**
 * Server-side apply of a configuration to the live object (undefined: the object does not exist yet): the
 * merged object to admit, carrying the entries after the Apply. Throws kube-apiserver's 409 on conflicts.
 */
export function serverSideApply(
  info: ResourceInfo,
  live: KubeObject | undefined,
  applied: KubeObject,
  writer: ApplyWriter,
): KubeObject {
  const identity = identityOf(applied, writer, 'Apply')
  try {
    const outcome = recordApply({
      entries: live === undefined ? [] : liveEntries(live),
      live: live === undefined ? {} : withoutManagedFields(live),
      next: applied,
      node: typeNodeFor(info),
      identity,
      time: writer.time,
      filter: trackedFieldsFilter(info, writer.subresource),
      force: writer.force,
    })
    if (!isJsonObject(outcome.object) || !isJsonObject(outcome.object['metadata'])) {
      throw badRequest('the applied object is not a Kubernetes object')
    }
    return withManagedFields(outcome.object as KubeObject, encodeManagedFields(outcome.entries))
  } catch (error) {
    if (error instanceof ApplyConflictError) throw applyConflict(error)
    if (error instanceof FieldPathError) throw badRequest(`failed to create typed patch object: ${error.message}`)
    throw error
  }
}

// errors.NewApplyConflict: 409 Conflict, one FieldManagerConflict cause per field
function applyConflict(error: ApplyConflictError): StatusError {
  const causes: StatusCause[] = error.conflicts.map((conflict) => ({
    reason: 'FieldManagerConflict',
    message: `conflict with ${describeManager(conflict.owner)}`,
    field: formatPath(conflict.path),
  }))
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: error.message,
    reason: 'Conflict',
    details: {causes},
    code: 409,
  })
}

function identityOf(object: KubeObject, writer: Writer, operation: ManagerIdentity['operation']): ManagerIdentity {
  return {
    manager: writer.manager,
    operation,
    apiVersion: object.apiVersion,
    ...(writer.subresource === undefined ? {} : {subresource: writer.subresource}),
  }
}

// entries the request sent: undefined when it sent none (or ones that do not decode), [] for the reset form
function requestEntries(value: unknown): ManagerEntry[] | undefined {
  if (isResetManagedFields(value)) return []
  try {
    const entries = decodeManagedFields(value)
    return entries.length === 0 ? undefined : entries
  } catch (error) {
    if (error instanceof ManagedFieldsError) return undefined
    throw error
  }
}

// stored entries that do not decode are dropped, as emptyManagedFieldsOnErr does
function liveEntries(live: KubeObject): ManagerEntry[] {
  try {
    return decodeManagedFields(live.metadata.managedFields)
  } catch (error) {
    if (error instanceof ManagedFieldsError) return []
    throw error
  }
}

// an object whose lists break the schema (duplicate keys) keeps its entries as they were (UpdateNoErrors)
function withEntries(object: KubeObject, compute: () => ManagerEntry[]): KubeObject {
  try {
    return withManagedFields(object, encodeManagedFields(compute()))
  } catch (error) {
    if (error instanceof FieldPathError) return object
    throw error
  }
}

function withoutManagedFields(object: KubeObject): KubeObject {
  const {managedFields: _managedFields, ...metadata} = object.metadata
  return {...object, metadata}
}

// an empty list is left out (omitempty); a present one keeps its place, so an unchanged object stays byte-equal
function withManagedFields(object: KubeObject, managedFields: unknown[] | undefined): KubeObject {
  if (managedFields === undefined || managedFields.length === 0) return withoutManagedFields(object)
  return {...object, metadata: {...object.metadata, managedFields}}
}
