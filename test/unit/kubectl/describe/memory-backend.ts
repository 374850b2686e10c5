// A tiny in-memory Backend for describe tests: get and list only, with the label and field
// selectors describers send. Lists are sorted by namespace and name, as kube-apiserver returns them.
import type {Backend, ListOptions} from '../../../../src/backend/backend.js'
import type {KubeList, KubeObject} from '../../../../src/backend/object.js'
import {apiVersionOf, parseApiVersion, type ResourceInfo, type ResourceRef} from '../../../../src/backend/refs.js'
import {notFound} from '../../../../src/backend/status.js'
import {BUILTIN_RESOURCES} from '../../../../src/resources/builtin.js'

function splitTerms(selector: string): string[] {
  const terms: string[] = []
  let depth = 0
  let current = ''
  for (const ch of selector) {
    if (ch === '(') depth++
    if (ch === ')') depth--
    if (ch === ',' && depth === 0) {
      terms.push(current.trim())
      current = ''
    } else {
      current += ch
    }
  }
  if (current.trim() !== '') terms.push(current.trim())
  return terms
}

function matchesLabelTerm(labels: Record<string, string>, term: string): boolean {
  const set = /^(\S+)\s+(in|notin)\s+\((.*)\)$/.exec(term)
  if (set) {
    const [, key = '', op, values = ''] = set
    const inSet = key in labels && values.split(',').includes(labels[key] ?? '')
    return op === 'in' ? inSet : !inSet
  }
  const notEqual = /^(.+?)!=(.*)$/.exec(term)
  if (notEqual) return labels[notEqual[1] ?? ''] !== notEqual[2]
  const equal = /^(.+?)==?(.*)$/.exec(term)
  if (equal) return labels[equal[1] ?? ''] === equal[2]
  if (term.startsWith('!')) return !(term.slice(1) in labels)
  return term in labels
}

function fieldValue(object: KubeObject, path: string): string {
  let value: unknown = object
  for (const key of path.split('.')) {
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined
  }
  return value === undefined || value === null ? '' : String(value)
}

function matchesFieldTerm(object: KubeObject, term: string): boolean {
  const notEqual = /^(.+?)!=(.*)$/.exec(term)
  if (notEqual) return fieldValue(object, notEqual[1] ?? '') !== notEqual[2]
  const equal = /^(.+?)==?(.*)$/.exec(term)
  if (equal) return fieldValue(object, equal[1] ?? '') === equal[2]
  return true
}

/** The requests a MemoryBackend served, for asserting what describe asked for. */
export interface RecordedList {
  resource: string
  namespace: string | undefined
  options: ListOptions
}

/** An in-memory Backend holding fixed objects. */
export class MemoryBackend implements Backend {
  readonly lists: RecordedList[] = []
  private readonly objects: KubeObject[]
  private readonly resources: readonly ResourceInfo[]

  constructor(objects: KubeObject[], resources: readonly ResourceInfo[] = BUILTIN_RESOURCES) {
    this.objects = objects
    this.resources = resources
  }

  private infoFor(ref: ResourceRef): ResourceInfo {
    const info = this.resources.find((r) => r.group === ref.group && r.resource === ref.resource)
    if (!info) throw notFound(ref, '')
    return info
  }

  private inResource(ref: ResourceRef): KubeObject[] {
    const info = this.infoFor(ref)
    return this.objects
      .filter((o) => o.kind === info.kind && parseApiVersion(o.apiVersion).group === info.group)
      .filter((o) => ref.namespace === undefined || o.metadata.namespace === ref.namespace)
  }

  async get(ref: ResourceRef, name: string): Promise<KubeObject> {
    const found = this.inResource(ref).find((o) => o.metadata.name === name)
    if (!found) throw notFound(ref, name)
    return structuredClone(found)
  }

  async list(ref: ResourceRef, options: ListOptions = {}): Promise<KubeList> {
    this.lists.push({resource: ref.resource, namespace: ref.namespace, options})
    const labelTerms = splitTerms(options.labelSelector ?? '')
    const fieldTerms = splitTerms(options.fieldSelector ?? '')
    const matching = this.inResource(ref)
      .filter((o) => labelTerms.every((t) => matchesLabelTerm(o.metadata.labels ?? {}, t)))
      .filter((o) => fieldTerms.every((t) => matchesFieldTerm(o, t)))
      .sort((a, b) => {
        const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name ?? ''}`
        const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name ?? ''}`
        return ka < kb ? -1 : ka > kb ? 1 : 0
      })
    const start = Number(options.continue ?? '0')
    const end = options.limit ? start + options.limit : matching.length
    const metadata: KubeList['metadata'] = {resourceVersion: '1'}
    if (end < matching.length) metadata.continue = String(end)
    return {
      apiVersion: apiVersionOf(this.infoFor(ref)),
      kind: 'List',
      metadata,
      items: structuredClone(matching.slice(start, end)),
    }
  }

  version(): never {
    throw new Error('not supported by MemoryBackend')
  }
  serverTime(): never {
    throw new Error('not supported by MemoryBackend')
  }
  discover(): Promise<ResourceInfo[]> {
    return Promise.resolve([...this.resources])
  }
  table(): never {
    throw new Error('not supported by MemoryBackend')
  }
  create(): never {
    throw new Error('not supported by MemoryBackend')
  }
  update(): never {
    throw new Error('not supported by MemoryBackend')
  }
  patch(): never {
    throw new Error('not supported by MemoryBackend')
  }
  delete(): never {
    throw new Error('not supported by MemoryBackend')
  }
  watch(): never {
    throw new Error('not supported by MemoryBackend')
  }
  logs(): never {
    throw new Error('not supported by MemoryBackend')
  }
  close(): Promise<void> {
    return Promise.resolve()
  }
}
