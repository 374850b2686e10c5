// JSON patch (RFC 6902) as gopkg.in/evanphx/json-patch.v4 applies it for kube-apiserver, with its wording.
import type {JsonObject} from '../../backend/object.js'
import {isJsonObject} from '../../backend/object.js'
import {PatchError} from './errors.js'
import {jsonEqual} from '../json-equal.js'
import {hasKey, jsonKind} from './json-values.js'

// apiserver: handlers/patch.go maxJSONPatchOperations (v1.32)
const MAX_JSON_PATCH_OPERATIONS = 10000
const MISSING = 'missing value'
const INVALID_INDEX = 'invalid index referenced'

/** A JSON value that patch operations address: a map or a list. */
type Container = JsonObject | unknown[]

class OperationError extends Error {}

function fail(message: string): never {
  throw new OperationError(message)
}

/** Go's strconv.Atoi: an optional sign and decimal digits. */
function atoi(text: string): number {
  if (!/^[+-]?\d+$/.test(text)) fail(`strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`)
  return Number.parseInt(text, 10)
}

function invalidIndex(index: number): never {
  return fail(`Unable to access invalid index: ${index}: ${INVALID_INDEX}`)
}

function getIn(container: Container, key: string): unknown {
  if (!Array.isArray(container)) return hasKey(container, key) ? container[key] : undefined
  let index = atoi(key)
  if (index < 0) {
    if (index < -container.length) invalidIndex(index)
    index += container.length
  }
  if (index >= container.length) invalidIndex(index)
  return container[index]
}

function addIn(container: Container, key: string, value: unknown): void {
  if (!Array.isArray(container)) {
    container[key] = value
    return
  }
  if (key === '-') {
    container.push(value)
    return
  }
  let index: number
  try {
    index = atoi(key)
  } catch (error) {
    if (!(error instanceof OperationError)) throw error
    return fail(`value was not a proper array index: '${key}': ${error.message}`)
  }
  const size = container.length + 1
  if (index >= size) invalidIndex(index)
  if (index < 0) {
    if (index < -size) invalidIndex(index)
    index += size
  }
  container.splice(index, 0, value)
}

function setIn(container: Container, key: string, value: unknown): void {
  if (!Array.isArray(container)) {
    container[key] = value
    return
  }
  let index = atoi(key)
  if (index < 0) {
    if (index < -container.length) invalidIndex(index)
    index += container.length
  }
  container[index] = value
}

function removeIn(container: Container, key: string): void {
  if (!Array.isArray(container)) {
    if (!hasKey(container, key)) fail(`Unable to remove nonexistent key: ${key}: ${MISSING}`)
    delete container[key]
    return
  }
  let index = atoi(key)
  if (index >= container.length) invalidIndex(index)
  if (index < 0) {
    if (index < -container.length) invalidIndex(index)
    index += container.length
  }
  container.splice(index, 1)
}

function decodeKey(token: string): string {
  return token.replace(/~[01]/g, (escape) => (escape === '~1' ? '/' : '~'))
}

/** The container holding the last token of a path, and that token; undefined when the path leads nowhere. */
function findObject(root: Container, path: string): {container: Container; key: string} | undefined {
  const tokens = path.split('/')
  if (tokens.length < 2) return undefined
  let container = root
  for (const token of tokens.slice(1, -1)) {
    let next: unknown
    try {
      next = getIn(container, decodeKey(token))
    } catch (error) {
      if (error instanceof OperationError) return undefined
      throw error
    }
    if (!Array.isArray(next) && !isJsonObject(next)) return undefined
    container = next
  }
  return {container, key: decodeKey(tokens[tokens.length - 1] ?? '')}
}

const JSON_TYPE_WORDS = {map: 'object', slice: 'array', number: 'number', bool: 'bool', string: 'string', null: 'null'}

/** Go's json.UnmarshalTypeError wording. */
function cannotUnmarshal(value: unknown, goType: string): string {
  return `json: cannot unmarshal ${JSON_TYPE_WORDS[jsonKind(value)]} into Go value of type ${goType}`
}

function stringField(operation: JsonObject, field: 'path' | 'from'): string | undefined {
  const value = operation[field]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') return fail(cannotUnmarshal(value, 'string'))
  return value
}

function wrap(prefix: string, run: () => void): void {
  try {
    run()
  } catch (error) {
    if (error instanceof OperationError) fail(`${prefix}: ${error.message}`)
    throw error
  }
}

function pathOf(operation: JsonObject, decodeFailure: string, passCause: boolean): string {
  let path: string | undefined
  try {
    path = stringField(operation, 'path')
  } catch (error) {
    if (!(error instanceof OperationError)) throw error
    return fail(`${decodeFailure}: ${passCause ? error.message : MISSING}`)
  }
  if (path === undefined) {
    return fail(`${decodeFailure}: ${passCause ? `operation missing path field: ${MISSING}` : MISSING}`)
  }
  return path
}

function fromOf(operation: JsonObject, decodeFailure: string): string {
  let from: string | undefined
  try {
    from = stringField(operation, 'from')
  } catch (error) {
    if (!(error instanceof OperationError)) throw error
    return fail(`${decodeFailure}: ${error.message}`)
  }
  if (from === undefined) return fail(`${decodeFailure}: operation, missing from field: ${MISSING}`)
  return from
}

/** The operation's value: null when it has none (Go keeps a nil node, which encodes as null). */
function valueOf(operation: JsonObject): unknown {
  return structuredClone(operation['value'] ?? null)
}

