import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import type {ResourceInfo} from '../../../../src/backend/refs.js'
import {
  applyDecodeError,
  decodeError,
  patchDecodeError,
  rejectUndecodable,
} from '../../../../src/embedded/admission/decode-error.js'
import {BUILTIN_RESOURCES} from '../../../../src/resources/builtin.js'

function info(group: string, kind: string): ResourceInfo {
  return BUILTIN_RESOURCES.find((r) => r.group === group && r.kind === kind) as ResourceInfo
}

const DEPLOYMENT = info('apps', 'Deployment')

function deployment(spec: Record<string, unknown>): KubeObject {
  return {apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'web'}, spec}
}

function podSpec(spec: Record<string, unknown>): KubeObject {
  return {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'p'}, spec: {containers: [{name: 'c', image: 'i'}], ...spec}}
}

function container(fields: Record<string, unknown>): KubeObject {
  return podSpec({containers: [{name: 'c', image: 'nginx', ...fields}]})
}

const QUANTITY_PATTERN = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"

describe('decodeError', () => {
  // Golden cases: kube-apiserver v1.32 decodes bodies with sigs.k8s.io/json (Go 1.23 encoding/json) into k8s.io/api
  // types and answers with transformDecodeError's wrapping of the UnmarshalTypeError.
  it.each<[string, ResourceInfo, KubeObject, string]>([
    [
      'a string for an int32',
      DEPLOYMENT,
      deployment({replicas: 'three'}),
      'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    ],
    [
      'a fraction for an int32',
      DEPLOYMENT,
      deployment({replicas: 2.5}),
      'json: cannot unmarshal number 2.5 into Go struct field DeploymentSpec.spec.replicas of type int32',
    ],
    [
      'an object for an int32',
      DEPLOYMENT,
      deployment({replicas: {a: 1}}),
      'json: cannot unmarshal object into Go struct field DeploymentSpec.spec.replicas of type int32',
    ],
    [
      'an integer over int32',
      DEPLOYMENT,
      deployment({replicas: 99999999999}),
      'json: cannot unmarshal number 99999999999 into Go struct field DeploymentSpec.spec.replicas of type int32',
    ],
    [
      'a bool for an int32',
      DEPLOYMENT,
      deployment({replicas: true}),
      'json: cannot unmarshal bool into Go struct field DeploymentSpec.spec.replicas of type int32',
    ],
    [
      'a string for an int64',
      info('', 'Pod'),
      podSpec({terminationGracePeriodSeconds: '30'}),
      'json: cannot unmarshal string into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64',
    ],
    [
      'a number for a string, in a list of containers (no index in the path)',
      info('', 'Pod'),
      container({image: 5}),
      'json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string',
    ],
    [
      'a number for a named string type',
      info('', 'Pod'),
      container({imagePullPolicy: 1}),
      'json: cannot unmarshal number into Go struct field Container.spec.containers.imagePullPolicy of type v1.PullPolicy',
    ],
    [
      'a string for a bool',
      info('', 'Pod'),
      podSpec({hostNetwork: 'yes'}),
      'json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool',
    ],
    [
      'an array for an object',
      DEPLOYMENT,
      deployment({template: []}),
      'json: cannot unmarshal array into Go struct field DeploymentSpec.spec.template of type v1.PodTemplateSpec',
    ],
    [
      'an object for a list',
      info('', 'Pod'),
      podSpec({containers: {name: 'c'}}),
      'json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container',
    ],
    [
      'a string for a map of a named type',
      info('', 'Pod'),
      container({resources: {limits: '1'}}),
      'json: cannot unmarshal string into Go struct field ResourceRequirements.spec.containers.resources.limits of type v1.ResourceList',
    ],
    [
      'a bool in ConfigMap data (the map key is not in the path)',
      info('', 'ConfigMap'),
      {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'c'}, data: {enabled: true}},
      'json: cannot unmarshal bool into Go struct field ConfigMap.data of type string',
    ],
    [
      'a number as a label value',
      DEPLOYMENT,
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: {name: 'web', labels: {version: 1.5}},
      } as unknown as KubeObject,
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    ],
    [
      'a string for metadata',
      DEPLOYMENT,
      {apiVersion: 'apps/v1', kind: 'Deployment', metadata: 'web' as unknown as KubeObject['metadata']},
      'json: cannot unmarshal string into Go struct field Deployment.metadata of type v1.ObjectMeta',
    ],
    [
      'a number for a types.UID',
      info('', 'ConfigMap'),
      {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'c', uid: 7}} as unknown as KubeObject,
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.uid of type types.UID',
    ],
    [
      'a number for Secret bytes',
      info('', 'Secret'),
      {apiVersion: 'v1', kind: 'Secret', metadata: {name: 's'}, data: {password: 1}},
      'json: cannot unmarshal number into Go struct field Secret.data of type []uint8',
    ],
    [
      "Secret data that is not base64, at Go's byte offset",
      info('', 'Secret'),
      {apiVersion: 'v1', kind: 'Secret', metadata: {name: 's'}, data: {password: 'hello'}},
      'illegal base64 data at input byte 4',
    ],
    [
      'a fraction for an int-or-string (the int32 inside it)',
      info('', 'Service'),
      {apiVersion: 'v1', kind: 'Service', metadata: {name: 's'}, spec: {ports: [{port: 80, targetPort: 2.5}]}},
      'json: cannot unmarshal number 2.5 into Go struct field ServicePort.spec.ports.targetPort of type int32',
    ],
    [
      'a bool for an int-or-string',
      DEPLOYMENT,
      deployment({strategy: {rollingUpdate: {maxSurge: true}}}),
      'json: cannot unmarshal bool into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32',
    ],
    [
      'a quantity that does not parse',
      DEPLOYMENT,
      deployment({template: {spec: {containers: [{name: 'web', resources: {limits: {memory: '1 GB'}}}]}}}),
      QUANTITY_PATTERN,
    ],
    [
      'a quantity with an unknown suffix',
      info('', 'Pod'),
      container({resources: {requests: {memory: '192i'}}}),
      "unable to parse quantity's suffix",
    ],
    [
      'an object for a quantity',
      info('', 'Pod'),
      container({resources: {requests: {cpu: {m: 100}}}}),
      QUANTITY_PATTERN,
    ],
    [
      'a timestamp that does not parse',
      info('batch', 'CronJob'),
      {apiVersion: 'batch/v1', kind: 'CronJob', metadata: {name: 'c'}, status: {lastScheduleTime: 'yesterday'}},
      'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"',
    ],
    [
      'a number for a timestamp (decoded as a Go string)',
      info('batch', 'CronJob'),
      {apiVersion: 'batch/v1', kind: 'CronJob', metadata: {name: 'c'}, status: {lastScheduleTime: 1700000000}},
      'json: cannot unmarshal number into Go struct field CronJobStatus.status.lastScheduleTime of type string',
    ],
    [
      'a MicroTime without its six fraction digits',
      info('events.k8s.io', 'Event'),
      {apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: {name: 'e'}, eventTime: '2025-01-01T00:00:00Z'},
      'parsing time "2025-01-01T00:00:00Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "Z" as ".000000"',
    ],
    [
      'a string for a CRD schema bool-or-object',
      info('apiextensions.k8s.io', 'CustomResourceDefinition'),
      {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: {name: 'crd'},
        spec: {versions: [{name: 'v1', schema: {openAPIV3Schema: {type: 'object', additionalProperties: 'yes'}}}]},
      },
      'boolean or JSON schema expected',
    ],
  ])('reports %s', (_title, resource, object, problem) => {
    expect(decodeError(resource, object)).toBe(
      `${resource.kind} in version "${resource.version}" cannot be handled as a ${resource.kind}: ${problem}`,
    )
  })

  it('accepts what Go decodes: numbers as quantities, strings and ints as int-or-string, null anywhere', () => {
    const pod = podSpec({
      containers: [
        {
          name: 'c',
          image: 'i',
          resources: {requests: {cpu: 1, memory: '64Mi'}, limits: {cpu: '500m'}},
          ports: [{containerPort: 80, protocol: null}],
          livenessProbe: {httpGet: {port: 'http'}},
          readinessProbe: {tcpSocket: {port: 8080}},
        },
      ],
      nodeSelector: null,
      activeDeadlineSeconds: 9007199254740991,
    })
    expect(decodeError(info('', 'Pod'), pod)).toBeUndefined()
  })

  it('accepts a CustomResourceDefinition schema and finds a mismatch deep in it', () => {
    const crd = (maximum: unknown): KubeObject => ({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: {name: 'widgets.example.com'},
      spec: {
        group: 'example.com',
        names: {plural: 'widgets', kind: 'Widget'},
        scope: 'Namespaced',
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: {
                type: 'object',
                properties: {
                  spec: {
                    type: 'object',
                    'x-kubernetes-preserve-unknown-fields': true,
                    properties: {
                      size: {type: 'integer', maximum, default: 3, enum: [1, 3, 5]},
                      port: {'x-kubernetes-int-or-string': true, anyOf: [{type: 'integer'}, {type: 'string'}]},
                      tags: {type: 'array', items: {type: 'string'}, 'x-kubernetes-list-type': 'set'},
                      labels: {type: 'object', additionalProperties: {type: 'string'}},
                    },
                    'x-kubernetes-validations': [{rule: 'self.size > 0', message: 'positive'}],
                  },
                },
              },
            },
          },
        ],
      },
    })
    const info = BUILTIN_RESOURCES.find((r) => r.kind === 'CustomResourceDefinition') as ResourceInfo
    expect(decodeError(info, crd(10))).toBeUndefined()
    expect(decodeError(info, crd('10'))).toContain(
      'json: cannot unmarshal string into Go struct field JSONSchemaProps.spec.versions.schema.openAPIV3Schema.properties.properties.maximum of type float64',
    )
  })

  it('skips fields the type does not declare (strict decoding reports them)', () => {
    expect(decodeError(DEPLOYMENT, deployment({replica: 'three', template: {bogus: [1]}}))).toBeUndefined()
  })

  it('reports the first mismatch in the order the keys were sent, sorted as kubectl sends them by default', () => {
    const both = deployment({template: {spec: {containers: 'none'}}, replicas: 'three'})
    expect(decodeError(DEPLOYMENT, both)).toContain('DeploymentSpec.spec.replicas of type int32')
    expect(decodeError(DEPLOYMENT, both, 'document')).toContain('PodSpec.spec.template.spec.containers of type')
  })

  it("lets an UnmarshalJSON method's error win over a mismatch found earlier", () => {
    const object = deployment({
      replicas: 'three',
      template: {spec: {containers: [{name: 'c', resources: {limits: {cpu: 'lots'}}}]}},
    })
    expect(decodeError(DEPLOYMENT, object)).toContain(QUANTITY_PATTERN)
  })

  it('leaves kinds it has no Go type for alone', () => {
    const custom: ResourceInfo = {...DEPLOYMENT, group: 'example.com', kind: 'Widget'}
    expect(decodeError(custom, {apiVersion: 'example.com/v1', kind: 'Widget', metadata: {}, spec: 5})).toBeUndefined()
  })
})

