// kubectl and skiff each compute ages from their own reading of the clock, a moment apart: '59s' next to
// '60s' or '1m' is no disagreement. Only age-like words are replaced; everything else must match exactly.
const AGE = /\b\d+[dhms](?:\d+[hms])*\b/g

/** Output with every Go-style short duration (`5s`, `2m10s`, `3h`, `4d`) replaced by `<age>`. */
export function normalizeAges(text: string): string {
  return text.replace(AGE, '<age>')
}
