import type {KubeObject} from '../../backend/object.js'
import type {DescribeContext} from './context.js'
import {listAll} from '../list-all.js'
import type {Pod} from './pod-types.js'
import {LEVEL_0, type PrefixWriter} from './prefix-writer.js'

/** How many of a controller's pods are in each phase. */
export interface PodPhaseCounts {
  running: number
  waiting: number
  succeeded: number
  failed: number
}

/** True when the object's controller owner reference has this uid. */
export function isControlledBy(object: KubeObject, uid: string | undefined): boolean {
  const owner = object.metadata.ownerReferences?.find((ref) => ref.controller === true)
  return owner !== undefined && uid !== undefined && owner.uid === uid
}

/**
 * Counts the pods a controller owns by phase: pods matching its selector whose controller
 * reference is the controller (kubectl: describe.go getPodStatusForController (v1.32)).
 */
export async function podStatusForController(
  context: DescribeContext,
  controller: KubeObject,
  labelSelector: string,
): Promise<PodPhaseCounts> {
  const ref = {group: '', version: 'v1', resource: 'pods', namespace: controller.metadata.namespace ?? ''}
  const pods = await listAll(context.backend, ref, {labelSelector}, context.chunkSize)
  const counts: PodPhaseCounts = {running: 0, waiting: 0, succeeded: 0, failed: 0}
  for (const pod of pods as Pod[]) {
    if (!isControlledBy(pod, controller.metadata.uid)) continue
    switch (pod.status?.phase) {
      case 'Running':
        counts.running++
        break
      case 'Pending':
        counts.waiting++
        break
      case 'Succeeded':
        counts.succeeded++
        break
      case 'Failed':
        counts.failed++
        break
    }
  }
  return counts
}

/** `Pods Status:  1 Running / 0 Waiting / 0 Succeeded / 0 Failed`. */
export function writePodsStatus(w: PrefixWriter, counts: PodPhaseCounts): void {
  w.write(
    LEVEL_0,
    `Pods Status:\t${counts.running} Running / ${counts.waiting} Waiting / ${counts.succeeded} Succeeded / ${counts.failed} Failed\n`,
  )
}
