// Objects as kube-apiserver returns them for a small `web` application, with timestamps relative
// to `now` so the same fixtures can be served to real kubectl and compared.
import type {KubeObject} from '../../../../src/backend/object.js'

function timestamps(now: number): {ago: (minutes: number) => string; microAgo: (minutes: number) => string} {
  const at = (minutes: number): string => new Date(now - minutes * 60_000).toISOString()
  return {
    ago: (minutes) => at(minutes).replace(/\.\d+Z$/, 'Z'),
    microAgo: (minutes) => at(minutes).replace('Z', '000Z'),
  }
}

const TEMPLATE_SPEC = {
  containers: [
    {
      name: 'nginx',
      image: 'nginx:1.27',
      ports: [{containerPort: 80, protocol: 'TCP'}],
      resources: {limits: {cpu: '500m', memory: '128Mi'}, requests: {cpu: '250m', memory: '64Mi'}},
      env: [
        {name: 'MODE', value: 'production'},
        {name: 'POD_NAME', valueFrom: {fieldRef: {apiVersion: 'v1', fieldPath: 'metadata.name'}}},
        {name: 'DB_PASSWORD', valueFrom: {secretKeyRef: {name: 'db', key: 'password'}}},
      ],
      volumeMounts: [{name: 'config', mountPath: '/etc/nginx/conf.d', readOnly: true}],
      readinessProbe: {
        httpGet: {path: '/healthz', port: 80, scheme: 'HTTP'},
        timeoutSeconds: 1,
        periodSeconds: 10,
        successThreshold: 1,
        failureThreshold: 3,
      },
      imagePullPolicy: 'IfNotPresent',
    },
  ],
  volumes: [{name: 'config', configMap: {name: 'web-config', defaultMode: 420}}],
  restartPolicy: 'Always',
  dnsPolicy: 'ClusterFirst',
}

/** The `default` namespace. */
export function defaultNamespace(now: number): KubeObject {
  const {ago} = timestamps(now)
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: 'default',
      uid: '8d3f0a44-5e6b-4c1d-9f2a-7b8c9d0e1f23',
      creationTimestamp: ago(2880),
      labels: {'kubernetes.io/metadata.name': 'default'},
    },
    spec: {finalizers: ['kubernetes']},
    status: {phase: 'Active'},
  }
}

/** A namespace with a quota and a limit range. */
export function teamNamespace(now: number): KubeObject[] {
  const {ago} = timestamps(now)
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'team-a',
        uid: '2b9c4e1a-7d3f-4a5b-8c6d-1e2f3a4b5c6d',
        creationTimestamp: ago(600),
        labels: {'kubernetes.io/metadata.name': 'team-a', team: 'a'},
        annotations: {owner: 'alice@example.com'},
      },
      status: {phase: 'Active'},
    },
    {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: {
        name: 'compute',
        namespace: 'team-a',
        uid: 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b',
        creationTimestamp: ago(60),
      },
      spec: {hard: {pods: '10', 'requests.cpu': '4', 'requests.memory': '8Gi'}},
      status: {
        hard: {pods: '10', 'requests.cpu': '4', 'requests.memory': '8Gi'},
        used: {pods: '2', 'requests.cpu': '500m', 'requests.memory': '128Mi'},
      },
    },
    {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: {
        name: 'defaults',
        namespace: 'team-a',
        uid: 'a0b1c2d3-e4f5-4a6b-9c7d-8e9f0a1b2c3d',
        creationTimestamp: ago(60),
      },
      spec: {limits: [{type: 'Container', default: {cpu: '500m'}, defaultRequest: {cpu: '100m'}, max: {cpu: '1'}}]},
    },
  ]
}

const DEPLOYMENT_UID = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f'
const NEW_RS_UID = '0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b'

function replicaSet(
  now: number,
  options: {name: string; uid: string; hash: string; image: string; replicas: number; minutesAgo: number},
): KubeObject {
  const {ago} = timestamps(now)
  const labels = {app: 'web', 'pod-template-hash': options.hash}
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: options.name,
      namespace: 'default',
      uid: options.uid,
      creationTimestamp: ago(options.minutesAgo),
      labels,
      annotations: {'deployment.kubernetes.io/revision': options.image.endsWith('1.27') ? '2' : '1'},
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'web',
          uid: DEPLOYMENT_UID,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      replicas: options.replicas,
      selector: {matchLabels: labels},
      template: {
        metadata: {labels},
        spec: {...TEMPLATE_SPEC, containers: [{...TEMPLATE_SPEC.containers[0], image: options.image}]},
      },
    },
    status: {replicas: options.replicas, readyReplicas: options.replicas, availableReplicas: options.replicas},
  }
}

