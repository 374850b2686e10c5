import {findCommand, findFlag, type CommandNode, type CompletionFlag} from './command-tree.js'
import {Directive} from './directive.js'
import {STATIC_ARGS, VALID_ARGS, type CompletionSources, type Completions} from './valid-args.js'

/*
 * cobra's __complete (spf13/cobra completions.go getCompletions, v1.8, as kubectl v1.32 vendors it): find the
 * command, then complete a flag's value, a flag's name, or the subcommands, required flags and arguments.
 */

/** The connection flags the arguments set, for the sources to reach the right cluster and namespace. */
export interface CompletionFlags {
  kubeconfig?: string
  context?: string
  cluster?: string
  user?: string
  namespace?: string
}

// kubectl's filename flags complete files of these extensions (cmdutil.AddFilenameOptionFlags, v1.32)
const MANIFEST_EXTENSIONS = ['json', 'yaml', 'yml']

function byName(a: CompletionFlag, b: CompletionFlag): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0
}

// getFlagNameCompletions: `--name\tusage`, and `-c\tusage` when the word is a prefix of it
function flagNameCompletions(flag: CompletionFlag, toComplete: string): string[] {
  const out: string[] = []
  if (`--${flag.name}`.startsWith(toComplete)) out.push(`--${flag.name}\t${flag.description}`)
  if (flag.char && `-${flag.char}`.startsWith(toComplete)) out.push(`-${flag.char}\t${flag.description}`)
  return out
}

// the global (inherited) flags first, then the command's own, each sorted by name, as cobra visits them
function flagsInCobraOrder(node: CommandNode): CompletionFlag[] {
  return [...node.flags.filter((f) => f.global).sort(byName), ...node.flags.filter((f) => !f.global).sort(byName)]
}

/** What the arguments before the word being completed hold. */
interface ParsedArgs {
  positionals: string[]
  changed: Set<string>
  values: Map<string, string>
  dashDash: boolean
  localFlag: boolean
}

function parseArgs(node: CommandNode, args: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = {positionals: [], changed: new Set(), values: new Map(), dashDash: false, localFlag: false}
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? ''
    if (parsed.dashDash || arg === '-' || !arg.startsWith('-')) {
      parsed.positionals.push(arg)
      continue
    }
    if (arg === '--') {
      parsed.dashDash = true
      continue
    }
    const long = arg.startsWith('--')
    const body = long ? arg.slice(2) : arg.slice(1)
    const equals = body.indexOf('=')
    const name = equals >= 0 ? body.slice(0, equals) : long ? body : body.slice(0, 1)
    const flag = findFlag(node, name)
    if (!flag) continue
    parsed.changed.add(flag.name)
    if (!flag.global) parsed.localFlag = true
    if (flag.type !== 'option') continue
    if (equals >= 0) parsed.values.set(flag.name, body.slice(equals + 1))
    else if (!long && body.length > 1) parsed.values.set(flag.name, body.slice(1))
    else parsed.values.set(flag.name, args[++index] ?? '')
  }
  return parsed
}

/** checkIfFlagCompletion: the flag whose value is being completed, the arguments before it, and the value so far. */
function flagBeingCompleted(
  node: CommandNode,
  args: readonly string[],
  toComplete: string,
): {flag: CompletionFlag | undefined; args: readonly string[]; value: string; unknown: boolean} {
  if (toComplete.startsWith('-')) {
    const equals = toComplete.indexOf('=')
    if (equals < 0) return {flag: undefined, args, value: toComplete, unknown: false}
    const name = toComplete.startsWith('--') ? toComplete.slice(2, equals) : toComplete.slice(equals - 1, equals)
    const flag = findFlag(node, name)
    return {flag, args, value: toComplete.slice(equals + 1), unknown: !flag}
  }
  const previous = args[args.length - 1]
  if (previous === undefined || !previous.startsWith('-') || previous === '-' || previous.includes('='))
    return {flag: undefined, args, value: toComplete, unknown: false}
  if (args.includes('--')) return {flag: undefined, args, value: toComplete, unknown: false}
  const name = previous.startsWith('--') ? previous.slice(2) : previous.slice(-1)
  const flag = findFlag(node, name)
  if (!flag) return {flag: undefined, args, value: toComplete, unknown: true}
  // a boolean flag takes no value: the word is an argument after all
  if (flag.type === 'boolean') return {flag: undefined, args, value: toComplete, unknown: false}
  return {flag, args: args.slice(0, -1), value: toComplete, unknown: false}
}

