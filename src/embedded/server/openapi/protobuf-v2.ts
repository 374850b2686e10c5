import type {ResourceInfo} from '../../../backend/refs.js'
import {groupVersionPath} from './documents.js'

/*
 * /openapi/v2 as kubectl 1.27 and 1.28 ask for it: protobuf (gnostic's openapi_v2.Document). Those versions
 * read it only to learn whether a kind's PATCH operation takes `fieldValidation` (else they refuse to apply
 * without --validate=false), so this document carries the paths and their PATCH operations, and no
 * definitions: kubectl then takes patch metadata from its compiled-in types, as for any kind the schema lacks.
 * Field numbers are those of gnostic's OpenAPIv2.proto; every field used is a string or a message, so only
 * length-delimited fields (wire type 2) are written.
 */

/** The media type kubectl asks for. */
export const OPENAPI_V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf'

/** The Content-Type of the answer: the same type with '.' for '@', which Go's mime parser accepts. */
export const OPENAPI_V2_PROTOBUF_CONTENT_TYPE = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf'

function varint(value: number): Buffer {
  const bytes: number[] = []
  let rest = value
  while (rest > 0x7f) {
    bytes.push((rest & 0x7f) | 0x80)
    rest = Math.floor(rest / 128)
  }
  bytes.push(rest)
  return Buffer.from(bytes)
}

/** One length-delimited field: a string or an embedded message. */
function field(number: number, content: string | Buffer): Buffer {
  const payload = typeof content === 'string' ? Buffer.from(content) : content
  return Buffer.concat([varint(number * 8 + 2), varint(payload.length), payload])
}

const message = (...fields: Buffer[]): Buffer => Buffer.concat(fields)

// QueryParameterSubSchema{in = 2, name = 4, type = 6} in NonBodyParameter{query = 3} in Parameter{non_body = 2}
// in ParametersItem{parameter = 1}
function queryParameter(name: string): Buffer {
  const sub = message(field(2, 'query'), field(4, name), field(6, 'string'))
  return field(1, field(2, field(3, sub)))
}

// Operation{operation_id = 5, parameters = 8, vendor_extension = 13: NamedAny{name = 1, value = Any{yaml = 2}}}
function patchOperation(root: ResourceInfo): Buffer {
  const gvk = `group: "${root.group}"\nkind: ${root.kind}\nversion: ${root.version}\n`
  const parameters = ['dryRun', 'fieldManager', 'fieldValidation', 'force'].map((name) =>
    field(8, queryParameter(name)),
  )
  return message(
    field(5, `patch${root.namespaced ? 'Namespaced' : ''}${root.kind}`),
    ...parameters,
    field(13, message(field(1, 'x-kubernetes-group-version-kind'), field(2, field(2, gvk)))),
  )
}

/** The protobuf OpenAPI v2 document: Document{swagger = 1, info = 2, paths = 8: Paths{path = 2: NamedPathItem}}. */
export function openApiV2Protobuf(roots: readonly ResourceInfo[], serverVersion: string): Buffer {
  const paths = roots.map((root) => {
    const name = `/${groupVersionPath(root)}${root.namespaced ? '/namespaces/{namespace}' : ''}/${root.resource}/{name}`
    // PathItem{patch = 8}
    return field(2, message(field(1, name), field(2, field(8, patchOperation(root)))))
  })
  return message(
    field(1, '2.0'),
    field(2, message(field(1, 'Kubernetes'), field(2, serverVersion))),
    field(8, message(...paths)),
  )
}
