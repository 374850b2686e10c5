import type {KubeObject} from '../../backend/object.js'
import {translateTimestampSince} from './age.js'
import {ageColumn, column, nameColumn, wideColumn, type ColumnSet} from './column-set.js'

interface NodeFields extends KubeObject {
  spec?: {unschedulable?: boolean}
  status?: {
    conditions?: {type?: string; status?: string}[]
    addresses?: {type?: string; address?: string}[]
    nodeInfo?: {kubeletVersion?: string; osImage?: string; kernelVersion?: string; containerRuntimeVersion?: string}
  }
}

// kubectl: pkg/printers/internalversion/printers.go labelNodeRolePrefix, nodeLabelRole (v1.32)
const NODE_ROLE_LABEL_PREFIX = 'node-role.kubernetes.io/'
const NODE_ROLE_LABEL = 'kubernetes.io/role'

// kubectl: pkg/printers/internalversion/printers.go nodeColumnDefinitions + printNode (v1.32)
/** NAME STATUS ROLES AGE VERSION, wide INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME. */
export const nodeColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Status', 'string', 'Whether the node is ready, and whether scheduling is disabled.'),
    column('Roles', 'string', 'The roles of the node, from node-role.kubernetes.io labels.'),
    ageColumn(),
    column('Version', 'string', 'The kubelet version of the node.'),
    wideColumn('Internal-IP', 'string', 'The first internal IP address of the node.'),
    wideColumn('External-IP', 'string', 'The first external IP address of the node.'),
    wideColumn('OS-Image', 'string', 'The operating system image of the node.'),
    wideColumn('Kernel-Version', 'string', 'The kernel version of the node.'),
    wideColumn('Container-Runtime', 'string', 'The container runtime and its version.'),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const node = object as NodeFields
    const info = node.status?.nodeInfo ?? {}
    return [
      node.metadata.name ?? '',
      nodeStatus(node),
      findNodeRoles(node.metadata.labels ?? {}).join(',') || '<none>',
      translateTimestampSince(node.metadata.creationTimestamp, now),
      info.kubeletVersion ?? '',
      nodeAddress(node, 'InternalIP'),
      nodeAddress(node, 'ExternalIP'),
      info.osImage || '<unknown>',
      info.kernelVersion || '<unknown>',
      info.containerRuntimeVersion || '<unknown>',
    ]
  },
}

function nodeStatus(node: NodeFields): string {
  // the last condition of a type wins, as printNode builds a map by type
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === 'Ready').at(-1)
  const status = [ready === undefined ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady']
  if (node.spec?.unschedulable) status.push('SchedulingDisabled')
  return status.join(',')
}

/**
 * The roles of a node from its `node-role.kubernetes.io/<role>` and `kubernetes.io/role` labels, sorted.
 * kubectl: printers.go findNodeRoles (v1.32)
 */
export function findNodeRoles(labels: Readonly<Record<string, string>>): string[] {
  const roles = new Set<string>()
  for (const [key, value] of Object.entries(labels)) {
    if (key.startsWith(NODE_ROLE_LABEL_PREFIX)) {
      const role = key.slice(NODE_ROLE_LABEL_PREFIX.length)
      if (role !== '') roles.add(role)
    } else if (key === NODE_ROLE_LABEL && value !== '') {
      roles.add(value)
    }
  }
  return [...roles].sort()
}

function nodeAddress(node: NodeFields, type: string): string {
  const found = node.status?.addresses?.find((a) => a.type === type)
  return found ? (found.address ?? '') : '<none>'
}
