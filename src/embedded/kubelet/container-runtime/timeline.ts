/**
 * What a simulated container does over its life, relative to its start: the log lines it writes, the
 * files it creates (for exec probes), and how it ends. An endless loop is kept as a rule (a period and a
 * function for iteration n), never as a list, so a container that has logged for a year costs what a read
 * asks for.
 */

/** One line of output, `atMs` after the container started. */
export interface LogLine {
  atMs: number
  text: string
}

/** A file that appeared or went away, `atMs` after the start (touch, rm, `> file`). */
export interface FileEvent {
  atMs: number
  path: string
  content: string | undefined
}

/** An endless loop: iteration n starts at `startMs + n * periodMs` and writes `iteration(n).lines`. */
export interface PeriodicLoop {
  startMs: number
  periodMs: number
  iteration(n: number): {lines: LogLine[]; files: FileEvent[]}
}

/** How a container's program ends. */
export type TimelineEnd =
  {kind: 'exit'; code: number; atMs: number} | {kind: 'forever'} | {kind: 'loop'; loop: PeriodicLoop}

/** The whole life of one container run. */
export interface Timeline {
  /** the lines before the end (or before the loop), in time order */
  lines: LogLine[]
  files: FileEvent[]
  end: TimelineEnd
  /** why the program could not be read, when it runs quietly instead */
  unsupported?: string
}

/** When the program exits, if it does: ms after start. */
export function exitOf(timeline: Timeline): {code: number; atMs: number} | undefined {
  return timeline.end.kind === 'exit' ? {code: timeline.end.code, atMs: timeline.end.atMs} : undefined
}

/** Lines written in [fromMs, toMs] (ms after start), oldest first, without materialising a loop's past. */
export function linesBetween(timeline: Timeline, fromMs: number, toMs: number): LogLine[] {
  const result = timeline.lines.filter((line) => line.atMs >= fromMs && line.atMs <= toMs)
  const {end} = timeline
  if (end.kind !== 'loop') return result
  const {startMs, periodMs} = end.loop
  const first = Math.max(0, Math.floor((fromMs - startMs) / periodMs) - 1)
  for (let n = first; startMs + n * periodMs <= toMs; n++) {
    for (const line of end.loop.iteration(n).lines) if (line.atMs >= fromMs && line.atMs <= toMs) result.push(line)
  }
  return result
}

/** The last `count` lines written up to toMs (ms after start), oldest first: computed backwards, only what is asked. */
export function lastLines(timeline: Timeline, toMs: number, count: number, fromMs = 0): LogLine[] {
  if (count <= 0) return []
  const collected: LogLine[][] = []
  let total = 0
  const {end} = timeline
  if (end.kind === 'loop') {
    const {startMs, periodMs} = end.loop
    for (let n = Math.floor((toMs - startMs) / periodMs); n >= 0 && total < count; n--) {
      if (startMs + (n + 1) * periodMs < fromMs) break
      const lines = end.loop.iteration(n).lines.filter((line) => line.atMs <= toMs && line.atMs >= fromMs)
      collected.unshift(lines)
      total += lines.length
    }
  }
  if (total < count) {
    const prefix = timeline.lines.filter((line) => line.atMs <= toMs && line.atMs >= fromMs)
    collected.unshift(prefix)
  }
  return collected.flat().slice(-count)
}

/** The container's files at a moment (ms after start): what touch, rm and `> file` left there. */
export function filesAt(timeline: Timeline, atMs: number): Map<string, string> {
  const files = new Map<string, string>()
  const visit = (events: FileEvent[]): void => {
    for (const event of events) {
      if (event.atMs > atMs) continue
      if (event.content === undefined) files.delete(event.path)
      else files.set(event.path, event.content)
    }
  }
  visit(timeline.files)
  const {end} = timeline
  if (end.kind === 'loop' && atMs >= end.loop.startMs) {
    const n = Math.floor((atMs - end.loop.startMs) / end.loop.periodMs)
    // the state at a moment is what the last iterations that touched the files left
    for (let k = Math.max(0, n - 1); k <= n; k++) visit(end.loop.iteration(k).files)
  }
  return files
}

/** The first moment after `afterMs` when a file may change (where an exec probe's answer may change). */
export function nextFileChange(timeline: Timeline, afterMs: number): number | undefined {
  const next = timeline.files.find((event) => event.atMs > afterMs)?.atMs
  if (next !== undefined) return next
  const {end} = timeline
  if (end.kind !== 'loop' || end.loop.iteration(0).files.length === 0) return undefined
  // files change inside the loop: every iteration may change them
  return Math.max(
    afterMs + 1,
    end.loop.startMs + Math.ceil((afterMs + 1 - end.loop.startMs) / end.loop.periodMs) * end.loop.periodMs,
  )
}
