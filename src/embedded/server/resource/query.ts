import type {DeleteOptions, ListOptions, LogOptions} from '../../../backend/backend.js'
import {isJsonObject} from '../../../backend/object.js'
import {badRequest, invalid} from '../../../backend/status.js'
import {goQuote} from '../../../resources/go-format.js'
import type {FieldValidation} from './field-validation.js'

/** The write options a handler needs: dryRun, fieldManager, force and fieldValidation. */
export interface WriteQuery {
  dryRun: boolean
  fieldManager?: string
  force?: boolean
  fieldValidation: FieldValidation
}

/** The watch parameters of a list request (metav1.ListOptions, v1.32). */
export interface WatchQuery {
  watch: boolean
  allowWatchBookmarks: boolean
  timeoutSeconds?: number
  sendInitialEvents?: boolean
}

type OptionsKind = 'CreateOptions' | 'UpdateOptions' | 'PatchOptions' | 'DeleteOptions' | 'ListOptions'

// kube-apiserver refuses bad options as Invalid errors on the options kind (ValidateDryRun etc., v1.32)
function invalidOption(kind: OptionsKind, field: string, message: string): Error {
  return invalid({group: 'meta.k8s.io', kind}, '', [{reason: 'FieldValueNotSupported', field, message}])
}

function isTrue(value: string | null): boolean {
  // Go's strconv.ParseBool spellings (the Python client sends watch=True)
  return value === 'true' || value === '1' || value === 'True' || value === 'TRUE' || value === 't' || value === 'T'
}

/** Whether the query asks for a watch (`watch=true` in any of Go's spellings). */
export function wantsWatch(query: URLSearchParams): boolean {
  return isTrue(query.get('watch'))
}

const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n

// the parameter codec's strconv.ParseInt(value, 10, 64), with its errors as the BadRequest message
// (apimachinery runtime/conversion.go, handlers/get.go DecodeParameters, v1.32)
function integer(query: URLSearchParams, key: string): number | undefined {
  const value = query.get(key)
  if (value === null || value === '') return undefined
  if (!/^[+-]?\d+$/.test(value)) throw badRequest(`strconv.ParseInt: parsing ${goQuote(value)}: invalid syntax`)
  const parsed = BigInt(value)
  if (parsed < INT64_MIN || parsed > INT64_MAX) {
    throw badRequest(`strconv.ParseInt: parsing ${goQuote(value)}: value out of range`)
  }
  return Number(parsed)
}

function dryRunOf(values: readonly unknown[], kind: OptionsKind): boolean {
  if (values.length === 0) return false
  if (values.some((v) => v !== 'All')) {
    const list = values.map((v) => JSON.stringify(v)).join(', ')
    throw invalidOption(kind, 'dryRun', `Unsupported value: []string{${list}}: supported values: "All"`)
  }
  return true
}

/** list and watch selectors, chunking and resourceVersion. */
export function listOptions(query: URLSearchParams): ListOptions {
  const options: ListOptions = {}
  const labelSelector = query.get('labelSelector')
  const fieldSelector = query.get('fieldSelector')
  const limit = integer(query, 'limit')
  const next = query.get('continue')
  const resourceVersion = query.get('resourceVersion')
  const match = query.get('resourceVersionMatch')
  if (labelSelector) options.labelSelector = labelSelector
  if (fieldSelector) options.fieldSelector = fieldSelector
  if (limit !== undefined && limit > 0) options.limit = limit
  if (next) options.continue = next
  if (resourceVersion !== null) options.resourceVersion = resourceVersion
  // apimachinery's ValidateListOptions (v1.32); a watch's are checked by watchQuery
  if (match !== null && match !== '' && !isTrue(query.get('watch'))) {
    if (match !== 'Exact' && match !== 'NotOlderThan') {
      throw invalidOption(
        'ListOptions',
        'resourceVersionMatch',
        `Unsupported value: "${match}": supported values: "Exact", "NotOlderThan"`,
      )
    }
    if (resourceVersion === null || resourceVersion === '') {
      throw invalidOption(
        'ListOptions',
        'resourceVersionMatch',
        'Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided',
      )
    }
    if (next) {
      throw invalidOption(
        'ListOptions',
        'resourceVersionMatch',
        'Forbidden: resourceVersionMatch is forbidden when continue is provided',
      )
    }
  }
  if (next && resourceVersion !== null && resourceVersion !== '' && resourceVersion !== '0') {
    throw badRequest('specifying resource version is not allowed when using continue')
  }
  return options
}

