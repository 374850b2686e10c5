/** A NAME column of sorted names, as `config get-clusters` and `config get-users` print it (header always). */
export function printNames(names: readonly string[]): string {
  const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return ['NAME', ...sorted].map((line) => `${line}\n`).join('')
}
