import {existsSync} from 'node:fs'
import {homedir} from 'node:os'
import {join} from 'node:path'
import type {Backend} from '../backend/backend.js'
import {withCheckedPaths} from '../backend/path-checked-backend.js'
import {isEmbeddedContext} from '../cluster/contexts.js'
import {readEmbeddedNamespace, writeEmbeddedNamespace} from '../cluster/embedded-namespace.js'
import {kubeconfigFiles, loadKubeconfig} from '../cluster/kubeconfig/load.js'
import {selectKubeconfig, type KubeconfigSelection} from '../cluster/kubeconfig/select.js'
import type {Kubeconfig} from '../cluster/kubeconfig/types.js'
import {clusterDir, DEFAULT_CLUSTER} from '../embedded/cluster-home.js'
import type {ManifestEntry} from '../manifests/manifest.js'
import {isManifestFailure} from '../manifests/manifest.js'
import {ResourceRegistry} from '../resources/registry.js'
import {readCurrentCluster, writeCurrentCluster} from './cluster-admin.js'

// How long a command waits for the embedded control loop it leads: a read answers promptly even while a large
// catch-up (a 100,000-replica Deployment) goes on, and a command returns; what is left goes on at the next
// command, or in a process that leads for longer (serve, get -w).
const READ_CATCH_UP_MS = 500
const CLOSE_CATCH_UP_MS = 3_000

/** The global flags that pick a cluster and namespace. */
export interface ConnectionFlags {
  kubeconfig?: string | undefined
  context?: string | undefined
  cluster?: string | undefined
  user?: string | undefined
  namespace?: string | undefined
  'request-timeout'?: string | undefined
}

/** Where a command's requests go: an embedded cluster, or a cluster and user from the kubeconfig. */
export type Target =
  | {kind: 'embedded'; cluster: string}
  | {kind: 'kubeconfig'; files: string[]; config: Kubeconfig; selection: KubeconfigSelection}

/**
 * Chooses the target. One rule for contexts: a context name means an embedded cluster when one of that name
 * exists under $SKIFF_HOME, otherwise a kubeconfig context. What is current: the embedded cluster chosen
 * with `skiff cluster use` or `skiff config use-context` (kept in $SKIFF_HOME/config.json) until
 * `config use-context` picks a kubeconfig context (which clears it); else the kubeconfig's current-context.
 * --context and --kubeconfig override both. With no kubeconfig (or one that sets no current context and no
 * flag asks for one), the embedded `default` cluster, created on first use.
 */
export function resolveTarget(flags: ConnectionFlags, env: NodeJS.ProcessEnv = process.env): Target {
  if (flags.context && existsSync(clusterDir(flags.context, env))) return {kind: 'embedded', cluster: flags.context}
  const current = flags.context || flags.kubeconfig ? undefined : readCurrentCluster(env)
  if (current !== undefined && (current === DEFAULT_CLUSTER || existsSync(clusterDir(current, env)))) {
    return {kind: 'embedded', cluster: env['SKIFF_CLUSTER'] ?? current}
  }
  const fallback: Target = {kind: 'embedded', cluster: flags.context ?? env['SKIFF_CLUSTER'] ?? DEFAULT_CLUSTER}
  const files = kubeconfigFiles(flags.kubeconfig, env)
  if (files.length === 0) return fallback
  const config = loadKubeconfig(files)
  const asked = Boolean(flags.kubeconfig || flags.context || flags.cluster || flags.user)
  if (!asked && config.currentContext === '') return fallback
  const selection = selectKubeconfig(config, {context: flags.context, cluster: flags.cluster, user: flags.user})
  return {kind: 'kubeconfig', files, config, selection}
}

/**
 * Whether choosing the target for this command line will read a kubeconfig (resolveTarget's rule, from the
 * raw arguments), so the CLI can load the YAML parser before the synchronous read.
 */
export function targetReadsKubeconfig(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): boolean {
  const valueOf = (name: string): string | undefined => {
    const index = argv.indexOf(`--${name}`)
    if (index >= 0) return argv[index + 1]
    return argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3)
  }
  const explicit = valueOf('kubeconfig')
  if (kubeconfigFiles(explicit, env).length === 0) return false
  if (explicit || valueOf('context') || valueOf('cluster') || valueOf('user')) return true
  const current = readCurrentCluster(env)
  return !(current !== undefined && (current === DEFAULT_CLUSTER || existsSync(clusterDir(current, env))))
}

