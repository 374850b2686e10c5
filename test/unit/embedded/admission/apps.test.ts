import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import type {ResourceInfo} from '../../../../src/backend/refs.js'
import {defaultObject} from '../../../../src/embedded/admission/defaults.js'
import {validateObject} from '../../../../src/embedded/admission/validate.js'
import {BUILTIN_RESOURCES} from '../../../../src/resources/builtin.js'

function info(kind: string): ResourceInfo {
  return BUILTIN_RESOURCES.find((r) => r.group === 'apps' && r.kind === kind) as ResourceInfo
}

function workload(kind: string, spec: Record<string, unknown>, name = 'web'): KubeObject {
  return {apiVersion: 'apps/v1', kind, metadata: {name, namespace: 'default'}, spec}
}

const TEMPLATE = {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'web', image: 'nginx'}]}}

function errors(kind: string, spec: Record<string, unknown>, name = 'web'): string[] {
  const object = defaultObject(info(kind), workload(kind, spec, name))
  return validateObject(info(kind), object).map((c) => `${c.field}: ${c.message}`)
}

describe('Deployment validation', () => {
  it('accepts a deployment whose selector matches its template', () => {
    expect(errors('Deployment', {selector: {matchLabels: {app: 'web'}}, template: TEMPLATE})).toEqual([])
  })

  it('reports a missing selector and the template that then matches nothing', () => {
    expect(errors('Deployment', {template: TEMPLATE})).toEqual([
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ])
  })

  it('rejects an empty selector', () => {
    expect(errors('Deployment', {selector: {}, template: TEMPLATE})).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    ])
  })

  it('rejects a selector that does not match the template labels', () => {
    expect(errors('Deployment', {selector: {matchLabels: {app: 'x'}}, template: TEMPLATE})).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ])
  })

  it('rejects negative replicas and a template restartPolicy other than Always', () => {
    const template = {...TEMPLATE, spec: {...TEMPLATE.spec, restartPolicy: 'Never'}}
    expect(errors('Deployment', {replicas: -1, selector: {matchLabels: {app: 'web'}}, template})).toEqual([
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ])
  })

  it('checks the strategy', () => {
    const base = {selector: {matchLabels: {app: 'web'}}, template: TEMPLATE}
    expect(
      errors('Deployment', {
        ...base,
        strategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge: 0, maxUnavailable: 0}},
      }),
    ).toEqual(['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0'])
    expect(
      errors('Deployment', {...base, strategy: {type: 'RollingUpdate', rollingUpdate: {maxUnavailable: '150%'}}}),
    ).toEqual(['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 150%: must not be greater than 100%'])
    expect(errors('Deployment', {...base, strategy: {type: 'Recreate', rollingUpdate: {maxSurge: 1}}})).toEqual([
      "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ])
    expect(errors('Deployment', {...base, strategy: {type: 'BlueGreen'}})).toEqual([
      'spec.strategy: Unsupported value: apps.DeploymentStrategy{...}: supported values: "Recreate", "RollingUpdate"',
    ])
  })

  it('explains an invalid name with the DNS subdomain rule', () => {
    expect(errors('Deployment', {selector: {matchLabels: {app: 'web'}}, template: TEMPLATE}, 'Web')).toEqual([
      "metadata.name: Invalid value: \"Web\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ])
  })

  it('validates the pod template spec', () => {
    const template = {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'web'}]}}
    expect(errors('Deployment', {selector: {matchLabels: {app: 'web'}}, template})).toEqual([
      'spec.template.spec.containers[0].image: Required value',
    ])
  })

  it('makes the selector immutable on update', () => {
    const old = defaultObject(
      info('Deployment'),
      workload('Deployment', {selector: {matchLabels: {app: 'web'}}, template: TEMPLATE}),
    )
    const next = structuredClone(old)
    next['spec'] = {...(old['spec'] as object), selector: {matchLabels: {app: 'web', tier: 'x'}}}
    ;(next['spec'] as {template: {metadata: {labels: Record<string, string>}}}).template.metadata.labels = {
      app: 'web',
      tier: 'x',
    }
    expect(validateObject(info('Deployment'), next, old).map((c) => `${c.field}: ${c.message}`)).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ])
  })
})

describe('ReplicaSet, DaemonSet and StatefulSet validation', () => {
  it('uses the Deployment wording for an empty ReplicaSet selector', () => {
    expect(errors('ReplicaSet', {selector: {}, template: TEMPLATE})).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    ])
  })

  it('rejects an empty DaemonSet selector with its own wording', () => {
    expect(errors('DaemonSet', {selector: {}, template: TEMPLATE})).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for daemonset',
    ])
  })

  it('requires a StatefulSet name to be a DNS label', () => {
    expect(errors('StatefulSet', {selector: {matchLabels: {app: 'web'}}, template: TEMPLATE}, 'db.main')).toEqual([
      'metadata.name: Invalid value: "db.main": must not contain dots',
    ])
  })

  it('freezes StatefulSet spec fields other than the mutable ones', () => {
    const old = defaultObject(
      info('StatefulSet'),
      workload('StatefulSet', {selector: {matchLabels: {app: 'web'}}, template: TEMPLATE, serviceName: 'web'}),
    )
    const next = structuredClone(old)
    ;(next['spec'] as Record<string, unknown>)['serviceName'] = 'other'
    expect(validateObject(info('StatefulSet'), next, old).map((c) => `${c.field}: ${c.message}`)).toEqual([
      "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ])
  })

  it('checks DaemonSet rolling update bounds', () => {
    const spec = {
      selector: {matchLabels: {app: 'web'}},
      template: TEMPLATE,
      updateStrategy: {type: 'RollingUpdate', rollingUpdate: {maxUnavailable: 0, maxSurge: 0}},
    }
    expect(errors('DaemonSet', spec)).toEqual([
      'spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0',
    ])
  })
})
