import type {KubeObject} from '../../../backend/object.js'
import {failure, schedulingSpec, type FilterFailure, type NodeInfo} from '../types.js'

// nodeports.ErrReason (pkg/scheduler/framework/plugins/nodeports, v1.32)
export const ERR_REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports"

interface HostPort {
  ip: string
  protocol: string
  port: number
}

function hostPorts(pod: KubeObject): HostPort[] {
  const spec = schedulingSpec(pod)
  const ports: HostPort[] = []
  for (const container of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    for (const port of container.ports ?? []) {
      if (!port.hostPort || port.hostPort <= 0) continue
      ports.push({ip: port.hostIP || '0.0.0.0', protocol: port.protocol || 'TCP', port: port.hostPort})
    }
  }
  return ports
}

// HostPortInfo.CheckConflict: the same protocol and port conflict when either side listens on every address
function conflicts(a: HostPort, b: HostPort): boolean {
  if (a.protocol !== b.protocol || a.port !== b.port) return false
  return a.ip === '0.0.0.0' || b.ip === '0.0.0.0' || a.ip === b.ip
}

/** NodePorts: a hostPort already taken on the node keeps the pod off it. */
export function nodePorts(pod: KubeObject, node: NodeInfo): FilterFailure | undefined {
  const wanted = hostPorts(pod)
  if (wanted.length === 0) return undefined
  const used = node.pods.flatMap(hostPorts)
  const clash = wanted.some((port) => used.some((other) => conflicts(port, other)))
  return clash ? failure('Unschedulable', ERR_REASON_NODE_PORTS) : undefined
}
