import type {KubeObject} from '../../backend/object.js'
import {translateTimestampSince} from './age.js'
import {ageColumn, column, nameColumn, type ColumnSet} from './column-set.js'
import {formatHPAMetrics, type Metric} from './hpa-metrics.js'

interface HorizontalPodAutoscalerFields extends KubeObject {
  spec?: {
    scaleTargetRef?: {kind?: string; name?: string}
    minReplicas?: number | null
    maxReplicas?: number
    metrics?: Metric[]
  }
  status?: {currentReplicas?: number; currentMetrics?: Metric[] | null}
}

// kubectl: pkg/printers/internalversion/printers.go horizontalPodAutoscalerColumnDefinitions + printHorizontalPodAutoscaler (v1.32)
/** NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE. */
export const horizontalPodAutoscalerColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Reference', 'string', 'The object being scaled, as Kind/name.'),
    column('Targets', 'string', 'Current and target values of each metric.'),
    column('MinPods', 'string', 'The lower bound of the replica count.'),
    column('MaxPods', 'string', 'The upper bound of the replica count.'),
    column('Replicas', 'string', 'The current replica count.'),
    ageColumn(),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const hpa = object as HorizontalPodAutoscalerFields
    const spec = hpa.spec ?? {}
    const minReplicas = spec.minReplicas
    return [
      hpa.metadata.name ?? '',
      `${spec.scaleTargetRef?.kind ?? ''}/${spec.scaleTargetRef?.name ?? ''}`,
      formatHPAMetrics(spec.metrics, hpa.status?.currentMetrics ?? undefined),
      typeof minReplicas === 'number' ? String(minReplicas) : '<unset>',
      spec.maxReplicas ?? 0,
      hpa.status?.currentReplicas ?? 0,
      translateTimestampSince(hpa.metadata.creationTimestamp, now),
    ]
  },
}
