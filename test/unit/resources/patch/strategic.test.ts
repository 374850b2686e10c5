import {describe, expect, it} from 'vitest'
import {patchSchemaFor} from '../../../../src/resources/patch/builtin-schema.js'
import {MergeConflictError, PatchError} from '../../../../src/resources/patch/errors.js'
import {
  applyStrategicMergePatch,
  createThreeWayMergePatch,
  createTwoWayMergePatch,
} from '../../../../src/resources/patch/strategic.js'

function schemaOf(apiVersion: string, kind: string) {
  const schema = patchSchemaFor(apiVersion, kind)
  if (schema === undefined) throw new Error(`no schema for ${kind}`)
  return schema
}

const deploymentSchema = schemaOf('apps/v1', 'Deployment')
const podSchema = schemaOf('v1', 'Pod')

interface Container {
  name: string
  image: string
  ports?: {containerPort: number}[]
  env?: {name: string; value: string}[]
  imagePullPolicy?: string
}

const nginx = (
  image = 'nginx:1.25',
  env = [
    {name: 'MODE', value: 'prod'},
    {name: 'DEBUG', value: 'false'},
  ],
): Container => ({name: 'nginx', image, ports: [{containerPort: 80}], env})

/** A Deployment manifest, as applied by a user (and kept in the last-applied annotation). */
function manifest(options: {containers?: Container[]; labels?: Record<string, string>; spec?: object} = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name: 'web', namespace: 'default', labels: options.labels ?? {app: 'web', tier: 'front'}},
    spec: {
      selector: {matchLabels: {app: 'web'}},
      template: {metadata: {labels: {app: 'web'}}, spec: {containers: options.containers ?? [nginx()]}},
      ...options.spec,
    },
  }
}

/** What the server holds for a manifest: plus defaults, server metadata, status and a `kubectl scale`. */
function live(options: {containers?: Container[]; spec?: object} = {}) {
  const containers = (options.containers ?? [nginx()]).map((c) => ({imagePullPolicy: 'IfNotPresent', ...c}))
  const object = manifest({containers, spec: {replicas: 5, ...options.spec}})
  return {
    ...object,
    metadata: {...object.metadata, uid: '5f1c', resourceVersion: '42', generation: 3},
    spec: {...object.spec, template: {...object.spec.template, spec: {containers, restartPolicy: 'Always'}}},
    status: {replicas: 5, readyReplicas: 5},
  }
}

