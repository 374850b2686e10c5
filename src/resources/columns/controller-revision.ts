import type {KubeObject} from '../../backend/object.js'
import {parseApiVersion} from '../../backend/refs.js'
import {translateTimestampSince} from './age.js'
import {ageColumn, column, nameColumn, type ColumnSet} from './column-set.js'

interface ControllerRevisionFields extends KubeObject {
  revision?: number
}

// kubectl: pkg/printers/internalversion/printers.go controllerRevisionColumnDefinition + printControllerRevision (v1.32)
/** NAME CONTROLLER REVISION AGE; CONTROLLER reads `daemonset.apps/fluentd`. */
export const controllerRevisionColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Controller', 'string', 'The object that owns the revision.'),
    column('Revision', 'string', 'The revision number.'),
    ageColumn(),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const revision = object as ControllerRevisionFields
    return [
      revision.metadata.name ?? '',
      controllerName(revision),
      revision.revision ?? 0,
      translateTimestampSince(revision.metadata.creationTimestamp, now),
    ]
  },
}

// kubectl: printers.go formatResourceName over metav1.GetControllerOf (v1.32)
function controllerName(revision: ControllerRevisionFields): string {
  const owner = revision.metadata.ownerReferences?.find((ref) => ref.controller === true)
  if (!owner) return '<none>'
  const {group} = parseApiVersion(owner.apiVersion)
  if (owner.kind === '' && group === '') return owner.name
  const groupKind = group === '' ? owner.kind : `${owner.kind}.${group}`
  return `${groupKind.toLowerCase()}/${owner.name}`
}
