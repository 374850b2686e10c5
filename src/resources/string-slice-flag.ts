/** pflag's StringSlice flag value: every occurrence is a comma-separated list (empty items dropped). */
export function splitSliceFlag(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((value) => value.split(',')).filter((value) => value !== '')
}
