import {describe, expect, it} from 'vitest'
import {cronScheduleError, parseCronSchedule} from '../../../../src/embedded/admission/cron-schedule.js'

describe('cron schedules', () => {
  it('expands ranges, steps, lists and names', () => {
    const schedule = parseCronSchedule('*/15 9-17 * jan,JUL mon-fri')
    if (schedule.kind !== 'fields') throw new Error('expected fields')
    expect([...schedule.fields.minute]).toEqual([0, 15, 30, 45])
    expect(schedule.fields.hour.size).toBe(9)
    expect([...schedule.fields.month]).toEqual([1, 7])
    expect([...schedule.fields.dayOfWeek]).toEqual([1, 2, 3, 4, 5])
    expect(schedule.fields.dayOfMonthStar).toBe(true)
    expect(schedule.fields.dayOfWeekStar).toBe(false)
  })

  it('accepts descriptors', () => {
    expect(parseCronSchedule('@hourly').kind).toBe('fields')
    expect(parseCronSchedule('@every 1h30m')).toEqual({kind: 'every', seconds: 5400})
  })

  it.each([
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['*/2/3 * * * *', 'too many slashes: */2/3'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['* * * foo *', 'failed to parse int from foo: strconv.Atoi: parsing "foo": invalid syntax'],
    ['@weekdays', 'unrecognized descriptor: @weekdays'],
    ['@every 5', 'failed to parse duration @every 5: time: missing unit in duration "5"'],
    ['@every 5y', 'failed to parse duration @every 5y: time: unknown unit "y" in duration "5y"'],
    ['TZ=Nowhere/City * * * * *', 'provided bad location Nowhere/City: unknown time zone Nowhere/City'],
  ])('explains %j as robfig/cron does', (spec, message) => {
    expect(cronScheduleError(spec)).toBe(message)
  })
})