// the formats an -o flag lists in its usage, `One of: (json, yaml, ...)`, as kubectl registers them
function outputFormats(flag: CompletionFlag): string[] | undefined {
  const list = /One of: \(([^)]*)\)/.exec(flag.description)?.[1]
  return list?.split(',').map((f) => f.trim())
}

async function flagValueCompletions(
  flag: CompletionFlag,
  value: string,
  sources: CompletionSources,
): Promise<Completions> {
  const noFiles = (completions: string[]): Completions => ({completions, directive: Directive.NoFileComp})
  switch (flag.name) {
    case 'namespace':
      return noFiles(await sources.resourceNames('namespace', value))
    case 'context':
      return noFiles(await sources.contexts(value))
    case 'cluster':
      return noFiles(await sources.clusters(value))
    case 'user':
      return noFiles(await sources.users(value))
    case 'filename':
      return {completions: MANIFEST_EXTENSIONS, directive: Directive.FilterFileExt}
    default:
      break
  }
  const listed = flag.options ?? (flag.name === 'output' ? outputFormats(flag) : undefined)
  if (listed) return noFiles(listed.filter((option) => option.startsWith(value)))
  return {completions: [], directive: Directive.Default}
}

/** The connection flags set in the arguments, for the completion sources. */
export function connectionFlagsOf(root: CommandNode, args: readonly string[]): CompletionFlags {
  const {node, rest} = findCommand(root, args)
  const {values} = parseArgs(node, rest)
  const flags: CompletionFlags = {}
  for (const name of ['kubeconfig', 'context', 'cluster', 'user', 'namespace'] as const) {
    const value = values.get(name)
    if (value !== undefined && value !== '') flags[name] = value
  }
  return flags
}

/** cobra's getCompletions for `__complete ARGS... WORD`. */
export async function complete(
  root: CommandNode,
  words: readonly string[],
  sources: CompletionSources,
): Promise<Completions> {
  if (words.length === 0) return {completions: [], directive: Directive.NoFileComp}
  const toComplete = words[words.length - 1] ?? ''
  const {node, rest} = findCommand(root, words.slice(0, -1))
  const being = flagBeingCompleted(node, rest, toComplete)
  if (being.unknown) return {completions: [], directive: Directive.Default}
  if (being.flag) return flagValueCompletions(being.flag, being.value, sources)
  const parsed = parseArgs(node, being.args)
  const required = node.flags
    .filter((f) => f.required && !parsed.changed.has(f.name))
    .flatMap((f) => flagNameCompletions(f, toComplete))
  if (toComplete.startsWith('-') && !parsed.dashDash) {
    if (required.length > 0) return {completions: required, directive: Directive.NoFileComp}
    const all = flagsInCobraOrder(node)
      .filter((f) => !parsed.changed.has(f.name) || f.multiple)
      .flatMap((f) => flagNameCompletions(f, toComplete))
    return {completions: all, directive: Directive.NoFileComp}
  }
  const completions: string[] = []
  let directive: number = Directive.Default
  if (parsed.positionals.length === 0 && !parsed.localFlag) {
    const children = [...node.children.values()].filter((c) => !c.hidden).sort((a, b) => (a.name < b.name ? -1 : 1))
    for (const child of children) {
      if (child.name.startsWith(toComplete)) completions.push(`${child.name}\t${child.summary}`)
      directive = Directive.NoFileComp
    }
  }
  completions.push(...required)
  const fixed = STATIC_ARGS[node.id]
  if (fixed && parsed.positionals.length === 0) {
    completions.push(...fixed.filter((arg) => arg.startsWith(toComplete)))
    directive = Directive.NoFileComp
  }
  const validArgs = VALID_ARGS[node.id]
  if (validArgs) {
    const found = await validArgs(sources, parsed.positionals, toComplete)
    completions.push(...found.completions)
    directive = found.directive
  }
  return {completions, directive}
}
