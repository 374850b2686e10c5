/** A boolean flag given a value pflag cannot parse (`--watch=maybe`), in pflag's words. */
export class InvalidBoolFlagError extends Error {
  constructor(name: string, char: string | undefined, value: string) {
    const label = char ? `-${char}, --${name}` : `--${name}`
    super(`invalid argument "${value}" for "${label}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`)
    this.name = 'InvalidBoolFlagError'
  }
}

/** What the argv normaliser needs to know about a command's flags. */
export interface FlagShape {
  type: 'boolean' | 'option'
  char?: string | undefined
  allowNo?: boolean | undefined
  /** repeatable (`-f a -f b`); any other option given twice keeps its last value, as pflag does */
  multiple?: boolean | undefined
}

/**
 * Rewrites kubectl (pflag) spellings that oclif's parser does not take: `--wait=false`, `--all=true`,
 * `-o=json`, `-ojson`, and `-f a,b` for repeatable file flags stays as is (split later).
 */
export function normalizeKubectlArgv(argv: readonly string[], flags: Record<string, FlagShape>): string[] {
  const byChar = new Map(Object.entries(flags).flatMap(([name, f]) => (f.char ? [[f.char, name] as const] : [])))
  const out: string[] = []
  let rest = false
  for (const arg of argv) {
    if (rest || arg === '--') {
      rest = true
      out.push(arg)
      continue
    }
    const long = /^--([^=]+)=(.*)$/s.exec(arg)
    if (long) {
      const [, name = '', value = ''] = long
      const flag = flags[name]
      if (flag?.type === 'boolean') {
        const on = parseBool(value)
        if (on === undefined) throw new InvalidBoolFlagError(name, flag.char, value)
        if (on) out.push(`--${name}`)
        else if (flag.allowNo) out.push(`--no-${name}`)
        continue
      }
      out.push(arg)
      continue
    }
    out.push(...expandShort(arg, byChar, flags))
  }
  return keepLastValues(out, flags, byChar)
}

// pflag lets a later `-n b` override an earlier `-n a`; oclif refuses a repeated option, so drop the earlier ones
function keepLastValues(tokens: readonly string[], flags: Record<string, FlagShape>, byChar: Map<string, string>) {
  const spans = new Map<string, Array<[number, number]>>()
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? ''
    if (token === '--') break
    const name = /^--([^=]+)/.exec(token)?.[1] ?? (/^-([A-Za-z])$/.test(token) ? byChar.get(token[1] ?? '') : undefined)
    const flag = name === undefined ? undefined : flags[name]
    if (name === undefined || flag?.type !== 'option') continue
    const width = token.includes('=') || i + 1 >= tokens.length ? 1 : 2
    if (!flag.multiple) spans.set(name, [...(spans.get(name) ?? []), [i, width]])
    i += width - 1
  }
  const dropped = new Set<number>()
  for (const occurrences of spans.values())
    for (const [start, width] of occurrences.slice(0, -1)) for (let k = 0; k < width; k++) dropped.add(start + k)
  return dropped.size === 0 ? [...tokens] : tokens.filter((_, i) => !dropped.has(i))
}

// -ojson, -o=json, -Rf (grouped booleans, the last one may take a value)
function expandShort(arg: string, byChar: Map<string, string>, flags: Record<string, FlagShape>): string[] {
  const short = /^-([A-Za-z])(=?)(.+)$/s.exec(arg)
  if (!short) return [arg]
  const [, char = '', equals, value = ''] = short
  const name = byChar.get(char)
  const flag = name === undefined ? undefined : flags[name]
  if (flag?.type === 'option') return [`-${char}`, value]
  if (flag?.type === 'boolean') {
    if (equals) return parseBool(value) ? [`-${char}`] : []
    return [`-${char}`, ...expandShort(`-${value}`, byChar, flags)]
  }
  return [arg]
}

function parseBool(value: string): boolean | undefined {
  if (['true', '1', 't', 'T', 'TRUE', 'True'].includes(value)) return true
  if (['false', '0', 'f', 'F', 'FALSE', 'False'].includes(value)) return false
  return undefined
}
