import type {Backend} from '../../backend/backend.js'
import type {KubeObject} from '../../backend/object.js'
import type {ResourceInfo} from '../../backend/refs.js'
import {eventTargetOf, searchEventsQuietly, type EventTarget} from './events.js'

/** What every describer gets besides the object (kubectl's DescriberSettings plus the client). */
export interface DescribeContext {
  readonly backend: Backend
  readonly info: ResourceInfo
  /** the clock ages are measured against, in ms since the epoch */
  readonly now: number
  readonly showEvents: boolean
  /** page size of the lists describers make (--chunk-size) */
  readonly chunkSize: number
}

/** Describes one object of a kind. */
export type Describer = (object: KubeObject, context: DescribeContext) => Promise<string>

/** The events about an object, or undefined when events are not shown (no Events section). */
export async function eventsFor(
  context: DescribeContext,
  object: KubeObject,
  target: EventTarget = eventTargetOf(object, context.info.kind),
): Promise<KubeObject[] | undefined> {
  if (!context.showEvents) return undefined
  return searchEventsQuietly(context.backend, target, context.chunkSize)
}

/** `Kind/name` of the controller owner, '' when there is none (kubectl's printController). */
export function controllerOf(object: KubeObject): string {
  const owner = object.metadata.ownerReferences?.find((ref) => ref.controller === true)
  return owner ? `${owner.kind}/${owner.name}` : ''
}
