import {setImmediate as yieldToEventLoop} from 'node:timers/promises'
import type {ResourceInfo} from '../../backend/refs.js'
import {hasReason} from '../../backend/status.js'
import {readSettledMs, writeSettledMs} from '../clock/stored-offset.js'
import type {EmbeddedBackend} from '../embedded-backend.js'
import {EventRecorder} from '../events.js'
import {componentManager} from '../field-manager/component-managers.js'
import {Informer} from '../informer/informer.js'
import {LEASE_KEY, type LeaderLease} from '../leader/lease.js'
import {storeResource} from '../storage-key.js'
import type {ChangeEvent, Store, StoreKey} from '../store/store.js'
import type {Controller, ReconcileContext} from './controller.js'

const CURSOR_KEY = 'controllers.cursor'
// the cluster time of the last resync
const RESYNCED_KEY = 'controllers.resyncedMs'
// how much cluster time may pass between two resyncs of everything (a catch-up does at most one)
const RESYNC_PERIOD_MS = 10 * 60_000
// changes one round hands the controllers: a round is one transaction, so this bounds what a crash can undo
// and how long the round keeps the write lock and the event loop
const CHANGES_PER_ROUND = 500
// A moment that still produces changes after this many rounds is controllers fighting each other.
const MAX_ROUNDS_PER_MOMENT = 1_000
// real time a catch-up runs before it lets the event loop answer requests and signals
const YIELD_EVERY_MS = 100
const DEFINITIONS = 'apiextensions.k8s.io/customresourcedefinitions'

/** How a catch-up is steered from outside: asked to stop between rounds, told how far it got. */
export interface RunControl {
  /** true ends the catch-up after the current round (serve stopping, a command's time up) */
  shouldStop?(): boolean
  onProgress?(progress: RunProgress): void
}

/** How far a catch-up got. */
export interface RunProgress {
  /** changes handed to the controllers so far */
  changes: number
  /** the cluster time being processed, and the one to reach */
  momentMs: number
  targetMs: number
  /** set on the last report of a catch-up, however it ended */
  done: boolean
}

/**
 * The control loop's catch-up: runs the controllers over the change log (from a stored cursor) and over the
 * due timers, in time order, until the cluster is quiet at 'now'. Time is simulated while catching up, so a
 * day of idleness costs what changed in it, not how long it was. Only the holder of the control loop's lease
 * runs it. Reads come from the informer cache; each round (a batch of changes, or the timers of one moment)
 * commits its writes, its requeue timers and the cursor in one transaction, checked against the lease
 * inside it, so a process that lost the lease can never commit, and a kill loses a round, never half of one.
 */
export class ControllerRunner {
  private running = false
  private controllers: readonly Controller[] = []
  private byName = new Map<string, Controller>()
  private informer: Informer | undefined
  private infos = new Map<string, ResourceInfo>()
  private readonly memory = new Map<string, unknown>()
  private round: Promise<void> | undefined

  /** `load` gives the controllers; it is called only when there is work, so a quiet read never loads them. */
  constructor(private readonly load: () => Promise<readonly Controller[]>) {}

  /** True while a catch-up runs in this process. */
  get isRunning(): boolean {
    return this.running
  }

  /** Resolves when no round is open (a write from outside the control loop waits for the round's commit). */
  async roundClosed(): Promise<void> {
    while (this.round) await this.round
  }

  /** True when something is waiting: changes not yet reconciled, or a timer due by `atMs` (default now). */
  hasWork(api: EmbeddedBackend, atMs = api.clock.wallNow()): boolean {
    const due = api.store.nextTimerDue()
    // the control loop's own lease (its renewals, its releases) is nothing to reconcile
    return (due !== undefined && due <= atMs) || api.store.changedAfter(cursorOf(api.store), LEASE_KEY)
  }

