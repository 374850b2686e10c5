// kubectl's generic describer for kinds without their own: the object's fields as an indented tree
// (kubectl: pkg/describe/describe.go genericDescriber, printUnstructuredContent (v1.32)).
import type {KubeObject} from '../../backend/object.js'
import {eventsFor, type DescribeContext} from './context.js'
import {describeEvents} from './events.js'
import {printAnnotationsMultiline, printLabelsMultiline} from './multiline.js'
import {LEVEL_0, tabbedString, type PrefixWriter} from './prefix-writer.js'

const SKIPPED = [
  '.metadata.managedFields',
  '.metadata.name',
  '.metadata.namespace',
  '.metadata.labels',
  '.metadata.annotations',
]
const COMMON_ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID']

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function runeClass(ch: string): number {
  if (/\p{Ll}/u.test(ch)) return 1
  if (/\p{Lu}/u.test(ch)) return 2
  if (/\p{Nd}/u.test(ch)) return 3
  return 4
}

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Lu}/u.test(ch)
}

function isLower(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Ll}/u.test(ch)
}

/** fatih/camelcase.Split: runs of lower, upper, digit and other characters; `PDFLoader` → `PDF`, `Loader`. */
export function splitCamelCase(text: string): string[] {
  const runs: string[][] = []
  let lastClass = 0
  for (const ch of text) {
    const cls = runeClass(ch)
    const last = runs[runs.length - 1]
    if (cls === lastClass && last) last.push(ch)
    else runs.push([ch])
    lastClass = cls
  }
  for (let i = 0; i < runs.length - 1; i++) {
    const current = runs[i] ?? []
    const next = runs[i + 1] ?? []
    if (isUpper(current[0]) && isLower(next[0])) {
      const moved = current.pop()
      if (moved !== undefined) next.unshift(moved)
    }
  }
  return runs.filter((run) => run.length > 0).map((run) => run.join(''))
}

function title(word: string): string {
  const first = word[0]
  return first === undefined ? word : first.toUpperCase() + word.slice(1)
}

/** A field name as a label: `apiVersion` → `API Version`, `creationTimestamp` → `Creation Timestamp`. */
export function smartLabelFor(field: string): string {
  // names with characters other than letters and '-' are kept as they are
  if ([...field].some((ch) => !/\p{L}/u.test(ch) && ch !== '-')) return field
  return splitCamelCase(field)
    .filter((part) => part !== '_')
    .map((part) => (COMMON_ACRONYMS.includes(part.toUpperCase()) ? part.toUpperCase() : title(part)))
    .join(' ')
}

/**
 * Go's %v of a decoded JSON number: whole numbers decode to int64 and print plainly; other
 * float64s print with the shortest digits, in exponent form below 1e-4 or from 1e6 (%g).
 */
function goNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value)
  const [mantissa = '', exp = '0'] = value.toExponential().split('e')
  const exponent = Number(exp)
  if (exponent < -4 || exponent >= 6) {
    return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`
  }
  return String(value)
}

/** Go's %v of a decoded JSON value. */
function goValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>'
  if (typeof value === 'number') return goNumber(value)
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (Array.isArray(value)) return `[${value.map(goValue).join(' ')}]`
  if (isPlainObject(value)) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${key}:${goValue(value[key])}`)
    return `map[${entries.join(' ')}]`
  }
  return String(value)
}

/** Writes an object's fields sorted by name, nested maps and lists indented one level deeper. */
function printUnstructuredContent(
  w: PrefixWriter,
  level: number,
  content: Record<string, unknown>,
  skipPrefix: string,
  skip: readonly string[],
): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field]
    const path = `${skipPrefix}.${field}`
    if (skip.includes(path)) continue
    if (isPlainObject(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`)
      printUnstructuredContent(w, level + 1, value, path, skip)
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`)
      for (const child of value) {
        if (isPlainObject(child)) printUnstructuredContent(w, level + 1, child, path, skip)
        else w.write(level + 1, `${goValue(child)}\n`)
      }
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`)
    }
  }
}

/** Describes any object: name, namespace, labels, annotations, then every other field. */
export async function describeGeneric(object: KubeObject, context: DescribeContext): Promise<string> {
  const events = await eventsFor(context, object)
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${object.metadata.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${object.metadata.namespace ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', object.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', object.metadata.annotations)
    printUnstructuredContent(w, LEVEL_0, object as unknown as Record<string, unknown>, '', SKIPPED)
    if (events) describeEvents(events, w, context.now)
  })
}
