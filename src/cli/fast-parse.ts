import {InvalidBoolFlagError, normalizeKubectlArgv, type FlagShape} from './kubectl-argv.js'

/** A flag as oclif.manifest.json records it. */
export interface ManifestFlag {
  name: string
  char?: string
  type: 'boolean' | 'option'
  multiple?: boolean
  allowNo?: boolean
  default?: unknown
  options?: string[]
}

/** What the fast parser read: positional arguments and flags with oclif's defaults applied. */
export interface FastParsed {
  args: string[]
  flags: Record<string, unknown>
}

/**
 * Parses argv with the flag definitions oclif wrote into its manifest, the common cases only: anything
 * it does not fully understand (help, an unknown flag, a missing or invalid value) returns undefined, so
 * the caller hands the command to oclif, whose parser words the error.
 */
export function fastParse(
  argv: readonly string[],
  definitions: Readonly<Record<string, ManifestFlag>>,
): FastParsed | undefined {
  const shapes: Record<string, FlagShape> = {}
  const byChar = new Map<string, ManifestFlag>()
  for (const flag of Object.values(definitions)) {
    shapes[flag.name] = {type: flag.type, char: flag.char, allowNo: flag.allowNo, multiple: flag.multiple}
    if (flag.char) byChar.set(flag.char, flag)
  }
  let tokens: string[]
  try {
    tokens = normalizeKubectlArgv(argv, shapes)
  } catch (error) {
    // oclif's path words the error with the command's help pointer
    if (error instanceof InvalidBoolFlagError) return undefined
    throw error
  }
  const args: string[] = []
  const flags: Record<string, unknown> = {}
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? ''
    if (token === '--') {
      args.push(...tokens.slice(i + 1))
      break
    }
    if (token === '-h' || token === '--help' || token === '-' || !token.startsWith('-')) {
      if (token === '-h' || token === '--help') return undefined
      args.push(token)
      continue
    }
    const long = token.startsWith('--')
    const eq = long ? token.indexOf('=') : -1
    const key = long ? token.slice(2, eq < 0 ? undefined : eq) : token.slice(1)
    const negated = long && key.startsWith('no-') && definitions[key] === undefined
    const flag = long ? definitions[negated ? key.slice(3) : key] : byChar.get(key)
    if (!flag || (negated && !flag.allowNo)) return undefined
    if (flag.type === 'boolean') {
      if (eq >= 0) return undefined
      flags[flag.name] = !negated
      continue
    }
    const value = eq >= 0 ? token.slice(eq + 1) : tokens[++i]
    if (value === undefined || (flag.options && !flag.options.includes(value))) return undefined
    const typed = typeof flag.default === 'number' ? toInteger(value) : value
    if (typed === undefined) return undefined
    flags[flag.name] = flag.multiple ? [...((flags[flag.name] as unknown[] | undefined) ?? []), typed] : typed
  }
  // as oclif: a flag not given takes its default; a boolean without one stays undefined
  // (the manifest records no boolean defaults, so a boolean that defaults to true must read undefined as true)
  for (const flag of Object.values(definitions)) {
    if (flags[flag.name] === undefined && flag.default !== undefined) flags[flag.name] = flag.default
  }
  return {args, flags}
}

function toInteger(text: string): number | undefined {
  return /^-?\d+$/.test(text) ? Number(text) : undefined
}
