import type {KubeObject} from '../../backend/object.js'
import {translateTimestampSince} from './age.js'
import {ageColumn, column, nameColumn, wideColumn, type ColumnSet} from './column-set.js'
import {summarizePod, type PodFields} from './pod-status.js'

// kubectl: pkg/printers/internalversion/printers.go AddHandlers podColumnDefinitions + printPod (v1.32)
/** NAME READY STATUS RESTARTS AGE, wide IP NODE NOMINATED NODE READINESS GATES. */
export const podColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Ready', 'string', 'Ready containers out of all containers in the pod.'),
    column('Status', 'string', 'Summary of the pod phase and its containers.'),
    column('Restarts', 'string', 'Container restarts in the pod, and when the last one restarted.'),
    ageColumn(),
    wideColumn('IP', 'string', 'The IP address of the pod.'),
    wideColumn('Node', 'string', 'The node the pod is bound to.'),
    wideColumn('Nominated Node', 'string', 'The node the scheduler nominated after preemption.'),
    wideColumn('Readiness Gates', 'string', 'True readiness gate conditions out of all gates.'),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const pod = object as PodFields
    const {ready, status, restarts} = summarizePod(pod, now)
    return [
      pod.metadata.name ?? '',
      ready,
      status,
      restarts,
      translateTimestampSince(pod.metadata.creationTimestamp, now),
      pod.status?.podIPs?.[0]?.ip || '<none>',
      pod.spec?.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>',
      readinessGates(pod),
    ]
  },
}

function readinessGates(pod: PodFields): string {
  const gates = pod.spec?.readinessGates ?? []
  if (gates.length === 0) return '<none>'
  const conditions = pod.status?.conditions ?? []
  const trueGates = gates.filter((gate) => conditions.find((c) => c.type === gate.conditionType)?.status === 'True')
  return `${trueGates.length}/${gates.length}`
}
