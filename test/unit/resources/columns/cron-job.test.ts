import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import {cronJobColumns} from '../../../../src/resources/columns/cron-job.js'

const NOW = Date.parse('2024-06-01T12:00:00Z')

function cronJob(spec: Record<string, unknown>, status: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: {name: 'backup', namespace: 'default', creationTimestamp: '2024-05-25T00:00:00Z'},
    spec: {
      schedule: '*/5 * * * *',
      concurrencyPolicy: 'Allow',
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        metadata: {},
        spec: {template: {spec: {containers: [{name: 'backup', image: 'busybox:1.36'}], restartPolicy: 'OnFailure'}}},
      },
      ...spec,
    },
    status,
  }
}

describe('cron job columns', () => {
  it('names the columns as kube-apiserver does, TIMEZONE included', () => {
    expect(cronJobColumns.columns.map((c) => c.name)).toEqual([
      'Name',
      'Schedule',
      'Timezone',
      'Suspend',
      'Active',
      'Last Schedule',
      'Age',
      'Containers',
      'Images',
      'Selector',
    ])
  })

  it('prints a scheduled cron job', () => {
    const status = {
      active: [{kind: 'Job', namespace: 'default', name: 'backup-28620720', apiVersion: 'batch/v1'}],
      lastScheduleTime: '2024-06-01T11:55:00Z',
    }
    expect(cronJobColumns.cells(cronJob({}, status), NOW)).toEqual([
      'backup',
      '*/5 * * * *',
      '<none>',
      'False',
      1,
      '5m',
      '7d12h',
      'backup',
      'busybox:1.36',
      '<none>',
    ])
  })

  it('prints the time zone, a suspended job and one never scheduled', () => {
    const cells = cronJobColumns.cells(cronJob({timeZone: 'Europe/Paris', suspend: true}, {}), NOW)
    expect(cells.slice(1, 6)).toEqual(['*/5 * * * *', 'Europe/Paris', 'True', 0, '<none>'])
  })

  it('prints <unset> when suspend is missing', () => {
    expect(cronJobColumns.cells(cronJob({suspend: undefined}, {}), NOW)[3]).toBe('<unset>')
  })
})