  /** Catches up to now; returns early when stopped or when the lease is lost. */
  async runUntilQuiet(api: EmbeddedBackend, lease: LeaderLease, control: RunControl = {}): Promise<void> {
    if (this.running) return
    this.running = true
    const target = api.clock.wallNow()
    const progress: RunProgress = {changes: 0, momentMs: target, targetMs: target, done: false}
    try {
      if (this.controllers.length === 0) {
        this.controllers = await this.load()
        this.byName = new Map(this.controllers.map((c) => [c.name, c]))
      }
      this.informer ??= new Informer(api.store)
      await this.refreshInfos(api)
      const ctx = this.contextFor(api, this.informer)
      // catch-up starts at the first timer due since the last settle, not at the last settle itself: a change
      // written just now, after a quiet spell, is reconciled now (its ReplicaSet is not older than its Deployment)
      const settled = readSettledMs(api.store) ?? target
      let moment = Math.min(Math.max(settled, api.store.nextTimerDue() ?? target), target)
      const batch = new Batch(
        api,
        lease,
        control,
        () => control.onProgress?.(progress),
        (open) => (this.round = open),
      )
      try {
        batch.moveTo(moment)
        if (this.resyncDue(api, lease, moment) && !(await this.resync(api, ctx, batch))) return
        for (;;) {
          progress.momentMs = moment
          batch.moveTo(moment)
          for (let round = 0; round < MAX_ROUNDS_PER_MOMENT; round++) {
            const handed = await this.drainRound(api, ctx, batch)
            if (handed === undefined) return
            progress.changes += handed
            if (handed === 0) break
          }
          const due = api.store.nextTimerDue()
          if (due === undefined || due > target) break
          moment = Math.max(moment, due)
          progress.momentMs = moment
          batch.moveTo(moment)
          for (const {controller, key} of api.store.timersDueAt(due)) {
            if (!(await batch.checkpoint())) return
            // removed as its reconcile begins, in the same transaction as what the reconcile writes
            api.store.removeTimer(controller, key, due)
            const found = this.byName.get(controller)
            if (found) await this.reconcile(api, found, key, ctx)
          }
        }
      } catch (error) {
        batch.rollback()
        throw error
      } finally {
        // stopped or done: what ran so far is whole (every reconcile commits with what it wrote), and is kept
        batch.commit()
      }
      if (!control.shouldStop?.() && lease.isLeading) api.store.transaction(() => writeSettledMs(api.store, target))
    } finally {
      api.clock.goLive()
      this.running = false
      control.onProgress?.({...progress, done: true})
    }
  }

  /**
   * Hands the next changes after the cursor to every controller; returns how many there were, or undefined
   * when the catch-up must end first (the cursor then stays, and the next leader looks at them again).
   */
  private async drainRound(api: EmbeddedBackend, ctx: ReconcileContext, batch: Batch): Promise<number | undefined> {
    const informer = this.informer
    if (!informer || !(await batch.checkpoint())) return undefined
    const {changes, revision} = informer.changesAfter(cursorOf(api.store), CHANGES_PER_ROUND)
    if (changes.some((change) => change.resource === DEFINITIONS)) await this.refreshInfos(api)
    for (const controller of this.controllers) {
      for (const key of keysOf(controller, changes, ctx)) {
        if (!(await batch.checkpoint())) return undefined
        await this.reconcile(api, controller, key, ctx)
      }
    }
    if (revision > cursorOf(api.store)) api.store.writeMeta(CURSOR_KEY, String(revision))
    return changes.length
  }

  // after a takeover from a holder that died (its records may lack their timers), and every RESYNC_PERIOD_MS
  private resyncDue(api: EmbeddedBackend, lease: LeaderLease, moment: number): boolean {
    const takeover = lease.consumeTakeover()
    const last = Number(api.store.readMeta(RESYNCED_KEY) ?? Number.NEGATIVE_INFINITY)
    return takeover || moment - last >= RESYNC_PERIOD_MS
  }

  /**
   * An informer resync: every cached object handed to every controller as if it had changed, so whatever a
   * crash left without its wake-up (a kubelet record whose timer was lost) is looked at again; reconciles
   * are level-triggered, so the rest is a no-op. False when the catch-up must end first.
   */
  private async resync(api: EmbeddedBackend, ctx: ReconcileContext, batch: Batch): Promise<boolean> {
    const informer = this.informer
    if (!informer) return true
    const {changes} = informer.everything()
    for (const controller of this.controllers) {
      for (const key of keysOf(controller, changes, ctx)) {
        if (!(await batch.checkpoint())) return false
        await this.reconcile(api, controller, key, ctx)
      }
    }
    if (!(await batch.checkpoint())) return false
    api.store.writeMeta(RESYNCED_KEY, String(api.clock.now()))
    return true
  }

