import type {RunProgress} from '../embedded/controllers/runner.js'

// a catch-up shorter than this shows nothing; on a terminal the line is redrawn at most this often
const TERMINAL_DELAY_MS = 1_000
const TERMINAL_REFRESH_MS = 200
// without a terminal (a pipe, a log file, a test) a line every this long, so a short catch-up writes nothing
const PIPE_EVERY_MS = 10_000

function clockTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19)
}

function describe(progress: RunProgress): string {
  const changes = progress.changes.toLocaleString('en-US')
  const at =
    progress.momentMs < progress.targetMs
      ? `, cluster time ${clockTime(progress.momentMs)} of ${clockTime(progress.targetMs)}`
      : ''
  return `the control plane is catching up: ${changes} changes reconciled${at}`
}

/**
 * Shows a long catch-up on stderr (never stdout, which carries only results): on a terminal one line redrawn
 * in place after a second and erased at the end; otherwise a line every ten seconds.
 */
export function catchUpProgress(
  stream: {isTTY?: boolean; write(text: string): unknown},
  now: () => number = Date.now,
): (progress: RunProgress) => void {
  let startedAt: number | undefined
  let shownAt: number | undefined
  let drawn = false
  return (progress) => {
    const time = now()
    startedAt ??= time
    if (progress.done) {
      if (drawn) stream.write('\r\x1b[K')
      startedAt = undefined
      shownAt = undefined
      drawn = false
      return
    }
    const elapsed = time - startedAt
    if (stream.isTTY) {
      if (elapsed < TERMINAL_DELAY_MS || (shownAt !== undefined && time - shownAt < TERMINAL_REFRESH_MS)) return
      stream.write(`\r\x1b[K${describe(progress)}`)
      drawn = true
    } else {
      if (time - (shownAt ?? startedAt) < PIPE_EVERY_MS) return
      stream.write(`${describe(progress)}\n`)
    }
    shownAt = time
  }
}
