import type {KubeObject} from '../../backend/object.js'
import {translateTimestampSince} from './age.js'
import {ageColumn, column, nameColumn, wideColumn, type ColumnSet} from './column-set.js'

interface Subject {
  kind?: string
  name?: string
  namespace?: string
}

interface BindingFields extends KubeObject {
  roleRef?: {kind?: string; name?: string}
  subjects?: Subject[] | null
}

// kubectl: pkg/printers/internalversion/printers.go roleBindingsColumnDefinitions + printRoleBinding (v1.32)
/** NAME ROLE AGE, wide USERS GROUPS SERVICEACCOUNTS. */
export const roleBindingColumns: ColumnSet = bindingColumns('role binding')

// kubectl: pkg/printers/internalversion/printers.go clusterRoleBindingsColumnDefinitions + printClusterRoleBinding (v1.32)
/** NAME ROLE AGE, wide USERS GROUPS SERVICEACCOUNTS. */
export const clusterRoleBindingColumns: ColumnSet = bindingColumns('cluster role binding')

function bindingColumns(noun: string): ColumnSet {
  return {
    columns: [
      nameColumn(),
      column('Role', 'string', `The role the ${noun} grants, as Kind/name.`),
      ageColumn(),
      wideColumn('Users', 'string', `Users in the ${noun}.`),
      wideColumn('Groups', 'string', `Groups in the ${noun}.`),
      wideColumn('ServiceAccounts', 'string', `Service accounts in the ${noun}, as namespace/name.`),
    ],
    cells(object: KubeObject, now: number): unknown[] {
      const binding = object as BindingFields
      const {users, groups, serviceAccounts} = subjectsStrings(binding.subjects ?? [])
      return [
        binding.metadata.name ?? '',
        `${binding.roleRef?.kind ?? ''}/${binding.roleRef?.name ?? ''}`,
        translateTimestampSince(binding.metadata.creationTimestamp, now),
        users.join(', '),
        groups.join(', '),
        serviceAccounts.join(', '),
      ]
    },
  }
}

// kubectl: pkg/apis/rbac SubjectsStrings (v1.32); subjects of other kinds are not shown
function subjectsStrings(subjects: Subject[]): {users: string[]; groups: string[]; serviceAccounts: string[]} {
  const users: string[] = []
  const groups: string[] = []
  const serviceAccounts: string[] = []
  for (const subject of subjects) {
    if (subject.kind === 'ServiceAccount') serviceAccounts.push(`${subject.namespace ?? ''}/${subject.name ?? ''}`)
    else if (subject.kind === 'User') users.push(subject.name ?? '')
    else if (subject.kind === 'Group') groups.push(subject.name ?? '')
  }
  return {users, groups, serviceAccounts}
}
