import {isJsonObject, type KubeObject} from '../../../backend/object.js'
import type {ResourceInfo} from '../../../backend/refs.js'
import {definitionName, REF, type Schema} from './definitions.js'
import type {CustomKind} from './documents.js'

/*
 * The OpenAPI schemas of custom resources, as kube-apiserver publishes them: each served CRD version's
 * openAPIV3Schema under the kind's reverse-domain name (example.com/v1 Widget: com.example.v1.Widget), with
 * apiVersion, kind and metadata as every object has them, and the kind's group-version-kind.
 */

function reverseDomain(group: string): string {
  return group.split('.').reverse().join('.')
}

function versionSchema(crd: KubeObject, info: ResourceInfo): Schema | undefined {
  const spec = crd['spec']
  if (!isJsonObject(spec) || spec['group'] !== info.group) return undefined
  const names = spec['names']
  if (!isJsonObject(names) || names['plural'] !== info.resource) return undefined
  const versions = Array.isArray(spec['versions']) ? spec['versions'] : []
  const version = versions.find((v) => isJsonObject(v) && v['name'] === info.version)
  if (!isJsonObject(version)) return undefined
  const schema = isJsonObject(version['schema']) ? version['schema']['openAPIV3Schema'] : undefined
  return isJsonObject(schema) ? (structuredClone(schema) as Schema) : {type: 'object'}
}

/**
 * The custom kinds among `resources` (those a stored CRD serves), with their schemas; `standard` gives the
 * apiVersion and kind properties every object shares (with their descriptions), as a built-in kind has them.
 */
export function customKinds(
  resources: readonly ResourceInfo[],
  crds: readonly KubeObject[],
  standard: {apiVersion?: Schema; kind?: Schema} = {},
): CustomKind[] {
  const kinds: CustomKind[] = []
  for (const info of resources) {
    const schema = crds.map((crd) => versionSchema(crd, info)).find((s) => s !== undefined)
    if (schema === undefined) continue
    const properties = {...((schema['properties'] as Record<string, Schema> | undefined) ?? {})}
    properties['apiVersion'] ??= standard.apiVersion ?? {type: 'string'}
    properties['kind'] ??= standard.kind ?? {type: 'string'}
    properties['metadata'] = {[REF]: definitionName('V1ObjectMeta', info.group)}
    kinds.push({
      root: info,
      name: `${reverseDomain(info.group)}.${info.version}.${info.kind}`,
      schema: {
        ...schema,
        properties,
        'x-kubernetes-group-version-kind': [{group: info.group, kind: info.kind, version: info.version}],
      },
    })
  }
  return kinds
}
