// Field selectors as k8s.io/apimachinery/pkg/fields (selector.go, v1.32) parses and matches them, and the
// fields kube-apiserver lets a selector name per kind (pkg/apis/*/v1/conversion.go field label conversion
// funcs and pkg/registry/*/strategy.go GetAttrs, v1.32).
import type {KubeObject} from '../backend/object.js'
import {isJsonObject} from '../backend/object.js'
import {parseApiVersion} from '../backend/refs.js'
import {compareGoStrings} from './go-format.js'

/** One term of a field selector: `field=value` (also `==`) or `field!=value`. */
export interface FieldRequirement {
  readonly field: string
  readonly operator: '=' | '!='
  readonly value: string
}

/** A parsed field selector: the AND of its terms, in sorted term order as fields.ParseSelector leaves them. */
export interface FieldSelector {
  readonly requirements: readonly FieldRequirement[]
}

/** A field selector that does not parse, or names a field the server does not support. */
export class FieldSelectorError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FieldSelectorError'
  }
}

// Split on commas that are not escaped with a backslash; the backslash stays in the term.
function splitTerms(text: string): string[] {
  if (text === '') return []
  const terms: string[] = []
  let start = 0
  let escaped = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (escaped) escaped = false
    else if (ch === '\\') escaped = true
    else if (ch === ',') {
      terms.push(text.slice(start, i))
      start = i + 1
    }
  }
  terms.push(text.slice(start))
  return terms
}

// '!=' before '==' before '=' at each position, so `a==b` does not leave '=b' as the value.
function splitTerm(term: string): {field: string; operator: '=' | '!='; rest: string} | undefined {
  for (let i = 0; i < term.length; i++) {
    const remaining = term.slice(i)
    if (remaining.startsWith('!=')) return {field: term.slice(0, i), operator: '!=', rest: term.slice(i + 2)}
    if (remaining.startsWith('==')) return {field: term.slice(0, i), operator: '=', rest: term.slice(i + 2)}
    if (remaining.startsWith('=')) return {field: term.slice(0, i), operator: '=', rest: term.slice(i + 1)}
  }
  return undefined
}

function unescapeValue(value: string): string {
  let out = ''
  let escaped = false
  for (const ch of value) {
    if (escaped) {
      if (ch !== '\\' && ch !== ',' && ch !== '=')
        throw new FieldSelectorError(`invalid field selector: invalid escape sequence: \\${ch}`)
      out += ch
      escaped = false
    } else if (ch === '\\') escaped = true
    else if (ch === ',' || ch === '=') {
      // Go prints the rune with %v, which is its number
      throw new FieldSelectorError(`invalid field selector: unescaped character in value: ${ch.codePointAt(0) ?? 0}`)
    } else out += ch
  }
  if (escaped) throw new FieldSelectorError('invalid field selector: invalid escape sequence: \\')
  return out
}

/** fields.ParseSelector: `metadata.name=web,status.phase!=Running`, with `\,` `\=` `\\` escapes in values. */
export function parseFieldSelector(text: string): FieldSelector {
  const requirements: FieldRequirement[] = []
  for (const term of splitTerms(text).sort(compareGoStrings)) {
    if (term === '') continue
    const parts = splitTerm(term)
    if (parts === undefined) throw new FieldSelectorError(`invalid selector: '${text}'; can't understand '${term}'`)
    const value = unescapeValue(parts.rest)
    // a term with neither field nor value transforms to Everything and drops out
    if (parts.field === '' && value === '') continue
    requirements.push({field: parts.field, operator: parts.operator, value})
  }
  return {requirements}
}

/** Selector.Matches over a fields.Set: a missing field reads as ''. */
export function matchesFields(selector: FieldSelector, fields: Record<string, string>): boolean {
  return selector.requirements.every((r) => {
    const actual = Object.hasOwn(fields, r.field) ? fields[r.field] : ''
    return r.operator === '=' ? actual === r.value : actual !== r.value
  })
}

