import {describe, expect, it} from 'vitest'
import {renderPlaintext} from '../../../../src/output/explain/plaintext.js'

const GVK = {group: 'example.com', kind: 'Widget', version: 'v1'}
const operation = {'x-kubernetes-group-version-kind': GVK}

// a group-version document as kube-apiserver serves it, small: a kind, a referenced type, a cycle
const DOCUMENT = {
  openapi: '3.0.0',
  paths: {'/apis/example.com/v1/namespaces/{namespace}/widgets/{name}': {get: operation, put: operation}},
  components: {
    schemas: {
      'com.example.v1.Widget': {
        type: 'object',
        description: 'A widget.',
        externalDocs: {url: 'https://example.com/widgets'},
        'x-kubernetes-group-version-kind': [GVK],
        required: ['spec'],
        properties: {
          spec: {allOf: [{$ref: '#/components/schemas/com.example.v1.WidgetSpec'}], description: 'What it is.'},
          tree: {$ref: '#/components/schemas/com.example.v1.Node'},
        },
      },
      'com.example.v1.WidgetSpec': {
        type: 'object',
        description: 'The spec of a widget.',
        properties: {
          size: {
            type: 'string',
            enum: ['small', 'large', '', 'huge', 'tiny'],
            externalDocs: {description: 'Sizes.', url: 'https://example.com/sizes'},
          },
          labels: {type: 'object', additionalProperties: {type: 'string'}},
          parts: {type: 'array', items: {$ref: '#/components/schemas/com.example.v1.Node'}},
        },
      },
      'com.example.v1.Node': {
        type: 'object',
        properties: {children: {type: 'array', items: {$ref: '#/components/schemas/com.example.v1.Node'}}},
      },
    },
  },
}

const resource = {group: 'example.com', version: 'v1', resource: 'widgets'}

describe('the plaintext explain template', () => {
  it('prints the kind with its fields, types, enums and required marks', () => {
    const {text, error} = renderPlaintext(DOCUMENT, resource, [], {recursive: false})
    expect(error).toBeUndefined()
    expect(text).toBe(
      [
        'GROUP:      example.com',
        'KIND:       Widget',
        'VERSION:    v1',
        '',
        'DESCRIPTION:',
        '    A widget.',
        '    ',
        '',
        'EXTERNAL DOCS:',
        '    URL: https://example.com/widgets',
        'FIELDS:',
        '  spec\t<WidgetSpec> -required-',
        '    What it is.',
        '',
        '  tree\t<Node>',
        '    <no description>',
        '',
        '',
        '',
      ].join('\n'),
    )
  })

  it('follows a field path through references, with the field line, enum and external docs', () => {
    const spec = renderPlaintext(DOCUMENT, resource, ['spec'], {recursive: false}).text
    expect(spec).toContain(
      'FIELD: spec <WidgetSpec>\n\n\nDESCRIPTION:\n    What it is.\n    The spec of a widget.\n    \n',
    )
    expect(spec).toContain(
      '  size\t<string>\n  enum: small, large, "", huge, ....\n    <no description>\n\n    EXTERNAL DOCS:\n      Sizes.\n      URL: https://example.com/sizes\n\n',
    )
    expect(spec).toContain('  labels\t<map[string]string>\n')
    const size = renderPlaintext(DOCUMENT, resource, ['spec', 'size'], {recursive: false}).text
    expect(size).toContain(
      'FIELD: size <string>\nENUM:\n    small\n    large\n    ""\n    huge\n    tiny\n\nDESCRIPTION:\n    <empty>\n',
    )
  })

  it('lists fields recursively and stops the second time it enters a type through a reference', () => {
    const {text} = renderPlaintext(DOCUMENT, resource, ['tree'], {recursive: true})
    expect(text).toContain('FIELDS:\n  children\t<[]Node>\n    children\t<[]Node>\n\n')
  })

  it('keeps what it printed before an unknown field, then reports the last field named', () => {
    expect(renderPlaintext(DOCUMENT, resource, ['nosuch', 'size'], {recursive: false})).toEqual({
      text: 'GROUP:      example.com\nKIND:       Widget\nVERSION:    v1\n\n',
      error: 'error: field "size" does not exist',
    })
  })

  it('reports a resource the document has no operations for', () => {
    expect(renderPlaintext(DOCUMENT, {...resource, resource: 'gadgets'}, [], {recursive: false})).toEqual({
      text: '',
      error: 'error: GVR (example.com/v1, Resource=gadgets) not found in OpenAPI schema',
    })
  })
})
