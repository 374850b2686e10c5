import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import type {ResourceInfo} from '../../../../src/backend/refs.js'
import {defaultObject} from '../../../../src/embedded/admission/defaults.js'
import {BUILTIN_RESOURCES} from '../../../../src/resources/builtin.js'

function info(group: string, kind: string): ResourceInfo {
  return BUILTIN_RESOURCES.find((r) => r.group === group && r.kind === kind) as ResourceInfo
}

const CONTAINER_DEFAULTS = {
  imagePullPolicy: 'Always',
  resources: {},
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
}

const TEMPLATE_SPEC_DEFAULTS = {
  dnsPolicy: 'ClusterFirst',
  restartPolicy: 'Always',
  schedulerName: 'default-scheduler',
  securityContext: {},
  terminationGracePeriodSeconds: 30,
}

describe('defaultObject for pods', () => {
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name: 'web', namespace: 'default', uid: 'u1'},
    spec: {containers: [{name: 'web', image: 'nginx', ports: [{containerPort: 80}]}]},
  }

  it('fills what kube-apiserver and its default admission plugins add on create', () => {
    expect(defaultObject(info('', 'Pod'), pod)).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {name: 'web', namespace: 'default', uid: 'u1'},
      spec: {
        ...TEMPLATE_SPEC_DEFAULTS,
        containers: [
          {name: 'web', image: 'nginx', ports: [{containerPort: 80, protocol: 'TCP'}], ...CONTAINER_DEFAULTS},
        ],
        enableServiceLinks: true,
        preemptionPolicy: 'PreemptLowerPriority',
        priority: 0,
        serviceAccount: 'default',
        serviceAccountName: 'default',
        tolerations: [
          {key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300},
          {key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300},
        ],
      },
      status: {phase: 'Pending', qosClass: 'BestEffort'},
    })
  })

  it('does not touch its argument', () => {
    const copy = structuredClone(pod)
    defaultObject(info('', 'Pod'), pod)
    expect(pod).toEqual(copy)
  })

  it('pulls a tagged image only if not present', () => {
    const tagged = {
      ...pod,
      spec: {
        containers: [
          {name: 'web', image: 'nginx:1.25'},
          {name: 'b', image: 'reg.io:5000/app'},
        ],
      },
    }
    const spec = defaultObject(info('', 'Pod'), tagged)['spec'] as {containers: {imagePullPolicy: string}[]}
    expect(spec.containers.map((c) => c.imagePullPolicy)).toEqual(['IfNotPresent', 'Always'])
  })

  it('copies limits into missing requests and canonicalizes quantities', () => {
    const spec = {containers: [{name: 'web', image: 'nginx', resources: {limits: {cpu: '0.5', memory: '1024Mi'}}}]}
    const defaulted = defaultObject(info('', 'Pod'), {...pod, spec})
    const resources = (defaulted['spec'] as {containers: {resources: unknown}[]}).containers[0]?.resources
    expect(resources).toEqual({limits: {cpu: '500m', memory: '1Gi'}, requests: {cpu: '500m', memory: '1Gi'}})
    expect(defaulted['status']).toEqual({phase: 'Pending', qosClass: 'Guaranteed'})
  })

  it('keeps an existing toleration of all NoExecute taints', () => {
    const spec = {containers: [{name: 'web', image: 'nginx'}], tolerations: [{operator: 'Exists'}]}
    const defaulted = defaultObject(info('', 'Pod'), {...pod, spec})
    expect((defaulted['spec'] as {tolerations: unknown[]}).tolerations).toEqual([{operator: 'Exists'}])
  })

  it('adds no admission fields and keeps system metadata on update', () => {
    const old = defaultObject(info('', 'Pod'), {
      ...pod,
      metadata: {...pod.metadata, creationTimestamp: '2024-05-01T10:00:00Z'},
    })
    const next = defaultObject(info('', 'Pod'), {...pod, metadata: {name: 'web', namespace: 'default'}}, old)
    expect(next.metadata).toEqual({
      name: 'web',
      namespace: 'default',
      uid: 'u1',
      creationTimestamp: '2024-05-01T10:00:00Z',
    })
    expect(next['status']).toBeUndefined()
    expect((next['spec'] as Record<string, unknown>)['tolerations']).toBeUndefined()
  })
})

