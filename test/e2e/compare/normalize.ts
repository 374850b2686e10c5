// kubectl and skiff each compute ages from their own reading of the clock, a moment apart: '59s' next to
// '60s' or '1m' is no disagreement, and neither is the padding that follows when '9s' becomes '10s' and the
// age column widens. So ages are masked, and in output that has any, the gaps between columns (two spaces or
// more) count as one gap; every cell's text and order must still match exactly.
const AGE = /\b\d+[dhms](?:\d+[hms])*\b/g
const COLUMN_GAP = / {2,}/g

/** Output with every Go-style short duration (`5s`, `2m10s`, `3h`, `4d`) replaced by `<age>`, column gaps evened. */
export function normalizeAges(text: string): string {
  const masked = text.replace(AGE, '<age>')
  return masked === text ? text : masked.replace(/<age> +/g, '<age>  ').replace(COLUMN_GAP, '  ')
}