/**
 * The embedded cluster `skiff serve` serves: --context (an embedded cluster, created on first use as
 * elsewhere), else the current embedded cluster (SKIFF_CLUSTER, then the one `cluster use` chose), else
 * `default`. The kubeconfig's current context plays no part: it may well be the one serve itself wrote.
 */
export function servedCluster(flags: ConnectionFlags, env: NodeJS.ProcessEnv = process.env): string {
  if (flags.context) {
    if (existsSync(clusterDir(flags.context, env))) return flags.context
    // a context of a real cluster is nothing serve could serve: refuse rather than create a namesake
    const files = kubeconfigFiles(flags.kubeconfig, env)
    if (files.length > 0 && loadKubeconfig(files).contexts.some((c) => c.name === flags.context)) {
      throw new Error(
        `context "${flags.context}" names a cluster from ${files.join(', ')}, not an embedded cluster: serve serves embedded clusters only`,
      )
    }
    return flags.context
  }
  return env['SKIFF_CLUSTER'] ?? readCurrentCluster(env) ?? DEFAULT_CLUSTER
}

/** Opens the Backend for a target; heavy modules load only here. */
export async function openBackend(target: Target, flags: ConnectionFlags = {}): Promise<Backend> {
  if (target.kind === 'embedded') {
    const {openEmbeddedCluster} = await import('../embedded/open-cluster.js')
    const {catchUpProgress} = await import('./catch-up-progress.js')
    const backend = await openEmbeddedCluster(target.cluster)
    backend.controlLoop?.configure({
      readMs: READ_CATCH_UP_MS,
      closeMs: CLOSE_CATCH_UP_MS,
      onProgress: catchUpProgress(process.stderr),
    })
    return withCheckedPaths(backend)
  }
  const {openClusterBackend} = await import('../cluster/cluster-backend.js')
  return withCheckedPaths(await openClusterBackend(target.selection, {requestTimeout: flags['request-timeout']}))
}

/** The namespace a command works in: -n, else $SKIFF_NAMESPACE, else the context's, else `default`. */
export function resolveNamespace(flags: ConnectionFlags, env: NodeJS.ProcessEnv = process.env): string {
  const explicit = flags.namespace || env['SKIFF_NAMESPACE']
  if (explicit) return explicit
  const target = resolveTarget(flags, env)
  const fromContext =
    target.kind === 'kubeconfig' ? target.selection.namespace : readEmbeddedNamespace(target.cluster, env)
  return fromContext || 'default'
}

/** The current context's name: an embedded cluster's, else the kubeconfig's current-context. */
export function currentContextName(flags: ConnectionFlags, env: NodeJS.ProcessEnv = process.env): string {
  const target = resolveTarget(flags, env)
  return target.kind === 'embedded' ? target.cluster : target.selection.contextName
}

/**
 * `config use-context NAME` under the rule of resolveTarget: an embedded cluster is remembered under
 * $SKIFF_HOME (as `cluster use` does); a kubeconfig context is written to the kubeconfig and the
 * remembered embedded cluster forgotten, so the kubeconfig decides again.
 */
export async function useContext(
  name: string,
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const files = kubeconfigFiles(flags.kubeconfig, env)
  const config = loadKubeconfig(files)
  if (isEmbeddedContext(name, env) && (name !== DEFAULT_CLUSTER || !config.contexts.some((c) => c.name === name))) {
    writeCurrentCluster(name, env)
    return
  }
  if (!config.contexts.some((c) => c.name === name)) throw new Error(`no context exists with the name: "${name}"`)
  const {writeCurrentContext} = await import('../cluster/kubeconfig/edit.js')
  await writeCurrentContext(files, name)
  writeCurrentCluster(undefined, env)
}

