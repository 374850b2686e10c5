/**
 * `-o yaml` (k8s.io/cli-runtime/pkg/printers/yaml.go, v1.32): sigs.k8s.io/yaml.Marshal of the
 * object, which writes keys in go-yaml v2's order, two-space indentation, sequences not indented
 * under their key, strings quoted only where YAML 1.1 would read them as something else.
 */
import {encodeYamlDocument} from './go-yaml/emitter.js'
import {readBackFromJson} from './go-yaml/json-round-trip.js'

/**
 * One object (or a List) as `kubectl ... -o yaml` prints it; throws YamlPrintError where kubectl
 * fails. Keys are always sorted, typed objects' too: the JSON is read back into plain maps.
 */
export function printYaml(object: unknown): string {
  return encodeYamlDocument(readBackFromJson(object))
}
