import {describe, expect, it} from 'vitest'
import {asList} from '../../../src/output/list.js'
import {NamePrintError, printName} from '../../../src/output/name.js'

const deployment = {apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'web', namespace: 'prod'}}
const pod = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'x'}}

describe('printName', () => {
  it('prints the lower-case kind, qualified by the group, and the name', () => {
    expect(printName(deployment)).toBe('deployment.apps/web\n')
    expect(printName(pod)).toBe('pod/x\n')
  })

  it('adds the operation of a write command', () => {
    expect(printName(deployment, {operation: 'created'})).toBe('deployment.apps/web created\n')
    expect(printName(pod, {operation: 'created (dry run)'})).toBe('pod/x created (dry run)\n')
  })

  it('prints a line for every item of a list', () => {
    expect(printName(asList([deployment, pod]))).toBe('deployment.apps/web\npod/x\n')
    expect(printName(asList([]))).toBe('')
  })

  it('prints the namespace first when asked, <unknown> when there is none', () => {
    expect(printName(deployment, {withNamespace: true})).toBe('prod/deployment.apps/web\n')
    expect(printName(pod, {withNamespace: true})).toBe('<unknown>/pod/x\n')
  })

  it('names an object without a name <unknown>', () => {
    expect(printName({apiVersion: 'v1', kind: 'ConfigMap', metadata: {}})).toBe('configmap/<unknown>\n')
  })

  it('rejects an object without apiVersion and kind in kubectl words', () => {
    expect(() => printName({metadata: {name: 'x'}})).toThrow(
      new NamePrintError('missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the type'),
    )
    expect(() => printName({apiVersion: 'v1', metadata: {name: 'x'}})).toThrow(
      new NamePrintError('missing kind for resource with name x'),
    )
  })
})
