// kubectl: pkg/describe/describe.go HorizontalPodAutoscalerDescriber (v1.32): autoscaling/v2
// when the server has it, else autoscaling/v1.
import type {KubeObject} from '../../backend/object.js'
import {isStatusError} from '../../backend/status.js'
import {eventsFor, type DescribeContext} from './context.js'
import {describeEvents} from './events.js'
import {printAnnotationsMultiline, printLabelsMultiline} from './multiline.js'
import {LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString, type PrefixWriter} from './prefix-writer.js'
import {optionalQuantityString} from '../../resources/quantity.js'
import {formatRFC1123Z} from './time.js'

interface MetricTarget {
  type?: string
  value?: unknown
  averageValue?: unknown
  averageUtilization?: number
}

interface MetricValue {
  value?: unknown
  averageValue?: unknown
  averageUtilization?: number
}

interface MetricSpec {
  type?: string
  external?: {metric?: {name?: string}; target?: MetricTarget}
  pods?: {metric?: {name?: string}; target?: MetricTarget}
  object?: {metric?: {name?: string}; describedObject?: {kind?: string; name?: string}; target?: MetricTarget}
  resource?: {name?: string; target?: MetricTarget}
  containerResource?: {name?: string; container?: string; target?: MetricTarget}
}

interface MetricStatus {
  external?: {current?: MetricValue}
  pods?: {current?: MetricValue}
  object?: {current?: MetricValue}
  resource?: {current?: MetricValue}
  containerResource?: {current?: MetricValue}
}

interface ScalingRules {
  stabilizationWindowSeconds?: number
  selectPolicy?: string
  policies?: {type?: string; value?: number; periodSeconds?: number}[]
}

interface HorizontalPodAutoscaler extends KubeObject {
  spec?: {
    scaleTargetRef?: {kind?: string; name?: string}
    minReplicas?: number
    maxReplicas?: number
    metrics?: MetricSpec[]
    behavior?: {scaleUp?: ScalingRules; scaleDown?: ScalingRules}
    targetCPUUtilizationPercentage?: number
  }
  status?: {
    currentReplicas?: number
    desiredReplicas?: number
    currentMetrics?: MetricStatus[]
    currentCPUUtilizationPercentage?: number
    conditions?: {type?: string; status?: string; reason?: string; message?: string}[]
  }
}

function utilization(current: MetricValue | undefined): string {
  if (current?.averageUtilization === undefined || current.averageUtilization === null) return '<unknown>'
  return `${current.averageUtilization}% (${optionalQuantityString(current.averageValue)})`
}

function writeResourceMetric(
  w: PrefixWriter,
  label: string,
  target: MetricTarget | undefined,
  current: MetricValue | undefined,
  hasCurrent: boolean,
): void {
  w.write(LEVEL_1, label)
  if (target?.averageValue !== undefined && target.averageValue !== null) {
    const value = hasCurrent ? optionalQuantityString(current?.averageValue) : '<unknown>'
    w.write(LEVEL_0, `:\t${value} / ${optionalQuantityString(target.averageValue)}\n`)
    return
  }
  const value = hasCurrent ? utilization(current) : '<unknown>'
  const goal =
    target?.averageUtilization === undefined || target.averageUtilization === null
      ? '<auto>'
      : `${target.averageUtilization}%`
  w.write(LEVEL_1, `(as a percentage of request):\t${value} / ${goal}\n`)
}

function writeMetric(w: PrefixWriter, metric: MetricSpec, status: MetricStatus | undefined): void {
  switch (metric.type) {
    case 'External': {
      const name = JSON.stringify(metric.external?.metric?.name ?? '')
      const target = metric.external?.target
      const current = status?.external?.current
      if (target?.averageValue !== undefined && target.averageValue !== null) {
        const value = current?.averageValue !== undefined ? optionalQuantityString(current.averageValue) : '<unknown>'
        w.write(LEVEL_1, `${name} (target average value):\t${value} / ${optionalQuantityString(target.averageValue)}\n`)
      } else {
        const value = status?.external ? optionalQuantityString(current?.value) : '<unknown>'
        w.write(LEVEL_1, `${name} (target value):\t${value} / ${optionalQuantityString(target?.value)}\n`)
      }
      return
    }
    case 'Pods': {
      const value = status?.pods ? optionalQuantityString(status.pods.current?.averageValue) : '<unknown>'
      const name = JSON.stringify(metric.pods?.metric?.name ?? '')
      w.write(LEVEL_1, `${name} on pods:\t${value} / ${optionalQuantityString(metric.pods?.target?.averageValue)}\n`)
      return
    }
    case 'Object': {
      const object = metric.object
      const described = object?.describedObject
      w.write(LEVEL_1, `"${object?.metric?.name ?? ''}" on ${described?.kind ?? ''}/${described?.name ?? ''} `)
      if (object?.target?.type === 'AverageValue') {
        const value = status?.object ? optionalQuantityString(status.object.current?.averageValue) : '<unknown>'
        w.write(LEVEL_0, `(target average value):\t${value} / ${optionalQuantityString(object.target.averageValue)}\n`)
      } else {
        const value = status?.object ? optionalQuantityString(status.object.current?.value) : '<unknown>'
        w.write(LEVEL_0, `(target value):\t${value} / ${optionalQuantityString(object?.target?.value)}\n`)
      }
      return
    }
    case 'Resource':
      writeResourceMetric(
        w,
        `resource ${metric.resource?.name ?? ''} on pods`,
        metric.resource?.target,
        status?.resource?.current,
        status?.resource !== undefined,
      )
      return
    case 'ContainerResource': {
      const resource = metric.containerResource
      writeResourceMetric(
        w,
        `resource ${resource?.name ?? ''} of container "${resource?.container ?? ''}" on pods`,
        resource?.target,
        status?.containerResource?.current,
        status?.containerResource !== undefined,
      )
      return
    }
    default:
      w.write(LEVEL_1, `<unknown metric type ${JSON.stringify(metric.type ?? '')}>\n`)
  }
}

