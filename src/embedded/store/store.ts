import {createRequire} from 'node:module'
import type BetterSqlite3 from 'better-sqlite3'
import type {KubeObject} from '../../backend/object.js'

// required, not imported: Node's ESM loader would scan the CommonJS source for exports on every start
const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3

/** One row of the change log: what changed at a revision. */
export interface ChangeEvent {
  revision: number
  type: 'ADDED' | 'MODIFIED' | 'DELETED'
  resource: string
  namespace: string
  name: string
  object: KubeObject
}

/** The row of a change without its object: enough to tell whose change it is before parsing it. */
export type ChangeHeader = Omit<ChangeEvent, 'object'>

/** Who hears of each write as it is made (the control loop's cache), and of writes a rollback undid. */
export interface WriteListener {
  written(change: ChangeEvent): void
  rolledBack(): void
}

/** A stored object with the revision of its last write. */
export interface StoredObject {
  object: KubeObject
  revision: number
}

/** Where an object lives: its storage key. Cluster-scoped objects use namespace ''. */
export interface StoreKey {
  /** 'apps/deployments', '/pods' */
  resource: string
  namespace: string
  name: string
}

// Waiting this long for another skiff process's write lock is far beyond any single wave's duration.
const BUSY_TIMEOUT_MS = 30_000
// Change log rows kept for watchers; older ones are compacted away (etcd's compaction, kine's compact).
const CHANGE_LOG_RETAINED = 10_000

// 3: the event correlation table; earlier stores gain it when opened (every statement is IF NOT EXISTS)
const SCHEMA_VERSION = 3
const SCHEMA = `
CREATE TABLE IF NOT EXISTS objects (
  resource TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL,
  uid TEXT NOT NULL, revision INTEGER NOT NULL, object TEXT NOT NULL,
  PRIMARY KEY (resource, namespace, name)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS objects_uid ON objects (uid);
CREATE TABLE IF NOT EXISTS owner_refs (
  owner_uid TEXT NOT NULL, resource TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL,
  PRIMARY KEY (owner_uid, resource, namespace, name)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS changes (
  revision INTEGER PRIMARY KEY, type TEXT NOT NULL, resource TEXT NOT NULL,
  namespace TEXT NOT NULL, name TEXT NOT NULL, object TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS timers (
  controller TEXT NOT NULL, resource TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL,
  due INTEGER NOT NULL, PRIMARY KEY (controller, resource, namespace, name)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS timers_due ON timers (due);
CREATE TABLE IF NOT EXISTS event_correlation (
  namespace TEXT NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (namespace, key)
) WITHOUT ROWID;
INSERT OR IGNORE INTO meta (key, value) VALUES ('revision', '0');
`

interface ObjectRow {
  object: string
  revision: number
}
interface ChangeRow extends ObjectRow {
  type: ChangeEvent['type']
  resource: string
  namespace: string
  name: string
}

/**
 * The embedded cluster's storage, shaped like kine: objects keyed by resource/namespace/name, one global
 * revision that becomes every write's resourceVersion, and a change log keyed by revision for watch.
 * Writes go through `transaction`, which takes SQLite's write lock up front (BEGIN IMMEDIATE) so concurrent
 * skiff processes queue on the busy timeout instead of failing with 'database is locked'.
 */
export class Store {
  private readonly db: BetterSqlite3.Database
  private readonly statements: ReturnType<typeof prepare>
  private readonly listeners = new Set<WriteListener>()
  // statements of the typed side tables, prepared once each
  private readonly prepared = new Map<string, BetterSqlite3.Statement>()
  // writes made by this connection, so a rollback can tell whether it undid any
  private writes = 0
  private batchStartWrites: number | undefined

  constructor(file: string) {
    this.db = new Database(file, {timeout: BUSY_TIMEOUT_MS})
    // WAL + NORMAL keeps every transaction atomic across a kill -9; only the last commits may be lost on power loss
    this.db.pragma('synchronous = NORMAL')
    if (this.db.pragma('user_version', {simple: true}) !== SCHEMA_VERSION) this.createSchema()
    this.statements = prepare(this.db)
  }

  private createSchema(): void {
    // journal_mode is persistent in the file, so only the process that creates the store sets it
    this.db.pragma('journal_mode = WAL')
    this.db
      .transaction(() => {
        this.db.exec(SCHEMA)
        this.db.pragma(`user_version = ${SCHEMA_VERSION}`)
      })
      .immediate()
  }

