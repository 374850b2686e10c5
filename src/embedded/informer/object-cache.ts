import type {KubeObject} from '../../backend/object.js'
import {matchesLabels, type LabelSelector} from '../../resources/label-selector.js'
import type {StoreKey} from '../store/store.js'
import {LabelIndex} from './label-index.js'

/** One change as the cache applies it: what is stored under a key after a revision (undefined: deleted). */
export interface CacheChange {
  revision: number
  key: StoreKey
  object: KubeObject | undefined
}

/** The resources the control loop never reads: their volume (one event per happening) would only cost memory. */
export const UNCACHED_RESOURCES: ReadonlySet<string> = new Set(['/events', 'events.k8s.io/events'])

const PODS = '/pods'
const NODES = '/nodes'
// node touches remembered for nodesTouchedSince; beyond, a reader starts over
const MAX_TOUCHED_NODES = 200_000

function keyString(key: StoreKey): string {
  return `${key.resource}|${key.namespace}|${key.name}`
}

function byNamespaceThenName(a: KubeObject, b: KubeObject): number {
  const left = a.metadata.namespace ?? ''
  const right = b.metadata.namespace ?? ''
  if (left !== right) return left < right ? -1 : 1
  const l = a.metadata.name ?? ''
  const r = b.metadata.name ?? ''
  return l < r ? -1 : l > r ? 1 : 0
}

function hasController(object: KubeObject): boolean {
  return (object.metadata.ownerReferences ?? []).some((owner) => owner.controller === true)
}

function nodeNameOf(object: KubeObject): string | undefined {
  return (object['spec'] as {nodeName?: string} | undefined)?.nodeName || undefined
}

/**
 * What the controllers read: controller-runtime's informer cache. Filled once from the store, then kept
 * current change by change in revision order (the changes this process writes as it writes them, other
 * processes' from the change log), with indexes for the questions controllers ask: by namespace, by owner
 * uid, by uid, pods by spec.nodeName, and by labels. An object is applied only when its revision is newer than
 * what the cache holds for its key, so a change seen twice (written here, then read back from the log) is
 * harmless. Objects are shared, never copied: readers must not mutate them (copy first, as everywhere).
 */
export class ObjectCache {
  // resource -> namespace -> name -> object
  private readonly objects = new Map<string, Map<string, Map<string, KubeObject>>>()
  // deletions not yet passed by the change log reader, so an older change of the key cannot bring it back
  private readonly tombstones = new Map<string, number>()
  private readonly uids = new Map<string, StoreKey>()
  // owner uid -> keys of the objects naming it in ownerReferences
  private readonly dependents = new Map<string, Map<string, StoreKey>>()
  // node name -> pod keys bound to it ('' holds the pods bound to no node)
  private readonly podsByNode = new Map<string, Map<string, StoreKey>>()
  // the nodes touched, in order (touchedNodes[i] was touched at sequence touchedBase + i), for readers that
  // keep something per node and want to know what to redo
  private touchedNodes: string[] = []
  private touchedBase = 0
  private readonly labels = new LabelIndex()
  // `${resource}|${namespace}` -> keys of the objects no controller owns (what a controller may adopt)
  private readonly orphans = new Map<string, Map<string, StoreKey>>()
  // sorted lists handed out, dropped when their resource changes
  private readonly sorted = new Map<string, KubeObject[]>()
  private appliedRevision = 0

  /** The revision up to which every change has been applied (changes of this process may be ahead). */
  get revision(): number {
    return this.appliedRevision
  }

  /** Fills the cache from a snapshot of stored objects taken at `revision`. */
  fill(objects: Iterable<{resource: string; object: KubeObject; revision: number}>, revision: number): void {
    for (const {resource, object, revision: objectRevision} of objects) {
      const key = {resource, namespace: object.metadata.namespace ?? '', name: object.metadata.name ?? ''}
      this.apply({revision: objectRevision, key, object})
    }
    this.advanceTo(revision)
  }

