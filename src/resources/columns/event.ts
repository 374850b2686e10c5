import type {KubeObject} from '../../backend/object.js'
import {parseTimestamp, translateTimestampSince} from './age.js'
import {column, type ColumnSet, wideColumn} from './column-set.js'

interface ObjectReference {
  kind?: string
  name?: string
  fieldPath?: string
}

interface EventSeries {
  count?: number
  lastObservedTime?: string
}

interface EventSource {
  component?: string
  host?: string
}

/** A core/v1 Event as the event printer reads it. */
interface CoreEventFields extends KubeObject {
  type?: string
  reason?: string
  message?: string
  involvedObject?: ObjectReference
  source?: EventSource
  firstTimestamp?: string
  lastTimestamp?: string
  eventTime?: string
  count?: number
  series?: EventSeries
  // core/v1 spells reportingController as reportingComponent in JSON
  reportingComponent?: string
  reportingInstance?: string
}

/** An events.k8s.io/v1 Event: the same stored object under newer field names. */
interface EventsV1Fields extends KubeObject {
  type?: string
  reason?: string
  note?: string
  regarding?: ObjectReference
  deprecatedSource?: EventSource
  deprecatedFirstTimestamp?: string
  deprecatedLastTimestamp?: string
  deprecatedCount?: number
  eventTime?: string
  series?: EventSeries
  reportingController?: string
  reportingInstance?: string
}

// kubectl: pkg/printers/internalversion/printers.go eventColumnDefinitions + printEvent (v1.32)
/** LAST SEEN TYPE REASON OBJECT MESSAGE, wide SUBOBJECT SOURCE (before MESSAGE) FIRST SEEN COUNT NAME. */
export const eventColumns: ColumnSet = {
  columns: [
    column('Last Seen', 'string', 'Time since the event was last observed.'),
    column('Type', 'string', 'The type of the event: Normal or Warning.'),
    column('Reason', 'string', 'Why the event happened, in one CamelCase word.'),
    column('Object', 'string', 'The object the event is about.'),
    wideColumn('Subobject', 'string', 'The part of the object the event is about.'),
    wideColumn('Source', 'string', 'The component that reported the event.'),
    column('Message', 'string', 'What happened, in words.'),
    wideColumn('First Seen', 'string', 'Time since the event was first observed.'),
    wideColumn('Count', 'string', 'How many times the event was observed.'),
    {...wideColumn('Name', 'string', 'Name of the event object.'), format: 'name'},
  ],
  cells(object: KubeObject, now: number): unknown[] {
    // kube-apiserver prints events.k8s.io Events through the core Event printer
    const event = object.apiVersion.startsWith('events.k8s.io/')
      ? coreView(object as EventsV1Fields)
      : (object as CoreEventFields)
    const firstSeen =
      parseTimestamp(event.firstTimestamp) === undefined
        ? translateTimestampSince(event.eventTime, now)
        : translateTimestampSince(event.firstTimestamp, now)
    let lastSeen =
      parseTimestamp(event.lastTimestamp) === undefined ? firstSeen : translateTimestampSince(event.lastTimestamp, now)
    let count = event.count ?? 0
    if (event.series) {
      lastSeen = translateTimestampSince(event.series.lastObservedTime, now)
      count = event.series.count ?? 0
    } else if (count === 0) {
      // singleton events of the newer API carry no count
      count = 1
    }
    const involved = event.involvedObject ?? {}
    const kind = (involved.kind ?? '').toLowerCase()
    return [
      lastSeen,
      event.type ?? '',
      event.reason ?? '',
      involved.name ? `${kind}/${involved.name}` : kind,
      involved.fieldPath ?? '',
      formatSource(event),
      (event.message ?? '').trim(),
      firstSeen,
      count,
      event.metadata.name ?? '',
    ]
  },
}

function coreView(event: EventsV1Fields): CoreEventFields {
  const view: CoreEventFields = {apiVersion: 'v1', kind: 'Event', metadata: event.metadata}
  if (event.type !== undefined) view.type = event.type
  if (event.reason !== undefined) view.reason = event.reason
  if (event.note !== undefined) view.message = event.note
  if (event.regarding !== undefined) view.involvedObject = event.regarding
  if (event.deprecatedSource !== undefined) view.source = event.deprecatedSource
  if (event.deprecatedFirstTimestamp !== undefined) view.firstTimestamp = event.deprecatedFirstTimestamp
  if (event.deprecatedLastTimestamp !== undefined) view.lastTimestamp = event.deprecatedLastTimestamp
  if (event.deprecatedCount !== undefined) view.count = event.deprecatedCount
  if (event.eventTime !== undefined) view.eventTime = event.eventTime
  if (event.series !== undefined) view.series = event.series
  if (event.reportingController !== undefined) view.reportingComponent = event.reportingController
  if (event.reportingInstance !== undefined) view.reportingInstance = event.reportingInstance
  return view
}

// kubectl: printers.go formatEventSource (v1.32)
function formatSource(event: CoreEventFields): string {
  const component = event.source?.component || event.reportingComponent || ''
  const instance = event.source?.host || event.reportingInstance || ''
  return instance === '' ? component : `${component}, ${instance}`
}
