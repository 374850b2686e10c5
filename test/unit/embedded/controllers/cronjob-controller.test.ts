import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {parseCronSchedule} from '../../../../src/embedded/admission/cron-schedule.js'
import {nextActivationMs} from '../../../../src/embedded/controllers/cronjob/next-schedule.js'
import type {EmbeddedBackend} from '../../../../src/embedded/embedded-backend.js'
import {advanceCluster} from '../../../../src/embedded/open-cluster.js'
import {coreRef, openTempCluster, type TempCluster} from '../temp-cluster.js'

const jobsRef = {group: 'batch', version: 'v1', resource: 'jobs', namespace: 'default'}
const cronJobsRef = {group: 'batch', version: 'v1', resource: 'cronjobs', namespace: 'default'}

let cluster: TempCluster
let api: EmbeddedBackend

beforeEach(async () => {
  vi.useFakeTimers({toFake: ['Date']})
  // a round start: the first every-minute run is due 30s after the CronJob is created
  vi.setSystemTime(Date.parse('2026-01-01T00:00:30Z'))
  cluster = await openTempCluster()
  api = cluster.backend
})

afterEach(async () => {
  await cluster.dispose()
  vi.useRealTimers()
})

function cronJob(name: string, script: string, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: {name, namespace: 'default'},
    spec: {
      schedule: '*/1 * * * *',
      ...extra,
      jobTemplate: {
        spec: {
          template: {
            spec: {
              restartPolicy: 'Never',
              containers: [{name, image: 'busybox:1.37', command: ['sh', '-c', script]}],
            },
          },
        },
      },
    },
  }
}

async function jobNames(): Promise<string[]> {
  return (await api.list(jobsRef)).items.map((j) => j.metadata.name ?? '').sort()
}

async function events(reason: string): Promise<string[]> {
  const list = await api.list(coreRef('events', 'default'))
  return list.items.filter((e) => e['reason'] === reason).map((e) => String(e['message']))
}

describe('the next activation of a schedule', () => {
  it('follows robfig/cron: the first matching minute strictly after the time', () => {
    const at = Date.parse('2026-01-01T00:00:30Z')
    expect(new Date(nextActivationMs(parseCronSchedule('*/5 * * * *'), at) ?? 0).toISOString()).toBe(
      '2026-01-01T00:05:00.000Z',
    )
    expect(new Date(nextActivationMs(parseCronSchedule('0 9 * * 1'), at) ?? 0).toISOString()).toBe(
      '2026-01-05T09:00:00.000Z',
    )
    expect(new Date(nextActivationMs(parseCronSchedule('@daily'), at) ?? 0).toISOString()).toBe(
      '2026-01-02T00:00:00.000Z',
    )
  })
})

describe('a CronJob', () => {
  it('creates no Job before its first scheduled time', async () => {
    await api.create(cronJob('pi', 'echo hi'))
    await api.settle()
    expect(await jobNames()).toEqual([])
  })

  it('creates a Job named after the scheduled minute at each due time, and records it as active', async () => {
    await api.create(cronJob('pi', 'sleep 600'))
    await advanceCluster(api, 40_000)
    const minute = Math.floor(Date.parse('2026-01-01T00:01:00Z') / 60_000)
    expect(await jobNames()).toEqual([`pi-${minute}`])
    expect(await events('SuccessfulCreate')).toContain(`Created job pi-${minute}`)
    const job = await api.get(jobsRef, `pi-${minute}`)
    expect(job.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2026-01-01T00:01:00Z')
    const status = (await api.get(cronJobsRef, 'pi'))['status'] as {
      active: Array<{name: string}>
      lastScheduleTime: string
    }
    expect(status.active.map((ref) => ref.name)).toEqual([`pi-${minute}`])
    expect(status.lastScheduleTime).toBe('2026-01-01T00:01:00Z')
  })

  it('sees its Jobs complete, records lastSuccessfulTime and keeps three successful Jobs', async () => {
    await api.create(cronJob('pi', 'echo hi'))
    await advanceCluster(api, 6 * 60_000)
    expect(await jobNames()).toHaveLength(3)
    const status = (await api.get(cronJobsRef, 'pi'))['status'] as {active?: unknown; lastSuccessfulTime?: string}
    expect(status.active).toBeUndefined()
    expect(status.lastSuccessfulTime).toBeDefined()
    expect((await events('SawCompletedJob'))[0]).toMatch(/^Saw completed job: pi-\d+, condition: Complete$/)
    expect((await events('SuccessfulDelete')).length).toBeGreaterThan(0)
  })

  it('skips runs while one is active under concurrencyPolicy Forbid', async () => {
    await api.create(cronJob('pi', 'sleep 600', {concurrencyPolicy: 'Forbid'}))
    await advanceCluster(api, 3 * 60_000 + 40_000)
    expect(await jobNames()).toHaveLength(1)
  })

  it('replaces the running Job under concurrencyPolicy Replace', async () => {
    await api.create(cronJob('pi', 'sleep 600', {concurrencyPolicy: 'Replace'}))
    await advanceCluster(api, 100_000)
    const names = (await api.list(jobsRef)).items
      .filter((j) => j.metadata.deletionTimestamp === undefined)
      .map((j) => j.metadata.name)
    expect(names).toHaveLength(1)
    expect(await events('SuccessfulDelete')).toHaveLength(1)
  })

  it('creates nothing while suspended', async () => {
    await api.create(cronJob('pi', 'echo hi', {suspend: true}))
    await advanceCluster(api, 5 * 60_000)
    expect(await jobNames()).toEqual([])
  })
})