  /** Applies one change; ignored when the cache already holds this key at a newer revision. */
  apply(change: CacheChange): void {
    const {key} = change
    if (UNCACHED_RESOURCES.has(key.resource)) return
    const id = keyString(key)
    const previous = this.get(key)
    const held = previous ? Number(previous.metadata.resourceVersion) : this.tombstones.get(id)
    if (held !== undefined && held >= change.revision) return
    if (previous) this.unindex(key, id, previous)
    const byNamespace = this.namespaceMap(key.resource, key.namespace, change.object !== undefined)
    if (change.object) {
      this.tombstones.delete(id)
      byNamespace?.set(key.name, change.object)
      this.index(key, id, change.object)
    } else {
      if (change.revision > this.appliedRevision) this.tombstones.set(id, change.revision)
      byNamespace?.delete(key.name)
    }
    this.sorted.delete(key.resource)
    this.sorted.delete(`${key.resource}|${key.namespace}`)
  }

  /** Marks every change up to `revision` applied (the change log has been read that far). */
  advanceTo(revision: number): void {
    if (revision <= this.appliedRevision) return
    this.appliedRevision = revision
    // no change at or below the revision read will be applied again: their deletions need no memory
    for (const [id, deletedAt] of this.tombstones) if (deletedAt <= revision) this.tombstones.delete(id)
  }

  /** The resources of which the cache holds objects. */
  resources(): string[] {
    return [...this.objects.keys()]
  }

  get(key: StoreKey): KubeObject | undefined {
    return this.objects.get(key.resource)?.get(key.namespace)?.get(key.name)
  }

  /** The objects of a resource, in one namespace or all, in namespace then name order (as the store lists). */
  list(resource: string, namespace?: string): readonly KubeObject[] {
    const id = namespace === undefined ? resource : `${resource}|${namespace}`
    let list = this.sorted.get(id)
    if (!list) {
      const byNamespace = this.objects.get(resource)
      const found: KubeObject[] = []
      if (byNamespace) {
        if (namespace !== undefined) found.push(...(byNamespace.get(namespace)?.values() ?? []))
        else for (const names of byNamespace.values()) found.push(...names.values())
      }
      list = found.sort(byNamespaceThenName)
      this.sorted.set(id, list)
    }
    return list
  }

  /** Every cached object of a namespace, of any resource. */
  listInNamespace(namespace: string): Array<{resource: string; object: KubeObject}> {
    const found: Array<{resource: string; object: KubeObject}> = []
    for (const [resource, byNamespace] of this.objects) {
      for (const object of byNamespace.get(namespace)?.values() ?? []) found.push({resource, object})
    }
    return found
  }

  /** The key of the object with this uid, if any. */
  keyOfUid(uid: string): StoreKey | undefined {
    return this.uids.get(uid)
  }

  /** Keys of the objects that name `uid` in their ownerReferences. */
  dependentsOf(uid: string): StoreKey[] {
    return [...(this.dependents.get(uid)?.values() ?? [])]
  }

  /**
   * The objects of a resource in a namespace owned by `uid` (through any ownerReference), in the order they
   * were first cached: asked on every sync of a workload, so not sorted.
   */
  ownedBy(resource: string, namespace: string, uid: string): KubeObject[] {
    const found: KubeObject[] = []
    for (const key of this.dependents.get(uid)?.values() ?? []) {
      if (key.resource !== resource || key.namespace !== namespace) continue
      const object = this.get(key)
      if (object) found.push(object)
    }
    return found
  }

  /**
   * The nodes touched (the node or a pod bound to it changed) since `since`, a `next` this returned before
   * (0 at first); undefined when that is too long ago to tell, and the reader should start over.
   */
  nodesTouchedSince(since: number): {nodes: ReadonlySet<string>; next: number} | undefined {
    const next = this.touchedBase + this.touchedNodes.length
    if (since < this.touchedBase) return undefined
    return {nodes: new Set(this.touchedNodes.slice(since - this.touchedBase)), next}
  }

  /**
   * The objects of a resource in a namespace that no controller owns (no ownerReference with controller:
   * true) and whose labels the selector matches: what a controller may adopt (ClaimPods' orphans).
   */
  selectOrphans(resource: string, namespace: string, selector: LabelSelector): KubeObject[] {
    const found: KubeObject[] = []
    for (const key of this.orphans.get(`${resource}|${namespace}`)?.values() ?? []) {
      const object = this.get(key)
      if (object && matchesLabels(selector, object.metadata.labels)) found.push(object)
    }
    return found
  }

