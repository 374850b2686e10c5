import type {Store} from './store.js'

/**
 * Which Event records a happening (its correlation key) in a namespace: client-go's EventCorrelator keeps
 * this in memory per process; the embedded control plane runs in one process after another, so it is kept
 * with the cluster, and the next process adds to the same Event's count.
 */
export function correlatedEventName(store: Store, namespace: string, key: string): string | undefined {
  const row = store
    .statement('SELECT name FROM event_correlation WHERE namespace = ? AND key = ?')
    .get(namespace, key) as {name: string} | undefined
  return row?.name
}

/** Remembers the Event that records a happening. Inside a transaction (a batch), as every write. */
export function rememberCorrelatedEvent(store: Store, namespace: string, key: string, name: string): void {
  store
    .statement('INSERT OR REPLACE INTO event_correlation (namespace, key, name) VALUES (?, ?, ?)')
    .run(namespace, key, name)
}
