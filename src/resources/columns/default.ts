import type {KubeObject} from '../../backend/object.js'
import {formatCreatedAt} from './age.js'
import {column, nameColumn, type ColumnSet} from './column-set.js'

// kube-apiserver: k8s.io/apiserver/pkg/registry/rest/table.go defaultTableConvertor (v1.32)
/**
 * NAME CREATED AT: the table kube-apiserver serves for built-in kinds without a printer (Role, ClusterRole,
 * LimitRange, CustomResourceDefinition); the date is RFC 3339 in UTC, not an age.
 */
export const defaultColumns: ColumnSet = {
  columns: [nameColumn(), column('Created At', 'date', 'When the object was created.')],
  cells(object: KubeObject): unknown[] {
    return [object.metadata.name ?? '', formatCreatedAt(object.metadata.creationTimestamp)]
  },
}
