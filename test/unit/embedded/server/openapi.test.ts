import {beforeAll, describe, expect, it} from 'vitest'
import {clientNodeModels} from '../../../../src/embedded/server/openapi/client-node-models.js'
import {buildDefinitions, type Definitions, type Schema} from '../../../../src/embedded/server/openapi/definitions.js'
import {
  openApiV2Document,
  openApiV3GroupDocument,
  openApiV3Index,
} from '../../../../src/embedded/server/openapi/documents.js'
import {parseModelDeclaration} from '../../../../src/embedded/server/openapi/model-docs.js'
import {openApiV2Protobuf} from '../../../../src/embedded/server/openapi/protobuf-v2.js'
import {BUILTIN_RESOURCES} from '../../../../src/resources/builtin.js'
import {patchSchemaFor} from '../../../../src/resources/patch/builtin-schema.js'

const APPS = 'io.k8s.api.apps.v1'
const CORE = 'io.k8s.api.core.v1'
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1'

type Properties = Record<string, Schema>

describe('parseModelDeclaration', () => {
  it("reads a model's description, its fields' descriptions, and which fields are required", () => {
    const docs = parseModelDeclaration(
      [
        "import { V1Thing } from '../models/V1Thing.js';",
        '/**',
        '* A Widget turns.',
        '*/',
        'export declare class V1Widget {',
        '    /**',
        '    * How fast it turns.',
        '    * In turns per second.',
        '    */',
        "    'speed'?: number;",
        "    'thing': V1Thing;",
        '    static readonly discriminator: string | undefined;',
        '}',
      ].join('\n'),
    )
    expect(docs.description).toBe('A Widget turns.')
    expect(docs.fields.get('speed')).toEqual({description: 'How fast it turns.\nIn turns per second.', required: false})
    expect(docs.fields.get('thing')).toEqual({required: true})
  })
})

describe('definitions from @kubernetes/client-node models', () => {
  let definitions: Definitions
  const schema = (name: string): Schema => {
    const found = definitions.schemas.get(name)
    if (!found) throw new Error(`no definition ${name}`)
    return found
  }
  const props = (name: string): Properties => schema(name)['properties'] as Properties

  beforeAll(async () => {
    definitions = buildDefinitions(await clientNodeModels(), BUILTIN_RESOURCES, patchSchemaFor)
  })

  it('names types as kube-apiserver does and marks each kind with its group, version and kind', () => {
    expect(schema(`${APPS}.Deployment`)['x-kubernetes-group-version-kind']).toEqual([
      {group: 'apps', kind: 'Deployment', version: 'v1'},
    ])
    expect(props(`${APPS}.Deployment`)['metadata']).toMatchObject({'x-skiff-ref': `${META}.ObjectMeta`})
    expect(props(`${APPS}.Deployment`)['spec']).toMatchObject({'x-skiff-ref': `${APPS}.DeploymentSpec`})
    // the two Event kinds keep apart
    expect(schema(`${CORE}.Event`)['x-kubernetes-group-version-kind']).toEqual([
      {group: '', kind: 'Event', version: 'v1'},
    ])
    expect(schema('io.k8s.api.events.v1.Event')['x-kubernetes-group-version-kind']).toEqual([
      {group: 'events.k8s.io', kind: 'Event', version: 'v1'},
    ])
    expect(definitions.roots.size).toBe(BUILTIN_RESOURCES.length)
  })

  it('carries descriptions, required fields and JSON types', () => {
    const spec = schema(`${APPS}.DeploymentSpec`)
    expect(spec['description']).toMatch(/^DeploymentSpec is the specification of the desired behavior/)
    expect(spec['required']).toEqual(['selector', 'template'])
    expect(props(`${APPS}.DeploymentSpec`)['replicas']).toMatchObject({type: 'integer', format: 'int32'})
    expect(props(`${CORE}.Container`)['args']).toMatchObject({type: 'array', items: {type: 'string'}})
    expect(props(`${META}.ObjectMeta`)['labels']).toMatchObject({
      type: 'object',
      additionalProperties: {type: 'string'},
    })
    expect(props(`${META}.ObjectMeta`)['creationTimestamp']).toMatchObject({type: 'string', format: 'date-time'})
    expect(props(`${CORE}.ContainerPort`)['containerPort']).toMatchObject({type: 'integer'})
  })

  it('marks the strategic merge patch keys kubectl apply needs', () => {
    expect(props(`${CORE}.PodSpec`)['containers']).toMatchObject({
      'x-kubernetes-patch-strategy': 'merge',
      'x-kubernetes-patch-merge-key': 'name',
    })
    expect(props(`${CORE}.PodSpec`)['volumes']).toMatchObject({
      'x-kubernetes-patch-strategy': 'merge,retainKeys',
      'x-kubernetes-patch-merge-key': 'name',
    })
    expect(props(`${CORE}.Container`)['ports']).toMatchObject({'x-kubernetes-patch-merge-key': 'containerPort'})
    expect(props(`${CORE}.Container`)['env']).toMatchObject({'x-kubernetes-patch-merge-key': 'name'})
    expect(props(`${APPS}.DeploymentSpec`)['strategy']).toMatchObject({'x-kubernetes-patch-strategy': 'retainKeys'})
    expect(props(`${CORE}.ServiceSpec`)['ports']).toMatchObject({'x-kubernetes-patch-merge-key': 'port'})
    expect(props(`${CORE}.PodSpec`)['nodeName']).not.toHaveProperty('x-kubernetes-patch-strategy')
  })

  it('writes v2 references under #/definitions and keeps their descriptions beside them', () => {
    const doc = openApiV2Document(definitions, 'v1.32.0') as {swagger: string; definitions: Record<string, Schema>}
    expect(doc.swagger).toBe('2.0')
    const pod = doc.definitions[`${CORE}.PodSpec`]?.['properties'] as Properties
    expect(pod['containers']?.['items']).toEqual({$ref: `#/definitions/${CORE}.Container`})
    expect(JSON.stringify(doc)).not.toContain('x-skiff-ref')
  })

  it("writes a group-version's v3 document with its kinds, what they use, and PATCH operations taking fieldValidation", () => {
    const apps = BUILTIN_RESOURCES.filter((r) => r.group === 'apps')
    const doc = openApiV3GroupDocument(definitions, apps, 'v1.32.0') as {
      openapi: string
      paths: Record<string, Record<string, {parameters?: {name: string}[]; 'x-kubernetes-group-version-kind': object}>>
      components: {schemas: Record<string, Schema>}
    }
    expect(doc.openapi).toBe('3.0.0')
    const names = Object.keys(doc.components.schemas)
    expect(names).toContain(`${APPS}.Deployment`)
    expect(names).toContain(`${CORE}.PodSpec`)
    expect(names).not.toContain(`${CORE}.Node`)
    const item = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}']
    expect(item?.['patch']?.['x-kubernetes-group-version-kind']).toEqual({
      group: 'apps',
      version: 'v1',
      kind: 'Deployment',
    })
    expect(item?.['patch']?.parameters?.map((p) => p.name)).toContain('fieldValidation')
    const deployment = doc.components.schemas[`${APPS}.Deployment`]?.['properties'] as Properties
    expect(deployment['spec']).toEqual({$ref: `#/components/schemas/${APPS}.DeploymentSpec`})
    // OpenAPI 3.0 ignores a $ref's siblings: a reference with extensions goes in allOf, as kube-apiserver writes it
    const spec = doc.components.schemas[`${APPS}.DeploymentSpec`]?.['properties'] as Properties
    expect(spec['strategy']).toEqual({
      allOf: [{$ref: `#/components/schemas/${APPS}.DeploymentStrategy`}],
      'x-kubernetes-patch-strategy': 'retainKeys',
    })
    const index = openApiV3Index(new Map([['apis/apps/v1', 'ABC']])) as {paths: object}
    expect(index.paths).toEqual({'apis/apps/v1': {serverRelativeURL: '/openapi/v3/apis/apps/v1?hash=ABC'}})
  })
})

