import {randomUUID} from 'node:crypto'
import {hostname} from 'node:os'

/**
 * A lease holder's identity: kube-controller-manager's `<hostname>_<uuid>` with the process id between, so a
 * process on the same machine can tell a holder that was killed (kill -9 leaves no one to release the lease)
 * from one that is alive and merely quiet, and take over at once instead of after the lease duration.
 */
export function newHolderIdentity(): string {
  return `${hostname()}_${process.pid}_${randomUUID()}`
}

/**
 * False only when the holder is known to be gone: a process of this machine that no longer exists. A holder
 * on another machine, or whose identity is not in our format, is judged by its lease's expiry alone.
 */
export function isHolderAlive(identity: string): boolean {
  const match = /^(.*)_(\d+)_[0-9a-f-]{36}$/.exec(identity)
  if (!match || match[1] !== hostname()) return true
  const pid = Number(match[2])
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to another user
    return (error as NodeJS.ErrnoException).code !== 'ESRCH'
  }
}
