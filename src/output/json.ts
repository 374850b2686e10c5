/**
 * `-o json` (k8s.io/cli-runtime/pkg/printers/json.go, v1.32): json.MarshalIndent with four spaces
 * and a final newline. Objects read from a server are unstructured maps, so keys come out sorted.
 */
import {marshalGoJson} from '../resources/go-json.js'

// printers.JSONPrinter: MarshalIndent(obj, "", "    ")
const JSON_INDENT = '    '

/** Options of printJson. */
export interface SerializePrintOptions {
  /**
   * keep each object's own key order, as kubectl does for the typed objects its generators build
   * (`create deployment --dry-run=client`); by default keys are sorted as for unstructured objects
   */
  keepKeyOrder?: boolean
}

/** One object (or a List) as `kubectl ... -o json` prints it. */
export function printJson(object: unknown, options: SerializePrintOptions = {}): string {
  return `${marshalGoJson(object, {indent: JSON_INDENT, keepKeyOrder: options.keepKeyOrder === true})}\n`
}
