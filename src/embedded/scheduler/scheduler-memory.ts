import type {KubeObject} from '../../backend/object.js'
import type {ObjectReader, ReconcileContext} from '../controllers/controller.js'
import type {StoreKey} from '../store/store.js'
import {nodeInfoOf, occupiesNode, snapshotOf} from './snapshot.js'
import type {NodeInfo, Snapshot} from './types.js'

const NODES = '/nodes'
const MEMORY_KEY = 'scheduler'

/**
 * kube-scheduler's cache and queue, in the process that leads: a NodeInfo per node, redone only for the
 * nodes whose object or bound pods changed since the last snapshot (the informer cache says which), and the
 * pending pods still to try again after a cluster change, taken a bounded number at a time.
 */
export class SchedulerMemory {
  private source: ObjectReader | undefined
  private nodes: NodeInfo[] = []
  private positions = new Map<string, number>()
  private seen = 0
  // pods to try again, by `namespace/name`, in queue order once sorted
  readonly retries = new Map<string, StoreKey>()
  // a change since the queue was filled may let any pending pod fit: queue them all again
  retryAll = false
  // node fingerprints seen changed, written when the retry they asked for runs
  readonly nodeFingerprints = new Map<string, string>()

  /** The cluster as a scheduling cycle sees it now. */
  snapshot(cache: ObjectReader): Snapshot {
    const touched = cache === this.source ? cache.nodesTouchedSince(this.seen) : undefined
    if (!touched || !this.refresh(cache, touched.nodes)) this.rebuild(cache)
    this.seen = touched?.next ?? cache.nodesTouchedSince(0)?.next ?? 0
    this.source = cache
    return snapshotOf(this.nodes, {
      namespaces: cache.list('/namespaces'),
      workloads: [
        ...cache.list('/services'),
        ...cache.list('/replicationcontrollers'),
        ...cache.list('apps/replicasets'),
        ...cache.list('apps/statefulsets'),
      ],
    })
  }

  // redoes the touched nodes in place; false when a node came or went (the sorted list must be rebuilt)
  private refresh(cache: ObjectReader, touched: ReadonlySet<string>): boolean {
    for (const name of touched) {
      const position = this.positions.get(name)
      const node = cache.get({resource: NODES, namespace: '', name})
      // a pod bound to a node that does not exist: nothing of ours to redo
      if (position === undefined && !node) continue
      if (position === undefined || !node) return false
      this.nodes[position] = infoOf(node, cache)
    }
    return true
  }

  private rebuild(cache: ObjectReader): void {
    this.nodes = cache.list(NODES).map((node) => infoOf(node, cache))
    this.positions = new Map(this.nodes.map((info, i) => [info.name, i]))
  }
}

function infoOf(node: KubeObject, cache: ObjectReader): NodeInfo {
  return nodeInfoOf(node, cache.podsOnNode(node.metadata.name ?? '').filter(occupiesNode))
}

/** The scheduler's memory in this process, made on first use. */
export function schedulerMemory(ctx: ReconcileContext): SchedulerMemory {
  let memory = ctx.memory.get(MEMORY_KEY)
  if (!(memory instanceof SchedulerMemory)) {
    memory = new SchedulerMemory()
    ctx.memory.set(MEMORY_KEY, memory)
  }
  return memory as SchedulerMemory
}
