import type {CronFields, CronSchedule} from '../../admission/cron-schedule.js'

const MINUTE_MS = 60_000
// robfig/cron SpecSchedule.Next gives up after five years without a match
const SEARCH_YEARS = 5

// robfig dayMatches: a starred day field makes the two day fields combine with AND, otherwise OR
function dayMatches(fields: CronFields, date: Date): boolean {
  const dom = fields.dayOfMonth.has(date.getUTCDate())
  const dow = fields.dayOfWeek.has(date.getUTCDay())
  return fields.dayOfMonthStar || fields.dayOfWeekStar ? dom && dow : dom || dow
}

/**
 * robfig/cron Schedule.Next in UTC: the first activation strictly after `afterMs` (undefined when none
 * within five years). Schedules with a time zone other than UTC are computed in UTC too.
 */
export function nextActivationMs(schedule: CronSchedule, afterMs: number): number | undefined {
  if (schedule.kind === 'every') {
    // ConstantDelaySchedule: whole seconds, at least one
    const delayMs = Math.max(1, schedule.seconds) * 1000
    return Math.floor(afterMs / 1000) * 1000 + delayMs
  }
  const fields = schedule.fields
  const limit = new Date(afterMs).getUTCFullYear() + SEARCH_YEARS
  const t = new Date(Math.floor(afterMs / MINUTE_MS) * MINUTE_MS + MINUTE_MS)
  while (t.getUTCFullYear() <= limit) {
    if (!fields.month.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1)
      t.setUTCHours(0, 0, 0, 0)
    } else if (!dayMatches(fields, t)) {
      t.setUTCDate(t.getUTCDate() + 1)
      t.setUTCHours(0, 0, 0, 0)
    } else if (!fields.hour.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0)
    } else if (!fields.minute.has(t.getUTCMinutes())) {
      t.setTime(t.getTime() + MINUTE_MS)
    } else {
      return t.getTime()
    }
  }
  return undefined
}

/**
 * cronjob utils.go mostRecentScheduleTime: the latest activation in (earliestMs, nowMs], how many were
 * missed, and the next one after nowMs.
 */
export function scheduleWindow(
  schedule: CronSchedule,
  earliestMs: number,
  nowMs: number,
): {mostRecentMs?: number; missed: number; nextMs?: number} {
  let mostRecentMs: number | undefined
  let missed = 0
  let t = nextActivationMs(schedule, earliestMs)
  while (t !== undefined && t <= nowMs) {
    mostRecentMs = t
    missed++
    t = nextActivationMs(schedule, t)
  }
  return mostRecentMs === undefined ? {missed, nextMs: t} : {mostRecentMs, missed, nextMs: t}
}
