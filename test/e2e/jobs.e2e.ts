import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {createSandbox, type Sandbox} from './support/cli.js'

const PI = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: pi
        image: busybox:1.37
        command: ["sh", "-c", "echo computing; sleep 3; echo 3.14159"]
`

const BROKEN = `apiVersion: batch/v1
kind: Job
metadata:
  name: broken
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: broken
        image: busybox:1.37
        command: ["sh", "-c", "exit 1"]
`

const HELLO = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "*/1 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: hello
            image: busybox:1.37
            command: ["sh", "-c", "echo hello"]
`

/** The STATUS and COMPLETIONS cells of one row of `get jobs`. */
function jobRow(stdout: string, name: string): string[] {
  const row = stdout.split('\n').find((line) => line.startsWith(`${name} `)) ?? ''
  return row.trim().split(/\s+/).slice(1, 4)
}

let sandbox: Sandbox

beforeEach(() => {
  sandbox = createSandbox()
})

afterEach(() => {
  sandbox.dispose()
})

describe('a Job on the embedded cluster', () => {
  it('runs its pod to completion, shows Complete 1/1, and its logs hold both lines', async () => {
    sandbox.write('pi.yaml', PI)
    expect((await sandbox.run(['apply', '-f', 'pi.yaml'])).stdout).toBe('job.batch/pi created\n')
    expect((await sandbox.run(['cluster', 'advance', '1m'])).exitCode).toBe(0)
    const get = await sandbox.run(['get', 'jobs'])
    expect(get.stdout.split('\n')[0]).toMatch(/^NAME\s+STATUS\s+COMPLETIONS\s+DURATION\s+AGE$/)
    const [status, completions, duration] = jobRow(get.stdout, 'pi')
    expect([status, completions]).toEqual(['Complete', '1/1'])
    expect(duration).toMatch(/^\d+s$/)
    const logs = await sandbox.run(['logs', 'job/pi'])
    expect(logs.stdout).toBe('computing\n3.14159\n')
  })

  it('gives up with BackoffLimitExceeded once a failing pod has failed backoffLimit + 1 times', async () => {
    sandbox.write('broken.yaml', BROKEN)
    await sandbox.run(['apply', '-f', 'broken.yaml'])
    await sandbox.run(['cluster', 'advance', '5m'])
    const get = await sandbox.run(['get', 'jobs'])
    expect(jobRow(get.stdout, 'broken').slice(0, 2)).toEqual(['Failed', '0/1'])
    const describe = await sandbox.run(['describe', 'job', 'broken'])
    expect(describe.stdout).toContain('BackoffLimitExceeded')
    const pods = await sandbox.run(['get', 'pods'])
    expect(pods.stdout.split('\n').filter((line) => line.startsWith('broken-'))).toHaveLength(3)
  })

  it('runs a CronJob every minute, keeping three successful Jobs named after their scheduled minute', async () => {
    sandbox.write('hello.yaml', HELLO)
    await sandbox.run(['apply', '-f', 'hello.yaml'])
    await sandbox.run(['cluster', 'advance', '5m'])
    const jobs = (await sandbox.run(['get', 'jobs'])).stdout.split('\n').filter((line) => line.startsWith('hello-'))
    expect(jobs).toHaveLength(3)
    for (const line of jobs) expect(line).toMatch(/^hello-\d+\s+Complete\s+1\/1\s/)
    const describe = await sandbox.run(['describe', 'cronjob', 'hello'])
    expect(describe.stdout).toMatch(
      /SawCompletedJob\s+\S+\s+cronjob-controller\s+Saw completed job: hello-\d+, condition: Complete/,
    )
  })
})
