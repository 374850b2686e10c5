import {describe, expect, it} from 'vitest'
import {
  fitErrorMessage,
  reasonHistogram,
  truncateMessage,
} from '../../../../src/embedded/scheduler/failed-scheduling-message.js'

describe('the FailedScheduling message', () => {
  it('counts reasons across nodes and sorts them as Go sorts strings', () => {
    const failures = [
      {code: 'Unschedulable' as const, reasons: ['Insufficient cpu', 'Insufficient memory']},
      {code: 'Unschedulable' as const, reasons: ['Insufficient cpu']},
      {code: 'UnschedulableAndUnresolvable' as const, reasons: ["node(s) didn't match Pod's node affinity/selector"]},
    ]
    expect(reasonHistogram(failures)).toEqual([
      '1 Insufficient memory',
      "1 node(s) didn't match Pod's node affinity/selector",
      '2 Insufficient cpu',
    ])
  })

  it('puts the preemption message after the filter reasons', () => {
    const failures = [
      {
        code: 'UnschedulableAndUnresolvable' as const,
        reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'],
      },
    ]
    const preemption = `preemption: ${fitErrorMessage(1, [{code: 'UnschedulableAndUnresolvable', reasons: ['Preemption is not helpful for scheduling']}])}`
    expect(fitErrorMessage(1, failures, preemption)).toBe(
      '0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    )
  })

  it('cuts a message longer than an event note allows', () => {
    const cut = truncateMessage('x'.repeat(2000))
    expect(cut).toHaveLength(1024)
    expect(cut.endsWith(' ...')).toBe(true)
  })
})
