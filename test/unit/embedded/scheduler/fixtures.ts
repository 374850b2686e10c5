import type {KubeObject} from '../../../../src/backend/object.js'
import {buildSnapshot} from '../../../../src/embedded/scheduler/snapshot.js'
import type {NodeInfo, Snapshot} from '../../../../src/embedded/scheduler/types.js'
import {nodeObject} from '../../../../src/embedded/nodes.js'

/** A node as bootstrap makes it (4 cpu, 8Gi, 110 pods), with extra spec and labels. */
export function node(
  name: string,
  extra: {spec?: Record<string, unknown>; labels?: Record<string, string>; cpu?: string} = {},
): KubeObject {
  const base = nodeObject(name, {index: 1, controlPlane: false, cpu: extra.cpu ?? '4', memory: '8Gi'})
  return {
    ...base,
    metadata: {...base.metadata, labels: {...base.metadata.labels, ...extra.labels}},
    spec: {...(base['spec'] as object), ...extra.spec},
  }
}

/** A pod with one container, optional requests, and any spec fields. */
export function pod(
  name: string,
  options: {
    cpu?: string
    memory?: string
    labels?: Record<string, string>
    nodeName?: string
    spec?: Record<string, unknown>
    namespace?: string
  } = {},
): KubeObject {
  const requests: Record<string, string> = {}
  if (options.cpu) requests['cpu'] = options.cpu
  if (options.memory) requests['memory'] = options.memory
  const container = {name: 'app', image: 'nginx', resources: {requests}}
  const spec: Record<string, unknown> = {containers: [container], ...options.spec}
  if (options.nodeName) spec['nodeName'] = options.nodeName
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name, namespace: options.namespace ?? 'default', uid: `uid-${name}`, labels: options.labels ?? {}},
    spec,
    status: {phase: options.nodeName ? 'Running' : 'Pending'},
  }
}

/** A snapshot of nodes and pods. */
export function snapshotOf(nodes: KubeObject[], pods: KubeObject[] = [], workloads: KubeObject[] = []): Snapshot {
  return buildSnapshot({nodes, pods, workloads, namespaces: []})
}

/** The NodeInfo of a node in a snapshot. */
export function infoOf(snapshot: Snapshot, name: string): NodeInfo {
  const found = snapshot.nodes.find((n) => n.name === name)
  if (!found) throw new Error(`no node ${name}`)
  return found
}
