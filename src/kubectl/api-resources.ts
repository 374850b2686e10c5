import type {Backend} from '../backend/backend.js'
import type {ResourceInfo} from '../backend/refs.js'
import {splitSliceFlag} from '../resources/string-slice-flag.js'
import {compareVersionPriority} from '../resources/version-priority.js'

/** `api-resources` as kubectl's APIResourceOptions (kubectl/pkg/cmd/apiresources/apiresources.go, v1.32). */
interface ApiResourcesOptions {
  output: string
  sortBy: string
  /** undefined when --api-group was not given (kubectl filters only on a changed flag, so '' means core) */
  apiGroup: string | undefined
  /** undefined when --namespaced was not given */
  namespaced: boolean | undefined
  verbs: readonly string[]
  categories: readonly string[]
  cached: boolean
  noHeaders: boolean
}

/** The flags of `api-resources` as the command receives them. */
interface ApiResourcesFlags {
  output?: string | undefined
  'sort-by'?: string | undefined
  'api-group'?: string | undefined
  namespaced?: boolean | undefined
  verbs?: readonly string[] | undefined
  categories?: readonly string[] | undefined
  cached?: boolean | undefined
  'no-headers'?: boolean | undefined
}

const OUTPUT_FORMATS = ['', 'wide', 'name']
const SORT_FIELDS = ['', 'name', 'kind']

/** Flags → options (pure). */
export function toApiResourcesOptions(flags: ApiResourcesFlags): ApiResourcesOptions {
  return {
    output: flags.output ?? '',
    sortBy: flags['sort-by'] ?? '',
    apiGroup: flags['api-group'],
    namespaced: flags.namespaced,
    verbs: splitSliceFlag(flags.verbs),
    categories: splitSliceFlag(flags.categories),
    cached: flags.cached === true,
    noHeaders: flags['no-headers'] === true,
  }
}

/** kubectl's checks, in its order: the printer first (Complete), then --sort-by (Validate). */
export function validateApiResourcesOptions(options: ApiResourcesOptions): void {
  if (!OUTPUT_FORMATS.includes(options.output)) throw new Error(`--output ${options.output} is not available`)
  if (!SORT_FIELDS.includes(options.sortBy)) throw new Error('--sort-by accepts only name or kind')
}

/**
 * Every resource once, in its group's preferred version, or the version that serves it when the preferred one
 * does not (client-go discovery.ServerPreferredResources, v1.32); groups in discovery order.
 */
export function preferredResources(resources: readonly ResourceInfo[]): ResourceInfo[] {
  const versionsByGroup = new Map<string, string[]>()
  for (const r of resources) {
    const versions = versionsByGroup.get(r.group) ?? []
    if (!versions.includes(r.version)) versions.push(r.version)
    versionsByGroup.set(r.group, versions)
  }
  const picked = new Map<string, ResourceInfo>()
  for (const [group, versions] of versionsByGroup) {
    const ordered = [...versions].sort(compareVersionPriority)
    for (const version of ordered) {
      for (const r of resources) {
        if (r.group !== group || r.version !== version) continue
        const key = `${r.resource}.${group}`
        if (!picked.has(key)) picked.set(key, r)
      }
    }
  }
  return [...picked.values()]
}

function matches(r: ResourceInfo, options: ApiResourcesOptions): boolean {
  if (r.verbs.length === 0) return false
  if (options.apiGroup !== undefined && r.group !== options.apiGroup) return false
  if (options.namespaced !== undefined && r.namespaced !== options.namespaced) return false
  if (!options.verbs.every((verb) => r.verbs.includes(verb))) return false
  return options.categories.every((category) => r.categories.includes(category))
}

function sortKey(r: ResourceInfo, sortBy: string): string {
  return sortBy === 'name' ? r.resource : sortBy === 'kind' ? r.kind : r.group
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The resources `api-resources` lists: discovery asked afresh unless --cached (kubectl invalidates its cache
 * first), preferred versions, filtered, and sorted stably by group (or --sort-by) then name.
 */
export async function listApiResources(backend: Backend, options: ApiResourcesOptions): Promise<ResourceInfo[]> {
  const discovered = !options.cached && backend.rediscover ? await backend.rediscover() : await backend.discover()
  return preferredResources(discovered)
    .filter((r) => matches(r, options))
    .sort(
      (a, b) =>
        byCodeUnits(sortKey(a, options.sortBy), sortKey(b, options.sortBy)) || byCodeUnits(a.resource, b.resource),
    )
}

/** Every group/version the server serves, sorted (`api-versions`, from discovery asked afresh). */
export async function listApiVersions(backend: Backend): Promise<string[]> {
  const discovered = backend.rediscover ? await backend.rediscover() : await backend.discover()
  const versions = new Set(discovered.map((r) => (r.group === '' ? r.version : `${r.group}/${r.version}`)))
  return [...versions].sort(byCodeUnits)
}
