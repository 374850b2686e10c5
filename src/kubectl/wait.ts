import type {Backend} from '../backend/backend.js'
import {isJsonObject, type KubeObject} from '../backend/object.js'
import type {ResourceRef} from '../backend/refs.js'
import {hasReason} from '../backend/status.js'
import {findJsonPathResults} from '../output/jsonpath/execute.js'
import type {JsonPathTemplate} from '../output/jsonpath/nodes.js'
import {parseJsonPath} from '../output/jsonpath/parser.js'
import {relaxedJsonPathExpression} from '../output/jsonpath/relaxed.js'
import {formatGoNumber} from '../resources/go-format.js'

/** What `wait --for` waits for. */
export type WaitCondition =
  | {type: 'delete'}
  | {type: 'create'}
  | {type: 'condition'; name: string; status: string}
  | {type: 'jsonpath'; template: JsonPathTemplate; value: string | undefined}

/** Parses --for as kubectl wait conditionFuncFor does (pkg/cmd/wait/wait.go, v1.32). */
export function parseWaitFor(text: string): WaitCondition {
  const lower = text.toLowerCase()
  if (lower === 'delete') return {type: 'delete'}
  if (lower === 'create') return {type: 'create'}
  if (lower.startsWith('condition=')) {
    const rest = text.slice('condition='.length)
    const eq = rest.indexOf('=')
    // a bare condition means status True; the value is compared case-insensitively
    return eq < 0
      ? {type: 'condition', name: rest, status: 'true'}
      : {type: 'condition', name: rest.slice(0, eq), status: rest.slice(eq + 1)}
  }
  if (lower.startsWith('jsonpath=')) {
    const parts = text.slice('jsonpath='.length).split('=')
    if (parts.length > 2) {
      throw new Error(
        "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'",
      )
    }
    const template = parseJsonPath(relaxedJsonPathExpression(parts[0] ?? ''))
    if (parts.length === 1) return {type: 'jsonpath', template, value: undefined}
    const value = (parts[1] ?? '').replace(/^['"]+|['"]+$/g, '')
    if (value === '') throw new Error('jsonpath wait has to have a value after equal sign')
    return {type: 'jsonpath', template, value}
  }
  throw new Error(`unrecognized condition: "${text}"`)
}

interface Condition {
  type?: unknown
  status?: unknown
  observedGeneration?: unknown
}

/** True when an existing object meets a condition or jsonpath wait (delete and create are decided by existence). */
export function isConditionMet(object: KubeObject, condition: WaitCondition): boolean {
  if (condition.type === 'create') return true
  if (condition.type === 'delete') return false
  if (condition.type === 'condition') return hasCondition(object, condition.name, condition.status)
  return matchesJsonPath(object, condition.template, condition.value)
}

// kubectl ConditionalWait.checkCondition: the first condition of that type decides, unless it is stale
function hasCondition(object: KubeObject, name: string, status: string): boolean {
  const objectStatus = object['status']
  const conditions = isJsonObject(objectStatus) ? objectStatus['conditions'] : undefined
  if (!Array.isArray(conditions)) return false
  for (const entry of conditions as Condition[]) {
    if (typeof entry.type !== 'string' || entry.type.toLowerCase() !== name.toLowerCase()) continue
    if (typeof entry.status !== 'string') continue
    const generation = object.metadata.generation
    const observed =
      typeof entry.observedGeneration === 'number'
        ? entry.observedGeneration
        : isJsonObject(objectStatus) && typeof objectStatus['observedGeneration'] === 'number'
          ? objectStatus['observedGeneration']
          : undefined
    if (generation !== undefined && observed !== undefined && observed < generation) return false
    return entry.status.toLowerCase() === status.toLowerCase()
  }
  return false
}

// kubectl JSONPathWait.checkCondition: one value must be found; it is compared as Go's %v prints it
function matchesJsonPath(object: KubeObject, template: JsonPathTemplate, value: string | undefined): boolean {
  const results = findJsonPathResults(template, object, {allowMissingKeys: true})
  const first = results[0]
  if (!first || first.length === 0) return false
  if (results.length > 1) throw new Error('given jsonpath expression matches more than one list')
  if (first.length > 1) throw new Error('given jsonpath expression matches more than one value')
  if (value === undefined) return true
  const found = first[0]
  if (Array.isArray(found) || isJsonObject(found)) {
    throw new Error('jsonpath leads to a nested object or list which is not supported')
  }
  const text = typeof found === 'number' ? formatGoNumber(found) : String(found)
  return text === value
}

/** How long and how often to look. */
export interface WaitTiming {
  /** 0 looks once */
  timeoutMs: number
  pollMs: number
  now: () => number
  sleep: (ms: number) => Promise<void>
}

/** One object to wait on; `uid` tells a replacement from the object that was meant. */
export interface WaitTarget {
  ref: ResourceRef
  name: string
  uid?: string | undefined
  /** the object as first read, printed when it is deleted before the next read */
  object?: KubeObject | undefined
}

/** The outcome for one object: met or not, with the last object seen (for printing). */
export interface WaitOutcome {
  met: boolean
  object: KubeObject | undefined
}

/** Reads the object until the condition holds or the time is up. */
export async function waitForCondition(
  backend: Backend,
  target: WaitTarget,
  condition: WaitCondition,
  timing: WaitTiming,
): Promise<WaitOutcome> {
  const deadline = timing.now() + timing.timeoutMs
  let last = target.object
  for (;;) {
    let object: KubeObject | undefined
    try {
      object = await backend.get(target.ref, target.name)
    } catch (error) {
      if (!hasReason(error, 'NotFound')) throw error
    }
    const gone = object === undefined || (target.uid !== undefined && object.metadata.uid !== target.uid)
    if (condition.type === 'delete') {
      if (gone) return {met: true, object: last}
    } else if (object !== undefined && isConditionMet(object, condition)) {
      return {met: true, object}
    }
    last = object ?? last
    if (timing.now() >= deadline) return {met: false, object: last}
    await timing.sleep(Math.min(timing.pollMs, Math.max(0, deadline - timing.now())))
  }
}
