// kubectl: pkg/util/apply.go and pkg/cmd/util/editor GetApplyPatch (v1.32)
import type {JsonObject, KubeObject} from '../../backend/object.js'
import {isJsonObject} from '../../backend/object.js'
import {marshalGoJson} from '../../resources/go-json.js'

/** The annotation in which kubectl apply keeps the configuration it last applied (v1.LastAppliedConfigAnnotation). */
export const LAST_APPLIED_CONFIG_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration'

/** The last-applied configuration of an object, as stored (GetOriginalConfiguration); undefined when absent. */
export function getOriginalConfiguration(object: KubeObject): string | undefined {
  return object.metadata.annotations?.[LAST_APPLIED_CONFIG_ANNOTATION]
}

/** The string annotations of an object; like unstructured.GetAnnotations, none when any value is not a string. */
function stringAnnotations(object: KubeObject): Record<string, string> {
  const annotations: unknown = object.metadata.annotations
  if (!isJsonObject(annotations)) return {}
  const result: Record<string, string> = {}
  for (const [key, value] of Object.entries(annotations)) {
    if (typeof value !== 'string') return {}
    result[key] = value
  }
  return result
}

function withAnnotations(object: KubeObject, annotations: Record<string, string>): KubeObject {
  const copy = structuredClone(object)
  copy.metadata.annotations = annotations
  return copy
}

/** runtime.Encode with the unstructured JSON scheme: Go's json.Marshal plus the encoder's newline. */
export function encodeObject(object: JsonObject): string {
  return `${marshalGoJson(object)}\n`
}

/**
 * The configuration kubectl apply records and diffs (GetModifiedConfiguration): the object without its
 * last-applied annotation, as compact JSON with sorted keys and a trailing newline. Removing the annotation
 * leaves `annotations: {}` behind, as kubectl's does. With annotate, the JSON of the object that carries that
 * configuration as its last-applied annotation.
 */
export function getModifiedConfiguration(object: KubeObject, options: {annotate: boolean}): string {
  const annotations = stringAnnotations(object)
  delete annotations[LAST_APPLIED_CONFIG_ANNOTATION]
  const configuration = encodeObject(withAnnotations(object, annotations))
  if (!options.annotate) return configuration
  return encodeObject(withAnnotations(object, {...annotations, [LAST_APPLIED_CONFIG_ANNOTATION]: configuration}))
}

/** A copy of an object annotated with its own configuration (CreateApplyAnnotation), as apply creates it. */
export function createApplyAnnotation(object: KubeObject): KubeObject {
  const configuration = getModifiedConfiguration(object, {annotate: false})
  return withAnnotations(object, {...stringAnnotations(object), [LAST_APPLIED_CONFIG_ANNOTATION]: configuration})
}

/**
 * What `apply set-last-applied` sends for an object read from a file (editor.GetApplyPatch): a JSON merge patch
 * setting the annotation to the object's JSON as given (sorted keys, no trailing newline), and that JSON.
 */
export function setLastAppliedPatch(object: KubeObject): {patch: JsonObject; configuration: string} {
  const configuration = marshalGoJson(object)
  return {patch: {metadata: {annotations: {[LAST_APPLIED_CONFIG_ANNOTATION]: configuration}}}, configuration}
}
