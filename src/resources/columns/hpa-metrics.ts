import {optionalQuantityString} from '../quantity.js'

/** A metric target or current value of autoscaling/v2. */
interface MetricValue {
  type?: string
  value?: string
  averageValue?: string
  averageUtilization?: number
}

interface MetricSource {
  name?: string
  target?: MetricValue
  current?: MetricValue
}

/** One entry of spec.metrics or status.currentMetrics of an autoscaling/v2 HorizontalPodAutoscaler. */
export interface Metric {
  type?: string
  resource?: MetricSource
  containerResource?: MetricSource
  pods?: MetricSource
  object?: MetricSource
  external?: MetricSource
}

// kubectl: printers.go formatHPAMetrics shows two metrics, then `+ N more...` (v1.32)
const MAX_LISTED = 2
const UNKNOWN = '<unknown>'

/**
 * The TARGETS cell: `cpu: 45%/80%`, `memory: 100Mi/200Mi`, `5/10 (avg)`, `<none>`.
 * kubectl: pkg/printers/internalversion/printers.go formatHPAMetrics (v1.32)
 */
export function formatHPAMetrics(specs: Metric[] | undefined, statuses: Metric[] | undefined): string {
  const metrics = specs ?? []
  if (metrics.length === 0) return '<none>'
  const list = metrics.map((spec, i) => formatMetric(spec, statuses?.[i]))
  if (list.length > MAX_LISTED) return `${list.slice(0, MAX_LISTED).join(', ')} + ${list.length - MAX_LISTED} more...`
  return list.join(', ')
}

function formatMetric(spec: Metric, status: Metric | undefined): string {
  switch (spec.type) {
    case 'External':
      return valueOrAverage(spec.external?.target, status?.external)
    case 'Object':
      return valueOrAverage(spec.object?.target, status?.object)
    case 'Pods':
      return `${status?.pods ? optionalQuantityString(status.pods.current?.averageValue) : UNKNOWN}/${optionalQuantityString(spec.pods?.target?.averageValue)}`
    case 'Resource':
      return resourceMetric(spec.resource, status?.resource)
    case 'ContainerResource':
      return resourceMetric(spec.containerResource, status?.containerResource)
    default:
      return '<unknown type>'
  }
}

function valueOrAverage(target: MetricValue | undefined, status: MetricSource | undefined): string {
  if (target?.averageValue !== undefined) {
    const current = status?.current?.averageValue
    return `${current === undefined ? UNKNOWN : current}/${target.averageValue} (avg)`
  }
  return `${status ? optionalQuantityString(status.current?.value) : UNKNOWN}/${optionalQuantityString(target?.value)}`
}

function resourceMetric(spec: MetricSource | undefined, status: MetricSource | undefined): string {
  const name = spec?.name ?? ''
  const target = spec?.target
  if (target?.averageValue !== undefined) {
    return `${name}: ${status ? optionalQuantityString(status.current?.averageValue) : UNKNOWN}/${target.averageValue}`
  }
  const utilization = status?.current?.averageUtilization
  const current = utilization === undefined ? UNKNOWN : `${utilization}%`
  const wanted = target?.averageUtilization === undefined ? '<auto>' : `${target.averageUtilization}%`
  return `${name}: ${current}/${wanted}`
}