/** Selector.String(): terms joined by ',' with values escaped again. */
export function fieldSelectorString(selector: FieldSelector): string {
  const escape = (value: string): string => value.replace(/[\\,=]/g, (ch) => `\\${ch}`)
  return selector.requirements.map((r) => `${r.field}${r.operator}${escape(r.value)}`).join(',')
}

interface GroupKind {
  group: string
  kind: string
}

interface FieldLabelRule {
  labels: readonly string[]
  /** kube-apiserver's words for a label outside `labels` */
  reject: (label: string) => string
  /** old names the server still accepts, and what they mean now */
  aliases?: Readonly<Record<string, string>>
}

const notSupported = (label: string): string => `field label not supported: ${label}`

// The kinds with a field label conversion func; every other kind gets DefaultMetaV1FieldSelectorConversion.
// apps/v1 registers none, so ReplicaSet's status.replicas is selectable in storage but refused here.
const FIELD_LABEL_RULES: Readonly<Record<string, FieldLabelRule>> = {
  '/Pod': {
    labels: [
      'metadata.name',
      'metadata.namespace',
      'spec.nodeName',
      'spec.restartPolicy',
      'spec.schedulerName',
      'spec.serviceAccountName',
      'spec.hostNetwork',
      'status.phase',
      'status.podIP',
      'status.podIPs',
      'status.nominatedNodeName',
    ],
    reject: notSupported,
    // backwards compatibility with old v1 clients
    aliases: {'spec.host': 'spec.nodeName'},
  },
  '/Node': {labels: ['metadata.name', 'spec.unschedulable'], reject: notSupported},
  '/ReplicationController': {labels: ['metadata.name', 'metadata.namespace', 'status.replicas'], reject: notSupported},
  '/Event': {
    labels: [
      'involvedObject.kind',
      'involvedObject.namespace',
      'involvedObject.name',
      'involvedObject.uid',
      'involvedObject.apiVersion',
      'involvedObject.resourceVersion',
      'involvedObject.fieldPath',
      'reason',
      'reportingComponent',
      'source',
      'type',
      'metadata.namespace',
      'metadata.name',
    ],
    reject: notSupported,
  },
  '/Namespace': {labels: ['status.phase', 'metadata.name'], reject: notSupported},
  '/Secret': {labels: ['type', 'metadata.namespace', 'metadata.name'], reject: notSupported},
  '/Service': {labels: ['metadata.namespace', 'metadata.name', 'spec.clusterIP', 'spec.type'], reject: notSupported},
  'batch/Job': {
    labels: ['metadata.name', 'metadata.namespace', 'status.successful'],
    reject: (label) => `field label "${label}" not supported for batchv1.Job`,
  },
  'certificates.k8s.io/CertificateSigningRequest': {labels: ['metadata.name', 'spec.signerName'], reject: notSupported},
}

const DEFAULT_RULE: FieldLabelRule = {
  labels: ['metadata.name', 'metadata.namespace'],
  reject: (label) => `"${label}" is not a known field selector: only "metadata.name", "metadata.namespace"`,
}

function ruleFor(gk: GroupKind): FieldLabelRule {
  return FIELD_LABEL_RULES[`${gk.group}/${gk.kind}`] ?? DEFAULT_RULE
}

/** The error kube-apiserver returns (as a 400 BadRequest) for a field label the kind does not support. */
export function unsupportedFieldError(gk: GroupKind, label: string): FieldSelectorError {
  return new FieldSelectorError(ruleFor(gk).reject(label))
}

/**
 * What kube-apiserver does to a list's field selector before matching (the ConvertFieldLabel transform):
 * refuses unsupported labels, renames legacy ones. Throws FieldSelectorError with the server's words.
 */
