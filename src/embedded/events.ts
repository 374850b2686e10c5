import type {KubeObject} from '../backend/object.js'
import {hasReason} from '../backend/status.js'
import type {Clock} from './clock/clock.js'
import type {ApiClient, EventSink} from './controllers/controller.js'
import {correlatedEventName, rememberCorrelatedEvent} from './store/event-correlation.js'
import type {Store} from './store/store.js'

/** One event as a component reports it. */
export interface EventReport {
  type: 'Normal' | 'Warning'
  reason: string
  message: string
  /** 'kubelet', 'default-scheduler', 'deployment-controller', ... */
  component: string
  /** the node, for kubelet events */
  host?: string
  /** 'spec.containers{nginx}', for container events */
  fieldPath?: string
}

const EVENTS_RESOURCE = '/events'
// client-go's event correlator merges identical events; the name suffix is the first time in hex (record/event.go)
const CLUSTER_SCOPED_EVENT_NAMESPACE = 'default'

// client-go's EventCorrelator: the same object, reason, message and sub-object are one event with a count
function correlationKey(uid: string, reason: string, message: string, fieldPath: string | undefined): string {
  return JSON.stringify([uid, reason, message, fieldPath ?? ''])
}

// client-go names an event `<object>.<UnixNano in hex>`; simulated time repeats milliseconds, so the store's
// revision fills the sub-millisecond digits and keeps names unique
function eventName(objectName: string, nowMs: number, revision: number): string {
  return `${objectName}.${(BigInt(Math.floor(nowMs)) * 1_000_000n + BigInt(revision % 1_000_000)).toString(16)}`
}

/**
 * Records core/v1 Events as client-go's EventRecorder does: one Event per object, reason and message, whose
 * count and lastTimestamp grow when the same thing happens again (record/events_cache.go, v1.32). Writes go
 * through the API; which Event a happening went to is remembered beside the objects (event-correlation.ts).
 */
export class EventRecorder implements EventSink {
  constructor(
    private readonly api: ApiClient,
    private readonly clock: Clock,
    private readonly store: Store,
  ) {}

  async record(object: KubeObject, report: EventReport): Promise<void> {
    const namespace = object.metadata.namespace ?? CLUSTER_SCOPED_EVENT_NAMESPACE
    const now = this.clock.now()
    const timestamp = this.clock.timestamp()
    const involvedObject: Record<string, unknown> = {
      kind: object.kind,
      namespace: object.metadata.namespace ?? '',
      name: object.metadata.name ?? '',
      uid: object.metadata.uid ?? '',
      apiVersion: object.apiVersion,
      resourceVersion: object.metadata.resourceVersion ?? '',
    }
    if (!object.metadata.namespace) delete involvedObject['namespace']
    if (report.fieldPath) involvedObject['fieldPath'] = report.fieldPath
    const key = correlationKey(object.metadata.uid ?? '', report.reason, report.message, report.fieldPath)
    const existingName = correlatedEventName(this.store, namespace, key)
    const existing = existingName
      ? this.store.get({resource: EVENTS_RESOURCE, namespace, name: existingName})
      : undefined
    if (existing) {
      const event = existing.object
      await this.api.update({...event, count: Number(event['count'] ?? 1) + 1, lastTimestamp: timestamp})
      return
    }
    const source: Record<string, string> = {component: report.component}
    if (report.host) source['host'] = report.host
    try {
      const created = await this.api.create({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: {name: eventName(object.metadata.name ?? 'object', now, this.store.revision()), namespace},
        involvedObject,
        reason: report.reason,
        message: report.message,
        source,
        firstTimestamp: timestamp,
        lastTimestamp: timestamp,
        count: 1,
        type: report.type,
        eventTime: null,
        reportingComponent: report.component,
        reportingInstance: report.host ?? '',
      })
      this.store.transaction(() => rememberCorrelatedEvent(this.store, namespace, key, created.metadata.name ?? ''))
    } catch (error) {
      // recording is best effort, as in client-go: a duplicate name, or a namespace going away, drops the event
      if (!hasReason(error, 'AlreadyExists') && !hasReason(error, 'Forbidden') && !hasReason(error, 'NotFound'))
        throw error
    }
  }
}