describe('createThreeWayMergePatch', () => {
  it('returns an empty patch when the configuration did not change', () => {
    expect(createThreeWayMergePatch(manifest(), manifest(), live(), deploymentSchema)).toEqual({})
  })

  it('changes a container found by name and leaves fields set by others alone', () => {
    // Given a new image for the nginx container
    const modified = manifest({containers: [nginx('nginx:1.27')]})

    const patch = createThreeWayMergePatch(manifest(), modified, live(), deploymentSchema)

    // Then only the image changes; replicas, defaults and status are not in the patch
    expect(patch).toEqual({
      spec: {
        template: {
          spec: {
            containers: [{name: 'nginx', image: 'nginx:1.27'}],
            '$setElementOrder/containers': [{name: 'nginx'}],
          },
        },
      },
    })
    expect(applyStrategicMergePatch(live(), patch, deploymentSchema)).toMatchObject({
      spec: {
        replicas: 5,
        template: {
          spec: {
            containers: [{name: 'nginx', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent'}],
            restartPolicy: 'Always',
          },
        },
      },
      status: {replicas: 5, readyReplicas: 5},
    })
  })

  it('adds and removes containers and env entries by name', () => {
    // Given the manifest drops DEBUG, adds LEVEL and adds a sidecar container
    const env = [
      {name: 'MODE', value: 'prod'},
      {name: 'LEVEL', value: 'info'},
    ]
    const modified = manifest({containers: [nginx('nginx:1.25', env), {name: 'sidecar', image: 'busybox:1.36'}]})
    // And an admission webhook injected an env var the manifest never had
    const injected = [...(nginx().env ?? []), {name: 'INJECTED', value: 'yes'}]
    const current = live({containers: [nginx('nginx:1.25', injected)]})

    const patch = createThreeWayMergePatch(manifest(), modified, current, deploymentSchema)

    expect(patch).toEqual({
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: 'nginx',
                env: [
                  {name: 'LEVEL', value: 'info'},
                  {name: 'DEBUG', $patch: 'delete'},
                ],
                '$setElementOrder/env': [{name: 'MODE'}, {name: 'LEVEL'}],
              },
              {name: 'sidecar', image: 'busybox:1.36'},
            ],
            '$setElementOrder/containers': [{name: 'nginx'}, {name: 'sidecar'}],
          },
        },
      },
    })
    expect(applyStrategicMergePatch(current, patch, deploymentSchema)).toMatchObject({
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: 'nginx',
                image: 'nginx:1.25',
                ports: [{containerPort: 80}],
                env: [
                  {name: 'MODE', value: 'prod'},
                  {name: 'LEVEL', value: 'info'},
                  {name: 'INJECTED', value: 'yes'},
                ],
                imagePullPolicy: 'IfNotPresent',
              },
              {name: 'sidecar', image: 'busybox:1.36'},
            ],
          },
        },
      },
    })
  })

  it('removes a container the manifest no longer has', () => {
    const withSidecar = manifest({containers: [nginx(), {name: 'sidecar', image: 'busybox'}]})
    const current = live({containers: [nginx(), {name: 'sidecar', image: 'busybox'}]})

    const patch = createThreeWayMergePatch(withSidecar, manifest(), current, deploymentSchema)

    expect(patch).toEqual({
      spec: {
        template: {
          spec: {
            containers: [{name: 'sidecar', $patch: 'delete'}],
            '$setElementOrder/containers': [{name: 'nginx'}],
          },
        },
      },
    })
    const result = applyStrategicMergePatch(current, patch, deploymentSchema)
    expect((result['spec'] as {template: {spec: {containers: Container[]}}}).template.spec.containers).toEqual([
      {...nginx(), imagePullPolicy: 'IfNotPresent'},
    ])
  })

  it('deletes a field removed from the manifest but keeps replicas set by kubectl scale', () => {
    // Given the manifest drops the tier label; replicas were never in it
    const modified = manifest({labels: {app: 'web'}})

    const patch = createThreeWayMergePatch(manifest(), modified, live(), deploymentSchema)

    expect(patch).toEqual({metadata: {labels: {tier: null}}})
    const result = applyStrategicMergePatch(live(), patch, deploymentSchema)
    expect(result['metadata']).toEqual({
      name: 'web',
      namespace: 'default',
      labels: {app: 'web'},
      uid: '5f1c',
      resourceVersion: '42',
      generation: 3,
    })
    expect(result).toMatchObject({spec: {replicas: 5}, status: {replicas: 5}})
  })

  it('overrides a field changed on the server when the manifest sets it', () => {
    const current = live({containers: [nginx('nginx:hotfix')]})
    expect(createThreeWayMergePatch(manifest(), manifest(), current, deploymentSchema)).toEqual({
      spec: {
        template: {
          spec: {
            containers: [{name: 'nginx', image: 'nginx:1.25'}],
            '$setElementOrder/containers': [{name: 'nginx'}],
          },
        },
      },
    })
  })

  it('fails on that change instead when overwrite is false', () => {
    const current = live({containers: [nginx('nginx:hotfix')]})
    const modified = manifest({containers: [nginx('nginx:1.27')]})
    expect(() => createThreeWayMergePatch(manifest(), modified, current, deploymentSchema, {overwrite: false})).toThrow(
      MergeConflictError,
    )
  })

  it('accepts changes to fields the server left alone when overwrite is false', () => {
    const modified = manifest({containers: [nginx('nginx:1.27')]})
    expect(createThreeWayMergePatch(manifest(), modified, live(), deploymentSchema, {overwrite: false})).toMatchObject({
      spec: {template: {spec: {containers: [{name: 'nginx', image: 'nginx:1.27'}]}}},
    })
  })

  it('deletes a field set to null in the manifest', () => {
    const modified = manifest({spec: {replicas: null}})
    const patch = createThreeWayMergePatch(manifest(), modified, live(), deploymentSchema)
    expect(patch).toEqual({spec: {replicas: null}})
    expect(applyStrategicMergePatch(live(), patch, deploymentSchema)['spec']).not.toHaveProperty('replicas')
  })

  it('clears the other strategy fields with $retainKeys when the strategy type changes', () => {
    const original = manifest({spec: {strategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge: 1}}}})
    const modified = manifest({spec: {strategy: {type: 'Recreate'}}})
    const current = live({
      spec: {strategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge: 1, maxUnavailable: '25%'}}},
    })

    const patch = createThreeWayMergePatch(original, modified, current, deploymentSchema)

    expect(patch).toEqual({spec: {strategy: {$retainKeys: ['type'], type: 'Recreate', rollingUpdate: null}}})
    expect(applyStrategicMergePatch(current, patch, deploymentSchema)).toMatchObject({
      spec: {strategy: {type: 'Recreate'}},
    })
    expect((applyStrategicMergePatch(current, patch, deploymentSchema)['spec'] as {strategy: object}).strategy).toEqual(
      {
        type: 'Recreate',
      },
    )
  })

  it('removes one finalizer with $deleteFromPrimitiveList and keeps the ones others added', () => {
    const withFinalizers = (finalizers: string[]) => {
      const object = manifest()
      return {...object, metadata: {...object.metadata, finalizers}}
    }
    const current = {
      ...live(),
      metadata: {...live().metadata, finalizers: ['example.com/a', 'example.com/b', 'other.io/x']},
    }

    const patch = createThreeWayMergePatch(
      withFinalizers(['example.com/a', 'example.com/b']),
      withFinalizers(['example.com/a']),
      current,
      deploymentSchema,
    )

    expect(patch).toEqual({
      metadata: {
        '$deleteFromPrimitiveList/finalizers': ['example.com/b'],
        '$setElementOrder/finalizers': ['example.com/a'],
      },
    })
    expect(applyStrategicMergePatch(current, patch, deploymentSchema)).toMatchObject({
      metadata: {finalizers: ['example.com/a', 'other.io/x']},
    })
  })

  it('replaces lists without merge metadata, such as tolerations', () => {
    const tolerations = (keys: string[]) => keys.map((key) => ({key, operator: 'Exists'}))
    const pod = (keys: string[]) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {name: 'p'},
      spec: {containers: [{name: 'c', image: 'busybox'}], tolerations: tolerations(keys)},
    })
    const patch = createThreeWayMergePatch(pod(['a', 'b']), pod(['b']), pod(['a', 'b', 'c']), podSchema)
    expect(patch).toEqual({spec: {tolerations: tolerations(['b'])}})
  })
})

