import {describe, expect, it} from 'vitest'
import {printJson} from '../../../src/output/json.js'
import {asList} from '../../../src/output/list.js'
import {configMap} from './objects.js'

describe('printJson', () => {
  it('prints with four-space indentation, sorted keys, HTML characters escaped and a final newline', () => {
    expect(printJson({kind: 'Secret', data: {a: '<b>'}, apiVersion: 'v1'})).toBe(
      '{\n    "apiVersion": "v1",\n    "data": {\n        "a": "\\u003cb\\u003e"\n    },\n    "kind": "Secret"\n}\n',
    )
  })

  it("keeps a typed object's own key order when asked, as kubectl create --dry-run=client prints", () => {
    expect(
      printJson(
        {kind: 'ConfigMap', apiVersion: 'v1', metadata: {name: 'a', creationTimestamp: null}},
        {keepKeyOrder: true},
      ),
    ).toBe(
      '{\n    "kind": "ConfigMap",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "a",\n        "creationTimestamp": null\n    }\n}\n',
    )
  })

  it('prints the List kubectl get wraps several objects in', () => {
    expect(printJson(asList([]))).toBe(
      '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
    )
    expect(printJson(asList([configMap]))).toContain('"items": [\n        {\n            "apiVersion": "v1",')
  })
})