/** The `web` Deployment, its new and old ReplicaSets, and the events about the Deployment. */
export function webDeployment(now: number): KubeObject[] {
  const {ago} = timestamps(now)
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'web',
        namespace: 'default',
        uid: DEPLOYMENT_UID,
        generation: 2,
        creationTimestamp: ago(300),
        labels: {app: 'web'},
        annotations: {'deployment.kubernetes.io/revision': '2'},
      },
      spec: {
        replicas: 2,
        selector: {matchLabels: {app: 'web'}},
        template: {metadata: {labels: {app: 'web'}}, spec: TEMPLATE_SPEC},
        strategy: {type: 'RollingUpdate', rollingUpdate: {maxUnavailable: '25%', maxSurge: '25%'}},
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
      },
      status: {
        observedGeneration: 2,
        replicas: 2,
        updatedReplicas: 2,
        readyReplicas: 2,
        availableReplicas: 2,
        conditions: [
          {
            type: 'Available',
            status: 'True',
            reason: 'MinimumReplicasAvailable',
            message: 'Deployment has minimum availability.',
          },
          {
            type: 'Progressing',
            status: 'True',
            reason: 'NewReplicaSetAvailable',
            message: 'ReplicaSet "web-7d4b9c8f5" has successfully progressed.',
          },
        ],
      },
    },
    replicaSet(now, {
      name: 'web-7d4b9c8f5',
      uid: NEW_RS_UID,
      hash: '7d4b9c8f5',
      image: 'nginx:1.27',
      replicas: 2,
      minutesAgo: 200,
    }),
    replicaSet(now, {
      name: 'web-5c9f8b7d6',
      uid: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
      hash: '5c9f8b7d6',
      image: 'nginx:1.26',
      replicas: 0,
      minutesAgo: 300,
    }),
    {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {name: 'web.17d1a2b3c4d5e6f7', namespace: 'default'},
      involvedObject: {
        kind: 'Deployment',
        namespace: 'default',
        name: 'web',
        uid: DEPLOYMENT_UID,
        apiVersion: 'apps/v1',
      },
      reason: 'ScalingReplicaSet',
      message: 'Scaled up replica set web-5c9f8b7d6 to 2',
      source: {component: 'deployment-controller'},
      firstTimestamp: ago(300),
      lastTimestamp: ago(300),
      count: 1,
      type: 'Normal',
    },
    {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {name: 'web.17d1a2b3c4d5e6f8', namespace: 'default'},
      involvedObject: {
        kind: 'Deployment',
        namespace: 'default',
        name: 'web',
        uid: DEPLOYMENT_UID,
        apiVersion: 'apps/v1',
      },
      reason: 'ScalingReplicaSet',
      message: 'Scaled down replica set web-5c9f8b7d6 to 0 from 1',
      source: {component: 'deployment-controller'},
      firstTimestamp: ago(198),
      lastTimestamp: ago(3),
      count: 3,
      type: 'Normal',
    },
    {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {name: 'web.17d1a2b3c4d5e6f9', namespace: 'default'},
      involvedObject: {
        kind: 'Deployment',
        namespace: 'default',
        name: 'web',
        uid: DEPLOYMENT_UID,
        apiVersion: 'apps/v1',
      },
      reason: 'ScalingReplicaSet',
      message: 'Scaled up replica set web-7d4b9c8f5 to 2 from 1',
      source: {component: 'deployment-controller'},
      firstTimestamp: ago(199),
      lastTimestamp: ago(199),
      count: 1,
      type: 'Normal',
    },
  ]
}

