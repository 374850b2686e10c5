// kubectl's generic describer for kinds without their own: the object's fields as an indented tree
// (kubectl: pkg/describe/describe.go genericDescriber, printUnstructuredContent (v1.32)).
import {isJsonObject, type KubeObject} from '../../backend/object.js'
import {goSprint} from '../../resources/go-format.js'
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
    if (isJsonObject(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`)
      printUnstructuredContent(w, level + 1, value, path, skip)
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`)
      for (const child of value) {
        if (isJsonObject(child)) printUnstructuredContent(w, level + 1, child, path, skip)
        else w.write(level + 1, `${goSprint(child)}\n`)
      }
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goSprint(value)}\n`)
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
