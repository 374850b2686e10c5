/**
 * metadata.managedFields as kube-apiserver stores it (k8s.io/apimachinery/pkg/util/managedfields/internal
 * managedfields.go, v1.32): one entry per manager identity (manager, operation, apiVersion for Updates,
 * subresource), its fields as FieldsV1, sorted Apply before Update, then by time, manager, version.
 */
import {isJsonObject} from '../../backend/object.js'
import {goQuote} from '../go-format.js'
import {FieldSet} from './field-set.js'

/** The operation an entry records. */
export type ManagedFieldsOperation = 'Apply' | 'Update'

/** Who wrote: the identity of a managedFields entry. */
export interface ManagerIdentity {
  readonly manager: string
  readonly operation: ManagedFieldsOperation
  readonly apiVersion: string
  readonly subresource?: string | undefined
}

/** A decoded managedFields entry. */
export interface ManagerEntry extends ManagerIdentity {
  readonly time?: string | undefined
  readonly fields: FieldSet
}

/** The JSON shape of one entry (metav1.ManagedFieldsEntry). */
export interface ManagedFieldsEntry {
  manager: string
  operation: ManagedFieldsOperation
  apiVersion: string
  time?: string
  fieldsType: 'FieldsV1'
  fieldsV1: Record<string, unknown>
  subresource?: string
}

/** An entry that cannot be read, as DecodeManagedFields reports it. */
export class ManagedFieldsError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ManagedFieldsError'
  }
}

/**
 * BuildManagerIdentifier: the entry's identity as JSON, without time and fields; appliers are one identity
 * whatever version they applied, so their apiVersion is left out.
 */
export function managerKey(identity: ManagerIdentity): string {
  return JSON.stringify({
    manager: identity.manager,
    operation: identity.operation,
    ...(identity.operation === 'Apply' ? {} : {apiVersion: identity.apiVersion}),
    ...(identity.subresource ? {subresource: identity.subresource} : {}),
  })
}

/** Reads metadata.managedFields; throws ManagedFieldsError on entries kube-apiserver would refuse. */
export function decodeManagedFields(value: unknown): ManagerEntry[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) throw new ManagedFieldsError('managedFields must be a list')
  return value.map((raw, index): ManagerEntry => {
    if (!isJsonObject(raw)) throw new ManagedFieldsError(`managedFields[${index}] must be an object`)
    const {manager, operation, apiVersion, time, fieldsType, fieldsV1, subresource} = raw
    if (operation !== 'Apply' && operation !== 'Update') {
      throw new ManagedFieldsError(`error decoding managed fields: unexpected operation ${JSON.stringify(operation)}`)
    }
    if (fieldsType !== undefined && fieldsType !== 'FieldsV1') {
      throw new ManagedFieldsError(`error decoding managed fields: unexpected fieldsType ${JSON.stringify(fieldsType)}`)
    }
    let fields: FieldSet
    try {
      fields = fieldsV1 === undefined ? FieldSet.EMPTY : FieldSet.fromFieldsV1(fieldsV1)
    } catch (error) {
      throw new ManagedFieldsError(`error decoding managed fields: ${(error as Error).message}`)
    }
    return {
      manager: typeof manager === 'string' ? manager : '',
      operation,
      apiVersion: typeof apiVersion === 'string' ? apiVersion : '',
      ...(typeof time === 'string' ? {time} : {}),
      ...(typeof subresource === 'string' && subresource !== '' ? {subresource} : {}),
      fields,
    }
  })
}

/** True for `managedFields: [{}]`, the request that clears every entry (isResetManagedFields). */
export function isResetManagedFields(value: unknown): boolean {
  return Array.isArray(value) && value.length === 1 && isJsonObject(value[0]) && Object.keys(value[0]).length === 0
}

/** The entries as the API serves them, sorted as sortEncodedManagedFields sorts them; empty sets are dropped. */
export function encodeManagedFields(entries: readonly ManagerEntry[]): ManagedFieldsEntry[] {
  return entries
    .filter((entry) => !entry.fields.isEmpty())
    .sort(compareEntries)
    .map((entry) => ({
      manager: entry.manager,
      operation: entry.operation,
      apiVersion: entry.apiVersion,
      ...(entry.time === undefined ? {} : {time: entry.time}),
      fieldsType: 'FieldsV1',
      fieldsV1: entry.fields.toFieldsV1(),
      ...(entry.subresource ? {subresource: entry.subresource} : {}),
    }))
}

function compareEntries(a: ManagerEntry, b: ManagerEntry): number {
  return (
    compareText(a.operation, b.operation) ||
    secondsOf(a.time) - secondsOf(b.time) ||
    compareText(a.manager, b.manager) ||
    compareText(a.apiVersion, b.apiVersion) ||
    compareText(a.subresource ?? '', b.subresource ?? '')
  )
}

function secondsOf(time: string | undefined): number {
  if (time === undefined) return 0
  const ms = Date.parse(time)
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000)
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** printManager (managedfields internal/conflict.go): `"kubectl-edit" using apps/v1`, `"kubectl" with subresource "scale" using apps/v1`. */
export function describeManager(identity: ManagerIdentity): string {
  const name = goQuote(identity.manager)
  const withSubresource = identity.subresource ? `${name} with subresource ${goQuote(identity.subresource)}` : name
  return identity.operation === 'Update' ? `${withSubresource} using ${identity.apiVersion}` : withSubresource
}