/** A running pod of the new ReplicaSet, with scheduler, kubelet and back-off events. */
export function webPod(now: number): KubeObject[] {
  const {ago, microAgo} = timestamps(now)
  const uid = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f'
  const podName = 'web-7d4b9c8f5-x2x9k'
  const event = (name: string, fields: Record<string, unknown>): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {name: `${podName}.${name}`, namespace: 'default'},
    involvedObject: {kind: 'Pod', namespace: 'default', name: podName, uid, apiVersion: 'v1'},
    ...fields,
  })
  return [
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: podName,
        generateName: 'web-7d4b9c8f5-',
        namespace: 'default',
        uid,
        creationTimestamp: ago(45),
        labels: {app: 'web', 'pod-template-hash': '7d4b9c8f5'},
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: 'web-7d4b9c8f5',
            uid: NEW_RS_UID,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: {
        ...TEMPLATE_SPEC,
        containers: [
          {
            ...TEMPLATE_SPEC.containers[0],
            volumeMounts: [
              ...(TEMPLATE_SPEC.containers[0]?.volumeMounts ?? []),
              {
                name: 'kube-api-access-7xq2z',
                mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
                readOnly: true,
              },
            ],
          },
        ],
        volumes: [
          ...TEMPLATE_SPEC.volumes,
          {
            name: 'kube-api-access-7xq2z',
            projected: {
              defaultMode: 420,
              sources: [
                {serviceAccountToken: {expirationSeconds: 3607, path: 'token'}},
                {configMap: {name: 'kube-root-ca.crt', items: [{key: 'ca.crt', path: 'ca.crt'}]}},
                {
                  downwardAPI: {
                    items: [{path: 'namespace', fieldRef: {apiVersion: 'v1', fieldPath: 'metadata.namespace'}}],
                  },
                },
              ],
            },
          },
        ],
        nodeName: 'node-1',
        serviceAccountName: 'default',
        priority: 0,
        tolerations: [
          {key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300},
          {key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300},
        ],
      },
      status: {
        phase: 'Running',
        hostIP: '172.18.0.2',
        podIP: '10.244.1.5',
        podIPs: [{ip: '10.244.1.5'}],
        startTime: ago(45),
        qosClass: 'Burstable',
        conditions: [
          {type: 'PodReadyToStartContainers', status: 'True'},
          {type: 'Initialized', status: 'True'},
          {type: 'Ready', status: 'True'},
          {type: 'ContainersReady', status: 'True'},
          {type: 'PodScheduled', status: 'True'},
        ],
        containerStatuses: [
          {
            name: 'nginx',
            image: 'docker.io/library/nginx:1.27',
            imageID: 'docker.io/library/nginx@sha256:6784c2a8b6f1d8a3e5c7b9d0f2e4a6c8',
            containerID: 'containerd://9f8e7d6c5b4a',
            ready: true,
            started: true,
            restartCount: 1,
            state: {running: {startedAt: ago(20)}},
            lastState: {terminated: {exitCode: 137, reason: 'OOMKilled', startedAt: ago(44), finishedAt: ago(20)}},
          },
        ],
      },
    },
    event('scheduled', {
      reason: 'Scheduled',
      message: `Successfully assigned default/${podName} to node-1`,
      source: {},
      reportingComponent: 'default-scheduler',
      eventTime: microAgo(45),
      type: 'Normal',
      action: 'Binding',
    }),
    event('pulled', {
      reason: 'Pulled',
      message: 'Container image "nginx:1.27" already present on machine',
      source: {component: 'kubelet', host: 'node-1'},
      firstTimestamp: ago(44),
      lastTimestamp: ago(20),
      count: 2,
      type: 'Normal',
    }),
    event('backoff', {
      reason: 'BackOff',
      message: `Back-off restarting failed container nginx in pod ${podName}_default(${uid})`,
      source: {component: 'kubelet', host: 'node-1'},
      firstTimestamp: ago(21),
      lastTimestamp: ago(21),
      count: 1,
      type: 'Warning',
    }),
  ]
}

/** The `web` Service, its EndpointSlice and Endpoints. */
export function webService(now: number): KubeObject[] {
  const {ago} = timestamps(now)
  return [
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'web',
        namespace: 'default',
        uid: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
        creationTimestamp: ago(300),
        labels: {app: 'web'},
      },
      spec: {
        selector: {app: 'web'},
        type: 'NodePort',
        clusterIP: '10.96.12.34',
        clusterIPs: ['10.96.12.34'],
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        internalTrafficPolicy: 'Cluster',
        externalTrafficPolicy: 'Cluster',
        sessionAffinity: 'None',
        ports: [
          {name: 'http', port: 80, targetPort: 80, nodePort: 30080, protocol: 'TCP'},
          {name: 'metrics', port: 9113, targetPort: 'metrics', nodePort: 31913, protocol: 'TCP'},
        ],
      },
      status: {loadBalancer: {}},
    },
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: 'web-8k2lq',
        namespace: 'default',
        creationTimestamp: ago(300),
        labels: {'kubernetes.io/service-name': 'web'},
      },
      addressType: 'IPv4',
      endpoints: [
        {addresses: ['10.244.1.5'], conditions: {ready: true}},
        {addresses: ['10.244.2.7'], conditions: {ready: true}},
        {addresses: ['10.244.2.9'], conditions: {ready: false}},
      ],
      ports: [
        {name: 'http', port: 80, protocol: 'TCP'},
        {name: 'metrics', port: 9113, protocol: 'TCP'},
      ],
    },
  ]
}

/** The `web-config` ConfigMap and the `db` Secret. */
export function webConfig(now: number): KubeObject[] {
  const {ago} = timestamps(now)
  return [
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'web-config',
        namespace: 'default',
        uid: 'c0ffee00-1111-4222-8333-444455556666',
        creationTimestamp: ago(300),
        annotations: {'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1"}\n', team: 'web'},
      },
      data: {'default.conf': 'server {\n  listen 80;\n}\n', mode: 'production'},
      binaryData: {'favicon.ico': 'AAABAAEAEBA='},
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 'db',
        namespace: 'default',
        uid: 'deadbeef-0000-4111-8222-333344445555',
        creationTimestamp: ago(300),
        labels: {app: 'db'},
      },
      type: 'Opaque',
      data: {password: 'czNjcjN0IQ==', username: 'YWRtaW4='},
    },
  ]
}

