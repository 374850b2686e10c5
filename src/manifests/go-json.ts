// Go's json.Marshal of decoded YAML (map keys sorted by bytes, HTML characters escaped), which kubectl
// quotes in some decode errors: `Object 'Kind' is missing in '{"metadata":{"name":"web"}}'`.

function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

function goString(text: string): string {
  let out = '"'
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    if (ch === '"' || ch === '\\') out += `\\${ch}`
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (code < 0x20 || ch === '<' || ch === '>' || ch === '&' || code === 0x2028 || code === 0x2029)
      out += `\\u${code.toString(16).padStart(4, '0')}`
    else if (code >= 0xd800 && code <= 0xdfff) out += '\\ufffd'
    else out += ch
  }
  return `${out}"`
}

/** json.Marshal(value) for the plain values a YAML document decodes to. */
export function goJsonMarshal(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string') return goString(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return `[${value.map(goJsonMarshal).join(',')}]`
  const record = value as Record<string, unknown>
  const keys = Object.keys(record).sort(compareBytes)
  return `{${keys.map((key) => `${goString(key)}:${goJsonMarshal(record[key])}`).join(',')}}`
}

/** Go's JSON type word for a value that does not fit a Go type: 'string', 'number', 'bool', 'array', 'object'. */
export function goJsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'boolean') return 'bool'
  return typeof value === 'object' && value !== null ? 'object' : typeof value
}
