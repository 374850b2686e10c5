import {Directive} from './directive.js'

/** Where completions come from: the server and the kubeconfig, each asked lazily and errors read as nothing. */
export interface CompletionSources {
  /** `resource.group` names of readable resource types starting with the word (`pods,secre` → `pods,secrets`) */
  resourceTypes(toComplete: string): Promise<string[]>
  /** names of the objects of TYPE in the namespace that start with the prefix */
  resourceNames(type: string, prefix: string): Promise<string[]>
  contexts(prefix: string): Promise<string[]>
  clusters(prefix: string): Promise<string[]>
  users(prefix: string): Promise<string[]>
  embeddedClusters(prefix: string): Promise<string[]>
}

/** What a completion function answers: completions and the directive. */
export interface Completions {
  completions: string[]
  directive: number
}

/** A command's ValidArgsFunction: its positional arguments so far and the word being completed. */
type ValidArgsFunction = (
  sources: CompletionSources,
  args: readonly string[],
  toComplete: string,
) => Promise<Completions>

// cmdutil.Difference: the completions not already on the command line
function without(completions: readonly string[], present: readonly string[]): string[] {
  return completions.filter((c) => !present.includes(c))
}

/**
 * kubectl's resourceTypeAndNameCompletionFunc (kubectl/pkg/util/completion/completion.go, v1.32): `TYPE NAME...`
 * or `TYPE/NAME...`; the types are the server's (or a fixed list), and a name is offered once.
 */
function resourceTypeAndName(allowedTypes: readonly string[] | undefined, allowRepeat: boolean): ValidArgsFunction {
  return async (sources, args, toComplete) => {
    let directive: number = Directive.NoFileComp
    const typesStartingWith = async (prefix: string): Promise<string[]> =>
      allowedTypes ? allowedTypes.filter((t) => t.startsWith(prefix)) : sources.resourceTypes(prefix)
    const [first] = args
    if (first !== undefined && !first.includes('/')) {
      if (!allowRepeat && args.length !== 1) return {completions: [], directive}
      const names = await sources.resourceNames(first, toComplete)
      return {completions: args.length > 1 ? without(names, args.slice(1)) : names, directive}
    }
    const slash = toComplete.indexOf('/')
    if (slash < 0) {
      if (args.length === 0) return {completions: await typesStartingWith(toComplete), directive}
      if (!allowRepeat) return {completions: [], directive}
      directive |= Directive.NoSpace
      return {completions: (await typesStartingWith(toComplete)).map((t) => `${t}/`), directive}
    }
    if (!allowRepeat && args.length > 0) return {completions: [], directive}
    const type = toComplete.slice(0, slash)
    const names = (await sources.resourceNames(type, toComplete.slice(slash + 1))).map((n) => `${type}/${n}`)
    return {completions: args.length > 0 ? without(names, args) : names, directive}
  }
}

/** ResourceNameCompletionFunc: names of one type, for the first argument only. */
function resourceName(type: string): ValidArgsFunction {
  return async (sources, args, toComplete) => ({
    completions: args.length === 0 ? await sources.resourceNames(type, toComplete) : [],
    directive: Directive.NoFileComp,
  })
}

// the kinds whose pods `logs` can name as TYPE/NAME (doPodResourceCompletion)
const RESOURCES_WITH_PODS = [
  'daemonsets',
  'deployments',
  'pods',
  'jobs',
  'replicasets',
  'replicationcontrollers',
  'services',
  'statefulsets',
]

/** PodResourceNameCompletionFunc: a pod's name, or TYPE/ of a kind that has pods, then its names. */
const podResourceName: ValidArgsFunction = async (sources, args, toComplete) => {
  let directive: number = Directive.NoFileComp
  if (args.length > 0) return {completions: [], directive}
  const slash = toComplete.indexOf('/')
  if (slash >= 0) {
    const type = toComplete.slice(0, slash)
    const names = await sources.resourceNames(type, toComplete.slice(slash + 1))
    return {completions: names.map((n) => `${type}/${n}`), directive}
  }
  const pods = await sources.resourceNames('pod', toComplete)
  // with no pod to offer only TYPE/ is completed: no space after the slash
  if (pods.length === 0) directive |= Directive.NoSpace
  const types = RESOURCES_WITH_PODS.filter((t) => t.startsWith(toComplete)).map((t) => `${t}/`)
  return {completions: [...pods, ...types], directive}
}

function firstArgument(list: (sources: CompletionSources, prefix: string) => Promise<string[]>): ValidArgsFunction {
  return async (sources, args, toComplete) => ({
    completions: args.length === 0 ? await list(sources, toComplete) : [],
    directive: Directive.NoFileComp,
  })
}

const contexts = firstArgument((s, p) => s.contexts(p))
const ROLLOUT_KINDS = ['deployment', 'daemonset', 'statefulset']

/** The ValidArgsFunction of each command, as kubectl v1.32 registers them for the commands skiff has. */
export const VALID_ARGS: Readonly<Record<string, ValidArgsFunction>> = {
  get: resourceTypeAndName(undefined, true),
  describe: resourceTypeAndName(undefined, true),
  delete: resourceTypeAndName(undefined, true),
  label: resourceTypeAndName(undefined, true),
  annotate: resourceTypeAndName(undefined, true),
  scale: resourceTypeAndName(['deployment', 'replicaset', 'replicationcontroller', 'statefulset'], true),
  'set:image': resourceTypeAndName(
    ['daemonsets', 'deployments', 'pods', 'cronjobs', 'replicasets', 'replicationcontrollers', 'statefulsets'],
    true,
  ),
  'rollout:history': resourceTypeAndName(ROLLOUT_KINDS, true),
  'rollout:restart': resourceTypeAndName(ROLLOUT_KINDS, true),
  'rollout:status': resourceTypeAndName(ROLLOUT_KINDS, true),
  'rollout:undo': resourceTypeAndName(ROLLOUT_KINDS, true),
  'rollout:pause': resourceTypeAndName(['deployment'], true),
  'rollout:resume': resourceTypeAndName(['deployment'], true),
  taint: resourceTypeAndName(['node'], false),
  cordon: resourceName('node'),
  uncordon: resourceName('node'),
  drain: resourceName('node'),
  logs: podResourceName,
  'config:use-context': contexts,
  'config:delete-context': contexts,
  'config:rename-context': contexts,
  'config:set-context': contexts,
  'config:delete-cluster': firstArgument((s, p) => s.clusters(p)),
  'config:delete-user': firstArgument((s, p) => s.users(p)),
  // skiff's own: embedded clusters and their nodes
  'cluster:use': firstArgument((s, p) => s.embeddedClusters(p)),
  'cluster:delete': firstArgument((s, p) => s.embeddedClusters(p)),
  'cluster:node:crash': resourceName('node'),
  'cluster:node:restore': resourceName('node'),
}

/** Commands with a fixed list of arguments (cobra's ValidArgs). */
export const STATIC_ARGS: Readonly<Record<string, readonly string[]>> = {
  completion: ['bash', 'zsh', 'fish', 'powershell'],
}
