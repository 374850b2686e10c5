import {UNCACHED_RESOURCES, ObjectCache} from './object-cache.js'
import type {ChangeEvent, Store, WriteListener} from '../store/store.js'

/** What the change log reader hands the controllers: changes in revision order, and whether it relisted. */
export interface ChangeBatch {
  changes: ChangeEvent[]
  /** the revision read up to (the controllers' next cursor) */
  revision: number
}

/**
 * The control loop's informer (client-go's reflector and shared informer, on one store): fills the cache
 * once, keeps it current with every write this process makes as it makes it, and reads other processes'
 * changes from the change log in revision order. A change this process wrote is handed to the controllers
 * from memory rather than parsed back from the log. When the log has been compacted past what the cache or
 * the controllers have seen, it relists: the cache is filled afresh and every object counts as changed.
 */
export class Informer implements WriteListener {
  private current = new ObjectCache()
  private filled = false
  // changes of this process (and foreign ones already parsed) not yet handed to the controllers, by revision
  private readonly recent = new Map<number, ChangeEvent>()

  constructor(private readonly store: Store) {
    store.addWriteListener(this)
  }

  /** The cache, filled on first use. */
  get cache(): ObjectCache {
    this.ensureFilled()
    return this.current
  }

  written(change: ChangeEvent): void {
    if (!this.filled) return
    this.current.apply({
      revision: change.revision,
      key: change,
      object: change.type === 'DELETED' ? undefined : change.object,
    })
    if (UNCACHED_RESOURCES.has(change.resource)) return
    this.recent.set(change.revision, change)
    // a process that stopped leading keeps writing (serve's requests): the oldest are read back from the log
    if (this.recent.size > MAX_RECENT) {
      const oldest = this.recent.keys().next()
      if (!oldest.done) this.recent.delete(oldest.value)
    }
  }

  rolledBack(): void {
    // what was applied may not have happened: start again from the store
    this.filled = false
    this.current = new ObjectCache()
    this.recent.clear()
  }

  /**
   * The changes after `cursor`, at most about `limit`, each applied to the cache first. When the change log no
   * longer reaches back to the cursor, every cached object is returned as a change (a relist).
   */
  changesAfter(cursor: number, limit: number): ChangeBatch {
    this.ensureFilled()
    if (cursor < this.store.oldestRetainedRevision() - 1) return this.relist()
    // the cache may be behind the cursor (another process led meanwhile): read from where the cache stands
    let from = Math.min(cursor, this.current.revision)
    const changes: ChangeEvent[] = []
    for (;;) {
      const headers = this.store.changeHeadersAfter(from, limit)
      if (headers.length === 0) return {changes, revision: Math.max(from, cursor)}
      for (const header of headers) {
        const change = this.recent.get(header.revision) ?? this.parsed(header.revision, header)
        this.recent.delete(header.revision)
        if (!change) continue
        if (change.revision > this.current.revision)
          this.current.apply({
            revision: change.revision,
            key: change,
            object: change.type === 'DELETED' ? undefined : change.object,
          })
        if (change.revision > cursor) changes.push(change)
      }
      from = headers[headers.length - 1]?.revision ?? from
      this.current.advanceTo(from)
      if (changes.length > 0 || headers.length < limit) return {changes, revision: Math.max(from, cursor)}
    }
  }

  private parsed(revision: number, header: Omit<ChangeEvent, 'object'>): ChangeEvent | undefined {
    // an event or a lease is nothing the controllers reconcile: no need to parse it
    if (UNCACHED_RESOURCES.has(header.resource) && header.type !== 'DELETED') return {...header, object: EMPTY}
    const object = this.store.changeObjectAt(revision)
    return object && {...header, object}
  }

  /** Fills the cache when it never was, was undone by a rollback, or fell behind the change log. */
  private ensureFilled(): void {
    if (this.filled && this.current.revision >= this.store.oldestRetainedRevision() - 1) return
    this.current = new ObjectCache()
    this.recent.clear()
    this.store.snapshot(() => {
      this.current.fill(this.store.scanEverything(UNCACHED_RESOURCES), this.store.revision())
    })
    this.filled = true
  }

  /** Every cached object as a change, for a resync (as an informer's resync hands handlers every object). */
  everything(): ChangeBatch {
    this.ensureFilled()
    return this.relist()
  }

  private relist(): ChangeBatch {
    const changes: ChangeEvent[] = []
    for (const resource of this.current.resources()) {
      for (const object of this.current.list(resource)) {
        const key = {resource, namespace: object.metadata.namespace ?? '', name: object.metadata.name ?? ''}
        changes.push({revision: Number(object.metadata.resourceVersion), type: 'MODIFIED', ...key, object})
      }
    }
    return {changes, revision: this.current.revision}
  }
}

// changes held in memory for the controllers, at most (beyond, they are parsed from the log when read)
const MAX_RECENT = 50_000
// the object of a change nobody reads
const EMPTY = {apiVersion: 'v1', kind: 'Event', metadata: {}}