function printDirectionBehavior(w: PrefixWriter, direction: string, rules: ScalingRules | undefined): void {
  if (!rules) return
  w.write(LEVEL_1, `${direction}:\n`)
  if (rules.stabilizationWindowSeconds !== undefined && rules.stabilizationWindowSeconds !== null) {
    w.write(LEVEL_2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`)
  }
  const policies = rules.policies ?? []
  if (policies.length === 0) return
  w.write(LEVEL_2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`)
  w.write(LEVEL_2, 'Policies:\n')
  for (const p of policies) {
    w.write(LEVEL_3, `- Type: ${p.type ?? ''}\tValue: ${p.value ?? 0}\tPeriod: ${p.periodSeconds ?? 0} seconds\n`)
  }
}

function writeHeader(w: PrefixWriter, hpa: HorizontalPodAutoscaler): void {
  w.write(LEVEL_0, `Name:\t${hpa.metadata.name ?? ''}\n`)
  w.write(LEVEL_0, `Namespace:\t${hpa.metadata.namespace ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', hpa.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', hpa.metadata.annotations)
  w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(hpa.metadata.creationTimestamp)}\n`)
  const target = hpa.spec?.scaleTargetRef
  w.write(LEVEL_0, `Reference:\t${target?.kind ?? ''}/${target?.name ?? ''}\n`)
}

function writeReplicas(w: PrefixWriter, hpa: HorizontalPodAutoscaler, withBehavior: boolean): void {
  const spec = hpa.spec ?? {}
  const min = spec.minReplicas === undefined || spec.minReplicas === null ? '<unset>' : String(spec.minReplicas)
  w.write(LEVEL_0, `Min replicas:\t${min}\n`)
  w.write(LEVEL_0, `Max replicas:\t${spec.maxReplicas ?? 0}\n`)
  if (withBehavior && spec.behavior) {
    w.write(LEVEL_0, 'Behavior:\n')
    printDirectionBehavior(w, 'Scale Up', spec.behavior.scaleUp)
    printDirectionBehavior(w, 'Scale Down', spec.behavior.scaleDown)
  }
  w.write(LEVEL_0, `${spec.scaleTargetRef?.kind ?? ''} pods:\t`)
  w.write(LEVEL_0, `${hpa.status?.currentReplicas ?? 0} current / ${hpa.status?.desiredReplicas ?? 0} desired\n`)
}

function describeV2(hpa: HorizontalPodAutoscaler, w: PrefixWriter): void {
  writeHeader(w, hpa)
  w.write(LEVEL_0, 'Metrics:\t( current / target )\n')
  const current = hpa.status?.currentMetrics ?? []
  ;(hpa.spec?.metrics ?? []).forEach((metric, i) => writeMetric(w, metric, current[i]))
  writeReplicas(w, hpa, true)
  const conditions = hpa.status?.conditions ?? []
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n')
    w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n')
    w.write(LEVEL_1, '----\t------\t------\t-------\n')
    for (const c of conditions) {
      w.write(LEVEL_1, `${c.type ?? ''}\t${c.status ?? ''}\t${c.reason ?? ''}\t${c.message ?? ''}\n`)
    }
  }
}

function describeV1(hpa: HorizontalPodAutoscaler, w: PrefixWriter): void {
  writeHeader(w, hpa)
  const target = hpa.spec?.targetCPUUtilizationPercentage
  if (target !== undefined && target !== null) {
    w.write(LEVEL_0, `Target CPU utilization:\t${target}%\n`)
    const current = hpa.status?.currentCPUUtilizationPercentage
    w.write(
      LEVEL_0,
      `Current CPU utilization:\t${current === undefined || current === null ? '<unknown>' : current}%\n`,
    )
  }
  writeReplicas(w, hpa, false)
}

async function asV2(object: KubeObject, context: DescribeContext): Promise<HorizontalPodAutoscaler | undefined> {
  if (object.apiVersion === 'autoscaling/v2') return object
  const ref = {
    group: 'autoscaling',
    version: 'v2',
    resource: 'horizontalpodautoscalers',
    namespace: object.metadata.namespace ?? '',
  }
  try {
    return await context.backend.get(ref, object.metadata.name ?? '')
  } catch (error) {
    if (isStatusError(error)) return undefined
    throw error
  }
}

/** Describes a HorizontalPodAutoscaler in its autoscaling/v2 form when the server serves it. */
export async function describeHorizontalPodAutoscaler(object: KubeObject, context: DescribeContext): Promise<string> {
  const v2 = await asV2(object, context)
  const hpa: HorizontalPodAutoscaler = v2 ?? object
  const events = await eventsFor(context, hpa)
  return tabbedString((w) => {
    if (v2) describeV2(v2, w)
    else describeV1(hpa, w)
    if (events) describeEvents(events, w, context.now)
  })
}
