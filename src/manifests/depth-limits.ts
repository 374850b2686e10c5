// How deeply a manifest may nest. kubectl refuses more than 10,000 levels: encoding/json's maxNestingDepth for
// JSON streams, go-yaml v2's max_flow_level and max_indents for YAML (v1.32). skiff's own code walks objects
// recursively on Node's ~1 MB stack (the yaml package's composer, structuredClone and JSON.stringify among
// them), and the yaml composer overflows at about 800 nested flow collections, so skiff refuses documents
// deeper than a lower limit, in the same words, rather than failing with `Maximum call stack size exceeded`.

/** kubectl's limit, and the depth its errors name. */
export const KUBECTL_MAX_DEPTH = 10_000

/** skiff's limit: far deeper than any real manifest (a CRD's schema nests a few dozen levels). */
export const MAX_DEPTH = 500

/** Words a depth error of a JSON stream as encoding/json does, with the limit when it is skiff's own. */
export function jsonDepthMessage(opener: string, limit: number): string {
  const suffix = limit === KUBECTL_MAX_DEPTH ? '' : ` of ${limit}`
  return `invalid character '${opener}' exceeded max depth${suffix}`
}

/** go-yaml's words for a document nested too deeply. */
export function yamlDepthMessage(limit: number): string {
  return `exceeded max depth of ${limit}`
}
