import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {describeObject} from '../../../../src/kubectl/describe/describe-object.js'
import {BUILTIN_RESOURCES} from '../../../../src/resources/builtin.js'
import {ResourceRegistry} from '../../../../src/resources/registry.js'
import {databaseStatefulSet, readyNode, webPod} from './fixtures.js'
import {MemoryBackend} from './memory-backend.js'

// Expected texts checked against kubectl v1.32 serving the same fixtures; times in UTC.
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

function text(...lines: string[]): string {
  return `${lines.join('\n')}\n`
}

describe('describeObject for nodes and workloads', () => {
  it('describes a node with its lease, the requests of its running pods and its events', async () => {
    // Given a node, its lease, pods bound to it (one of them finished) and a kubelet event
    const backend = new MemoryBackend([...readyNode(NOW), ...webPod(NOW)])
    const info = registry.resolve('node')
    const node = await backend.get({group: '', version: 'v1', resource: 'nodes'}, 'node-1')

    // When it is described
    const output = await describeObject(backend, info, node, {now: NOW})

    // Then the finished pod is left out and the kubelet's events (filed under the node's name) are shown
    expect(output).toBe(
      text(
        'Name:               node-1',
        'Roles:              control-plane',
        'Labels:             kubernetes.io/hostname=node-1',
        '                    node-role.kubernetes.io/control-plane=',
        'Annotations:        node.alpha.kubernetes.io/ttl: 0',
        'CreationTimestamp:  Fri, 31 May 2024 12:00:00 +0000',
        'Taints:             node-role.kubernetes.io/control-plane:NoSchedule',
        'Unschedulable:      false',
        'Lease:',
        '  HolderIdentity:  node-1',
        '  AcquireTime:     <unset>',
        '  RenewTime:       Sat, 01 Jun 2024 11:59:45 +0000',
        'Conditions:',
        '  Type    Status  LastHeartbeatTime                 LastTransitionTime                Reason         Message',
        '  ----    ------  -----------------                 ------------------                ------         -------',
        '  Ready   True    Sat, 01 Jun 2024 11:59:00 +0000   Fri, 31 May 2024 12:10:00 +0000   KubeletReady   kubelet is posting ready status',
        'Addresses:',
        '  InternalIP:  172.18.0.2',
        '  Hostname:    node-1',
        'Capacity:',
        '  cpu:                4',
        '  ephemeral-storage:  100Gi',
        '  memory:             8Gi',
        '  pods:               110',
        'Allocatable:',
        '  cpu:                4',
        '  ephemeral-storage:  100Gi',
        '  memory:             8Gi',
        '  pods:               110',
        'System Info:',
        '  Machine ID:                 5c1e6f0a2b1d4c36',
        '  System UUID:                5c1e6f0a-2b1d-4c36-9a43-1f0b5a7d2e11',
        '  Boot ID:                    0b5a7d2e-1f0b-4c36-9a43-5c1e6f0a2b1d',
        '  Kernel Version:             6.8.0',
        '  OS Image:                   Debian GNU/Linux 12 (bookworm)',
        '  Operating System:           linux',
        '  Architecture:               amd64',
        '  Container Runtime Version:  containerd://1.7.18',
        '  Kubelet Version:            v1.32.0',
        '  Kube-Proxy Version:         v1.32.0',
        'PodCIDR:                      10.244.0.0/24',
        'PodCIDRs:                     10.244.0.0/24',
        'Non-terminated Pods:          (3 in total)',
        '  Namespace                   Name                     CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
        '  ---------                   ----                     ------------  ----------  ---------------  -------------  ---',
        '  default                     web-7d4b9c8f5-x2x9k      250m (6%)     500m (12%)  64Mi (0%)        128Mi (1%)     45m',
        '  kube-system                 etcd-node-1              100m (2%)     0 (0%)      100Mi (1%)       0 (0%)         10h',
        '  kube-system                 kube-apiserver-node-1    250m (6%)     0 (0%)      0 (0%)           1Gi (12%)      10h',
        'Allocated resources:',
        '  (Total limits may be over 100 percent, i.e., overcommitted.)',
        '  Resource           Requests    Limits',
        '  --------           --------    ------',
        '  cpu                600m (15%)  500m (12%)',
        '  memory             164Mi (2%)  1152Mi (14%)',
        '  ephemeral-storage  0 (0%)      0 (0%)',
        'Events:',
        '  Type    Reason    Age   From     Message',
        '  ----    ------    ----  ----     -------',
        '  Normal  Starting  23h   kubelet  Starting kubelet.',
      ),
    )
    expect(backend.lists.map((list) => list.options.fieldSelector)).toEqual([
      'spec.nodeName=node-1,status.phase!=Succeeded,status.phase!=Failed',
      'involvedObject.name=node-1,involvedObject.namespace=,involvedObject.kind=Node,involvedObject.uid=7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b',
      'involvedObject.name=node-1,involvedObject.namespace=,involvedObject.kind=Node,involvedObject.uid=node-1',
    ])
  })

  it('describes a StatefulSet with the phases of the pods it controls and its claim templates', async () => {
    const backend = new MemoryBackend(databaseStatefulSet(NOW))
    const info = registry.resolve('sts')
    const sts = await backend.get({group: 'apps', version: 'v1', resource: 'statefulsets', namespace: 'default'}, 'db')

    const output = await describeObject(backend, info, sts, {now: NOW})

    expect(output).toBe(
      text(
        'Name:               db',
        'Namespace:          default',
        'CreationTimestamp:  Sat, 01 Jun 2024 10:30:00 +0000',
        'Selector:           app=db',
        'Labels:             <none>',
        'Annotations:        <none>',
        'Replicas:           3 desired | 2 total',
        'Update Strategy:    RollingUpdate',
        '  Partition:        0',
        'Pods Status:        1 Running / 1 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  app=db',
        '  Containers:',
        '   postgres:',
        '    Image:        postgres:16',
        '    Port:         5432/TCP',
        '    Host Port:    0/TCP',
        '    Environment:  <none>',
        '    Mounts:',
        '      /var/lib/postgresql/data from data (rw)',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Volume Claims:',
        '  Name:          data',
        '  StorageClass:  standard',
        '  Labels:        <none>',
        '  Annotations:   <none>',
        '  Capacity:      10Gi',
        '  Access Modes:  [ReadWriteOnce]',
        'Events:          <none>',
      ),
    )
  })
})