describe('defaultObject for workloads', () => {
  const template = {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'web', image: 'nginx'}]}}
  const defaultedTemplate = {
    metadata: {labels: {app: 'web'}, creationTimestamp: null},
    spec: {...TEMPLATE_SPEC_DEFAULTS, containers: [{name: 'web', image: 'nginx', ...CONTAINER_DEFAULTS}]},
  }

  it('defaults a Deployment as apps/v1 does', () => {
    const deployment: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {name: 'web', namespace: 'default'},
      spec: {selector: {matchLabels: {app: 'web'}}, template},
    }
    expect(defaultObject(info('apps', 'Deployment'), deployment)['spec']).toEqual({
      progressDeadlineSeconds: 600,
      replicas: 1,
      revisionHistoryLimit: 10,
      selector: {matchLabels: {app: 'web'}},
      strategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge: '25%', maxUnavailable: '25%'}},
      template: defaultedTemplate,
    })
    expect(defaultObject(info('apps', 'Deployment'), deployment)['status']).toEqual({})
  })

  it('defaults a StatefulSet and its claim templates', () => {
    const statefulSet: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: {name: 'db', namespace: 'default'},
      spec: {
        serviceName: 'db',
        selector: {matchLabels: {app: 'web'}},
        template,
        volumeClaimTemplates: [
          {metadata: {name: 'data'}, spec: {accessModes: ['ReadWriteOnce'], resources: {requests: {storage: '1Gi'}}}},
        ],
      },
    }
    const spec = defaultObject(info('apps', 'StatefulSet'), statefulSet)['spec'] as Record<string, unknown>
    expect(spec['podManagementPolicy']).toBe('OrderedReady')
    expect(spec['updateStrategy']).toEqual({type: 'RollingUpdate', rollingUpdate: {partition: 0}})
    expect(spec['persistentVolumeClaimRetentionPolicy']).toEqual({whenDeleted: 'Retain', whenScaled: 'Retain'})
    expect(spec['volumeClaimTemplates']).toEqual([
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: {name: 'data', creationTimestamp: null},
        spec: {accessModes: ['ReadWriteOnce'], resources: {requests: {storage: '1Gi'}}, volumeMode: 'Filesystem'},
        status: {phase: 'Pending'},
      },
    ])
  })

  it('defaults a DaemonSet update strategy', () => {
    const daemonSet: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: {name: 'agent', namespace: 'default'},
      spec: {selector: {matchLabels: {app: 'web'}}, template},
    }
    const spec = defaultObject(info('apps', 'DaemonSet'), daemonSet)['spec'] as Record<string, unknown>
    expect(spec['updateStrategy']).toEqual({type: 'RollingUpdate', rollingUpdate: {maxUnavailable: 1, maxSurge: 0}})
    expect(spec['revisionHistoryLimit']).toBe(10)
  })

  it('generates the Job selector and labels from the uid on create', () => {
    const job: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {name: 'pi', namespace: 'default', uid: 'u-1'},
      spec: {template: {spec: {restartPolicy: 'Never', containers: [{name: 'pi', image: 'perl'}]}}},
    }
    const defaulted = defaultObject(info('batch', 'Job'), job)
    const labels = {
      'batch.kubernetes.io/controller-uid': 'u-1',
      'batch.kubernetes.io/job-name': 'pi',
      'controller-uid': 'u-1',
      'job-name': 'pi',
    }
    expect(defaulted.metadata.labels).toEqual(labels)
    const spec = defaulted['spec'] as Record<string, unknown>
    expect({...spec, template: undefined}).toEqual({
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      completions: 1,
      manualSelector: false,
      parallelism: 1,
      podReplacementPolicy: 'TerminatingOrFailed',
      selector: {matchLabels: {'batch.kubernetes.io/controller-uid': 'u-1'}},
      suspend: false,
      template: undefined,
    })
    expect((spec['template'] as {metadata: unknown}).metadata).toEqual({labels, creationTimestamp: null})
  })

  it('defaults a CronJob without Job defaults in its template', () => {
    const cronJob: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: {name: 'hello', namespace: 'default'},
      spec: {
        schedule: '@hourly',
        jobTemplate: {
          spec: {template: {spec: {restartPolicy: 'OnFailure', containers: [{name: 'c', image: 'busybox:1.36'}]}}},
        },
      },
    }
    const spec = defaultObject(info('batch', 'CronJob'), cronJob)['spec'] as Record<string, unknown>
    expect(spec['concurrencyPolicy']).toBe('Allow')
    expect(spec['successfulJobsHistoryLimit']).toBe(3)
    expect(spec['failedJobsHistoryLimit']).toBe(1)
    expect(spec['suspend']).toBe(false)
    const jobTemplate = spec['jobTemplate'] as {metadata: unknown; spec: Record<string, unknown>}
    expect(jobTemplate.metadata).toEqual({creationTimestamp: null})
    expect(jobTemplate.spec['backoffLimit']).toBeUndefined()
  })

  it('fills HorizontalPodAutoscaler defaults', () => {
    const hpa: KubeObject = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: {name: 'web', namespace: 'default'},
      spec: {maxReplicas: 5, scaleTargetRef: {apiVersion: 'apps/v1', kind: 'Deployment', name: 'web'}},
    }
    const defaulted = defaultObject(info('autoscaling', 'HorizontalPodAutoscaler'), hpa)
    expect((defaulted['spec'] as Record<string, unknown>)['minReplicas']).toBe(1)
    expect((defaulted['spec'] as Record<string, unknown>)['metrics']).toEqual([
      {type: 'Resource', resource: {name: 'cpu', target: {type: 'Utilization', averageUtilization: 80}}},
    ])
    expect(defaulted['status']).toEqual({currentMetrics: null, desiredReplicas: 0})
  })
})

