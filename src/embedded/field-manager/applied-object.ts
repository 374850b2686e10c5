// kube-apiserver's checks of an apply patch's body before the field manager merges it
// (endpoints/handlers/patch.go applyPatcher and rest.go checkName, v1.32).
import {isJsonObject, type KubeObject} from '../../backend/object.js'
import {apiVersionOf, type ResourceInfo, type ResourceRef} from '../../backend/refs.js'
import {badRequest} from '../../backend/status.js'

/** The applied configuration as a KubeObject named and namespaced by the request; throws 400s as the API server does. */
export function appliedObject(info: ResourceInfo, ref: ResourceRef, name: string, body: unknown): KubeObject {
  if (!isJsonObject(body) || !isJsonObject(body['metadata'])) {
    throw badRequest('error decoding YAML: the apply patch is not a Kubernetes object')
  }
  const applied = structuredClone(body) as unknown as KubeObject
  if (applied.metadata.managedFields !== undefined && applied.metadata.managedFields !== null) {
    throw badRequest('metadata.managedFields must be nil')
  }
  const expected = apiVersionOf(info)
  if (applied.apiVersion !== expected || applied.kind !== info.kind) {
    throw badRequest(
      `the API version in the data (${String(applied.apiVersion)}) does not match the expected API version (${expected})`,
    )
  }
  const sentName = applied.metadata.name
  if (sentName !== undefined && sentName !== name) {
    throw badRequest(`the name of the object (${sentName}) does not match the name on the URL (${name})`)
  }
  applied.metadata.name = name
  if (!info.namespaced) {
    delete applied.metadata.namespace
    return applied
  }
  const namespace = ref.namespace ?? 'default'
  if (applied.metadata.namespace !== undefined && applied.metadata.namespace !== namespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request')
  }
  applied.metadata.namespace = namespace
  return applied
}
