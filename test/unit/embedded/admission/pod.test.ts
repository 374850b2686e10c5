import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import type {ResourceInfo} from '../../../../src/backend/refs.js'
import type {StatusCause} from '../../../../src/backend/status.js'
import {defaultObject} from '../../../../src/embedded/admission/defaults.js'
import {validateObject} from '../../../../src/embedded/admission/validate.js'
import {BUILTIN_RESOURCES} from '../../../../src/resources/builtin.js'

const POD = BUILTIN_RESOURCES.find((r) => r.kind === 'Pod') as ResourceInfo

function pod(spec: Record<string, unknown>, name = 'web'): KubeObject {
  return {apiVersion: 'v1', kind: 'Pod', metadata: {name, namespace: 'default', uid: 'u1'}, spec}
}

function lines(causes: StatusCause[]): string[] {
  return causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message))
}

function create(object: KubeObject): string[] {
  return lines(validateObject(POD, defaultObject(POD, object)))
}

describe('Pod validation on create', () => {
  it('accepts a minimal pod once defaulted', () => {
    expect(create(pod({containers: [{name: 'web', image: 'nginx'}]}))).toEqual([])
  })

  it('requires at least one container', () => {
    expect(create(pod({containers: []}))).toEqual(['spec.containers: Required value'])
  })

  it('checks container names, duplicates and images', () => {
    const nameError =
      "Invalid value: \"Web\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
    expect(create(pod({containers: [{name: 'Web', image: 'nginx'}, {name: 'Web'}]}))).toEqual([
      `spec.containers[0].name: ${nameError}`,
      `spec.containers[1].name: ${nameError}`,
      'spec.containers[1].image: Required value',
      'spec.containers[1].name: Duplicate value: "Web"',
    ])
  })

  it('rejects a port out of range and a bad protocol', () => {
    expect(
      create(pod({containers: [{name: 'web', image: 'nginx', ports: [{containerPort: 70000, protocol: 'HTTP'}]}]})),
    ).toEqual([
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ])
  })

  it('rejects an unknown restartPolicy and imagePullPolicy', () => {
    const spec = {restartPolicy: 'Sometimes', containers: [{name: 'web', image: 'nginx', imagePullPolicy: 'Foo'}]}
    expect(create(pod(spec))).toEqual([
      'spec.containers[0].imagePullPolicy: Unsupported value: "Foo": supported values: "Always", "IfNotPresent", "Never"',
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ])
  })

  it('requires requests to fit within limits', () => {
    const resources = {limits: {cpu: '500m', memory: '128Mi'}, requests: {cpu: '1'}}
    expect(create(pod({containers: [{name: 'web', image: 'nginx', resources}]}))).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m',
    ])
  })

  it('rejects negative quantities and unknown resource names', () => {
    const resources = {limits: {cpu: '-1', gpu: '1'}}
    expect(create(pod({containers: [{name: 'web', image: 'nginx', resources}]}))).toEqual([
      'spec.containers[0].resources.limits[cpu]: Invalid value: "-1": must be greater than or equal to 0',
      'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
      'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers',
      'spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0',
      'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
      'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource for containers',
    ])
  })

  it('requires extended resources to be whole and equal in requests and limits', () => {
    const resources = {limits: {'example.com/gpu': '1'}, requests: {'example.com/gpu': '500m'}}
    expect(create(pod({containers: [{name: 'web', image: 'nginx', resources}]}))).toEqual([
      'spec.containers[0].resources.requests[example.com/gpu]: Invalid value: 500m: must be an integer',
      'spec.containers[0].resources.requests: Invalid value: "500m": must be equal to example.com/gpu limit of 1',
    ])
  })

  it('finds volume mounts without a volume', () => {
    const containers = [{name: 'web', image: 'nginx', volumeMounts: [{name: 'data', mountPath: '/data'}]}]
    expect(create(pod({containers}))).toEqual(['spec.containers[0].volumeMounts[0].name: Not found: "data"'])
  })

  it('requires a volume source and a valid volume name', () => {
    const volumes = [
      {name: 'cfg', configMap: {}},
      {name: 'Data_1', hostPath: {path: '/x'}, emptyDir: {}},
    ]
    expect(create(pod({containers: [{name: 'web', image: 'nginx'}], volumes}))).toEqual([
      'spec.volumes[0].configMap.name: Required value',
      'spec.volumes[1].hostPath: Forbidden: may not specify more than 1 volume type',
      "spec.volumes[1].name: Invalid value: \"Data_1\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ])
  })

  it('checks env var sources', () => {
    const env = [
      {name: 'A', valueFrom: {}},
      {name: 'B', valueFrom: {configMapKeyRef: {name: 'cfg', key: 'bad key'}}},
    ]
    expect(create(pod({containers: [{name: 'web', image: 'nginx', env}]}))).toEqual([
      'spec.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      "spec.containers[0].env[1].valueFrom.configMapKeyRef.key: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ])
  })

  it('rejects a probe without a handler and a liveness successThreshold other than 1', () => {
    const containers = [{name: 'web', image: 'nginx', livenessProbe: {successThreshold: 2}}]
    expect(create(pod({containers}))).toEqual([
      'spec.containers[0].livenessProbe: Required value: must specify a handler type',
      'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
    ])
  })

  it('rejects two containers binding the same host port', () => {
    const containers = [
      {name: 'a', image: 'nginx', ports: [{containerPort: 80, hostPort: 8080}]},
      {name: 'b', image: 'nginx', ports: [{containerPort: 81, hostPort: 8080}]},
    ]
    expect(create(pod({containers}))).toEqual(['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"'])
  })

  it('checks tolerations', () => {
    const tolerations = [
      {operator: 'Equal', value: 'x'},
      {key: 'k', operator: 'Maybe', effect: 'NoRun'},
    ]
    expect(create(pod({containers: [{name: 'web', image: 'nginx'}], tolerations}))).toEqual([
      'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      'spec.tolerations[1].operator: Unsupported value: "Maybe": supported values: "Equal", "Exists"',
      'spec.tolerations[1].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ])
  })

  it('rejects images with surrounding whitespace', () => {
    expect(create(pod({containers: [{name: 'web', image: ' nginx'}]}))).toEqual([
      'spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace',
    ])
  })
})

describe('Pod validation on update', () => {
  const old = defaultObject(POD, pod({containers: [{name: 'web', image: 'nginx:1.25'}]}))

  it('allows changing a container image', () => {
    const next = structuredClone(old)
    ;(next['spec'] as {containers: {image: string}[]}).containers[0]!.image = 'nginx:1.26'
    expect(lines(validateObject(POD, next, old))).toEqual([])
  })

  it('forbids other spec changes with the list of updatable fields', () => {
    const next = structuredClone(old)
    ;(next['spec'] as Record<string, unknown>)['nodeName'] = 'node-1'
    expect(lines(validateObject(POD, next, old))).toEqual([
      'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    ])
  })

  it('forbids adding containers', () => {
    const next = structuredClone(old)
    ;(next['spec'] as {containers: unknown[]}).containers.push({name: 'b', image: 'x'})
    expect(lines(validateObject(POD, defaultObject(POD, next, old), old))).toEqual([
      'spec.containers: Forbidden: pod updates may not add or remove containers',
    ])
  })

  it('checks only metadata for a status update', () => {
    const next = structuredClone(old)
    ;(next['spec'] as Record<string, unknown>)['nodeName'] = 'node-1'
    expect(lines(validateObject(POD, next, old, {subresource: 'status'}))).toEqual([])
  })

  it('reports a changed uid as immutable', () => {
    const next = structuredClone(old)
    next.metadata.uid = 'other'
    expect(lines(validateObject(POD, next, old))).toEqual(['metadata.uid: Invalid value: "other": field is immutable'])
  })
})
