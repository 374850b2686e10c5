/** What the argv normaliser needs to know about a command's flags. */
export interface FlagShape {
  type: 'boolean' | 'option'
  char?: string | undefined
  allowNo?: boolean | undefined
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
        if (on === undefined) out.push(arg)
        else if (on) out.push(`--${name}`)
        else if (flag.allowNo) out.push(`--no-${name}`)
        continue
      }
      out.push(arg)
      continue
    }
    out.push(...expandShort(arg, byChar, flags))
  }
  return out
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
