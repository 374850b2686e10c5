import type {ResourceInfo} from '../../backend/refs.js'
import {columnsFor, customResourceColumns, type ColumnSet} from '../../resources/columns/index.js'
import type {Store} from '../store/store.js'
import {findDefinition} from './lookup.js'

/** The Table columns a resource is served with: its CRD version's printer columns, or the built-in printer. */
export function servedColumns(store: Store, info: ResourceInfo): ColumnSet {
  const crd = findDefinition(store, info)
  return crd ? customResourceColumns(crd, info.version) : columnsFor(info.group, info.kind)
}