/** The watch parameters; `/watch/` paths are watches whatever the query says. */
export function watchQuery(query: URLSearchParams, legacyWatchPath = false): WatchQuery {
  const result: WatchQuery = {
    watch: legacyWatchPath || wantsWatch(query),
    allowWatchBookmarks: isTrue(query.get('allowWatchBookmarks')),
  }
  // 0 means the server's default; a negative one has passed already (handlers/get.go, v1.32)
  const timeout = integer(query, 'timeoutSeconds')
  if (timeout !== undefined && timeout !== 0) result.timeoutSeconds = timeout
  const initial = query.get('sendInitialEvents')
  if (initial !== null && initial !== '') {
    result.sendInitialEvents = isTrue(initial)
    // ValidateListOptions: sendInitialEvents is for watches that allow bookmarks with NotOlderThan (v1.32)
    if (!result.watch) {
      throw invalidOption('ListOptions', 'sendInitialEvents', 'Forbidden: sendInitialEvents is forbidden for list')
    }
    if (query.get('resourceVersionMatch') !== 'NotOlderThan') {
      throw invalidOption(
        'ListOptions',
        'resourceVersionMatch',
        'Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan',
      )
    }
    if (!result.allowWatchBookmarks) {
      throw invalidOption(
        'ListOptions',
        'allowWatchBookmarks',
        'Forbidden: sendInitialEvents requires setting allowWatchBookmarks to true',
      )
    }
  }
  const match = query.get('resourceVersionMatch')
  if (result.watch && match !== null && match !== '') {
    if (result.sendInitialEvents === undefined) {
      throw invalidOption(
        'ListOptions',
        'resourceVersionMatch',
        'Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided',
      )
    }
    if (match !== 'NotOlderThan') {
      throw invalidOption(
        'ListOptions',
        'resourceVersionMatch',
        `Unsupported value: "${match}": supported values: "NotOlderThan"`,
      )
    }
  }
  return result
}

/** create/update/patch options; fieldValidation defaults to Warn, as kube-apiserver v1.27+ does. */
export function writeQuery(
  query: URLSearchParams,
  kind: 'CreateOptions' | 'UpdateOptions' | 'PatchOptions',
): WriteQuery {
  const options: WriteQuery = {dryRun: dryRunOf(query.getAll('dryRun'), kind), fieldValidation: 'Warn'}
  const fieldManager = query.get('fieldManager')
  if (fieldManager) options.fieldManager = fieldManager
  const force = query.get('force')
  if (force !== null) {
    if (kind !== 'PatchOptions') throw badRequest('force is only supported for apply patches')
    options.force = isTrue(force)
  }
  const validation = query.get('fieldValidation')
  if (validation !== null && validation !== '') {
    if (validation !== 'Strict' && validation !== 'Warn' && validation !== 'Ignore') {
      throw invalidOption(
        kind,
        'fieldValidation',
        `Unsupported value: "${validation}": supported values: "Ignore", "Strict", "Warn"`,
      )
    }
    options.fieldValidation = validation
  }
  return options
}