  /** The pods bound to no node, in the order they were first cached. */
  unboundPods(): KubeObject[] {
    const found: KubeObject[] = []
    for (const key of this.podsByNode.get('')?.values() ?? []) {
      const pod = this.get(key)
      if (pod) found.push(pod)
    }
    return found
  }

  /** The pods bound to a node (spec.nodeName). */
  podsOnNode(node: string): KubeObject[] {
    const found: KubeObject[] = []
    for (const key of this.podsByNode.get(node)?.values() ?? []) {
      const pod = this.get(key)
      if (pod) found.push(pod)
    }
    return found.sort(byNamespaceThenName)
  }

  /** The objects of a resource in a namespace whose labels the selector matches, in name order. */
  select(resource: string, namespace: string, selector: LabelSelector): KubeObject[] {
    if (selector.matchesNothing) return []
    const names = this.labels.candidates(resource, namespace, selector)
    const pool: Iterable<KubeObject> =
      names === undefined
        ? this.list(resource, namespace)
        : [...names].flatMap((name) => {
            const object = this.get({resource, namespace, name})
            return object ? [object] : []
          })
    const found: KubeObject[] = []
    for (const object of pool) if (matchesLabels(selector, object.metadata.labels)) found.push(object)
    return names === undefined ? found : found.sort(byNamespaceThenName)
  }

  private namespaceMap(resource: string, namespace: string, create: boolean): Map<string, KubeObject> | undefined {
    let byNamespace = this.objects.get(resource)
    if (!byNamespace) {
      if (!create) return undefined
      byNamespace = new Map()
      this.objects.set(resource, byNamespace)
    }
    let names = byNamespace.get(namespace)
    if (!names) {
      if (!create) return undefined
      names = new Map()
      byNamespace.set(namespace, names)
    }
    return names
  }

  private index(key: StoreKey, id: string, object: KubeObject): void {
    const uid = object.metadata.uid
    if (uid) this.uids.set(uid, key)
    for (const owner of object.metadata.ownerReferences ?? []) {
      let keys = this.dependents.get(owner.uid)
      if (!keys) this.dependents.set(owner.uid, (keys = new Map()))
      keys.set(id, key)
    }
    if (key.resource === PODS) {
      const node = nodeNameOf(object) ?? ''
      let keys = this.podsByNode.get(node)
      if (!keys) this.podsByNode.set(node, (keys = new Map()))
      keys.set(id, key)
      if (node) this.touchNode(node)
    } else if (key.resource === NODES) this.touchNode(key.name)
    this.labels.add(key, object.metadata.labels)
    if (!hasController(object)) {
      const scope = `${key.resource}|${key.namespace}`
      let keys = this.orphans.get(scope)
      if (!keys) this.orphans.set(scope, (keys = new Map()))
      keys.set(id, key)
    }
  }

  private unindex(key: StoreKey, id: string, object: KubeObject): void {
    const uid = object.metadata.uid
    const held = uid ? this.uids.get(uid) : undefined
    if (uid && held && keyString(held) === id) this.uids.delete(uid)
    for (const owner of object.metadata.ownerReferences ?? []) {
      const keys = this.dependents.get(owner.uid)
      keys?.delete(id)
      if (keys?.size === 0) this.dependents.delete(owner.uid)
    }
    if (key.resource === PODS) {
      const node = nodeNameOf(object) ?? ''
      const keys = this.podsByNode.get(node)
      keys?.delete(id)
      if (keys?.size === 0) this.podsByNode.delete(node)
      if (node) this.touchNode(node)
    } else if (key.resource === NODES) this.touchNode(key.name)
    this.labels.remove(key, object.metadata.labels)
    if (!hasController(object)) {
      const scope = `${key.resource}|${key.namespace}`
      const keys = this.orphans.get(scope)
      keys?.delete(id)
      if (keys?.size === 0) this.orphans.delete(scope)
    }
  }

  private touchNode(node: string): void {
    this.touchedNodes.push(node)
    if (this.touchedNodes.length > MAX_TOUCHED_NODES) {
      this.touchedNodes = this.touchedNodes.slice(MAX_TOUCHED_NODES / 2)
      this.touchedBase += MAX_TOUCHED_NODES / 2
    }
  }
}
