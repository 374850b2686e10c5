/**
 * What kube-apiserver's field manager tracks for a kind and a write (v1.32): the type of the kind, the
 * fields it never records (stripmeta.go), the reset fields of the registry strategies (a write to the main
 * resource does not own status, a status write owns only status), and the zero value a create is compared
 * against (liveObjectCreator's empty typed object, whose value structs make `spec` no new node).
 */
import type {KubeObject} from '../../backend/object.js'
import {apiVersionOf, type ResourceInfo} from '../../backend/refs.js'
import {FieldSet} from '../../resources/field-manager/field-set.js'
import {fieldElement} from '../../resources/field-manager/path-element.js'
import {typeNodeOf, type TypeNode} from '../../resources/field-manager/type-node.js'
import type {FieldFilter} from '../../resources/field-manager/updater.js'
import {patchSchemaFor} from '../../resources/patch/builtin-schema.js'
import {hasStatusSubresource} from '../object-rules.js'
import {storeResource} from '../storage-key.js'

// managedfields internal/stripmeta.go: fields no manager owns
const STRIPPED = FieldSet.of(
  [
    ['apiVersion'],
    ['kind'],
    ['metadata'],
    ...['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields'].map(
      (field) => ['metadata', field],
    ),
    ['metadata', 'resourceVersion'],
  ].map((path) => path.map(fieldElement)),
)

const STATUS = fieldElement('status')

/** The type node of a kind: built-in kinds by their patch schema, custom resources untyped. */
export function typeNodeFor(info: ResourceInfo): TypeNode {
  return typeNodeOf(patchSchemaFor(apiVersionOf(info), info.kind))
}

/** The filter of a write: stripped metadata, and status or everything but status by the subresource. */
export function trackedFieldsFilter(info: ResourceInfo, subresource: string | undefined): FieldFilter {
  const statusOnly = subresource === 'status'
  const withoutStatus = subresource === undefined && hasStatusSubresource(storeResource(info))
  return (set) => {
    const stripped = set.difference(STRIPPED)
    if (statusOnly) return keepOnly(stripped, STATUS)
    return withoutStatus ? dropSubtree(stripped, STATUS) : stripped
  }
}

function keepOnly(set: FieldSet, element: string): FieldSet {
  const child = set.child(element)
  return new FieldSet(
    new Set(set.members.has(element) ? [element] : []),
    child.isEmpty() ? new Map() : new Map([[element, child]]),
  )
}

function dropSubtree(set: FieldSet, element: string): FieldSet {
  const members = new Set([...set.members].filter((m) => m !== element))
  const children = new Map([...set.children].filter(([key]) => key !== element))
  return new FieldSet(members, children)
}

// Go value structs (never nil in a zero object) below spec, by kind; lists that are not omitempty are null.
const POD_TEMPLATE = {metadata: {}, spec: {containers: null}}
const ZERO_SPECS: Readonly<Record<string, Record<string, unknown>>> = {
  'apps/Deployment': {template: POD_TEMPLATE, strategy: {}},
  'apps/ReplicaSet': {template: POD_TEMPLATE},
  'apps/StatefulSet': {template: POD_TEMPLATE, updateStrategy: {}},
  'apps/DaemonSet': {template: POD_TEMPLATE, updateStrategy: {}},
  'batch/Job': {template: POD_TEMPLATE},
  'batch/CronJob': {jobTemplate: {metadata: {}, spec: {template: POD_TEMPLATE}}},
  '/Pod': {containers: null},
}

/** The kind's zero value as kube-apiserver's create compares against it; custom resources start from nothing. */
export function zeroObjectFor(info: ResourceInfo, created: KubeObject): Record<string, unknown> {
  if (patchSchemaFor(apiVersionOf(info), info.kind) === undefined) return {}
  const zero: Record<string, unknown> = {metadata: {}}
  if ('spec' in created) zero['spec'] = structuredClone(ZERO_SPECS[`${info.group}/${info.kind}`] ?? {})
  if ('status' in created) zero['status'] = {}
  return zero
}