/** DeleteOptions from the query and the body (either may carry them; the query wins, as kube-apiserver decodes it last). */
export function deleteOptions(query: URLSearchParams, body: unknown): DeleteOptions {
  const options: DeleteOptions = {}
  if (body !== undefined && !isJsonObject(body)) {
    throw badRequest(
      'the body of the request was in an unknown format - accepted media types include: application/json',
    )
  }
  const fromBody = isJsonObject(body) ? body : {}
  const policy = query.get('propagationPolicy') ?? fromBody['propagationPolicy']
  const orphan = query.get('orphanDependents') ?? fromBody['orphanDependents']
  if (policy !== undefined && policy !== null && policy !== '') {
    if (policy !== 'Background' && policy !== 'Foreground' && policy !== 'Orphan') {
      throw invalidOption(
        'DeleteOptions',
        'propagationPolicy',
        `Unsupported value: "${String(policy)}": supported values: "Foreground", "Background", "Orphan", "nil"`,
      )
    }
    if (orphan !== undefined && orphan !== null) {
      throw invalidOption(
        'DeleteOptions',
        'propagationPolicy',
        'Invalid value: "' + policy + '": orphanDependents and deletionPropagation cannot be both set',
      )
    }
    options.propagationPolicy = policy
  } else if (orphan === true || orphan === 'true') {
    options.propagationPolicy = 'Orphan'
  } else if (orphan === false || orphan === 'false') {
    options.propagationPolicy = 'Background'
  }
  const grace = query.get('gracePeriodSeconds') ?? fromBody['gracePeriodSeconds']
  if (grace !== undefined && grace !== null && grace !== '') {
    const seconds = Number(grace)
    if (!Number.isInteger(seconds)) throw badRequest(`invalid value for gracePeriodSeconds: ${String(grace)}`)
    options.gracePeriodSeconds = seconds
  }
  const bodyDryRun = Array.isArray(fromBody['dryRun']) ? (fromBody['dryRun'] as unknown[]) : []
  if (dryRunOf([...query.getAll('dryRun'), ...bodyDryRun], 'DeleteOptions')) options.dryRun = true
  if (isJsonObject(fromBody['preconditions'])) {
    const pre = fromBody['preconditions']
    options.preconditions = {}
    if (typeof pre['uid'] === 'string') options.preconditions.uid = pre['uid']
    if (typeof pre['resourceVersion'] === 'string') options.preconditions.resourceVersion = pre['resourceVersion']
  }
  return options
}

/** pods/log options (PodLogOptions, v1.32), refusing the values kube-apiserver refuses. */
export function logOptions(query: URLSearchParams): LogOptions {
  const options: LogOptions = {}
  const container = query.get('container')
  if (container) options.container = container
  if (isTrue(query.get('follow'))) options.follow = true
  if (isTrue(query.get('previous'))) options.previous = true
  if (isTrue(query.get('timestamps'))) options.timestamps = true
  const causes: {reason: string; field: string; message: string}[] = []
  const tailLines = integer(query, 'tailLines')
  if (tailLines !== undefined) {
    if (tailLines < 0)
      causes.push({
        reason: 'FieldValueInvalid',
        field: 'tailLines',
        message: `Invalid value: ${tailLines}: must be greater than or equal to 0`,
      })
    options.tailLines = tailLines
  }
  const sinceSeconds = integer(query, 'sinceSeconds')
  if (sinceSeconds !== undefined) {
    if (sinceSeconds < 1)
      causes.push({
        reason: 'FieldValueInvalid',
        field: 'sinceSeconds',
        message: `Invalid value: ${sinceSeconds}: must be greater than 0`,
      })
    options.sinceSeconds = sinceSeconds
  }
  const limitBytes = integer(query, 'limitBytes')
  if (limitBytes !== undefined) {
    if (limitBytes < 1)
      causes.push({
        reason: 'FieldValueInvalid',
        field: 'limitBytes',
        message: `Invalid value: ${limitBytes}: must be greater than 0`,
      })
    options.limitBytes = limitBytes
  }
  const sinceTime = query.get('sinceTime')
  if (sinceTime) {
    if (options.sinceSeconds !== undefined)
      causes.push({
        reason: 'FieldValueForbidden',
        field: '',
        message: 'at most one of `sinceTime` or `sinceSeconds` may be specified',
      })
    options.sinceTime = sinceTime
  }
  if (causes.length > 0) throw invalid({group: '', kind: 'PodLogOptions'}, '', causes)
  return options
}