function applyOperation(holder: {root: Container}, operation: JsonObject): void {
  const op = typeof operation['op'] === 'string' ? operation['op'] : 'unknown'
  switch (op) {
    case 'add': {
      const path = pathOf(operation, 'add operation failed to decode path', false)
      const target = findObject(holder.root, path)
      if (!target) fail(`add operation does not apply: doc is missing path: "${path}": ${MISSING}`)
      wrap(`error in add for path: '${path}'`, () => addIn(target.container, target.key, valueOf(operation)))
      return
    }
    case 'remove': {
      const path = pathOf(operation, 'remove operation failed to decode path', false)
      const target = findObject(holder.root, path)
      if (!target) fail(`remove operation does not apply: doc is missing path: "${path}": ${MISSING}`)
      wrap(`error in remove for path: '${path}'`, () => removeIn(target.container, target.key))
      return
    }
    case 'replace': {
      const path = pathOf(operation, 'replace operation failed to decode path', true)
      if (path === '') {
        const value = valueOf(operation)
        if (!Array.isArray(value) && !isJsonObject(value)) {
          fail('replace operation value must be object or array: %!w(<nil>)')
        }
        holder.root = value
        return
      }
      const target = findObject(holder.root, path)
      if (!target) fail(`replace operation does not apply: doc is missing path: ${path}: ${MISSING}`)
      try {
        getIn(target.container, target.key)
      } catch (error) {
        if (error instanceof OperationError)
          fail(`replace operation does not apply: doc is missing key: ${path}: ${MISSING}`)
        throw error
      }
      // json-patch v4 words a failed replace as a remove.
      wrap(`error in remove for path: '${path}'`, () => setIn(target.container, target.key, valueOf(operation)))
      return
    }
    case 'move': {
      const from = fromOf(operation, 'move operation failed to decode from')
      const source = findObject(holder.root, from)
      if (!source) fail(`move operation does not apply: doc is missing from path: ${from}: ${MISSING}`)
      let value: unknown
      wrap(`error in move for path: '${source.key}'`, () => {
        value = getIn(source.container, source.key)
      })
      wrap(`error in move for path: '${source.key}'`, () => removeIn(source.container, source.key))
      const path = pathOf(operation, 'move operation failed to decode path', true)
      const target = findObject(holder.root, path)
      if (!target) fail(`move operation does not apply: doc is missing destination path: ${path}: ${MISSING}`)
      wrap(`error in move for path: '${path}'`, () => addIn(target.container, target.key, value ?? null))
      return
    }
    case 'test': {
      const path = pathOf(operation, 'test operation failed to decode path', true)
      const failed = `testing value ${path} failed: test failed`
      if (path === '') {
        if (!jsonEqual(holder.root, operation['value'])) fail(failed)
        return
      }
      const target = findObject(holder.root, path)
      if (!target) fail(`test operation does not apply: is missing path: ${path}: ${MISSING}`)
      let actual: unknown
      wrap(`error in test for path: '${path}'`, () => {
        actual = getIn(target.container, target.key)
      })
      const expected = operation['value']
      // A missing or null value matches an absent or null expectation.
      if (actual === undefined || actual === null) {
        if (expected !== undefined && expected !== null) fail(failed)
        return
      }
      if (!jsonEqual(actual, expected)) fail(failed)
      return
    }
    case 'copy': {
      const from = fromOf(operation, 'copy operation failed to decode from')
      const source = findObject(holder.root, from)
      if (!source) fail(`copy operation does not apply: doc is missing from path: ${from}: ${MISSING}`)
      let value: unknown
      wrap(`error in copy for from: '${from}'`, () => {
        value = getIn(source.container, source.key)
      })
      const path = pathOf(operation, 'copy operation failed to decode path', false)
      const target = findObject(holder.root, path)
      if (!target) fail(`copy operation does not apply: doc is missing destination path: ${path}: ${MISSING}`)
      wrap('error while adding value during copy', () =>
        addIn(target.container, target.key, structuredClone(value ?? null)),
      )
      return
    }
    default:
      fail(`Unexpected kind: ${op}`)
  }
}

function decodeOperations(patch: unknown): JsonObject[] {
  if (!Array.isArray(patch)) throw new PatchError(cannotUnmarshal(patch, 'jsonpatch.Patch'), 'BadRequest')
  return patch.map((operation) => {
    // A null operation decodes to an empty one, which fails later as 'Unexpected kind: unknown'.
    if (operation === null) return {}
    if (isJsonObject(operation)) return operation
    throw new PatchError(cannotUnmarshal(operation, 'jsonpatch.Operation'), 'BadRequest')
  })
}

/**
 * Applies a JSON patch (a list of add/remove/replace/move/copy/test operations) to a document, returning a new
 * document. Failures throw PatchError worded as json-patch words them; errorClass says how kube-apiserver
 * answers (400 for a patch that does not decode, 413 past 10000 operations, 422 for an operation that fails).
 */
export function applyJsonPatch(document: unknown, patch: unknown): unknown {
  const operations = decodeOperations(patch)
  if (operations.length > MAX_JSON_PATCH_OPERATIONS) {
    throw new PatchError(
      `The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${operations.length}`,
      'TooLarge',
    )
  }
  const copy = structuredClone(document)
  const holder: {root: Container} = {root: Array.isArray(copy) || isJsonObject(copy) ? copy : {}}
  for (const operation of operations) {
    try {
      applyOperation(holder, operation)
    } catch (error) {
      if (error instanceof OperationError) throw new PatchError(error.message, 'Invalid')
      throw error
    }
  }
  return holder.root
}