describe('defaultObject for core kinds', () => {
  it('defaults a Service for a single-stack IPv4 cluster', () => {
    const service: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {name: 'web', namespace: 'default'},
      spec: {selector: {app: 'web'}, ports: [{port: 80}, {port: 443, targetPort: 'https'}]},
    }
    const defaulted = defaultObject(info('', 'Service'), service)
    expect(defaulted['spec']).toEqual({
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [
        {port: 80, protocol: 'TCP', targetPort: 80},
        {port: 443, protocol: 'TCP', targetPort: 'https'},
      ],
      selector: {app: 'web'},
      sessionAffinity: 'None',
      type: 'ClusterIP',
    })
    expect(defaulted['status']).toEqual({loadBalancer: {}})
  })

  it('keeps clusterIPs in step with a requested clusterIP and sets externalTrafficPolicy for NodePort', () => {
    const service: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {name: 'web', namespace: 'default'},
      spec: {type: 'NodePort', clusterIP: '10.96.0.10', ports: [{port: 80}]},
    }
    const spec = defaultObject(info('', 'Service'), service)['spec'] as Record<string, unknown>
    expect(spec['clusterIPs']).toEqual(['10.96.0.10'])
    expect(spec['externalTrafficPolicy']).toBe('Cluster')
  })

  it('defaults a Namespace on create', () => {
    const namespace: KubeObject = {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'team-a'}}
    expect(defaultObject(info('', 'Namespace'), namespace)).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {name: 'team-a', labels: {'kubernetes.io/metadata.name': 'team-a'}},
      spec: {finalizers: ['kubernetes']},
      status: {phase: 'Active'},
    })
  })

  it('clears the namespace of a cluster-scoped object', () => {
    const node: KubeObject = {apiVersion: 'v1', kind: 'Node', metadata: {name: 'n1', namespace: 'default'}}
    expect(defaultObject(info('', 'Node'), node).metadata).toEqual({name: 'n1'})
  })

  it('merges Secret stringData into base64 data', () => {
    const secret: KubeObject = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {name: 's', namespace: 'default'},
      data: {a: 'eA=='},
      stringData: {password: 's3cr3t', a: 'y'},
    }
    expect(defaultObject(info('', 'Secret'), secret)).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {name: 's', namespace: 'default'},
      data: {a: 'eQ==', password: 'czNjcjN0'},
      type: 'Opaque',
    })
  })

  it('defaults a PersistentVolumeClaim', () => {
    const claim: KubeObject = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {name: 'data', namespace: 'default'},
      spec: {accessModes: ['ReadWriteOnce'], resources: {requests: {storage: '1024Mi'}}},
    }
    const defaulted = defaultObject(info('', 'PersistentVolumeClaim'), claim)
    expect(defaulted['spec']).toEqual({
      accessModes: ['ReadWriteOnce'],
      resources: {requests: {storage: '1Gi'}},
      volumeMode: 'Filesystem',
    })
    expect(defaulted['status']).toEqual({phase: 'Pending'})
  })
})
