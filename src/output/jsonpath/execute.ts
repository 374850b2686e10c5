/**
 * Executing a parsed template on an object (jsonpath.Execute + PrintResults, v1.32): maps and
 * lists print as compact JSON, strings raw, numbers as Go prints them, nil as `null`; the values
 * one action found are joined by a space.
 */
import {isJsonObject} from '../../backend/object.js'
import {formatGoFloat, formatGoNumber} from '../../resources/go-format.js'
import {marshalGoJson} from '../../resources/go-json.js'
import {findResults} from './evaluate.js'
import type {JsonPathTemplate} from './nodes.js'
import {GoFloat, NO_VALUE} from './nodes.js'

// jsonpath-as-json: each action's results as an indented JSON array (MarshalIndent with 4 spaces).
const JSON_INDENT = '    '

/** Options of executeJsonPath. */
export interface ExecuteJsonPathOptions {
  /** a missing field prints nothing instead of failing (kubectl's -o jsonpath default is true) */
  allowMissingKeys: boolean
  /** -o jsonpath-as-json: print each action's results as a JSON array */
  outputJson?: boolean
}

/** Runs a template on data and returns the text kubectl writes; throws JsonPathExecuteError. */
export function executeJsonPath(template: JsonPathTemplate, data: unknown, options: ExecuteJsonPathOptions): string {
  return findResults(template, data, options)
    .map((results) => printResults(results, options.outputJson === true))
    .join('')
}

/** The values a template finds, one list per action (FindResults), as plain JSON values. */
export function findJsonPathResults(
  template: JsonPathTemplate,
  data: unknown,
  options: ExecuteJsonPathOptions,
): unknown[][] {
  return findResults(template, data, options).map((results) => results.map(plainValue))
}

function printResults(results: unknown[], outputJson: boolean): string {
  if (outputJson) return `${marshalGoJson(results.map(plainValue), {indent: JSON_INDENT})}\n`
  return results.map(valueText).join(' ')
}

function valueText(value: unknown): string {
  if (Array.isArray(value) || (isJsonObject(value) && !(value instanceof GoFloat))) return marshalGoJson(value)
  if (value instanceof GoFloat) return formatGoFloat(value.value)
  if (value === NO_VALUE) return '<no value>'
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'number') return formatGoNumber(value)
  return String(value)
}

function plainValue(value: unknown): unknown {
  if (value === NO_VALUE) return null
  return value instanceof GoFloat ? value.value : value
}
