import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {marshalGoJson} from '../../../../src/resources/go-json.js'
import {
  createApplyAnnotation,
  getModifiedConfiguration,
  getOriginalConfiguration,
  LAST_APPLIED_CONFIG_ANNOTATION,
  setLastAppliedPatch,
} from '../../../../src/kubectl/apply/last-applied.js'

const configMap = (): KubeObject => ({
  kind: 'ConfigMap',
  apiVersion: 'v1',
  metadata: {name: 'cfg', namespace: 'default'},
  data: {page: '<b>&amp;</b>', count: '3'},
})

describe('getModifiedConfiguration', () => {
  it('writes the object as compact sorted JSON with a trailing newline and empty annotations', () => {
    expect(getModifiedConfiguration(configMap(), {annotate: false})).toBe(
      '{"apiVersion":"v1","data":{"count":"3","page":"\\u003cb\\u003e\\u0026amp;\\u003c/b\\u003e"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"cfg","namespace":"default"}}\n',
    )
  })

  it('leaves out a last-applied annotation the object already carries', () => {
    const object = configMap()
    object.metadata.annotations = {[LAST_APPLIED_CONFIG_ANNOTATION]: '{"old":true}', team: 'a'}
    expect(getModifiedConfiguration(object, {annotate: false})).toContain('"annotations":{"team":"a"}')
  })

  it('embeds that configuration as the annotation when asked to annotate', () => {
    const annotated: unknown = JSON.parse(getModifiedConfiguration(configMap(), {annotate: true}))
    expect(annotated).toMatchObject({
      metadata: {
        annotations: {[LAST_APPLIED_CONFIG_ANNOTATION]: getModifiedConfiguration(configMap(), {annotate: false})},
      },
    })
  })
})

describe('createApplyAnnotation', () => {
  it('returns a copy carrying its own configuration and keeps the other annotations', () => {
    const object = configMap()
    object.metadata.annotations = {team: 'a'}
    const annotated = createApplyAnnotation(object)
    expect(annotated.metadata.annotations).toEqual({
      team: 'a',
      [LAST_APPLIED_CONFIG_ANNOTATION]: getModifiedConfiguration(object, {annotate: false}),
    })
    expect(getOriginalConfiguration(annotated)).toContain('"team":"a"')
    expect(object.metadata.annotations).toEqual({team: 'a'})
  })

  it('reads no configuration from an object without the annotation', () => {
    expect(getOriginalConfiguration(configMap())).toBeUndefined()
  })
})

describe('setLastAppliedPatch', () => {
  it('sets the annotation to the JSON of the object as given, without a trailing newline', () => {
    const {patch, configuration} = setLastAppliedPatch(configMap())
    expect(configuration).toBe(marshalGoJson(configMap()))
    expect(patch).toEqual({metadata: {annotations: {[LAST_APPLIED_CONFIG_ANNOTATION]: configuration}}})
  })
})