// a protobuf wire-format reader for the test: each field's number and its raw bytes (length-delimited only)
function fields(bytes: Buffer): {number: number; value: Buffer}[] {
  const out: {number: number; value: Buffer}[] = []
  let at = 0
  const varint = (): number => {
    let result = 0
    let shift = 1
    for (;;) {
      const byte = bytes[at++] ?? 0
      result += (byte & 0x7f) * shift
      shift *= 128
      if (byte < 0x80) return result
    }
  }
  while (at < bytes.length) {
    const key = varint()
    expect(key & 7).toBe(2)
    const length = varint()
    out.push({number: key >> 3, value: bytes.subarray(at, at + length)})
    at += length
  }
  return out
}

describe('openApiV2Protobuf', () => {
  it("encodes gnostic's Document with each kind's PATCH operation, its fieldValidation parameter and its kind", () => {
    const deployments = BUILTIN_RESOURCES.filter((r) => r.resource === 'deployments')
    const document = fields(openApiV2Protobuf(deployments, 'v1.32.0'))
    expect(document.map((f) => f.number)).toEqual([1, 2, 8])
    expect(document[0]?.value.toString()).toBe('2.0')
    const [pathItem] = fields(document[2]?.value ?? Buffer.alloc(0))
    const [name, item] = fields(pathItem?.value ?? Buffer.alloc(0))
    expect(name?.value.toString()).toBe('/apis/apps/v1/namespaces/{namespace}/deployments/{name}')
    const [patch] = fields(item?.value ?? Buffer.alloc(0))
    expect(patch?.number).toBe(8)
    const operation = fields(patch?.value ?? Buffer.alloc(0))
    const parameterNames = operation
      .filter((f) => f.number === 8)
      .map((f) => {
        const query = fields(
          fields(fields(fields(f.value)[0]?.value ?? Buffer.alloc(0))[0]?.value ?? Buffer.alloc(0))[0]?.value ??
            Buffer.alloc(0),
        )
        return query.find((q) => q.number === 4)?.value.toString()
      })
    expect(parameterNames).toContain('fieldValidation')
    const extension = fields(operation.find((f) => f.number === 13)?.value ?? Buffer.alloc(0))
    expect(extension[0]?.value.toString()).toBe('x-kubernetes-group-version-kind')
    expect(fields(extension[1]?.value ?? Buffer.alloc(0))[0]?.value.toString()).toBe(
      'group: "apps"\nkind: Deployment\nversion: v1\n',
    )
  })
})
