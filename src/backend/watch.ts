import type {KubeObject} from './object.js'
import type {Table} from './table.js'

/** One event of a watch stream. */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR'
  object: KubeObject
}

/** One change of a watch as a one-row Table, as `kubectl get -w` asks a server for its watches. */
export interface TableWatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED'
  /** the server's columns for the object as the event carries it, the object in its row */
  table: Table
}
