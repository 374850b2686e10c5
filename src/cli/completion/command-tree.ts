/*
 * skiff's commands as a tree, read from oclif.manifest.json, for shell completion: what cobra's command tree
 * gives kubectl's __complete (names, summaries, flags, aliases), without loading oclif.
 */

/** A flag as completion sees it. */
export interface CompletionFlag {
  name: string
  char?: string | undefined
  type: 'boolean' | 'option'
  multiple: boolean
  required: boolean
  options?: readonly string[] | undefined
  description: string
  /** a global flag (kubectl's persistent root flags): listed before the command's own */
  global: boolean
}

/** A command or topic. */
export interface CommandNode {
  name: string
  /** `config:use-context`; '' for the root */
  id: string
  summary: string
  hidden: boolean
  aliases: string[]
  flags: CompletionFlag[]
  children: Map<string, CommandNode>
}

/** One command of oclif.manifest.json, the fields completion reads. */
export interface ManifestCommand {
  id: string
  summary?: string
  description?: string
  hidden?: boolean
  aliases?: string[]
  flags: Record<
    string,
    {
      name: string
      char?: string
      type: 'boolean' | 'option'
      multiple?: boolean
      required?: boolean
      options?: string[]
      description?: string
      helpGroup?: string
      hidden?: boolean
    }
  >
}

// the summaries of topics that are no command of their own, in kubectl's words where kubectl has the topic
const TOPIC_SUMMARIES: Readonly<Record<string, string>> = {
  auth: 'Inspect authorization',
  certificate: 'Modify certificate resources',
  cluster: 'Create, use and operate embedded clusters',
  'cluster:node': 'Add, crash and restore nodes of an embedded cluster',
  config: 'Modify kubeconfig files',
  'create:secret': 'Create a secret using a specified subcommand',
  rollout: 'Manage the rollout of a resource',
  set: 'Set specific features on objects',
}

function emptyNode(name: string, id: string): CommandNode {
  return {
    name,
    id,
    summary: TOPIC_SUMMARIES[id] ?? '',
    hidden: false,
    aliases: [],
    flags: [],
    children: new Map(),
  }
}

function flagsOf(command: ManifestCommand): CompletionFlag[] {
  return Object.values(command.flags)
    .filter((flag) => !flag.hidden)
    .map((flag) => ({
      name: flag.name,
      char: flag.char,
      type: flag.type,
      multiple: flag.multiple === true,
      required: flag.required === true,
      options: flag.options,
      description: flag.description ?? '',
      global: flag.helpGroup === 'GLOBAL',
    }))
}

/** The command tree of the manifest's commands; the root carries the global flags. */
export function buildCommandTree(bin: string, commands: Readonly<Record<string, ManifestCommand>>): CommandNode {
  const root = emptyNode(bin, '')
  for (const command of Object.values(commands)) {
    const words = command.id.split(':')
    let node = root
    for (const [index, word] of words.entries()) {
      const id = words.slice(0, index + 1).join(':')
      let child = node.children.get(word)
      if (!child) {
        child = emptyNode(word, id)
        node.children.set(word, child)
      }
      node = child
    }
    node.summary = command.summary ?? command.description?.split('\n')[0] ?? ''
    node.hidden = command.hidden === true
    node.aliases = (command.aliases ?? []).map((alias) => alias.split(':').pop() ?? alias)
    node.flags = flagsOf(command)
    if (root.flags.length === 0) root.flags = node.flags.filter((flag) => flag.global)
  }
  // a topic takes the global flags of the commands below it
  const inherit = (node: CommandNode): void => {
    if (node.flags.length === 0) node.flags = root.flags
    for (const child of node.children.values()) inherit(child)
  }
  for (const child of root.children.values()) inherit(child)
  return root
}

/** The flag a `--name` or `-c` names on this command, if any. */
export function findFlag(node: CommandNode, name: string): CompletionFlag | undefined {
  return node.flags.find((flag) => flag.name === name) ?? node.flags.find((flag) => flag.char === name)
}

/** A child command by name or alias. */
function childNamed(node: CommandNode, word: string): CommandNode | undefined {
  return node.children.get(word) ?? [...node.children.values()].find((child) => child.aliases.includes(word))
}

/**
 * cobra's Find: the command the leading words name (flags and their values skipped), and the arguments left
 * for it, flags included.
 */
export function findCommand(root: CommandNode, args: readonly string[]): {node: CommandNode; rest: string[]} {
  let node = root
  const rest: string[] = []
  let descending = true
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? ''
    if (arg === '--') {
      rest.push(...args.slice(index))
      break
    }
    if (arg.startsWith('-') && arg !== '-') {
      rest.push(arg)
      const name = arg.startsWith('--') ? arg.slice(2) : arg.slice(1)
      const flag = !name.includes('=') && name.length > 0 ? findFlag(node, name) : undefined
      // a flag that takes a value takes the next word, unless written `-nvalue`
      const attached = !arg.startsWith('--') && arg.length > 2
      if (flag?.type === 'option' && !attached && index + 1 < args.length) rest.push(args[++index] ?? '')
      continue
    }
    const child = descending ? childNamed(node, arg) : undefined
    if (child) {
      node = child
      continue
    }
    descending = false
    rest.push(arg)
  }
  return {node, rest}
}
