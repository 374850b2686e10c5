import type {KubeObject} from '../backend/object.js'
import type {Store} from './store/store.js'

/** The shape of a cluster's machines, as `skiff cluster create` sets it. */
export interface ClusterShape {
  /** worker nodes, besides the control-plane node */
  workers: number
  /** per node: '4' */
  cpu: string
  /** per node: '8Gi' */
  memory: string
}

/** The default embedded cluster: a control-plane node and three workers (DESIGN.md, issue 4). */
export const DEFAULT_CLUSTER_SHAPE: ClusterShape = {workers: 3, cpu: '4', memory: '8Gi'}
// kubelet --max-pods default (v1.32)
const MAX_PODS = '110'
const KUBELET_VERSION = 'v1.32.0'
export const CONTROL_PLANE_TAINT = 'node-role.kubernetes.io/control-plane'

/** The node names of a cluster: kind's naming, `<prefix>-control-plane`, `<prefix>-worker`, `<prefix>-worker2`... */
export function nodeNames(cluster: string, workers: number): {controlPlane: string; workers: string[]} {
  const prefix = cluster === 'default' ? 'skiff' : cluster
  return {
    controlPlane: `${prefix}-control-plane`,
    workers: Array.from({length: workers}, (_, i) => `${prefix}-worker${i === 0 ? '' : i + 1}`),
  }
}

/** A Node object as a kubelet registers it (and as kind's nodes look), with its own pod CIDR and address. */
export function nodeObject(
  name: string,
  options: {index: number; controlPlane: boolean; cpu: string; memory: string},
): KubeObject {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  }
  if (options.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = ''
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = ''
  }
  const resources = {
    cpu: options.cpu,
    'ephemeral-storage': '102626232Ki',
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: options.memory,
    pods: MAX_PODS,
  }
  const spec: Record<string, unknown> = {
    podCIDR: `10.244.${options.index}.0/24`,
    podCIDRs: [`10.244.${options.index}.0/24`],
    providerID: `skiff://${name}`,
  }
  if (options.controlPlane) spec['taints'] = [{key: CONTROL_PLANE_TAINT, effect: 'NoSchedule'}]
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels,
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec,
    status: {
      addresses: [
        {type: 'InternalIP', address: `172.18.0.${options.index + 2}`},
        {type: 'Hostname', address: name},
      ],
      allocatable: resources,
      capacity: resources,
      conditions: [],
      daemonEndpoints: {kubeletEndpoint: {Port: 10250}},
      nodeInfo: {
        architecture: 'amd64',
        bootID: '',
        containerRuntimeVersion: 'containerd://1.7.24',
        kernelVersion: '6.1.0-skiff',
        kubeProxyVersion: KUBELET_VERSION,
        kubeletVersion: KUBELET_VERSION,
        machineID: '',
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: '',
      },
    },
  }
}

/** The Ready and pressure conditions a healthy kubelet reports, stamped at a moment. */
export function healthyNodeConditions(timestamp: string): Array<Record<string, string>> {
  const condition = (type: string, status: string, reason: string, message: string): Record<string, string> => ({
    type,
    status,
    lastHeartbeatTime: timestamp,
    lastTransitionTime: timestamp,
    reason,
    message,
  })
  return [
    condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
  ]
}

/** Whether a simulated machine has power, and since when (cluster time). */
export interface NodePower {
  on: boolean
  sinceMs: number
  /** once powered back on: when the power had gone (its containers died then) */
  lastOffMs?: number
}

const POWER_KEY = (node: string): string => `node.power.${node}`

/** A node's power: on unless `skiff cluster node crash` turned it off. */
export function nodePower(store: Store, node: string): NodePower {
  const text = store.readMeta(POWER_KEY(node))
  return text ? (JSON.parse(text) as NodePower) : {on: true, sinceMs: 0}
}

/** Turns a simulated machine off (crash) or on (restore). Must run inside a store transaction. */
export function setNodePower(store: Store, node: string, power: NodePower): void {
  store.writeMeta(POWER_KEY(node), JSON.stringify(power))
}