  /**
   * Runs fn as one write transaction holding the write lock from the start; inside another transaction (a
   * batch), as a savepoint, so fn's writes are still all or nothing.
   */
  transaction<T>(fn: () => T): T {
    const before = this.writes
    try {
      return this.db.transaction(fn).immediate()
    } catch (error) {
      if (this.writes !== before) this.notifyRollback()
      throw error
    }
  }

  /**
   * Opens a batch: one write transaction around many writes that may be made across awaits (a round of the
   * control loop), committed by commitBatch. Only the control loop opens batches, and only one at a time.
   */
  beginBatch(): void {
    this.db.exec('BEGIN IMMEDIATE')
    this.batchStartWrites = this.writes
  }

  /** Commits the open batch. */
  commitBatch(): void {
    this.batchStartWrites = undefined
    this.db.exec('COMMIT')
  }

  /** Undoes the open batch (after an error in the middle of it). */
  rollbackBatch(): void {
    const undone = this.batchStartWrites !== undefined && this.batchStartWrites !== this.writes
    this.batchStartWrites = undefined
    if (this.db.inTransaction) this.db.exec('ROLLBACK')
    if (undone) this.notifyRollback()
  }

  /** True while a batch is open. */
  get inBatch(): boolean {
    return this.batchStartWrites !== undefined
  }

  /**
   * A prepared statement over the store's side tables (event correlation, ...), for the small typed modules
   * that own them; prepared once per store.
   */
  statement(sql: string): BetterSqlite3.Statement {
    let statement = this.prepared.get(sql)
    if (!statement) this.prepared.set(sql, (statement = this.db.prepare(sql)))
    return statement
  }

  /** Hears every write of this connection from now on (and rollbacks that undid some). */
  addWriteListener(listener: WriteListener): void {
    this.listeners.add(listener)
  }

  /** Runs fn as one read transaction: a consistent snapshot. */
  snapshot<T>(fn: () => T): T {
    if (this.db.inTransaction) return fn()
    return this.db.transaction(fn).deferred()
  }

  /** The current global revision. */
  revision(): number {
    return Number((this.statements.getMeta.get('revision') as {value: string}).value)
  }

  get(key: StoreKey): StoredObject | undefined {
    const row = this.statements.get.get(key.resource, key.namespace, key.name) as ObjectRow | undefined
    return row && {object: JSON.parse(row.object) as KubeObject, revision: row.revision}
  }

  /** Objects of a resource, in one namespace or (namespace undefined) all, ordered by namespace then name. */
  list(resource: string, namespace?: string): StoredObject[] {
    const rows = (
      namespace === undefined
        ? this.statements.listAll.all(resource)
        : this.statements.listNamespace.all(resource, namespace)
    ) as ObjectRow[]
    return rows.map((row) => ({object: JSON.parse(row.object) as KubeObject, revision: row.revision}))
  }

  /**
   * Objects of a resource in key order (namespace, name) strictly after `after`, parsed one at a time as the
   * caller reads them, so a page of a large list costs the page, not the list. Read it to the end or break
   * out of the loop: the connection is busy while the scan is open.
   */
  *scan(resource: string, namespace?: string, after?: {namespace: string; name: string}): Generator<StoredObject> {
    const rows = (
      namespace === undefined
        ? this.statements.scanAll.iterate(resource, after?.namespace ?? '', after?.name ?? '')
        : this.statements.scanNamespace.iterate(resource, namespace, after?.namespace === namespace ? after.name : '')
    ) as IterableIterator<ObjectRow>
    for (const row of rows) yield {object: JSON.parse(row.object) as KubeObject, revision: row.revision}
  }

  /** Every stored object of every resource but the excluded ones, with its resource, parsed as read. */
  *scanEverything(excluded: ReadonlySet<string>): Generator<StoredObject & {resource: string}> {
    const rows = this.statements.scanEverything.iterate() as IterableIterator<ObjectRow & {resource: string}>
    for (const row of rows) {
      if (excluded.has(row.resource)) continue
      yield {resource: row.resource, object: JSON.parse(row.object) as KubeObject, revision: row.revision}
    }
  }

  /** Every object in a namespace, of any resource. */
  listInNamespace(namespace: string): Array<StoredObject & {resource: string}> {
    const rows = this.statements.listInNamespace.all(namespace) as Array<ObjectRow & {resource: string}>
    return rows.map((row) => ({
      resource: row.resource,
      object: JSON.parse(row.object) as KubeObject,
      revision: row.revision,
    }))
  }

  /** Storage keys of the objects that name uid in their ownerReferences. */
  dependentsOf(uid: string): StoreKey[] {
    return this.statements.dependents.all(uid) as StoreKey[]
  }

