import {readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {ensurePrivateDir} from '../embedded/private-files.js'
import {join} from 'node:path'
import type {ResourceInfo} from '../backend/refs.js'
import type {ApiClient} from './api-client.js'

// kubectl's disk cache keeps discovery for 6 hours (kubectl/pkg/cmd/util/factory_client_access.go, v1.32)
const DISCOVERY_TTL_MS = 6 * 60 * 60 * 1000

// aggregated discovery first, the legacy documents as the fallback, as client-go asks (discovery_client.go, v1.32)
const AGGREGATED_ACCEPT =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json'

interface DiscoveryResource {
  resource: string
  responseKind?: {kind?: string}
  scope?: string
  singularResource?: string
  verbs?: string[]
  shortNames?: string[]
  categories?: string[]
}

interface AggregatedList {
  kind?: string
  items?: {metadata?: {name?: string}; versions?: {version: string; resources?: DiscoveryResource[]}[]}[]
}

interface LegacyResource {
  name: string
  kind: string
  namespaced: boolean
  singularName?: string
  verbs?: string[]
  shortNames?: string[]
  categories?: string[]
}

function info(group: string, version: string, r: LegacyResource): ResourceInfo {
  return {
    group,
    version,
    kind: r.kind,
    resource: r.name,
    singular: r.singularName || r.kind.toLowerCase(),
    shortNames: r.shortNames ?? [],
    namespaced: r.namespaced,
    verbs: r.verbs ?? [],
    categories: r.categories ?? [],
  }
}

/** Flattens an APIGroupDiscoveryList (apidiscovery.k8s.io/v2) into resources, subresources left out. */
function resourcesFromAggregated(list: AggregatedList): ResourceInfo[] {
  const resources: ResourceInfo[] = []
  for (const group of list.items ?? []) {
    for (const version of group.versions ?? []) {
      for (const r of version.resources ?? []) {
        resources.push(
          info(group.metadata?.name ?? '', version.version, {
            name: r.resource,
            kind: r.responseKind?.kind ?? '',
            namespaced: r.scope === 'Namespaced',
            ...(r.singularResource ? {singularName: r.singularResource} : {}),
            ...(r.verbs ? {verbs: r.verbs} : {}),
            ...(r.shortNames ? {shortNames: r.shortNames} : {}),
            ...(r.categories ? {categories: r.categories} : {}),
          }),
        )
      }
    }
  }
  return resources
}

async function fetchLegacy(client: ApiClient): Promise<ResourceInfo[]> {
  const core = await client.json<{versions?: string[]}>({method: 'GET', path: '/api'})
  const groups = await client.json<{groups?: {name: string; versions: {version: string}[]}[]}>({
    method: 'GET',
    path: '/apis',
  })
  const paths = [
    ...(core.versions ?? []).map((v) => ({group: '', version: v, path: `/api/${v}`})),
    ...(groups.groups ?? []).flatMap((g) =>
      g.versions.map((v) => ({group: g.name, version: v.version, path: `/apis/${g.name}/${v.version}`})),
    ),
  ]
  const lists = await Promise.all(
    paths.map(async (p) => ({
      ...p,
      list: await client.json<{resources?: LegacyResource[]}>({method: 'GET', path: p.path}),
    })),
  )
  return lists.flatMap(({group, version, list}) =>
    (list.resources ?? []).filter((r) => !r.name.includes('/')).map((r) => info(group, version, r)),
  )
}

/** Asks the server what it serves: aggregated discovery of /api and /apis, else the legacy documents. */
export async function fetchDiscovery(client: ApiClient): Promise<ResourceInfo[]> {
  const [core, groups] = await Promise.all(
    ['/api', '/apis'].map((path) => client.json<AggregatedList>({method: 'GET', path, accept: AGGREGATED_ACCEPT})),
  )
  if (core?.kind !== 'APIGroupDiscoveryList' || groups?.kind !== 'APIGroupDiscoveryList') return fetchLegacy(client)
  return [...resourcesFromAggregated(core), ...resourcesFromAggregated(groups)]
}

/** The cache directory for a server, named as kubectl names its own (`127.0.0.1_6443`). */
export function discoveryCacheDir(cacheRoot: string, server: URL): string {
  const host = server.host.replace(/:/g, '_').replace(/[^\w.-]/g, '_')
  return join(cacheRoot, 'discovery', host)
}

interface CacheFile {
  fetchedAtMs: number
  resources: ResourceInfo[]
}

const CACHE_FILE = 'resources.json'

/**
 * Discovery kept on disk per server, as kubectl's disk-cached discovery client keeps it: read when younger
 * than the TTL, fetched and written otherwise, and dropped when something changes what the server serves.
 */
export class DiscoveryCache {
  constructor(
    private readonly dir: string,
    private readonly nowMs: () => number,
  ) {}

  /** The cached resources, when fresh. */
  read(): ResourceInfo[] | undefined {
    let parsed: CacheFile
    try {
      parsed = JSON.parse(readFileSync(join(this.dir, CACHE_FILE), 'utf8')) as CacheFile
    } catch (error) {
      // a missing or half-written cache is only a cache miss
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return undefined
      throw error
    }
    const age = this.nowMs() - parsed.fetchedAtMs
    return age >= 0 && age < DISCOVERY_TTL_MS && Array.isArray(parsed.resources) ? parsed.resources : undefined
  }

  /** Stores freshly fetched resources (write then rename, so concurrent readers never see half a file). */
  write(resources: ResourceInfo[]): void {
    ensurePrivateDir(this.dir)
    const temp = join(this.dir, `${CACHE_FILE}.${process.pid}.tmp`)
    writeFileSync(temp, JSON.stringify({fetchedAtMs: this.nowMs(), resources} satisfies CacheFile), {mode: 0o600})
    renameSync(temp, join(this.dir, CACHE_FILE))
  }

  /** Forgets the cached resources. */
  invalidate(): void {
    rmSync(join(this.dir, CACHE_FILE), {force: true})
  }
}
