import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {describeObject, type DescribeOptions} from '../../../../src/kubectl/describe/describe-object.js'
import {BUILTIN_RESOURCES} from '../../../../src/resources/builtin.js'
import {ResourceRegistry} from '../../../../src/resources/registry.js'
import {defaultNamespace, teamNamespace, webConfig, webDeployment, webPod, webService} from './fixtures.js'
import {MemoryBackend} from './memory-backend.js'

// The expected texts are what kubectl v1.32 prints for these objects (checked against the real
// binary serving the same fixtures); times are printed in the local zone, UTC here.
const NOW = Date.parse('2024-06-01T12:00:00Z')
const registry = new ResourceRegistry(BUILTIN_RESOURCES)
let savedTZ: string | undefined

beforeAll(() => {
  savedTZ = process.env['TZ']
  process.env['TZ'] = 'UTC'
})

afterAll(() => {
  if (savedTZ === undefined) delete process.env['TZ']
  else process.env['TZ'] = savedTZ
})

function cluster(): MemoryBackend {
  return new MemoryBackend([
    defaultNamespace(NOW),
    ...teamNamespace(NOW),
    ...webDeployment(NOW),
    ...webPod(NOW),
    ...webService(NOW),
    ...webConfig(NOW),
  ])
}

async function describeNamed(
  backend: MemoryBackend,
  type: string,
  name: string,
  options: Partial<DescribeOptions> = {},
): Promise<string> {
  const info = registry.resolve(type)
  const ref = {group: info.group, version: info.version, resource: info.resource}
  const object: KubeObject = await backend.get(info.namespaced ? {...ref, namespace: 'default'} : ref, name)
  return describeObject(backend, info, object, {now: NOW, ...options})
}

function text(...lines: string[]): string {
  return `${lines.join('\n')}\n`
}

