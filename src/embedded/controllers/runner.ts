import type {ResourceInfo} from '../../backend/refs.js'
import {hasReason} from '../../backend/status.js'
import type {EmbeddedBackend} from '../embedded-backend.js'
import {EventRecorder} from '../events.js'
import {componentManager} from '../field-manager/component-managers.js'
import {storeResource} from '../storage-key.js'
import type {StoreKey} from '../store/store.js'
import {readSettledMs, writeSettledMs} from '../clock/stored-offset.js'
import {LEASE_KEY, type LeaderLease} from '../leader/lease.js'
import type {Controller, ReconcileContext} from './controller.js'

const CURSOR_KEY = 'controllers.cursor'
// A wave that still produces changes after this many rounds is a controller fighting another.
const MAX_ROUNDS_PER_MOMENT = 100

/**
 * The catch-up every skiff invocation does: runs the controllers over the change log (from a stored
 * cursor) and over the due timers, in time order, until the cluster is quiet at 'now'. Time is simulated
 * while catching up, so a day of idleness costs what changed in it, not how long it was. Only the holder of
 * the control loop's lease runs it; it renews the lease as it goes and stops when the lease is lost.
 */
export class ControllerRunner {
  private running = false
  private controllers: readonly Controller[] = []
  private byName = new Map<string, Controller>()

  /** `load` gives the controllers; it is called only when there is work, so a quiet read never loads them. */
  constructor(private readonly load: () => Promise<readonly Controller[]>) {}

  /** True while a catch-up runs in this process. */
  get isRunning(): boolean {
    return this.running
  }

  /** True when something is waiting: changes not yet reconciled, or a timer due by `atMs` (default now). */
  hasWork(api: EmbeddedBackend, atMs = api.clock.wallNow()): boolean {
    const due = api.store.nextTimerDue()
    // the control loop's own lease (its renewals, its releases) is nothing to reconcile
    return (due !== undefined && due <= atMs) || api.store.changedAfter(this.cursor(api), LEASE_KEY)
  }

  async runUntilQuiet(api: EmbeddedBackend, lease: LeaderLease): Promise<void> {
    if (this.running) return
    this.running = true
    const target = api.clock.wallNow()
    try {
      if (this.controllers.length === 0) {
        this.controllers = await this.load()
        this.byName = new Map(this.controllers.map((c) => [c.name, c]))
      }
      const infos = new Map<string, ResourceInfo>((await api.discover()).map((info) => [storeResource(info), info]))
      const ctx: ReconcileContext = {
        api,
        clock: api.clock,
        events: new EventRecorder(api),
        infoFor: (resource) => infos.get(resource),
      }
      // catch-up starts at the first timer due since the last settle, not at the last settle itself: a change
      // written just now, after a quiet spell, is reconciled now (its ReplicaSet is not older than its Deployment)
      const settled = readSettledMs(api.store) ?? target
      let moment = Math.min(Math.max(settled, api.store.nextTimerDue() ?? target), target)
      for (;;) {
        // a lease lost (not renewed in time, taken by another process) ends this process's turn
        if (!(await lease.tryAcquireOrRenew())) return
        api.clock.simulateAt(moment)
        await this.drainChanges(api, ctx, lease)
        if (!lease.isLeading) return
        const due = api.store.nextTimerDue()
        if (due === undefined || due > target) break
        moment = Math.max(moment, due)
        api.clock.simulateAt(moment)
        const timers = api.store.transaction(() => api.store.takeTimersDueAt(due))
        for (const {controller, key} of timers) {
          const found = this.byName.get(controller)
          if (found) await this.reconcile(found, key, ctx)
        }
      }
      api.store.transaction(() => writeSettledMs(api.store, target))
    } finally {
      api.clock.goLive()
      this.running = false
    }
  }

  private cursor(api: EmbeddedBackend): number {
    return Number(api.store.readMeta(CURSOR_KEY) ?? '0')
  }

  private async drainChanges(api: EmbeddedBackend, ctx: ReconcileContext, lease: LeaderLease): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS_PER_MOMENT; round++) {
      if (round > 0 && !(await lease.tryAcquireOrRenew())) return
      const cursor = this.cursor(api)
      const changes = api.store.changesAfter(cursor)
      if (changes.length === 0) return
      for (const controller of this.controllers) {
        const keys = new Map<string, StoreKey>()
        for (const change of changes) {
          for (const key of controller.keysFor(change, ctx))
            keys.set(`${key.resource}|${key.namespace}|${key.name}`, key)
        }
        for (const key of keys.values()) await this.reconcile(controller, key, ctx)
      }
      const last = changes[changes.length - 1]?.revision ?? cursor
      api.store.transaction(() => {
        if (last > this.cursor(api)) api.store.writeMeta(CURSOR_KEY, String(last))
      })
    }
  }

  // Another process may have changed the object between the read and the write: the next change requeues it.
  private async reconcile(controller: Controller, key: StoreKey, ctx: ReconcileContext): Promise<void> {
    try {
      const result = await ctx.api.actingAs(componentManager(controller.name), () => controller.reconcile(key, ctx))
      if (result?.requeueAfterMs !== undefined) {
        const due = ctx.clock.now() + Math.max(0, result.requeueAfterMs)
        ctx.api.store.transaction(() => ctx.api.store.addTimer(controller.name, key, due))
      }
    } catch (error) {
      if (hasReason(error, 'Conflict')) {
        // the object moved under us: look again at this same moment, with fresh state
        ctx.api.store.transaction(() => ctx.api.store.addTimer(controller.name, key, ctx.clock.now()))
        return
      }
      if (hasReason(error, 'NotFound') || hasReason(error, 'AlreadyExists')) return
      throw error
    }
  }
}
