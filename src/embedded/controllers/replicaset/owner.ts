import type {KubeObject, OwnerReference} from '../../../backend/object.js'

/** metav1.GetControllerOf: the ownerReference with controller: true. */
export function controllerOf(object: KubeObject): OwnerReference | undefined {
  return (object.metadata.ownerReferences ?? []).find((ref) => ref.controller === true)
}

/** metav1.NewControllerRef: a controller reference that blocks the owner's foreground deletion. */
export function controllerRefTo(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  }
}

/** A copy of `object` adopted by `owner` (ControllerRefManager's AdoptX). */
export function adopted(object: KubeObject, owner: KubeObject): KubeObject {
  const next = structuredClone(object)
  next.metadata.ownerReferences = [...(next.metadata.ownerReferences ?? []), controllerRefTo(owner)]
  return next
}

/** A copy of `object` without `owner`'s reference (ControllerRefManager's ReleaseX). */
export function released(object: KubeObject, ownerUid: string): KubeObject {
  const next = structuredClone(object)
  const remaining = (next.metadata.ownerReferences ?? []).filter((ref) => ref.uid !== ownerUid)
  if (remaining.length > 0) next.metadata.ownerReferences = remaining
  else delete next.metadata.ownerReferences
  return next
}

/** Creation time in ms, for the controllers' age orderings. */
export function createdMs(object: KubeObject): number {
  return object.metadata.creationTimestamp ? Date.parse(object.metadata.creationTimestamp) : 0
}
