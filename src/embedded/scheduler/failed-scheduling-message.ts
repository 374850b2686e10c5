import type {FilterFailure} from './types.js'

// framework.NoNodeAvailableMsg (pkg/scheduler/framework/types.go, v1.32)
const noNodeAvailable = (count: number): string => `0/${count} nodes are available`

/** What schedulePod reports when the cluster has no node at all (ErrNoNodesAvailable). */
export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods'

/** The histogram of reasons, `<count> <reason>`, sorted as Go's sort.Strings sorts (bytewise). */
export function reasonHistogram(failures: Iterable<FilterFailure>): string[] {
  const counts = new Map<string, number>()
  for (const failure of failures)
    for (const reason of failure.reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1)
  return [...counts].map(([reason, count]) => `${count} ${reason}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/**
 * FitError.Error() (v1.32): `0/N nodes are available: <sorted reasons>.`, then the PostFilter (preemption)
 * message after a space; that message is itself a FitError when preemption found nothing to do.
 */
export function fitErrorMessage(
  numAllNodes: number,
  failures: Iterable<FilterFailure>,
  postFilterMessage = '',
): string {
  let message = `${noNodeAvailable(numAllNodes)}:`
  const histogram = reasonHistogram(failures)
  if (histogram.length > 0) message += ` ${histogram.join(', ')}.`
  if (postFilterMessage !== '') message += ` ${postFilterMessage}`
  return message
}

// the events API caps a note at 1024 bytes; the scheduler cuts longer messages (schedule_one.go truncateMessage)
const NOTE_LENGTH_LIMIT = 1024

/** The message as the FailedScheduling event carries it. */
export function truncateMessage(message: string): string {
  if (message.length <= NOTE_LENGTH_LIMIT) return message
  const suffix = ' ...'
  return message.slice(0, NOTE_LENGTH_LIMIT - suffix.length) + suffix
}