/** A ready node with its lease, two pods bound to it (one finished) and a kubelet event. */
export function readyNode(now: number): KubeObject[] {
  const {ago, microAgo} = timestamps(now)
  const pod = (name: string, phase: string, resources: Record<string, unknown>): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name, namespace: 'kube-system', uid: `${name}-uid`, creationTimestamp: ago(600)},
    spec: {nodeName: 'node-1', containers: [{name: 'main', image: 'registry.k8s.io/pause:3.10', resources}]},
    status: {phase},
  })
  return [
    {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: 'node-1',
        uid: '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b',
        creationTimestamp: ago(1440),
        labels: {'kubernetes.io/hostname': 'node-1', 'node-role.kubernetes.io/control-plane': ''},
        annotations: {'node.alpha.kubernetes.io/ttl': '0'},
      },
      spec: {
        podCIDR: '10.244.0.0/24',
        podCIDRs: ['10.244.0.0/24'],
        taints: [{key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule'}],
      },
      status: {
        capacity: {cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi'},
        allocatable: {cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi'},
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            lastHeartbeatTime: ago(1),
            lastTransitionTime: ago(1430),
            reason: 'KubeletReady',
            message: 'kubelet is posting ready status',
          },
        ],
        addresses: [
          {type: 'InternalIP', address: '172.18.0.2'},
          {type: 'Hostname', address: 'node-1'},
        ],
        nodeInfo: {
          machineID: '5c1e6f0a2b1d4c36',
          systemUUID: '5c1e6f0a-2b1d-4c36-9a43-1f0b5a7d2e11',
          bootID: '0b5a7d2e-1f0b-4c36-9a43-5c1e6f0a2b1d',
          kernelVersion: '6.8.0',
          osImage: 'Debian GNU/Linux 12 (bookworm)',
          containerRuntimeVersion: 'containerd://1.7.18',
          kubeletVersion: 'v1.32.0',
          kubeProxyVersion: 'v1.32.0',
          operatingSystem: 'linux',
          architecture: 'amd64',
        },
      },
    },
    {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {name: 'node-1', namespace: 'kube-node-lease'},
      spec: {holderIdentity: 'node-1', leaseDurationSeconds: 40, renewTime: microAgo(0.25)},
    },
    pod('etcd-node-1', 'Running', {requests: {cpu: '100m', memory: '100Mi'}}),
    pod('kube-apiserver-node-1', 'Running', {requests: {cpu: '250m'}, limits: {memory: '1Gi'}}),
    pod('one-off', 'Succeeded', {requests: {cpu: '1'}}),
    {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {name: 'node-1.starting', namespace: 'default'},
      involvedObject: {kind: 'Node', name: 'node-1', uid: 'node-1'},
      reason: 'Starting',
      message: 'Starting kubelet.',
      source: {component: 'kubelet', host: 'node-1'},
      firstTimestamp: ago(1435),
      lastTimestamp: ago(1435),
      count: 1,
      type: 'Normal',
    },
  ]
}

/** A StatefulSet with a claim template and two of its pods. */
export function databaseStatefulSet(now: number): KubeObject[] {
  const {ago} = timestamps(now)
  const uid = '1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a'
  const pod = (ordinal: number, phase: string): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `db-${ordinal}`,
      namespace: 'default',
      uid: `db-${ordinal}-uid`,
      creationTimestamp: ago(90),
      labels: {app: 'db'},
      ownerReferences: [{apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid, controller: true}],
    },
    spec: {containers: [{name: 'postgres', image: 'postgres:16'}]},
    status: {phase},
  })
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: {name: 'db', namespace: 'default', uid, creationTimestamp: ago(90)},
      spec: {
        replicas: 3,
        serviceName: 'db',
        selector: {matchLabels: {app: 'db'}},
        template: {
          metadata: {labels: {app: 'db'}},
          spec: {
            containers: [
              {
                name: 'postgres',
                image: 'postgres:16',
                ports: [{containerPort: 5432, name: 'pg', protocol: 'TCP'}],
                volumeMounts: [{name: 'data', mountPath: '/var/lib/postgresql/data'}],
              },
            ],
          },
        },
        updateStrategy: {type: 'RollingUpdate', rollingUpdate: {partition: 0}},
        volumeClaimTemplates: [
          {
            metadata: {name: 'data'},
            spec: {
              accessModes: ['ReadWriteOnce'],
              storageClassName: 'standard',
              resources: {requests: {storage: '10Gi'}},
            },
          },
        ],
      },
      status: {replicas: 2},
    },
    pod(0, 'Running'),
    pod(1, 'Pending'),
  ]
}
