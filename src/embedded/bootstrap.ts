import type {KubeObject} from '../backend/object.js'
import {BUILTIN_RESOURCES} from '../resources/builtin.js'
import {admitCreate} from './admit.js'
import type {Clock} from './clock/clock.js'
import {storeKey} from './storage-key.js'
import type {Store} from './store/store.js'
import {healthyNodeConditions, nodeNames, nodeObject, type ClusterShape} from './nodes.js'

// where the shape a cluster was created with is kept, for `cluster reset`
export const CLUSTER_SHAPE_KEY = 'cluster.shape'

// The namespaces every cluster starts with (kube-apiserver's system namespaces controller, v1.32).
const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system']
// The first address of the default service CIDR 10.96.0.0/12 goes to the kubernetes Service.
const KUBERNETES_SERVICE_IP = '10.96.0.1'

/** The objects a fresh cluster has before anyone writes: system namespaces and the `kubernetes` Service. */
function bootstrapObjects(): KubeObject[] {
  const namespaces: KubeObject[] = SYSTEM_NAMESPACES.map((name) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {name},
  }))
  const kubernetesService: KubeObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {name: 'kubernetes', namespace: 'default', labels: {component: 'apiserver', provider: 'kubernetes'}},
    spec: {
      clusterIP: KUBERNETES_SERVICE_IP,
      ports: [{name: 'https', port: 443, protocol: 'TCP', targetPort: 6443}],
      type: 'ClusterIP',
      sessionAffinity: 'None',
    },
  }
  return [...namespaces, kubernetesService]
}

/** The Node objects of a new cluster: a tainted control-plane node and the workers, each Ready. */
function nodeObjects(cluster: string, shape: ClusterShape, clock: Clock): KubeObject[] {
  const names = nodeNames(cluster, shape.workers)
  return [names.controlPlane, ...names.workers].map((name, index) => {
    const node = nodeObject(name, {index, controlPlane: index === 0, cpu: shape.cpu, memory: shape.memory})
    return {...node, status: {...(node['status'] as object), conditions: healthyNodeConditions(clock.timestamp())}}
  })
}

/** Creates the bootstrap objects of a new cluster, through admission. Must run inside a store transaction. */
export function bootstrapCluster(store: Store, clock: Clock, cluster: string, shape: ClusterShape): void {
  store.writeMeta(CLUSTER_SHAPE_KEY, JSON.stringify(shape))
  for (const object of [...bootstrapObjects(), ...nodeObjects(cluster, shape, clock)]) {
    const info = BUILTIN_RESOURCES.find(
      (r) => r.version === object.apiVersion && r.kind === object.kind && r.group === '',
    )
    if (!info) continue
    const admitted = admitCreate(store, clock, info, object)
    store.put(storeKey(info, admitted.metadata.namespace, admitted.metadata.name ?? ''), admitted)
  }
}