  private contextFor(api: EmbeddedBackend, informer: Informer): ReconcileContext {
    const infos = this.infos
    return {
      get cache() {
        return informer.cache
      },
      api,
      clock: api.clock,
      events: new EventRecorder(api, api.clock, api.store),
      state: api.store,
      memory: this.memory,
      infoFor: (resource) => infos.get(resource),
    }
  }

  private async refreshInfos(api: EmbeddedBackend): Promise<void> {
    this.infos.clear()
    for (const info of await api.discover()) this.infos.set(storeResource(info), info)
  }

  // Another process may have changed the object between the read and the write: the next change requeues it.
  private async reconcile(
    api: EmbeddedBackend,
    controller: Controller,
    key: StoreKey,
    ctx: ReconcileContext,
  ): Promise<void> {
    try {
      const result = await api.actingAs(componentManager(controller.name), () => controller.reconcile(key, ctx))
      if (result?.requeueAfterMs !== undefined) {
        api.store.addTimer(controller.name, key, ctx.clock.now() + Math.max(0, result.requeueAfterMs))
      }
    } catch (error) {
      if (hasReason(error, 'Conflict')) {
        // the object moved under us: look again at this same moment, with fresh state
        api.store.addTimer(controller.name, key, ctx.clock.now())
        return
      }
      if (hasReason(error, 'NotFound') || hasReason(error, 'AlreadyExists')) return
      throw error
    }
  }
}

function cursorOf(store: Store): number {
  return Number(store.readMeta(CURSOR_KEY) ?? '0')
}

/** The distinct keys a controller wants reconciled for a batch of changes, in first-seen order. */
function keysOf(controller: Controller, changes: readonly ChangeEvent[], ctx: ReconcileContext): StoreKey[] {
  const keys = new Map<string, StoreKey>()
  for (const change of changes) {
    for (const key of controller.keysFor(change, ctx)) keys.set(`${key.resource}|${key.namespace}|${key.name}`, key)
  }
  return [...keys.values()]
}

/**
 * The transaction reconciles share: opened at the first reconcile after a commit, committed at a checkpoint
 * once it has been open for YIELD_EVERY_MS (the catch-up then lets the event loop answer requests and
 * signals, and renews the lease) or at the end. Reconciles run at the simulated moment being processed;
 * between batches the clock is live again. A batch that no longer holds the lease is never committed.
 */
class Batch {
  private openedAt: number | undefined
  private moment = 0
  private closeOpen: (() => void) | undefined

  constructor(
    private readonly api: EmbeddedBackend,
    private readonly lease: LeaderLease,
    private readonly control: RunControl,
    private readonly report: () => void,
    private readonly announce: (open: Promise<void> | undefined) => void,
  ) {}

  /** The simulated moment the next reconciles run at. */
  moveTo(moment: number): void {
    this.moment = moment
    if (this.openedAt !== undefined) this.api.clock.simulateAt(moment)
  }

  /**
   * Before each reconcile: commits and yields when the batch has been open long enough, then makes sure a
   * batch is open at the current moment. False when the catch-up must end (stopped, or the lease lost).
   */
  async checkpoint(): Promise<boolean> {
    if (this.openedAt !== undefined && this.api.clock.realNow() - this.openedAt < YIELD_EVERY_MS) return true
    if (this.openedAt !== undefined) {
      this.commit()
      this.report()
      await yieldToEventLoop()
    }
    // a lease lost (not renewed in time, taken by another process) ends this process's turn
    if (this.control.shouldStop?.() || !(await this.lease.tryAcquireOrRenew())) return false
    this.api.store.beginBatch()
    this.openedAt = this.api.clock.realNow()
    this.announce(new Promise<void>((resolve) => (this.closeOpen = resolve)))
    // fencing: what a process that lost the lease writes must never be committed
    if (!this.lease.holdsStoredLease()) {
      this.rollback()
      return false
    }
    this.api.clock.simulateAt(this.moment)
    return true
  }

  commit(): void {
    if (this.openedAt === undefined) return
    this.api.store.commitBatch()
    this.finish()
  }

  /** Undoes a batch still open (an error in a reconcile). */
  rollback(): void {
    if (this.openedAt === undefined) return
    this.api.store.rollbackBatch()
    this.finish()
  }

  private finish(): void {
    this.openedAt = undefined
    this.api.clock.goLive()
    this.announce(undefined)
    this.closeOpen?.()
    this.closeOpen = undefined
  }
}
