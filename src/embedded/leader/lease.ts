import type {WriteOptions} from '../../backend/backend.js'
import type {KubeObject} from '../../backend/object.js'
import {hasReason} from '../../backend/status.js'
import {formatMicroTimestamp, type Clock} from '../clock/clock.js'
import type {StoreKey} from '../store/store.js'
import {isHolderAlive} from './holder-identity.js'

// kube-controller-manager's leader election defaults (--leader-elect-lease-duration, --leader-elect-renew-deadline,
// --leader-elect-retry-period; component-base/config/v1alpha1 defaults, v1.32)
export const LEASE_DURATION_MS = 15_000
export const RENEW_DEADLINE_MS = 10_000
export const RETRY_PERIOD_MS = 2_000
/** Where the control loop's lease lives: `skiff get lease -n kube-system` shows its holder. */
export const LEASE_NAMESPACE = 'kube-system'
export const LEASE_NAME = 'skiff-control-plane'
/** The lease's storage key. */
export const LEASE_KEY: StoreKey = {
  resource: 'coordination.k8s.io/leases',
  namespace: LEASE_NAMESPACE,
  name: LEASE_NAME,
}
// the field manager of the lease's writes, as kube-controller-manager's leader election client names itself
const FIELD_MANAGER = 'skiff-control-plane'

interface LeaseSpec {
  holderIdentity?: string
  leaseDurationSeconds?: number
  acquireTime?: string
  renewTime?: string
  leaseTransitions?: number
}

/** How the lease is read and written: reads straight from storage (no catch-up first), writes through the API. */
export interface LeaseAccess {
  read(): KubeObject | undefined
  create(object: KubeObject, options: WriteOptions): Promise<KubeObject>
  update(object: KubeObject, options: WriteOptions): Promise<KubeObject>
}

function specOf(lease: KubeObject | undefined): LeaseSpec {
  return (lease?.['spec'] as LeaseSpec | undefined) ?? {}
}

/**
 * One process's side of leader election over a coordination.k8s.io/v1 Lease, as client-go's leaderelection
 * (tools/leaderelection/leaderelection.go, v1.32): acquire when the lease is free or expired, renew every
 * retry period, count ourselves out when no renewal succeeded within the renew deadline, and release on the
 * way out (ReleaseOnCancel) so the next process need not wait for the lease to expire. Every write carries
 * the resourceVersion read, so of two processes racing for the lease exactly one wins. Times in the lease
 * are real time (the cluster's clock may be advanced; expiry between processes must not be).
 */
export class LeaderLease {
  // real time of our last successful acquire or renew; undefined while we do not lead
  private renewedAtMs: number | undefined
  // we took the lease from a holder that never released it (killed, or stopped renewing): its work may be half done
  private takeover = false

  constructor(
    private readonly access: LeaseAccess,
    private readonly clock: Clock,
    readonly identity: string,
  ) {}

  /** True while we hold the lease: acquired, and renewed within the renew deadline. */
  get isLeading(): boolean {
    return this.renewedAtMs !== undefined && this.clock.realNow() - this.renewedAtMs < RENEW_DEADLINE_MS
  }

  /** Whether the stored lease names us and we renewed it in time: checked inside each round's transaction. */
  holdsStoredLease(): boolean {
    return this.isLeading && specOf(this.access.read()).holderIdentity === this.identity
  }

  /**
   * Whether the lease names a holder that is gone without releasing it (killed, or expired unrenewed): its
   * catch-up may have stopped half way, so there is work even when nothing else says so.
   */
  isAbandoned(): boolean {
    const spec = specOf(this.access.read())
    return Boolean(spec.holderIdentity) && spec.holderIdentity !== this.identity && !this.isHeldByOther(spec)
  }

  /** The holder when another live process leads; undefined when the lease is ours, free or expired. */
  otherLeader(): string | undefined {
    const spec = specOf(this.access.read())
    return this.isHeldByOther(spec) ? spec.holderIdentity : undefined
  }

  /**
   * client-go's tryAcquireOrRenew: true when we lead afterwards. A lease we hold is renewed only when the
   * retry period has passed since the last renewal, so calling this often costs a read, not a write.
   */
  async tryAcquireOrRenew(): Promise<boolean> {
    const now = this.clock.realNow()
    if (this.isLeading && this.renewedAtMs !== undefined && now - this.renewedAtMs < RETRY_PERIOD_MS) {
      // still ours unless someone took it: the row says
      if (specOf(this.access.read()).holderIdentity === this.identity) return true
    }
    const current = this.access.read()
    const spec = specOf(current)
    if (this.isHeldByOther(spec)) {
      this.renewedAtMs = undefined
      return false
    }
    const ours = spec.holderIdentity === this.identity
    const timestamp = formatMicroTimestamp(now)
    const next: LeaseSpec = {
      holderIdentity: this.identity,
      leaseDurationSeconds: LEASE_DURATION_MS / 1000,
      acquireTime: ours && spec.acquireTime ? spec.acquireTime : timestamp,
      renewTime: timestamp,
      leaseTransitions: (spec.leaseTransitions ?? 0) + (ours || current === undefined ? 0 : 1),
    }
    try {
      if (current) await this.access.update({...current, spec: next}, {fieldManager: FIELD_MANAGER})
      else
        await this.access.create(
          {
            apiVersion: 'coordination.k8s.io/v1',
            kind: 'Lease',
            metadata: {name: LEASE_NAME, namespace: LEASE_NAMESPACE},
            spec: next,
          },
          {fieldManager: FIELD_MANAGER},
        )
    } catch (error) {
      // another process wrote the lease first: it won this round
      if (hasReason(error, 'Conflict') || hasReason(error, 'AlreadyExists')) {
        this.renewedAtMs = undefined
        return false
      }
      throw error
    }
    if (!ours && spec.holderIdentity) this.takeover = true
    this.renewedAtMs = now
    return true
  }

  /** True once after taking the lease over from a holder that did not release it. */
  consumeTakeover(): boolean {
    const takeover = this.takeover
    this.takeover = false
    return takeover
  }

  /** Gives the lease up (client-go's release): no holder, a one-second duration, so the next process takes it at once. */
  async release(): Promise<void> {
    if (this.renewedAtMs === undefined) return
    this.renewedAtMs = undefined
    const current = this.access.read()
    const spec = specOf(current)
    if (!current || spec.holderIdentity !== this.identity) return
    const timestamp = formatMicroTimestamp(this.clock.realNow())
    const released: LeaseSpec = {
      leaseDurationSeconds: 1,
      acquireTime: timestamp,
      renewTime: timestamp,
      leaseTransitions: spec.leaseTransitions ?? 0,
    }
    try {
      await this.access.update({...current, spec: released}, {fieldManager: FIELD_MANAGER})
    } catch (error) {
      // taken meanwhile (after our deadline passed): nothing of ours to release
      if (!hasReason(error, 'Conflict') && !hasReason(error, 'NotFound')) throw error
    }
  }

  /** Whether the lease belongs to another process that may still be alive and within its duration. */
  private isHeldByOther(spec: LeaseSpec): boolean {
    const holder = spec.holderIdentity
    if (!holder || holder === this.identity) return false
    const renewed = spec.renewTime ? Date.parse(spec.renewTime) : Number.NaN
    const durationMs = (spec.leaseDurationSeconds ?? 0) * 1000
    if (!Number.isFinite(renewed) || renewed + durationMs <= this.clock.realNow()) return false
    return isHolderAlive(holder)
  }
}
