import {describe, expect, it} from 'vitest'
import {errorString} from '../../../../src/embedded/admission/field-error.js'
import {validatePodSpec, validatePodTemplateSpec} from '../../../../src/embedded/admission/pod-spec.js'

const BASE = {
  containers: [{name: 'web', image: 'nginx', imagePullPolicy: 'Always', terminationMessagePolicy: 'File'}],
  restartPolicy: 'Always',
  dnsPolicy: 'ClusterFirst',
  terminationGracePeriodSeconds: 30,
}

describe('validatePodSpec', () => {
  it('requires the grace period that defaulting normally sets', () => {
    expect(validatePodSpec({...BASE, terminationGracePeriodSeconds: undefined}, 'spec').map(errorString)).toEqual([
      'spec.terminationGracePeriodSeconds: Required value',
    ])
  })

  it('checks node affinity terms and weights', () => {
    const affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{matchExpressions: [{key: 'zone', operator: 'In'}]}],
        },
        preferredDuringSchedulingIgnoredDuringExecution: [
          {weight: 0, preference: {matchExpressions: [{key: 'disk', operator: 'Exists'}]}},
        ],
      },
    }
    expect(validatePodSpec({...BASE, affinity}, 'spec').map(errorString)).toEqual([
      "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100',
    ])
  })

  it('requires a topology key for pod anti-affinity and spread constraints', () => {
    const affinity = {
      podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector: {matchLabels: {app: 'web'}}}]},
    }
    const topologySpreadConstraints = [{maxSkew: 0, whenUnsatisfiable: 'Never'}]
    expect(validatePodSpec({...BASE, affinity, topologySpreadConstraints}, 'spec').map(errorString)).toEqual([
      'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty',
      'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: "": name part must be non-empty',
      "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: \"\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      'spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero',
      'spec.topologySpreadConstraints[0].topologyKey: Required value: can not be empty',
      'spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: "Never": supported values: "DoNotSchedule", "ScheduleAnyway"',
    ])
  })
})

describe('validatePodTemplateSpec', () => {
  it('reports template labels at the template path, as Kubernetes does', () => {
    expect(
      validatePodTemplateSpec({metadata: {labels: {app: 'a b'}}, spec: BASE}, 'spec.template').map((e) => e.field),
    ).toEqual(['spec.template.labels'])
  })
})
