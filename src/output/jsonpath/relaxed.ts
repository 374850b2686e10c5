import {JsonPathParseError} from './errors.js'

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/

/**
 * kubectl's RelaxedJSONPathExpression (kubectl/pkg/cmd/get/customcolumn.go, v1.32): accepts
 * `metadata.name`, `.metadata.name`, `{metadata.name}` and `{.metadata.name}` and returns
 * `{.metadata.name}`. Custom columns and --sort-by use it; `-o jsonpath` does not.
 */
export function relaxedJsonPathExpression(expression: string): string {
  if (expression.length === 0) return expression
  const match = RELAXED.exec(expression)
  if (!match) {
    throw new JsonPathParseError(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    )
  }
  return `{.${match[1] ?? match[2] ?? ''}}`
}