describe('describeObject', () => {
  it('describes a pod with its containers, volumes and events as kubectl does', async () => {
    const output = await describeNamed(cluster(), 'pod', 'web-7d4b9c8f5-x2x9k')

    expect(output).toBe(
      text(
        'Name:             web-7d4b9c8f5-x2x9k',
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        'Node:             node-1/172.18.0.2',
        'Start Time:       Sat, 01 Jun 2024 11:15:00 +0000',
        'Labels:           app=web',
        '                  pod-template-hash=7d4b9c8f5',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.244.1.5',
        'IPs:',
        '  IP:           10.244.1.5',
        'Controlled By:  ReplicaSet/web-7d4b9c8f5',
        'Containers:',
        '  nginx:',
        '    Container ID:   containerd://9f8e7d6c5b4a',
        '    Image:          nginx:1.27',
        '    Image ID:       docker.io/library/nginx@sha256:6784c2a8b6f1d8a3e5c7b9d0f2e4a6c8',
        '    Port:           80/TCP',
        '    Host Port:      0/TCP',
        '    State:          Running',
        '      Started:      Sat, 01 Jun 2024 11:40:00 +0000',
        '    Last State:     Terminated',
        '      Reason:       OOMKilled',
        '      Exit Code:    137',
        '      Started:      Sat, 01 Jun 2024 11:16:00 +0000',
        '      Finished:     Sat, 01 Jun 2024 11:40:00 +0000',
        '    Ready:          True',
        '    Restart Count:  1',
        '    Limits:',
        '      cpu:     500m',
        '      memory:  128Mi',
        '    Requests:',
        '      cpu:      250m',
        '      memory:   64Mi',
        '    Readiness:  http-get http://:80/healthz delay=0s timeout=1s period=10s #success=1 #failure=3',
        '    Environment:',
        '      MODE:         production',
        '      POD_NAME:     web-7d4b9c8f5-x2x9k (v1:metadata.name)',
        "      DB_PASSWORD:  <set to the key 'password' in secret 'db'>  Optional: false",
        '    Mounts:',
        '      /etc/nginx/conf.d from config (ro)',
        '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-7xq2z (ro)',
        'Conditions:',
        '  Type                        Status',
        '  PodReadyToStartContainers   True ',
        '  Initialized                 True ',
        '  Ready                       True ',
        '  ContainersReady             True ',
        '  PodScheduled                True ',
        'Volumes:',
        '  config:',
        '    Type:      ConfigMap (a volume populated by a ConfigMap)',
        '    Name:      web-config',
        '    Optional:  false',
        '  kube-api-access-7xq2z:',
        '    Type:                    Projected (a volume that contains injected data from multiple sources)',
        '    TokenExpirationSeconds:  3607',
        '    ConfigMapName:           kube-root-ca.crt',
        '    ConfigMapOptional:       <nil>',
        '    DownwardAPI:             true',
        'QoS Class:                   Burstable',
        'Node-Selectors:              <none>',
        'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
        'Events:',
        '  Type     Reason     Age                From               Message',
        '  ----     ------     ----               ----               -------',
        '  Normal   Scheduled  45m                default-scheduler  Successfully assigned default/web-7d4b9c8f5-x2x9k to node-1',
        '  Warning  BackOff    21m                kubelet            Back-off restarting failed container nginx in pod web-7d4b9c8f5-x2x9k_default(3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f)',
        '  Normal   Pulled     20m (x2 over 44m)  kubelet            Container image "nginx:1.27" already present on machine',
      ),
    )
  })

  it('searches the events of a pod without the involvedObject.kind term, as kubectl does', async () => {
    const backend = cluster()

    await describeNamed(backend, 'pod', 'web-7d4b9c8f5-x2x9k')

    expect(backend.lists).toEqual([
      {
        resource: 'events',
        namespace: 'default',
        options: {
          fieldSelector:
            'involvedObject.name=web-7d4b9c8f5-x2x9k,involvedObject.namespace=default,involvedObject.uid=3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
          limit: 500,
        },
      },
    ])
  })

  it('describes a deployment with its new and old ReplicaSets and its events', async () => {
    const output = await describeNamed(cluster(), 'deploy', 'web')

    expect(output).toBe(
      text(
        'Name:                   web',
        'Namespace:              default',
        'CreationTimestamp:      Sat, 01 Jun 2024 07:00:00 +0000',
        'Labels:                 app=web',
        'Annotations:            deployment.kubernetes.io/revision: 2',
        'Selector:               app=web',
        'Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        'Pod Template:',
        '  Labels:  app=web',
        '  Containers:',
        '   nginx:',
        '    Image:      nginx:1.27',
        '    Port:       80/TCP',
        '    Host Port:  0/TCP',
        '    Limits:',
        '      cpu:     500m',
        '      memory:  128Mi',
        '    Requests:',
        '      cpu:      250m',
        '      memory:   64Mi',
        '    Readiness:  http-get http://:80/healthz delay=0s timeout=1s period=10s #success=1 #failure=3',
        '    Environment:',
        '      MODE:         production',
        '      POD_NAME:      (v1:metadata.name)',
        "      DB_PASSWORD:  <set to the key 'password' in secret 'db'>  Optional: false",
        '    Mounts:',
        '      /etc/nginx/conf.d from config (ro)',
        '  Volumes:',
        '   config:',
        '    Type:          ConfigMap (a volume populated by a ConfigMap)',
        '    Name:          web-config',
        '    Optional:      false',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        '  Progressing    True    NewReplicaSetAvailable',
        'OldReplicaSets:  web-5c9f8b7d6 (0/0 replicas created)',
        'NewReplicaSet:   web-7d4b9c8f5 (2/2 replicas created)',
        'Events:',
        '  Type    Reason             Age                 From                   Message',
        '  ----    ------             ----                ----                   -------',
        '  Normal  ScalingReplicaSet  5h                  deployment-controller  Scaled up replica set web-5c9f8b7d6 to 2',
        '  Normal  ScalingReplicaSet  3h19m               deployment-controller  Scaled up replica set web-7d4b9c8f5 to 2 from 1',
        '  Normal  ScalingReplicaSet  3m (x3 over 3h18m)  deployment-controller  Scaled down replica set web-5c9f8b7d6 to 0 from 1',
      ),
    )
  })

  it('finds the ReplicaSets of a deployment by its selector, page by page', async () => {
    const backend = cluster()

    await describeNamed(backend, 'deploy', 'web', {chunkSize: 1})

    const replicaSetLists = backend.lists.filter((list) => list.resource === 'replicasets')
    expect(replicaSetLists.map((list) => list.options)).toEqual([
      {labelSelector: 'app=web', limit: 1},
      {labelSelector: 'app=web', limit: 1, continue: '1'},
    ])
  })

  it('leaves the Events section out when events are not shown', async () => {
    const backend = cluster()

    const output = await describeNamed(backend, 'deploy', 'web', {showEvents: false})

    expect(output).toContain('NewReplicaSet:   web-7d4b9c8f5 (2/2 replicas created)\n')
    expect(output).not.toContain('Events:')
    expect(backend.lists.some((list) => list.resource === 'events')).toBe(false)
  })

  it('describes a service with the ready endpoints of each port', async () => {
    const output = await describeNamed(cluster(), 'svc', 'web')

    expect(output).toBe(
      text(
        'Name:                     web',
        'Namespace:                default',
        'Labels:                   app=web',
        'Annotations:              <none>',
        'Selector:                 app=web',
        'Type:                     NodePort',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.96.12.34',
        'IPs:                      10.96.12.34',
        'Port:                     http  80/TCP',
        'TargetPort:               80/TCP',
        'NodePort:                 http  30080/TCP',
        'Endpoints:                10.244.1.5:80,10.244.2.7:80',
        'Port:                     metrics  9113/TCP',
        'TargetPort:               metrics/TCP',
        'NodePort:                 metrics  31913/TCP',
        'Endpoints:                10.244.1.5:9113,10.244.2.7:9113',
        'Session Affinity:         None',
        'External Traffic Policy:  Cluster',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
      ),
    )
  })

  it('describes a configmap with its data and the sizes of its binary data', async () => {
    const output = await describeNamed(cluster(), 'cm', 'web-config')

    expect(output).toBe(
      text(
        'Name:         web-config',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  team: web',
        '',
        'Data',
        '====',
        'default.conf:',
        '----',
        'server {',
        '  listen 80;',
        '}',
        '',
        '',
        'mode:',
        '----',
        'production',
        '',
        '',
        'BinaryData',
        '====',
        'favicon.ico: 8 bytes',
        '',
        'Events:  <none>',
      ),
    )
  })

  it('describes a secret with byte counts and never its values', async () => {
    const output = await describeNamed(cluster(), 'secret', 'db')

    expect(output).toBe(
      text(
        'Name:         db',
        'Namespace:    default',
        'Labels:       app=db',
        'Annotations:  <none>',
        '',
        'Type:  Opaque',
        '',
        'Data',
        '====',
        'password:  7 bytes',
        'username:  5 bytes',
      ),
    )
    expect(output).not.toContain('s3cr3t')
  })

  it('describes a namespace with its resource quotas and limit ranges', async () => {
    const output = await describeNamed(cluster(), 'ns', 'team-a')

    expect(output).toBe(
      text(
        'Name:         team-a',
        'Labels:       kubernetes.io/metadata.name=team-a',
        '              team=a',
        'Annotations:  owner: alice@example.com',
        'Status:       Active',
        '',
        'Resource Quotas',
        '  Name:            compute',
        '  Resource         Used   Hard',
        '  --------         ---    ---',
        '  pods             2      10',
        '  requests.cpu     500m   4',
        '  requests.memory  128Mi  8Gi',
        '',
        'Resource Limits',
        ' Type       Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio',
        ' ----       --------  ---  ---  ---------------  -------------  -----------------------',
        ' Container  cpu       -    1    100m             500m           -',
      ),
    )
  })

  it('says when a namespace has no quota and no limit range', async () => {
    const output = await describeNamed(cluster(), 'ns', 'default')

    expect(output).toBe(
      text(
        'Name:         default',
        'Labels:       kubernetes.io/metadata.name=default',
        'Annotations:  <none>',
        'Status:       Active',
        '',
        'No resource quota.',
        '',
        'No LimitRange resource.',
      ),
    )
  })
})
