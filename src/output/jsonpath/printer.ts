/**
 * kubectl's JSONPathPrinter (k8s.io/cli-runtime/pkg/printers/jsonpath.go, v1.32): `-o jsonpath`
 * and `-o jsonpath-as-json`, with kubectl's long error that dumps the template and the object.
 */
import {goQuote, goSharpV} from '../../resources/go-format.js'
import {JsonPathExecuteError} from './errors.js'
import {executeJsonPath} from './execute.js'
import type {JsonPathTemplate} from './nodes.js'

/** Options of printJsonPath. */
export interface JsonPathPrintOptions {
  /** -o jsonpath-as-json */
  asJson?: boolean
  /** --allow-missing-template-keys (default true) */
  allowMissingKeys?: boolean
}

/** The error kubectl reports when a template fails on an object; the message is kubectl's, verbatim. */
export class JsonPathPrintError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'JsonPathPrintError'
  }
}

/** Prints an object with a parsed template as `kubectl get -o jsonpath=...` does. */
export function printJsonPath(template: JsonPathTemplate, object: unknown, options: JsonPathPrintOptions = {}): string {
  try {
    return executeJsonPath(template, object, {
      allowMissingKeys: options.allowMissingKeys ?? true,
      outputJson: options.asJson === true,
    })
  } catch (error) {
    if (!(error instanceof JsonPathExecuteError)) throw error
    // fmt.Errorf("error executing jsonpath %q: %v\n", ...) around the debugging buffer
    const details =
      `Error executing template: ${error.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template.source}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goSharpV(object)}\n\n`
    throw new JsonPathPrintError(`error executing jsonpath ${goQuote(template.source)}: ${details}\n`)
  }
}
