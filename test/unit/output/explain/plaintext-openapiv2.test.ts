import {describe, expect, it} from 'vitest'
import {readModels} from '../../../../src/output/explain/openapi-v2-models.js'
import {renderPlaintextOpenApiV2} from '../../../../src/output/explain/plaintext-openapiv2.js'

const DOCUMENT = {
  swagger: '2.0',
  definitions: {
    'io.k8s.api.core.v1.Pod': {
      type: 'object',
      description: 'Pod is a collection of containers.',
      required: ['spec'],
      properties: {
        kind: {
          type: 'string',
          description:
            'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint.',
        },
        spec: {$ref: '#/definitions/io.k8s.api.core.v1.PodSpec', description: 'Specification of the pod.'},
      },
      'x-kubernetes-group-version-kind': [{group: '', kind: 'Pod', version: 'v1'}],
    },
    'io.k8s.api.core.v1.PodSpec': {
      type: 'object',
      description: 'PodSpec is a description of a pod.',
      properties: {
        containers: {type: 'array', items: {$ref: '#/definitions/io.k8s.api.core.v1.PodSpec'}},
        nodeSelector: {type: 'object', additionalProperties: {type: 'string'}},
      },
    },
  },
}

const pod = {group: '', version: 'v1', kind: 'Pod'}
const root = readModels(DOCUMENT).lookupKind(pod)

describe('explain --output=plaintext-openapiv2', () => {
  it('prints the kind as kubectl explain did before OpenAPI v3', () => {
    if (!root) throw new Error('no Pod model')
    expect(renderPlaintextOpenApiV2(root, pod, [], {recursive: false}).text).toBe(
      [
        'KIND:     Pod',
        'VERSION:  v1',
        '',
        'DESCRIPTION:',
        '     Pod is a collection of containers.',
        '',
        'FIELDS:',
        '   kind\t<string>',
        '     Kind is a string value representing the REST resource this object',
        '     represents. Servers may infer this from the endpoint.',
        '',
        '   spec\t<Object> -required-',
        '     Specification of the pod.',
        '',
        '',
      ].join('\n'),
    )
  })

  it('names a reached kind RESOURCE and gathers the descriptions on the way', () => {
    if (!root) throw new Error('no Pod model')
    const {text} = renderPlaintextOpenApiV2(root, pod, ['spec'], {recursive: false})
    expect(text).toContain(
      'RESOURCE: spec <Object>\n\nDESCRIPTION:\n     Specification of the pod.\n\n     PodSpec is a description of a pod.\n',
    )
    const recursive = renderPlaintextOpenApiV2(root, pod, ['spec'], {recursive: true}).text
    // the kind reached through `spec` is entered once more through `containers`, then no more
    expect(recursive).toContain(
      'FIELDS:\n   containers\t<[]Object>\n      containers\t<[]Object>\n      nodeSelector\t<map[string]string>\n   nodeSelector\t<map[string]string>\n',
    )
  })

  it('reports an unknown field in kubectl’s words', () => {
    if (!root) throw new Error('no Pod model')
    expect(renderPlaintextOpenApiV2(root, pod, ['nosuch'], {recursive: false})).toEqual({
      text: '',
      error: 'error: field "nosuch" does not exist',
    })
  })
})
