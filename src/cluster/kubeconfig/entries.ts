import type {Named} from './types.js'

/**
 * A clusters, users or contexts list with the entry `name` replaced by `change(old value)`, or added (with no file
 * of origin yet, so it is written to the default file) when there is none.
 */
export function withEntry<K extends string, V>(
  list: readonly Named<K, V>[],
  name: string,
  key: K,
  change: (existing: V | undefined) => V,
): Named<K, V>[] {
  const existing = list.find((e) => e.name === name)
  if (!existing) return [...list, {name, value: change(undefined), file: '', key}]
  return list.map((e) => (e.name === name ? {...e, value: change(e.value)} : e))
}
