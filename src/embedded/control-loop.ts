import {setTimeout as sleep} from 'node:timers/promises'
import {readClockOffset, readSettledMs} from './clock/stored-offset.js'
import type {ControllerRunner} from './controllers/runner.js'
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

// how often a command that waits for another process's control loop (cluster advance) looks again
const LEADER_POLL_MS = 50

/**
 * The control plane's loop for one process: at most one process of a cluster reconciles at a time, the
 * holder of the lease (kube-controller-manager's leader election). A process settles when it finds work
 * (its own writes, others' writes, due timers): if another live process leads, that one will reconcile and
 * this one reads on; otherwise it takes the lease, catches up, and keeps the lease until it closes.
 */
export class ControlLoop {
  // set by this process's writes; other processes' writes and due timers are found by hasWork
  private dirty = false

  constructor(
    private readonly api: EmbeddedBackend,
    private readonly runner: ControllerRunner,
    readonly lease: LeaderLease,
  ) {}

  /** A write of this process: there is work for the control loop. */
  markDirty(): void {
    this.dirty = true
  }

  /**
   * Runs the controllers until the cluster is quiet at 'now' when this process leads (or can take the lease);
   * returns at once when another live process leads, or while this process is already catching up (a read
   * during catch-up answers with what is stored: reads never wait for the control loop).
   */
  async settle(options: SettleOptions = {}): Promise<void> {
    if (this.runner.isRunning) return
    this.refreshClock()
    const work = this.dirty || this.runner.hasWork(this.api)
    this.dirty = false
    if (!work && !options.lead && !this.lease.isLeading) return
    if (!(await this.lease.tryAcquireOrRenew())) return
    if (work) await this.runner.runUntilQuiet(this.api, this.lease)
  }

  /**
   * Settles through the cluster time `targetMs` (`cluster advance`): by catching up itself when it can lead,
   * else by waiting until the leading process reports it has caught up that far. Should the leader die,
   * its lease expires (or its process is seen gone) and this process takes over.
   */
  async settleThrough(targetMs: number): Promise<void> {
    for (;;) {
      await this.settle({lead: true})
      if (this.lease.isLeading) return
      const settled = readSettledMs(this.api.store) ?? 0
      if (settled >= targetMs && !this.runner.hasWork(this.api, targetMs)) return
      await sleep(LEADER_POLL_MS)
    }
  }

  /** The command is done: settles what it wrote (when it may lead) and gives the lease up. */
  async close(): Promise<void> {
    await this.settle()
    await this.lease.release()
  }

  /** Takes up a clock offset another process's `cluster advance` stored, so every process agrees on 'now'. */
  refreshClock(): void {
    this.api.clock.catchUpOffset(readClockOffset(this.api.store))
  }
}
