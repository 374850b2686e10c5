// The multi-line `Title:  first\n        second` blocks of kubectl's describers
// (kubectl: pkg/describe/describe.go printLabelsMultiline and friends (v1.32)).
import {LEVEL_0, type PrefixWriter} from './prefix-writer.js'
import {compareGoStrings} from '../../resources/go-format.js'

// kubectl hides the annotation `kubectl apply` keeps (skipAnnotations)
const LAST_APPLIED_CONFIGURATION = 'kubectl.kubernetes.io/last-applied-configuration'
// maxAnnotationLen: longer annotations are printed on their own lines, cut at this many bytes
const MAX_ANNOTATION_LENGTH = 140

/** `Labels:  a=b` with one label per line, sorted; `<none>` when empty. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined): void {
  printLabelsMultilineWithIndent(w, '', title, '\t', labels)
}

/** printLabelsMultiline with an initial indent and the separator after the title. */
export function printLabelsMultilineWithIndent(
  w: PrefixWriter,
  initialIndent: string,
  title: string,
  innerIndent: string,
  labels: Record<string, string> | undefined,
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`)
  const keys = Object.keys(labels ?? {}).sort()
  if (keys.length === 0) {
    w.writeLine('<none>')
    return
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent)
      w.write(LEVEL_0, innerIndent)
    }
    w.write(LEVEL_0, `${key}=${labels?.[key] ?? ''}\n`)
  })
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

function shorten(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8')
  return bytes.length > maxBytes ? `${bytes.subarray(0, maxBytes).toString('utf8')}...` : text
}

/** `Annotations:  k: v` sorted, long or multi-line values on their own indented lines. */
export function printAnnotationsMultiline(
  w: PrefixWriter,
  title: string,
  annotations: Record<string, string> | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`)
  const keys = Object.keys(annotations ?? {})
    .filter((key) => key !== LAST_APPLIED_CONFIGURATION)
    .sort()
  if (keys.length === 0) {
    w.writeLine('<none>')
    return
  }
  const indent = '\t'
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent)
    const raw = annotations?.[key] ?? ''
    const value = raw.endsWith('\n') ? raw.slice(0, -1) : raw
    if (byteLength(value) + byteLength(key) + 2 > MAX_ANNOTATION_LENGTH || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`)
      for (const line of value.split('\n')) {
        w.write(LEVEL_0, `${indent}  ${shorten(line, MAX_ANNOTATION_LENGTH - 2)}\n`)
      }
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`)
    }
  })
}

/** A toleration as in a pod's spec. */
export interface Toleration {
  key?: string
  operator?: string
  value?: string
  effect?: string
  tolerationSeconds?: number
}

/** `Tolerations:  key=value:Effect op=Exists for 300s`, sorted by key. */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: Toleration[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`)
  if (!tolerations || tolerations.length === 0) {
    w.writeLine('<none>')
    return
  }
  const sorted = [...tolerations].sort((a, b) => compareGoStrings(a.key ?? '', b.key ?? ''))
  sorted.forEach((toleration, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, '')
      w.write(LEVEL_0, '\t')
    }
    const key = toleration.key ?? ''
    const value = toleration.value ?? ''
    const effect = toleration.effect ?? ''
    w.write(LEVEL_0, key)
    if (value !== '') w.write(LEVEL_0, `=${value}`)
    if (effect !== '') w.write(LEVEL_0, `:${effect}`)
    // an Exists toleration without key and effect tolerates everything
    if (toleration.operator === 'Exists' && value === '') {
      w.write(LEVEL_0, key !== '' || effect !== '' ? ' op=Exists' : 'op=Exists')
    }
    if (toleration.tolerationSeconds !== undefined && toleration.tolerationSeconds !== null) {
      w.write(LEVEL_0, ` for ${toleration.tolerationSeconds}s`)
    }
    w.write(LEVEL_0, '\n')
  })
}

/** A node taint. */
export interface Taint {
  key?: string
  value?: string
  effect?: string
}

/** Taint.ToString: `key=value:Effect`. */
function taintString(taint: Taint): string {
  const key = taint.key ?? ''
  const value = taint.value ?? ''
  const effect = taint.effect ?? ''
  if (effect === '') return value === '' ? key : `${key}=${value}:`
  return value === '' ? `${key}:${effect}` : `${key}=${value}:${effect}`
}

/** `Taints:  key=value:Effect` sorted by effect then key. */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: Taint[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`)
  if (!taints || taints.length === 0) {
    w.writeLine('<none>')
    return
  }
  const sortKey = (t: Taint): string => `${t.effect ?? ''},${t.key ?? ''}`
  const sorted = [...taints].sort((a, b) => compareGoStrings(sortKey(a), sortKey(b)))
  sorted.forEach((taint, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, '')
      w.write(LEVEL_0, '\t')
    }
    w.write(LEVEL_0, `${taintString(taint)}\n`)
  })
}

/** `Title:  name` for each name, sorted (printPodsMultiline). */
export function printNamesMultiline(w: PrefixWriter, title: string, names: string[]): void {
  w.write(LEVEL_0, `${title}:\t`)
  if (names.length === 0) {
    w.writeLine('<none>')
    return
  }
  ;[...names].sort(compareGoStrings).forEach((name, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, '')
      w.write(LEVEL_0, '\t')
    }
    w.write(LEVEL_0, `${name}\n`)
  })
}