describe('createTwoWayMergePatch', () => {
  it('orders containers with $setElementOrder when only their order changes', () => {
    const twoContainers = (names: string[]) => ({spec: {containers: names.map((name) => ({name, image: name}))}})
    expect(createTwoWayMergePatch(twoContainers(['a', 'b']), twoContainers(['b', 'a']), podSchema)).toEqual({
      spec: {'$setElementOrder/containers': [{name: 'b'}, {name: 'a'}]},
    })
  })

  it('merges container ports by containerPort and service ports by port', () => {
    const container = (ports: object[]) => ({spec: {containers: [{name: 'c', ports}]}})
    expect(
      createTwoWayMergePatch(
        container([{containerPort: 80, name: 'http'}]),
        container([{containerPort: 80, name: 'web'}]),
        podSchema,
      ),
    ).toEqual({
      spec: {
        containers: [
          {name: 'c', ports: [{containerPort: 80, name: 'web'}], '$setElementOrder/ports': [{containerPort: 80}]},
        ],
        '$setElementOrder/containers': [{name: 'c'}],
      },
    })
    const service = (ports: object[]) => ({spec: {ports}})
    const serviceSchema = schemaOf('v1', 'Service')
    expect(createTwoWayMergePatch(service([{port: 80}]), service([{port: 80}, {port: 443}]), serviceSchema)).toEqual({
      spec: {ports: [{port: 443}], '$setElementOrder/ports': [{port: 80}, {port: 443}]},
    })
  })
})

