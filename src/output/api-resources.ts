import type {ResourceInfo} from '../backend/refs.js'
import {TabWriter} from './tabwriter.js'

/** How `api-resources` prints: its -o ('', 'wide' or 'name') and --no-headers. */
interface ApiResourcesPrintOptions {
  output: string
  noHeaders: boolean
}

const HEADERS = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']
const WIDE_HEADERS = [...HEADERS, 'VERBS', 'CATEGORIES']

/**
 * The text of `api-resources` (kubectl/pkg/cmd/apiresources/apiresources.go, v1.32): `resource.group` per line
 * for -o name; otherwise a table, with verbs and categories for -o wide, the header printed even when no
 * resource is left.
 */
export function printApiResources(resources: readonly ResourceInfo[], options: ApiResourcesPrintOptions): string {
  if (options.output === 'name') {
    return resources.map((r) => `${r.group === '' ? r.resource : `${r.resource}.${r.group}`}\n`).join('')
  }
  const wide = options.output === 'wide'
  const writer = new TabWriter()
  if (!options.noHeaders) writer.write(`${(wide ? WIDE_HEADERS : HEADERS).join('\t')}\n`)
  for (const r of resources) {
    const cells = [
      r.resource,
      r.shortNames.join(','),
      r.group === '' ? r.version : `${r.group}/${r.version}`,
      String(r.namespaced),
      r.kind,
    ]
    if (wide) cells.push(r.verbs.join(','), r.categories.join(','))
    writer.write(`${cells.join('\t')}\n`)
  }
  return writer.flush()
}

/** The text of `api-versions`: one group/version per line. */
export function printApiVersions(versions: readonly string[]): string {
  return versions.map((v) => `${v}\n`).join('')
}