  /** The storage key of the object with this uid, if any. */
  keyOfUid(uid: string): StoreKey | undefined {
    return this.statements.keyOfUid.get(uid) as StoreKey | undefined
  }

  /**
   * Writes an object (create or update) at the next revision and logs the change; returns the object as
   * stored, with metadata.resourceVersion set. Must run inside `transaction`.
   */
  put(key: StoreKey, object: KubeObject): KubeObject {
    const existed = this.statements.get.get(key.resource, key.namespace, key.name) !== undefined
    const revision = this.nextRevision()
    const stored: KubeObject = {...object, metadata: {...object.metadata, resourceVersion: String(revision)}}
    const text = JSON.stringify(stored)
    this.statements.put.run(key.resource, key.namespace, key.name, stored.metadata.uid ?? '', revision, text)
    this.statements.deleteRefs.run(key.resource, key.namespace, key.name)
    for (const owner of stored.metadata.ownerReferences ?? []) {
      this.statements.insertRef.run(owner.uid, key.resource, key.namespace, key.name)
    }
    const type = existed ? 'MODIFIED' : 'ADDED'
    this.statements.logChange.run(revision, type, key.resource, key.namespace, key.name, text)
    this.written({revision, type, ...key, object: stored})
    return stored
  }

  /** Removes an object and logs its deletion at the next revision. Must run inside `transaction`. */
  remove(key: StoreKey, object: KubeObject): KubeObject {
    const revision = this.nextRevision()
    const removed: KubeObject = {...object, metadata: {...object.metadata, resourceVersion: String(revision)}}
    this.statements.remove.run(key.resource, key.namespace, key.name)
    this.statements.deleteRefs.run(key.resource, key.namespace, key.name)
    this.statements.logChange.run(revision, 'DELETED', key.resource, key.namespace, key.name, JSON.stringify(removed))
    this.written({revision, type: 'DELETED', ...key, object: removed})
    return removed
  }

  private written(change: ChangeEvent): void {
    this.writes++
    for (const listener of this.listeners) listener.written(change)
  }

  private notifyRollback(): void {
    for (const listener of this.listeners) listener.rolledBack()
  }

  /** Changes after a revision, oldest first. */
  changesAfter(revision: number, limit = 1000): ChangeEvent[] {
    const rows = this.statements.changesAfter.all(revision, limit) as ChangeRow[]
    return rows.map((row) => ({
      revision: row.revision,
      type: row.type,
      resource: row.resource,
      namespace: row.namespace,
      name: row.name,
      object: JSON.parse(row.object) as KubeObject,
    }))
  }

  /** The rows of the changes after a revision, oldest first, without their objects. */
  changeHeadersAfter(revision: number, limit: number): ChangeHeader[] {
    return this.statements.changeHeadersAfter.all(revision, limit) as ChangeHeader[]
  }

  /** The object of the change at a revision (undefined once compacted away). */
  changeObjectAt(revision: number): KubeObject | undefined {
    const row = this.statements.changeObject.get(revision) as {object: string} | undefined
    return row && (JSON.parse(row.object) as KubeObject)
  }

  /** Whether anything but `ignored` changed after a revision (the control loop's own lease is no work for it). */
  changedAfter(revision: number, ignored: StoreKey): boolean {
    return this.statements.changedAfter.get(revision, ignored.resource, ignored.namespace, ignored.name) !== undefined
  }

  /** The oldest revision still in the change log (a watch from before it must relist). */
  oldestRetainedRevision(): number {
    const row = this.statements.oldestChange.get() as {revision: number | null}
    return row.revision ?? this.revision()
  }

  /** Asks for controller to reconcile key at dueMs (cluster time); an earlier pending request wins. */
  addTimer(controller: string, key: StoreKey, dueMs: number): void {
    this.statements.addTimer.run(controller, key.resource, key.namespace, key.name, Math.round(dueMs))
  }

  /** The earliest pending timer's due time, if any. */
  nextTimerDue(): number | undefined {
    const row = this.statements.nextTimer.get() as {due: number | null}
    return row.due ?? undefined
  }

  /** Every timer due at exactly dueMs, in a stable order. */
  timersDueAt(dueMs: number): Array<{controller: string; key: StoreKey}> {
    const rows = this.statements.timersAt.all(dueMs) as Array<StoreKey & {controller: string}>
    return rows.map(({controller, resource, namespace, name}) => ({controller, key: {resource, namespace, name}}))
  }

