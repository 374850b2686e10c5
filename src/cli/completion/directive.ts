/** cobra's ShellCompDirective bits (spf13/cobra completions.go, v1.8): how a shell treats the completions. */
export const Directive = {
  Default: 0,
  Error: 1,
  NoSpace: 2,
  NoFileComp: 4,
  FilterFileExt: 8,
  FilterDirs: 16,
  KeepOrder: 32,
} as const

const NAMES: ReadonlyArray<readonly [number, string]> = [
  [Directive.Error, 'ShellCompDirectiveError'],
  [Directive.NoSpace, 'ShellCompDirectiveNoSpace'],
  [Directive.NoFileComp, 'ShellCompDirectiveNoFileComp'],
  [Directive.FilterFileExt, 'ShellCompDirectiveFilterFileExt'],
  [Directive.FilterDirs, 'ShellCompDirectiveFilterDirs'],
  [Directive.KeepOrder, 'ShellCompDirectiveKeepOrder'],
]

// the first value past the defined bits
const MAX_DIRECTIVE = 64

/** ShellCompDirective.string(): the names of the bits set, as cobra prints them on stderr. */
export function directiveName(directive: number): string {
  if (directive >= MAX_DIRECTIVE) return `ERROR: unexpected ShellCompDirective value: ${directive}`
  const names = NAMES.filter(([bit]) => (directive & bit) !== 0).map(([, name]) => name)
  return names.length === 0 ? 'ShellCompDirectiveDefault' : names.join(', ')
}

/**
 * What `__complete` prints (cobra's __complete command): one completion a line (description after a tab, first
 * line only, trimmed; descriptions dropped for `__completeNoDesc`), then `:<directive>`; stderr names the directive.
 */
export function formatCompletions(
  completions: readonly string[],
  directive: number,
  options: {descriptions: boolean},
): {stdout: string; stderr: string} {
  const lines = completions.map((completion) => {
    const text = options.descriptions ? completion : (completion.split('\t')[0] ?? '')
    return (text.split('\n')[0] ?? '').trim()
  })
  return {
    stdout: [...lines, `:${directive}`].map((line) => `${line}\n`).join(''),
    stderr: `Completion ended with directive: ${directiveName(directive)}\n`,
  }
}