describe('applyStrategicMergePatch', () => {
  it('orders items as $setElementOrder says and slots server-only items in by their live position', () => {
    // Given live [a, injected, b] and the order [b, a]: injected precedes b in the live list, so it goes first
    const current = {spec: {containers: [{name: 'a'}, {name: 'injected'}, {name: 'b'}]}}
    const patch = {spec: {'$setElementOrder/containers': [{name: 'b'}, {name: 'a'}]}}
    expect(applyStrategicMergePatch(current, patch, podSchema)).toEqual({
      spec: {containers: [{name: 'injected'}, {name: 'b'}, {name: 'a'}]},
    })
  })

  it('puts items a patch adds without $setElementOrder before the live ones', () => {
    const current = {spec: {containers: [{name: 'a'}]}}
    const patch = {spec: {containers: [{name: 'b'}]}}
    expect(applyStrategicMergePatch(current, patch, podSchema)).toEqual({
      spec: {containers: [{name: 'b'}, {name: 'a'}]},
    })
  })

  it('replaces a whole list with a $patch: replace element', () => {
    const current = {spec: {containers: [{name: 'a', image: 'x'}, {name: 'b'}]}}
    const patch = {spec: {containers: [{name: 'c'}, {$patch: 'replace'}]}}
    expect(applyStrategicMergePatch(current, patch, podSchema)).toEqual({spec: {containers: [{name: 'c'}]}})
  })

  it('replaces a whole map with $patch: replace and empties it with $patch: delete', () => {
    const current = {metadata: {labels: {a: '1', b: '2'}, annotations: {x: 'y'}}}
    const patch = {metadata: {labels: {c: '3', $patch: 'replace'}, annotations: {$patch: 'delete'}}}
    expect(applyStrategicMergePatch(current, patch, podSchema)).toEqual({metadata: {labels: {c: '3'}, annotations: {}}})
  })

  it('drops nulls from values the patch adds', () => {
    const patch = {spec: {securityContext: {runAsUser: 1000, fsGroup: null}}}
    expect(applyStrategicMergePatch({spec: {}}, patch, podSchema)).toEqual({spec: {securityContext: {runAsUser: 1000}}})
  })

  it('merges owner references by uid and conditions by type', () => {
    const current = {
      metadata: {ownerReferences: [{uid: '1', name: 'rs-a'}]},
      status: {
        conditions: [
          {type: 'Ready', status: 'False'},
          {type: 'PodScheduled', status: 'True'},
        ],
      },
    }
    const patch = {
      metadata: {ownerReferences: [{uid: '2', name: 'rs-b'}]},
      status: {conditions: [{type: 'Ready', status: 'True'}]},
    }
    expect(applyStrategicMergePatch(current, patch, podSchema)).toEqual({
      metadata: {
        ownerReferences: [
          {uid: '2', name: 'rs-b'},
          {uid: '1', name: 'rs-a'},
        ],
      },
      status: {
        conditions: [
          {type: 'Ready', status: 'True'},
          {type: 'PodScheduled', status: 'True'},
        ],
      },
    })
  })

  it('reaches the pod template of a CronJob through its job template', () => {
    const cronJobSchema = schemaOf('batch/v1', 'CronJob')
    const cronJob = (env: object[]) => ({
      spec: {jobTemplate: {spec: {template: {spec: {containers: [{name: 'job', env}]}}}}},
    })
    const patch = {
      spec: {
        jobTemplate: {
          spec: {
            template: {
              spec: {
                containers: [
                  {name: 'job', env: [{name: 'B', value: '2'}], '$setElementOrder/env': [{name: 'A'}, {name: 'B'}]},
                ],
              },
            },
          },
        },
      },
    }
    const result = applyStrategicMergePatch(cronJob([{name: 'A', value: '1'}]), patch, cronJobSchema)
    expect(result).toEqual(
      cronJob([
        {name: 'A', value: '1'},
        {name: 'B', value: '2'},
      ]),
    )
  })

  it('does not change its arguments', () => {
    const current = {spec: {containers: [{name: 'a'}]}}
    const patch = {spec: {containers: [{name: 'a', $patch: 'delete'}]}}
    applyStrategicMergePatch(current, patch, podSchema)
    expect(current).toEqual({spec: {containers: [{name: 'a'}]}})
    expect(patch).toEqual({spec: {containers: [{name: 'a', $patch: 'delete'}]}})
  })

  it('rejects an element without its merge key, worded as apimachinery words it', () => {
    const apply = () =>
      applyStrategicMergePatch({spec: {containers: [{name: 'a'}]}}, {spec: {containers: [{image: 'x'}]}}, podSchema)
    expect(apply).toThrow(PatchError)
    expect(apply).toThrow('map: map[image:x] does not contain declared merge key: name')
  })

  it('rejects fields outside $retainKeys as a bad request', () => {
    const patch = {spec: {strategy: {$retainKeys: ['type'], type: 'Recreate', rollingUpdate: {}}}}
    const apply = () => applyStrategicMergePatch({spec: {strategy: {}}}, patch, deploymentSchema)
    expect(apply).toThrow('invalid patch format of retainKeys')
    expect(() => apply()).toThrow(expect.objectContaining({errorClass: 'BadRequest'}) as Error)
  })

  it('rejects a $setElementOrder list that contradicts the patch list', () => {
    const current = {spec: {containers: [{name: 'a'}, {name: 'b'}]}}
    const patch = {
      spec: {
        '$setElementOrder/containers': [{name: 'a'}, {name: 'b'}],
        containers: [
          {name: 'b', image: 'x'},
          {name: 'a', image: 'y'},
        ],
      },
    }
    expect(() => applyStrategicMergePatch(current, patch, podSchema)).toThrow("doesn't match $setElementOrder list")
  })
})
