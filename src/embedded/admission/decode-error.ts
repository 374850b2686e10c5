// Errors kube-apiserver raises while decoding a request body, before defaulting and validation:
// a quantity that does not parse, or Secret/ConfigMap bytes that are not base64. The API server
// answers 400 BadRequest `<Kind> in version "<v>" cannot be handled as a <Kind>: <error>`.
import type {KubeObject} from '../../backend/object.js'
import type {ResourceInfo} from '../../backend/refs.js'
import {isQuantity, tryParseQuantity} from '../../resources/quantity.js'
import {arr, isSet, obj} from './json.js'

const BASE64_ALPHABET = /[A-Za-z0-9+/]/

/**
 * The position Go's base64.StdEncoding reports for bad input ("illegal base64 data at input
 * byte N"), or undefined when the text decodes. Newlines are skipped, padding is required.
 */
export function base64ErrorOffset(text: string): number | undefined {
  let i = 0
  const isNewline = (c: string | undefined): boolean => c === '\n' || c === '\r'
  while (i < text.length) {
    let j = 0
    while (j < 4) {
      if (i === text.length) {
        if (j === 0) return undefined
        return i - j
      }
      const c = text[i] ?? ''
      i++
      if (BASE64_ALPHABET.test(c)) {
        j++
        continue
      }
      if (isNewline(c)) continue
      if (c !== '=') return i - 1
      if (j < 2) return i - 1
      if (j === 2) {
        while (i < text.length && isNewline(text[i])) i++
        if (i === text.length) return text.length
        if (text[i] !== '=') return i - 1
        i++
      }
      while (i < text.length && isNewline(text[i])) i++
      return i < text.length ? i : undefined
    }
  }
  return undefined
}

function firstQuantityError(values: unknown[]): string | undefined {
  for (const value of values) {
    if (!isSet(value)) continue
    const parsed = tryParseQuantity(value)
    if (!isQuantity(parsed)) return parsed.error
  }
  return undefined
}

function listValues(list: unknown): unknown[] {
  return Object.values(obj(list))
}

function containerQuantities(spec: unknown): unknown[] {
  const s = obj(spec)
  const values: unknown[] = []
  for (const field of ['initContainers', 'containers', 'ephemeralContainers']) {
    for (const container of arr(s[field])) {
      const resources = obj(obj(container)['resources'])
      values.push(...listValues(resources['limits']), ...listValues(resources['requests']))
      for (const variable of arr(obj(container)['env'])) {
        values.push(obj(obj(obj(variable)['valueFrom'])['resourceFieldRef'])['divisor'])
      }
    }
  }
  for (const volume of arr(s['volumes'])) values.push(obj(obj(volume)['emptyDir'])['sizeLimit'])
  values.push(...listValues(s['overhead']))
  const podResources = obj(s['resources'])
  values.push(...listValues(podResources['limits']), ...listValues(podResources['requests']))
  return values
}

function claimQuantities(claim: unknown): unknown[] {
  const resources = obj(obj(obj(claim)['spec'])['resources'])
  return [...listValues(resources['requests']), ...listValues(resources['limits'])]
}

// Every quantity field of the kinds a kubectl user writes, in roughly document order.
function quantities(info: ResourceInfo, object: KubeObject): unknown[] {
  const spec = obj(object['spec'])
  const status = obj(object['status'])
  switch (`${info.group}/${info.kind}`) {
    case '/Pod':
      return containerQuantities(spec)
    case '/PodTemplate':
      return containerQuantities(obj(obj(object['template'])['spec']))
    case 'apps/StatefulSet':
      return [
        ...containerQuantities(obj(spec['template'])['spec']),
        ...arr(spec['volumeClaimTemplates']).flatMap(claimQuantities),
      ]
    case 'apps/Deployment':
    case 'apps/ReplicaSet':
    case 'apps/DaemonSet':
    case 'batch/Job':
    case '/ReplicationController':
      return containerQuantities(obj(spec['template'])['spec'])
    case 'batch/CronJob':
      return containerQuantities(obj(obj(obj(spec['jobTemplate'])['spec'])['template'])['spec'])
    case '/PersistentVolumeClaim':
      return [...claimQuantities(object), ...listValues(status['capacity'])]
    case '/PersistentVolume':
      return listValues(spec['capacity'])
    case '/Node':
      return [...listValues(status['capacity']), ...listValues(status['allocatable'])]
    case '/ResourceQuota':
      return [...listValues(spec['hard']), ...listValues(status['hard']), ...listValues(status['used'])]
    case '/LimitRange':
      return arr(spec['limits']).flatMap((item) =>
        ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio'].flatMap((f) => listValues(obj(item)[f])),
      )
    case 'autoscaling/HorizontalPodAutoscaler':
      return arr(spec['metrics']).flatMap((metric) =>
        ['object', 'pods', 'resource', 'containerResource', 'external'].flatMap((source) => {
          const target = obj(obj(obj(metric)[source])['target'])
          return [target['value'], target['averageValue']]
        }),
      )
    default:
      return []
  }
}

function base64Error(info: ResourceInfo, object: KubeObject): string | undefined {
  const field =
    info.group === '' && info.kind === 'Secret'
      ? 'data'
      : info.group === '' && info.kind === 'ConfigMap'
        ? 'binaryData'
        : undefined
  if (field === undefined) return undefined
  for (const value of Object.values(obj(object[field]))) {
    if (typeof value !== 'string') continue
    const offset = base64ErrorOffset(value)
    if (offset !== undefined) return `illegal base64 data at input byte ${offset}`
  }
  return undefined
}

/**
 * The 400 BadRequest message kube-apiserver gives a body it cannot decode, e.g.
 * `Deployment in version "v1" cannot be handled as a Deployment: quantities must match the regular
 * expression '...'`; undefined when the body decodes. Check before defaulting.
 */
export function decodeError(info: ResourceInfo, object: KubeObject): string | undefined {
  const problem = firstQuantityError(quantities(info, object)) ?? base64Error(info, object)
  if (problem === undefined) return undefined
  return `${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: ${problem}`
}
