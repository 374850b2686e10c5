import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import type {EmbeddedBackend} from '../../../../src/embedded/embedded-backend.js'
import {advanceCluster} from '../../../../src/embedded/open-cluster.js'
import {coreRef, openTempCluster, type TempCluster} from '../temp-cluster.js'
import {podsRef} from './workload-fixtures.js'

const jobsRef = {group: 'batch', version: 'v1', resource: 'jobs', namespace: 'default'}

let cluster: TempCluster
let api: EmbeddedBackend

beforeEach(async () => {
  vi.useFakeTimers({toFake: ['Date']})
  cluster = await openTempCluster()
  api = cluster.backend
})

afterEach(async () => {
  await cluster.dispose()
  vi.useRealTimers()
})

function job(name: string, script: string, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {name, namespace: 'default'},
    spec: {
      ...extra,
      template: {
        spec: {
          restartPolicy: 'Never',
          containers: [{name: name, image: 'busybox:1.37', command: ['sh', '-c', script]}],
        },
      },
    },
  }
}

interface Status {
  active?: number
  ready?: number
  succeeded?: number
  failed?: number
  startTime?: string
  completionTime?: string
  conditions?: Array<{type: string; status: string; reason: string; message: string}>
  uncountedTerminatedPods?: object
}

async function statusOf(name: string): Promise<Status> {
  return ((await api.get(jobsRef, name))['status'] ?? {}) as Status
}

async function conditions(name: string): Promise<string[]> {
  return ((await statusOf(name)).conditions ?? []).map((c) => `${c.type}=${c.status} ${c.reason}: ${c.message}`)
}

async function events(reason: string): Promise<string[]> {
  const list = await api.list(coreRef('events', 'default'))
  return list.items.filter((e) => e['reason'] === reason).map((e) => String(e['message']))
}

async function jobPods(): Promise<KubeObject[]> {
  return (await api.list(podsRef)).items
}

describe('a Job with one completion', () => {
  it('creates one pod controlled by the Job, labelled with the job name and uid, carrying the tracking finalizer', async () => {
    const created = await api.create(job('pi', 'echo hi; sleep 3'))
    await api.settle()
    const [pod, ...others] = await jobPods()
    expect(others).toEqual([])
    expect(pod?.metadata.name).toMatch(/^pi-[a-z0-9]{5}$/)
    expect(pod?.metadata.labels?.['batch.kubernetes.io/job-name']).toBe('pi')
    expect(pod?.metadata.labels?.['controller-uid']).toBe(created.metadata.uid)
    expect(pod?.metadata.ownerReferences?.[0]).toMatchObject({kind: 'Job', name: 'pi', controller: true})
    expect(pod?.metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking'])
    expect(await events('SuccessfulCreate')).toEqual([`Created pod: ${pod?.metadata.name ?? ''}`])
    expect((await statusOf('pi')).active).toBe(1)
  })

  it('completes once its pod succeeds, with SuccessCriteriaMet then Complete and a completion time', async () => {
    await api.create(job('pi', 'echo hi; sleep 3'))
    await advanceCluster(api, 60_000)
    const status = await statusOf('pi')
    expect(status.succeeded).toBe(1)
    expect(status.active).toBeUndefined()
    expect(status.ready).toBe(0)
    expect(status.uncountedTerminatedPods).toEqual({})
    expect(status.completionTime).toBeDefined()
    expect(await conditions('pi')).toEqual([
      'SuccessCriteriaMet=True CompletionsReached: Reached expected number of succeeded pods',
      'Complete=True CompletionsReached: Reached expected number of succeeded pods',
    ])
    expect(await events('Completed')).toEqual(['Job completed'])
    const [pod] = await jobPods()
    expect(pod?.metadata.finalizers).toBeUndefined()
  })

  it('prints Complete 1/1 with the run duration in get jobs', async () => {
    const {jobColumns} = await import('../../../../src/resources/columns/job.js')
    await api.create(job('pi', 'echo hi; sleep 3'))
    await advanceCluster(api, 60_000)
    const cells = jobColumns.cells(await api.get(jobsRef, 'pi'), api.clock.now())
    expect(cells.slice(1, 3)).toEqual(['Complete', '1/1'])
    expect(cells[3]).toMatch(/^\d+s$/)
  })
})

describe('a Job whose pods fail', () => {
  it('retries with back-off and fails with BackoffLimitExceeded after backoffLimit + 1 failures', async () => {
    await api.create(job('bad', 'exit 1', {backoffLimit: 2}))
    await advanceCluster(api, 5_000)
    expect((await statusOf('bad')).failed).toBe(1)
    // the second pod waits out the 10s back-off
    expect(await jobPods()).toHaveLength(1)
    await advanceCluster(api, 10 * 60_000)
    const status = await statusOf('bad')
    expect(status.failed).toBe(3)
    expect(await jobPods()).toHaveLength(3)
    expect(await conditions('bad')).toEqual([
      'FailureTarget=True BackoffLimitExceeded: Job has reached the specified backoff limit',
      'Failed=True BackoffLimitExceeded: Job has reached the specified backoff limit',
    ])
    expect(await events('BackoffLimitExceeded')).toEqual(['Job has reached the specified backoff limit'])
  })
})

describe('a Job with an active deadline', () => {
  it('deletes its running pod and fails with DeadlineExceeded when the deadline passes', async () => {
    await api.create(job('slow', 'sleep 3600', {activeDeadlineSeconds: 30}))
    await advanceCluster(api, 5 * 60_000)
    expect(await conditions('slow')).toContain(
      'Failed=True DeadlineExceeded: Job was active longer than specified deadline',
    )
    expect((await statusOf('slow')).active).toBeUndefined()
    expect(await events('SuccessfulDelete')).toHaveLength(1)
  })
})

describe('a suspended Job', () => {
  it('creates no pods until resumed', async () => {
    await api.create(job('later', 'echo hi', {suspend: true}))
    await api.settle()
    expect(await jobPods()).toEqual([])
    expect(await conditions('later')).toEqual(['Suspended=True JobSuspended: Job suspended'])
    const current = await api.get(jobsRef, 'later')
    await api.update({...current, spec: {...(current['spec'] as object), suspend: false}})
    await advanceCluster(api, 60_000)
    expect((await statusOf('later')).succeeded).toBe(1)
  })
})

describe('parallel Jobs', () => {
  it('runs up to parallelism pods and completes after all completions', async () => {
    await api.create(job('many', 'sleep 2', {completions: 4, parallelism: 2}))
    await api.settle()
    expect(await jobPods()).toHaveLength(2)
    await advanceCluster(api, 2 * 60_000)
    expect((await statusOf('many')).succeeded).toBe(4)
    expect(await jobPods()).toHaveLength(4)
  })
})
