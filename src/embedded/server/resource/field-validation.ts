import {isJsonObject} from '../../../backend/object.js'

/**
 * What the server knows of a type's shape, enough to find unknown fields (apimachinery's strict decoding):
 * an object with declared fields, a map, a list, or a value nothing is known about (anything goes).
 */
export type SchemaNode =
  | {readonly type: 'object'; field(name: string): SchemaNode | undefined}
  | {readonly type: 'map'; readonly values: SchemaNode}
  | {readonly type: 'list'; readonly items: SchemaNode}
  | {readonly type: 'any'}

export const ANY_SCHEMA: SchemaNode = {type: 'any'}

/** fieldValidation: what the server does with unknown and duplicate fields (metav1 FieldValidation, v1.32). */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore'

// strategic merge patch directives are not fields of the type (apimachinery strategicpatch, v1.32)
function isPatchDirective(key: string): boolean {
  return key.startsWith('$') || key.startsWith('$setElementOrder/') || key.startsWith('$deleteFromPrimitiveList/')
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`
}

/**
 * The paths of the fields a value has that its schema does not declare, in document order, as
 * sigs.k8s.io/json's strict decoder names them (`spec.template.spec.containers[0].foo`).
 */
export function unknownFields(value: unknown, schema: SchemaNode, path = ''): string[] {
  switch (schema.type) {
    case 'any':
      return []
    case 'list':
      return Array.isArray(value) ? value.flatMap((item, i) => unknownFields(item, schema.items, `${path}[${i}]`)) : []
    case 'map':
      return isJsonObject(value)
        ? Object.entries(value).flatMap(([key, item]) => unknownFields(item, schema.values, join(path, key)))
        : []
    case 'object': {
      if (!isJsonObject(value)) return []
      const found: string[] = []
      for (const [key, item] of Object.entries(value)) {
        if (isPatchDirective(key)) continue
        const field = schema.field(key)
        if (field === undefined) found.push(join(path, key))
        else found.push(...unknownFields(item, field, join(path, key)))
      }
      return found
    }
  }
}

/** The value without the fields its schema does not declare: what a non-strict decoder keeps. */
export function withoutUnknownFields(value: unknown, schema: SchemaNode): unknown {
  switch (schema.type) {
    case 'any':
      return value
    case 'list':
      return Array.isArray(value) ? value.map((item) => withoutUnknownFields(item, schema.items)) : value
    case 'map':
      return isJsonObject(value)
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutUnknownFields(v, schema.values)]))
        : value
    case 'object': {
      if (!isJsonObject(value)) return value
      const kept: Record<string, unknown> = {}
      for (const [key, item] of Object.entries(value)) {
        const field = isPatchDirective(key) ? ANY_SCHEMA : schema.field(key)
        if (field !== undefined) kept[key] = withoutUnknownFields(item, field)
      }
      return kept
    }
  }
}

/**
 * The paths of keys repeated within one JSON object of a document (JSON.parse keeps the last silently; the
 * API server's strict decoder reports `duplicate field "spec.replicas"`). Assumes the text parsed as JSON.
 */
export function duplicateFields(text: string): string[] {
  const found: string[] = []
  let i = 0
  const skipSpace = (): void => {
    while (i < text.length && /\s/.test(text[i] ?? '')) i++
  }
  const readString = (): string => {
    const start = i
    i++ // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1
    i++ // closing quote
    return JSON.parse(text.slice(start, i)) as string
  }
  const readValue = (path: string): void => {
    skipSpace()
    const c = text[i]
    if (c === '{') {
      i++
      const seen = new Set<string>()
      skipSpace()
      if (text[i] === '}') {
        i++
        return
      }
      for (;;) {
        skipSpace()
        const key = readString()
        if (seen.has(key)) found.push(join(path, key))
        seen.add(key)
        skipSpace()
        i++ // colon
        readValue(join(path, key))
        skipSpace()
        if (text[i++] !== ',') return
      }
    }
    if (c === '[') {
      i++
      skipSpace()
      if (text[i] === ']') {
        i++
        return
      }
      for (let n = 0; ; n++) {
        readValue(`${path}[${n}]`)
        skipSpace()
        if (text[i++] !== ',') return
      }
    }
    if (c === '"') {
      readString()
      return
    }
    while (i < text.length && !/[\s,\]}]/.test(text[i] ?? '')) i++
  }
  readValue('')
  return found
}

/** What validation says of a body: the problems in the API server's words, in the order it reports them. */
export function fieldProblems(unknown: readonly string[], duplicate: readonly string[]): string[] {
  return [...duplicate.map((p) => `duplicate field "${p}"`), ...unknown.map((p) => `unknown field "${p}"`)]
}