export function convertFieldSelector(gk: GroupKind, selector: FieldSelector): FieldSelector {
  const rule = ruleFor(gk)
  return {
    requirements: selector.requirements.map((r) => {
      const alias = rule.aliases?.[r.field]
      if (alias !== undefined) return {...r, field: alias}
      if (!rule.labels.includes(r.field)) throw unsupportedFieldError(gk, r.field)
      return r
    }),
  }
}

function read(object: unknown, ...path: string[]): unknown {
  let current = object
  for (const key of path) current = isJsonObject(current) ? current[key] : undefined
  return current
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '')
const integer = (value: unknown): string => (typeof value === 'number' ? String(Math.trunc(value)) : '0')
const bool = (value: unknown): string => String(value === true)

function kindFields(group: string, kind: string, o: KubeObject): Record<string, string> {
  switch (`${group}/${kind}`) {
    case '/Pod': {
      const podIPs = read(o, 'status', 'podIPs')
      return {
        'spec.nodeName': text(read(o, 'spec', 'nodeName')),
        'spec.restartPolicy': text(read(o, 'spec', 'restartPolicy')),
        'spec.schedulerName': text(read(o, 'spec', 'schedulerName')),
        'spec.serviceAccountName': text(read(o, 'spec', 'serviceAccountName')),
        'spec.hostNetwork': bool(read(o, 'spec', 'hostNetwork')),
        'status.phase': text(read(o, 'status', 'phase')),
        // v1 status.podIP folds into podIPs on conversion, whose first entry is what the server matches
        'status.podIP':
          Array.isArray(podIPs) && podIPs.length > 0 ? text(read(podIPs[0], 'ip')) : text(read(o, 'status', 'podIP')),
        'status.nominatedNodeName': text(read(o, 'status', 'nominatedNodeName')),
      }
    }
    case '/Event': {
      const involved = (field: string): string => text(read(o, 'involvedObject', field))
      const component = text(read(o, 'source', 'component'))
      return {
        'involvedObject.kind': involved('kind'),
        'involvedObject.namespace': involved('namespace'),
        'involvedObject.name': involved('name'),
        'involvedObject.uid': involved('uid'),
        'involvedObject.apiVersion': involved('apiVersion'),
        'involvedObject.resourceVersion': involved('resourceVersion'),
        'involvedObject.fieldPath': involved('fieldPath'),
        reason: text(o['reason']),
        reportingComponent: text(o['reportingComponent']),
        // registry/core/event: source falls back to the reporting controller
        source: component === '' ? text(o['reportingComponent']) : component,
        type: text(o['type']),
      }
    }
    case '/Secret':
      return {type: text(o['type'])}
    case '/Node':
      return {'spec.unschedulable': bool(read(o, 'spec', 'unschedulable'))}
    case '/Namespace':
      return {'status.phase': text(read(o, 'status', 'phase'))}
    case '/Service':
      return {'spec.clusterIP': text(read(o, 'spec', 'clusterIP')), 'spec.type': text(read(o, 'spec', 'type'))}
    case '/ReplicationController':
    case 'apps/ReplicaSet':
      return {'status.replicas': integer(read(o, 'status', 'replicas'))}
    case 'batch/Job':
      return {'status.successful': integer(read(o, 'status', 'succeeded'))}
    case 'certificates.k8s.io/CertificateSigningRequest':
      return {'spec.signerName': text(read(o, 'spec', 'signerName'))}
    default:
      return {}
  }
}

/**
 * The fields.Set kube-apiserver matches a field selector against (GetAttrs): metadata.name, metadata.namespace
 * for namespaced objects, and the kind's own selectable fields. The group comes from the object's apiVersion.
 */
export function fieldsOf(kind: string, object: KubeObject): Record<string, string> {
  const {group} = parseApiVersion(object.apiVersion)
  const meta: Record<string, string> = {'metadata.name': object.metadata.name ?? ''}
  if (object.metadata.namespace !== undefined) meta['metadata.namespace'] = object.metadata.namespace
  return {...kindFields(group, kind, object), ...meta}
}