describe('rejectUndecodable', () => {
  it('refuses a body that does not decode as a 400 BadRequest', () => {
    expect(() => rejectUndecodable(DEPLOYMENT, deployment({replicas: 'three'}))).toThrow(
      expect.objectContaining({status: expect.objectContaining({reason: 'BadRequest', code: 400})}),
    )
    expect(() => rejectUndecodable(DEPLOYMENT, deployment({replicas: 3}))).not.toThrow()
  })
})

describe('patchDecodeError', () => {
  const current = deployment({replicas: 1, template: {spec: {containers: [{name: 'web', image: 'nginx'}]}}})

  it("words a merge patch's result as the patch handler decodes the patched JSON", () => {
    const patched = {...current, spec: {...(current['spec'] as object), replicas: 'three'}}
    const error = patchDecodeError(DEPLOYMENT, {type: 'merge', body: {spec: {replicas: 'three'}}}, patched)
    expect(error?.status.code).toBe(422)
    expect(error?.message).toBe(
      'Deployment.apps "" is invalid: patch: Invalid value: "{\\"apiVersion\\":\\"apps/v1\\",\\"kind\\":\\"Deployment\\",\\"metadata\\":{\\"name\\":\\"web\\"},\\"spec\\":{\\"replicas\\":\\"three\\",\\"template\\":{\\"spec\\":{\\"containers\\":[{\\"image\\":\\"nginx\\",\\"name\\":\\"web\\"}]}}}}": json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    )
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['a string for an int32', {replicas: 'three'}, 'unrecognized type: int32'],
    ['a fraction for an int32', {replicas: 2.5}, 'cannot convert float64 to int32'],
    ['an integer over int32', {replicas: 99999999999}, 'cannot convert int64 to int32'],
    ['an object for an int32', {replicas: {a: 1}}, 'unrecognized type: int32'],
    ['a string for an object', {template: 'x'}, 'cannot restore struct from: string'],
    [
      'a number for a string',
      {template: {spec: {containers: [{name: 'web', image: 5}]}}},
      'cannot convert int64 to string',
    ],
    [
      'a bool for a string',
      {template: {spec: {containers: [{name: 'web', image: true}]}}},
      'unrecognized type: string',
    ],
    ['an object for a list', {template: {spec: {containers: {name: 'web'}}}}, 'cannot restore slice from map'],
    ['a list for a map', {selector: {matchLabels: ['a']}}, 'cannot restore map from slice'],
    [
      'a fraction for an int-or-string, as its UnmarshalJSON says',
      {strategy: {rollingUpdate: {maxSurge: 2.5}}},
      'json: cannot unmarshal number 2.5 into Go value of type int32',
    ],
  ])("words a strategic merge patch's %s as the unstructured converter does", (_title, spec, detail) => {
    const body = {spec}
    const patched = {...current, spec: {...(current['spec'] as object), ...spec}}
    const error = patchDecodeError(DEPLOYMENT, {type: 'strategic', body}, patched)
    expect(error?.message).toMatch(/^Deployment\.apps "" is invalid: patch: Invalid value: "map\[spec:map\[/)
    expect(error?.message.endsWith(`": ${detail}`)).toBe(true)
  })

  it('converts struct fields in Go order, whatever order the patch has', () => {
    // Container declares image before env
    const spec = {template: {spec: {containers: [{env: 'x', image: 5, name: 'web'}]}}}
    const patched = {...current, spec: {...(current['spec'] as object), ...spec}}
    const error = patchDecodeError(DEPLOYMENT, {type: 'strategic', body: {spec}}, patched)
    expect(error?.message.endsWith(': cannot convert int64 to string')).toBe(true)
  })

  it('accepts a patched object that decodes', () => {
    expect(patchDecodeError(DEPLOYMENT, {type: 'strategic', body: {spec: {replicas: 3}}}, current)).toBeUndefined()
    expect(patchDecodeError(DEPLOYMENT, {type: 'merge', body: {spec: {replicas: 3}}}, current)).toBeUndefined()
  })
})

describe('applyDecodeError', () => {
  const applied = (spec: Record<string, unknown>): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name: 'web', namespace: 'default'},
    spec,
  })

  it('words one mismatch as structured-merge-diff does, as a 500 without a reason', () => {
    const error = applyDecodeError(DEPLOYMENT, applied({replicas: 'three'}))
    expect(error?.status).toMatchObject({code: 500, reason: ''})
    expect(error?.message).toBe(
      'failed to create typed patch object (default/web; apps/v1, Kind=Deployment): .spec.replicas: expected numeric (int or float), got string',
    )
  })

  it('lists every mismatch with its path, list items by their keys', () => {
    const service: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {name: 'svc', namespace: 'default'},
      spec: {ports: [{port: 80, name: 5, targetPort: {a: 1}}], selector: {app: ['x']}, publishNotReadyAddresses: 'no'},
    }
    expect(applyDecodeError(info('', 'Service'), service)?.message).toBe(
      [
        'failed to create typed patch object (default/svc; /v1, Kind=Service): errors:',
        '  .spec.ports[port=80,protocol="TCP"].name: expected string, got &value.valueUnstructured{Value:5}',
        '  .spec.ports[port=80,protocol="TCP"].targetPort: expected any scalar, got &{map[a:1]}',
        '  .spec.publishNotReadyAddresses: expected boolean, got &{no}',
        '  .spec.selector.app: expected string, got &value.valueUnstructured{Value:[]interface {}{"x"}}',
      ].join('\n'),
    )
  })

  it('names structs and lists given scalars', () => {
    expect(applyDecodeError(DEPLOYMENT, applied({template: 'x', strategy: {type: 'Recreate'}}))?.message).toContain(
      '.spec.template: expected map, got &{x}',
    )
    expect(applyDecodeError(DEPLOYMENT, applied({template: {spec: {containers: {name: 'web'}}}}))?.message).toContain(
      '.spec.template.spec.containers: expected list, got &{map[name:web]}',
    )
  })

  it('lets numbers that structured-merge-diff calls numeric through (the decoder judges their range)', () => {
    expect(applyDecodeError(DEPLOYMENT, applied({replicas: 2.5}))).toBeUndefined()
  })
})