  /**
   * Removes a timer that is due at dueMs (not one moved earlier or later meanwhile), as its reconcile begins,
   * in the same transaction as that reconcile's writes. Must run inside `transaction`.
   */
  removeTimer(controller: string, key: StoreKey, dueMs: number): void {
    this.statements.removeTimer.run(controller, key.resource, key.namespace, key.name, dueMs)
  }

  readMeta(key: string): string | undefined {
    return (this.statements.getMeta.get(key) as {value: string} | undefined)?.value
  }

  /** Sets a metadata value (clock offsets, controller cursors). Must run inside `transaction`. */
  writeMeta(key: string, value: string): void {
    this.statements.setMeta.run(key, value)
  }

  /** Forgets a metadata value. Must run inside `transaction`. */
  deleteMeta(key: string): void {
    this.statements.deleteMeta.run(key)
  }

  close(): void {
    this.db.close()
  }

  private nextRevision(): number {
    const revision = this.revision() + 1
    this.statements.setMeta.run('revision', String(revision))
    if (revision % 1000 === 0) this.statements.compact.run(revision - CHANGE_LOG_RETAINED)
    return revision
  }
}

function prepare(db: BetterSqlite3.Database) {
  return {
    get: db.prepare('SELECT object, revision FROM objects WHERE resource = ? AND namespace = ? AND name = ?'),
    listAll: db.prepare('SELECT object, revision FROM objects WHERE resource = ? ORDER BY namespace, name'),
    listNamespace: db.prepare(
      'SELECT object, revision FROM objects WHERE resource = ? AND namespace = ? ORDER BY name',
    ),
    scanAll: db.prepare(
      'SELECT object, revision FROM objects WHERE resource = ? AND (namespace, name) > (?, ?) ORDER BY namespace, name',
    ),
    scanNamespace: db.prepare(
      'SELECT object, revision FROM objects WHERE resource = ? AND namespace = ? AND name > ? ORDER BY name',
    ),
    scanEverything: db.prepare('SELECT resource, object, revision FROM objects'),
    listInNamespace: db.prepare(
      'SELECT resource, object, revision FROM objects WHERE namespace = ? ORDER BY resource, name',
    ),
    put: db.prepare(
      'INSERT OR REPLACE INTO objects (resource, namespace, name, uid, revision, object) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    remove: db.prepare('DELETE FROM objects WHERE resource = ? AND namespace = ? AND name = ?'),
    keyOfUid: db.prepare('SELECT resource, namespace, name FROM objects WHERE uid = ? LIMIT 1'),
    dependents: db.prepare('SELECT resource, namespace, name FROM owner_refs WHERE owner_uid = ?'),
    insertRef: db.prepare(
      'INSERT OR IGNORE INTO owner_refs (owner_uid, resource, namespace, name) VALUES (?, ?, ?, ?)',
    ),
    deleteRefs: db.prepare('DELETE FROM owner_refs WHERE resource = ? AND namespace = ? AND name = ?'),
    logChange: db.prepare(
      'INSERT INTO changes (revision, type, resource, namespace, name, object) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    changesAfter: db.prepare(
      'SELECT revision, type, resource, namespace, name, object FROM changes WHERE revision > ? ORDER BY revision LIMIT ?',
    ),
    changeHeadersAfter: db.prepare(
      'SELECT revision, type, resource, namespace, name FROM changes WHERE revision > ? ORDER BY revision LIMIT ?',
    ),
    changeObject: db.prepare('SELECT object FROM changes WHERE revision = ?'),
    changedAfter: db.prepare(
      'SELECT 1 FROM changes WHERE revision > ? AND NOT (resource = ? AND namespace = ? AND name = ?) LIMIT 1',
    ),
    oldestChange: db.prepare('SELECT MIN(revision) AS revision FROM changes'),
    compact: db.prepare('DELETE FROM changes WHERE revision <= ?'),
    getMeta: db.prepare('SELECT value FROM meta WHERE key = ?'),
    addTimer: db.prepare(
      'INSERT INTO timers (controller, resource, namespace, name, due) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET due = MIN(due, excluded.due)',
    ),
    nextTimer: db.prepare('SELECT MIN(due) AS due FROM timers'),
    timersAt: db.prepare(
      'SELECT controller, resource, namespace, name FROM timers WHERE due = ? ORDER BY controller, resource, namespace, name',
    ),
    removeTimer: db.prepare(
      'DELETE FROM timers WHERE controller = ? AND resource = ? AND namespace = ? AND name = ? AND due = ?',
    ),
    setMeta: db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
    deleteMeta: db.prepare('DELETE FROM meta WHERE key = ?'),
  }
}