/** `config set-context [NAME | --current]`: changes a kubeconfig context, or an embedded cluster's namespace. */
export async function setContext(
  which: {name?: string | undefined; current: boolean},
  changes: {namespace?: string | undefined; cluster?: string | undefined; user?: string | undefined},
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{name: string; created: boolean}> {
  if (!which.current && !which.name) throw new Error('you must specify a non-empty context name or --current')
  if (which.current && which.name) throw new Error('you cannot specify both a context name and --current')
  const target = which.current ? resolveTarget({kubeconfig: flags.kubeconfig}, env) : undefined
  const name = target
    ? target.kind === 'embedded'
      ? target.cluster
      : target.selection.contextName
    : (which.name ?? '')
  if (name === '') throw new Error('no current context is set')
  if (target?.kind === 'embedded' || (!target && existsSync(clusterDir(name, env)))) {
    if (changes.cluster !== undefined || changes.user !== undefined) {
      throw new Error(`context "${name}" is an embedded cluster: only --namespace can be set`)
    }
    if (changes.namespace !== undefined) writeEmbeddedNamespace(name, changes.namespace, env)
    return {name, created: false}
  }
  const files = kubeconfigFiles(flags.kubeconfig, env)
  const writable = files.length > 0 ? files : [join(env['HOME'] ?? homedir(), '.kube', 'config')]
  const {writeContext} = await import('../cluster/kubeconfig/edit.js')
  return {name, ...(await writeContext(writable, loadKubeconfig(files), name, changes))}
}

/** The resource types a command's arguments name: `pods,svc`, `deploy/web`, `po/a svc/b` (not `all`). */
function argumentTypes(args: readonly string[]): string[] {
  const [first = ''] = args
  const types = args.some((a) => a.includes('/'))
    ? args.filter((a) => a.includes('/')).map((a) => a.slice(0, a.indexOf('/')))
    : first.split(',')
  return types.filter((t) => t !== '' && t !== 'all')
}

/**
 * The RESTMapper for a command's arguments: discovery, asked once more past the backend's cache when a type
 * the arguments name is not in it, as kubectl's deferred RESTMapper resets on a miss (so a CRD created by
 * another client works at once).
 */
export async function registryFor(backend: Backend, args: readonly string[]): Promise<ResourceRegistry> {
  const registry = new ResourceRegistry(await backend.discover())
  const missing = argumentTypes(args).some((type) => registry.find(type) === undefined)
  return missing && backend.rediscover ? new ResourceRegistry(await backend.rediscover()) : registry
}

/**
 * The RESTMapper for objects from -f: `known` (or discovery) when it serves every kind the files name, else
 * discovery asked once more past the backend's cache, as kubectl's deferred RESTMapper resets on a
 * NoKindMatch (so a custom resource applies right after another client created its CRD).
 */
export async function registryForManifests(
  backend: Backend,
  entries: readonly ManifestEntry[],
  known?: ResourceRegistry,
): Promise<ResourceRegistry> {
  const registry = known ?? new ResourceRegistry(await backend.discover())
  const missing = entries.some(
    (entry) => !isManifestFailure(entry) && registry.findKind(entry.object.apiVersion, entry.object.kind) === undefined,
  )
  return missing && backend.rediscover ? new ResourceRegistry(await backend.rediscover()) : registry
}

// the global flags that take a value, as kubectl accepts them before the command name
const LEADING_CONNECTION_FLAGS = new Set([
  '--kubeconfig',
  '--context',
  '--cluster',
  '--user',
  '--namespace',
  '-n',
  '--request-timeout',
])

/**
 * Moves connection flags written before the command (`skiff --context prod get pods`, as kubectl allows) to
 * after it, where oclif reads flags; before a `--`, so they never become a command's arguments.
 */
export function connectionFlagsAfterCommand(argv: readonly string[]): string[] {
  const moved: string[] = []
  let index = 0
  while (index < argv.length) {
    const arg = argv[index] ?? ''
    const equals = arg.indexOf('=')
    if (!LEADING_CONNECTION_FLAGS.has(equals > 0 ? arg.slice(0, equals) : arg)) break
    const width = equals > 0 ? 1 : 2
    if (index + width > argv.length) break
    moved.push(...argv.slice(index, index + width))
    index += width
  }
  const rest = argv.slice(index)
  if (moved.length === 0 || rest.length === 0) return [...argv]
  const separator = rest.indexOf('--')
  return separator < 0 ? [...rest, ...moved] : [...rest.slice(0, separator), ...moved, ...rest.slice(separator)]
}
