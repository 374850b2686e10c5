import type {LabelSelector} from '../../resources/label-selector.js'
import type {StoreKey} from '../store/store.js'

/**
 * Names of objects by label, per resource and namespace: label key -> value -> names. A selector's equality,
 * `in` and `exists` requirements narrow the candidates to the smallest such set; the caller still matches the
 * whole selector against each candidate.
 */
export class LabelIndex {
  // `${resource}|${namespace}` -> label key -> value -> names
  private readonly index = new Map<string, Map<string, Map<string, Set<string>>>>()

  add(key: StoreKey, labels: Record<string, string> | undefined): void {
    if (!labels) return
    const scope = `${key.resource}|${key.namespace}`
    let byKey = this.index.get(scope)
    if (!byKey) this.index.set(scope, (byKey = new Map()))
    for (const [label, value] of Object.entries(labels)) {
      let byValue = byKey.get(label)
      if (!byValue) byKey.set(label, (byValue = new Map()))
      let names = byValue.get(value)
      if (!names) byValue.set(value, (names = new Set()))
      names.add(key.name)
    }
  }

  remove(key: StoreKey, labels: Record<string, string> | undefined): void {
    if (!labels) return
    const byKey = this.index.get(`${key.resource}|${key.namespace}`)
    if (!byKey) return
    for (const [label, value] of Object.entries(labels)) {
      const byValue = byKey.get(label)
      const names = byValue?.get(value)
      names?.delete(key.name)
      if (names?.size === 0) byValue?.delete(value)
      if (byValue?.size === 0) byKey.delete(label)
    }
  }

  /** The names that may match, or undefined when no requirement narrows them (every object is a candidate). */
  candidates(resource: string, namespace: string, selector: LabelSelector): ReadonlySet<string> | undefined {
    const byKey = this.index.get(`${resource}|${namespace}`)
    let best: Set<string> | undefined
    for (const requirement of selector.requirements) {
      let names: Set<string> | undefined
      const byValue = byKey?.get(requirement.key)
      if ((requirement.operator === '=' || requirement.operator === '==') && requirement.values.length === 1) {
        names = byValue?.get(requirement.values[0] ?? '') ?? new Set()
      } else if (requirement.operator === 'in') {
        names = new Set()
        for (const value of requirement.values) for (const name of byValue?.get(value) ?? []) names.add(name)
      } else if (requirement.operator === 'exists') {
        names = new Set()
        for (const set of byValue?.values() ?? []) for (const name of set) names.add(name)
      }
      if (names && (!best || names.size < best.size)) best = names
      if (best?.size === 0) return best
    }
    return best
  }
}
