import {setTimeout as sleep} from 'node:timers/promises'
import {readClockOffset, readSettledMs} from './clock/stored-offset.js'
import type {ControllerRunner, RunProgress} from './controllers/runner.js'
import type {EmbeddedBackend} from './embedded-backend.js'
import type {LeaderLease} from './leader/lease.js'

/** How a caller of `settle` takes part in the control loop. */
export interface SettleOptions {
  /**
   * Take (and keep) the lease even when nothing is waiting: `serve` and the long-running commands (`get -w`,
   * `logs -f`) lead while they run. Without it a process takes the lease only when it finds work.
   */
  lead?: boolean
}

/** How long a command waits for its catch-up (real milliseconds); unset waits until the cluster is quiet. */
export interface CatchUpBudgets {
  /** before a read (get, list): reads must answer promptly even when a large catch-up is under way */
  readMs?: number
  /** when the command ends: what is left is for the next command, or for a process that leads */
  closeMs?: number
  /** told how a catch-up goes, after each round (a command shows it on stderr when it runs long) */
  onProgress?: (progress: RunProgress) => void
}

// how often a command that waits for another process's control loop (cluster advance) looks again
const LEADER_POLL_MS = 50

/**
 * The control plane's loop for one process: at most one process of a cluster reconciles at a time, the
 * holder of the lease (kube-controller-manager's leader election). A process settles when it finds work
 * (its own writes, others' writes, due timers): if another live process leads, that one will reconcile and
 * this one reads on; otherwise it takes the lease and catches up, in the background of the command (rounds
 * yield to the event loop), and keeps the lease until it closes. A command waits for the catch-up up to its
 * budget; on close it stops the catch-up between two rounds and gives the lease up.
 */
export class ControlLoop {
  // set by this process's writes; other processes' writes and due timers are found by hasWork
  private dirty = false
  private task: Promise<void> | undefined
  private failure: unknown
  private stopped = false
  private budgets: CatchUpBudgets = {}

  constructor(
    private readonly api: EmbeddedBackend,
    private readonly runner: ControllerRunner,
    readonly lease: LeaderLease,
  ) {}

  /** Sets how long this process's reads and close wait for a catch-up, and who hears of its progress. */
  configure(budgets: CatchUpBudgets): void {
    this.budgets = budgets
  }

  /** A write of this process: there is work for the control loop. */
  markDirty(): void {
    this.dirty = true
  }

  /** Resolves when no round of the catch-up is open, so a write from outside it may go ahead. */
  roundClosed(): Promise<void> {
    return this.runner.roundClosed()
  }

  /**
   * Catches up when there is work and this process leads (or can take the lease), waiting up to the read
   * budget; returns at once when another live process leads (reads never wait for another process).
   */
  async settle(options: SettleOptions = {}): Promise<void> {
    await this.settleWithin(this.budgets.readMs, options)
  }

  /**
   * Settles through the cluster time `targetMs` (`cluster advance`): by catching up itself when it can lead,
   * else by waiting until the leading process reports it has caught up that far. Should the leader die,
   * its lease expires (or its process is seen gone) and this process takes over.
   */
  async settleThrough(targetMs: number): Promise<void> {
    for (;;) {
      await this.settleWithin(undefined, {lead: true})
      if (this.lease.isLeading || this.stopped) return
      const settled = readSettledMs(this.api.store) ?? 0
      if (settled >= targetMs && !this.runner.hasWork(this.api, targetMs)) return
      await sleep(LEADER_POLL_MS)
    }
  }

  /** Ends the catch-up after its current round and takes no new one (serve stopping on SIGTERM). */
  async stop(): Promise<void> {
    this.stopped = true
    await this.task
  }

  /** The command is done: settles what it wrote (within the close budget), stops, and gives the lease up. */
  async close(): Promise<void> {
    if (!this.stopped) await this.settleWithin(this.budgets.closeMs, {})
    await this.stop()
    this.rethrow()
    await this.lease.release()
  }

  /** Takes up a clock offset another process's `cluster advance` stored, so every process agrees on 'now'. */
  refreshClock(): void {
    this.api.clock.catchUpOffset(readClockOffset(this.api.store))
  }

  private async settleWithin(budgetMs: number | undefined, options: SettleOptions): Promise<void> {
    if (this.stopped) return
    this.refreshClock()
    if (!this.task) {
      const work = this.dirty || this.runner.hasWork(this.api) || this.lease.isAbandoned()
      this.dirty = false
      if (!work && !options.lead && !this.lease.isLeading) return
      if (!(await this.lease.tryAcquireOrRenew())) return
      if (!work || this.task) return
      this.task = this.catchUp().finally(() => (this.task = undefined))
    }
    await this.wait(budgetMs)
  }

  // runs catch-ups until there is no work left, the lease is lost, or the loop is stopped
  private async catchUp(): Promise<void> {
    try {
      do {
        this.dirty = false
        this.refreshClock()
        await this.runner.runUntilQuiet(this.api, this.lease, {
          shouldStop: () => this.stopped,
          ...(this.budgets.onProgress ? {onProgress: this.budgets.onProgress} : {}),
        })
      } while (!this.stopped && this.lease.isLeading && (this.dirty || this.runner.hasWork(this.api)))
    } catch (error) {
      this.failure = error
    }
  }

  private async wait(budgetMs: number | undefined): Promise<void> {
    const task = this.task
    if (task) {
      if (budgetMs === undefined) await task
      else {
        const timer = new AbortController()
        await Promise.race([task, sleep(budgetMs, undefined, {signal: timer.signal}).catch(() => undefined)])
        timer.abort()
      }
    }
    this.rethrow()
  }

  private rethrow(): void {
    if (this.failure === undefined) return
    const failure = this.failure
    this.failure = undefined
    throw failure
  }
}
