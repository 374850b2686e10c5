/**
 * sigs.k8s.io/yaml.Marshal does not write the object itself: it writes it as JSON and has go-yaml
 * read that JSON back (JSONToYAML, v1.32). The few characters encoding/json leaves raw survive that
 * trip badly, and kubectl's `-o yaml` shows it; this module reproduces those effects.
 */
import {isJsonObject} from '../../backend/object.js'
import {marshalGoJson, replaceLoneSurrogates} from '../../resources/go-json.js'

// go-yaml's reader accepts tab, LF, CR, printable ASCII, NEL, and U+00A0 upwards.
const YAML_FORBIDDEN = /[\x7f-\x84\x86-\x9f]/u
const NEL = '\u0085'
const FOLDED_NEL = / *\u0085(?: *\u0085)* */gu

/** kubectl's -o yaml failed on this object with the given go-yaml message. */
export class YamlPrintError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'YamlPrintError'
  }
}

/** The value go-yaml reads back from the object's JSON; throws YamlPrintError where kubectl fails. */
export function readBackFromJson(value: unknown): unknown {
  const json = marshalGoJson(value)
  if (YAML_FORBIDDEN.test(json)) throw new YamlPrintError('yaml: control characters are not allowed')
  const line = firstMultilineKeyLine(json)
  if (line !== undefined) throw new YamlPrintError(`yaml: line ${line}: did not find expected ',' or '}'`)
  return normalize(value)
}

// A key holding a NEL spans two lines of the JSON text, which a flow mapping cannot have; go-yaml
// reports the 0-based line of the ':' that follows it.
function firstMultilineKeyLine(json: string): number | undefined {
  const key = /"(?:[^"\\]|\\.)*\u0085(?:[^"\\]|\\.)*":/u.exec(json)
  if (!key) return undefined
  return json.slice(0, key.index + key[0].length).split(NEL).length - 1
}

// NEL is a line break inside a double-quoted YAML scalar: one folds to a space, n to n-1 newlines;
// invalid UTF-16 becomes U+FFFD as encoding/json writes it.
function normalize(value: unknown): unknown {
  if (typeof value === 'string') {
    return replaceLoneSurrogates(value).replace(FOLDED_NEL, (run) => {
      const breaks = run.split(NEL).length - 1
      return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1)
    })
  }
  if (Array.isArray(value)) return value.map(normalize)
  if (!isJsonObject(value)) return value
  const result: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) result[replaceLoneSurrogates(key)] = normalize(item)
  return result
}
