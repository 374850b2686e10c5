import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {LogOptions} from '../../../../src/backend/backend.js'
import type {EmbeddedBackend} from '../../../../src/embedded/embedded-backend.js'
import {advanceCluster} from '../../../../src/embedded/open-cluster.js'
import {openTempCluster, rejection, type TempCluster} from '../temp-cluster.js'

let cluster: TempCluster
let api: EmbeddedBackend

beforeEach(async () => {
  cluster = await openTempCluster()
  api = cluster.backend
})

afterEach(async () => {
  await cluster.dispose()
})

async function createPod(
  name: string,
  containers: Array<Record<string, unknown>>,
  spec: Record<string, unknown> = {},
): Promise<void> {
  await api.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name, namespace: 'default'},
    spec: {nodeName: 'test-worker', containers, ...spec},
  })
}

async function logs(name: string, options: LogOptions = {}): Promise<string[]> {
  const lines: string[] = []
  for await (const line of api.logs(name, 'default', options)) lines.push(line)
  return lines
}

const ticker = {
  name: 'tick',
  image: 'busybox:1.37',
  command: ['sh', '-c', 'i=0; while true; do i=$((i+1)); echo "tick $i"; sleep 1; done'],
}

describe('logs', () => {
  it('refuses a container that has not started yet, in kubelet words', async () => {
    await createPod('web', [{name: 'nginx', image: 'nginx:1.27'}])
    expect(await rejection(logs('web'))).toMatchObject({
      reason: 'BadRequest',
      code: 400,
      message: 'container "nginx" in pod "web" is waiting to start: ContainerCreating',
    })
  })

  it('asks for a container name when the pod has several', async () => {
    await createPod('two', [ticker, {name: 'b', image: 'nginx:1.27'}], {
      initContainers: [{name: 'init', image: 'busybox', command: ['true']}],
    })
    expect((await rejection(logs('two'))).message).toBe(
      'a container name must be specified for pod two, choose one of: [tick b] or one of the init containers: [init]',
    )
    expect((await rejection(logs('two', {container: 'zzz'}))).message).toBe('container zzz is not valid for pod two')
  })

  it('shows the lines written so far, with --tail, --since and --timestamps', async () => {
    await createPod('t', [ticker])
    await advanceCluster(api, 60_000)
    const all = await logs('t')
    expect(all.length).toBeGreaterThan(50)
    expect(all[0]).toBe('tick 1\n')
    expect(await logs('t', {tailLines: 2})).toEqual(all.slice(-2))
    expect((await logs('t', {sinceSeconds: 10})).length).toBeGreaterThanOrEqual(10)
    expect((await logs('t', {sinceSeconds: 10})).length).toBeLessThanOrEqual(11)
    const [stamped] = await logs('t', {tailLines: 1, timestamps: true})
    expect(stamped).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{1,9}Z tick \d+\n$/)
    expect((await logs('t', {limitBytes: 10})).join('')).toBe('tick 1\ntic')
  })

  it('costs only the lines asked for after a day of ticking', async () => {
    await createPod('t', [{...ticker, command: ['sh', '-c', 'while true; do echo "$(date +%T) alive"; sleep 1; done']}])
    await advanceCluster(api, 86_400_000)
    expect(await logs('t', {tailLines: 1})).toHaveLength(1)
  })

  it('reads the previous run of a restarted container with --previous', async () => {
    await createPod('crash', [
      {name: 'c', image: 'busybox', command: ['sh', '-c', 'echo "run at $(date +%T)"; exit 1']},
    ])
    expect((await rejection(logs('crash', {previous: true}))).message).toBe(
      'previous terminated container "c" in pod "crash" not found',
    )
    await advanceCluster(api, 30_000)
    const previous = await logs('crash', {previous: true})
    expect(previous).toHaveLength(1)
    expect(previous[0]).toMatch(/^run at \d\d:\d\d:\d\d\n$/)
  })

  it('follows new lines as the clock moves and stops when the container ends', async () => {
    await createPod('f', [{name: 'c', image: 'busybox', command: ['sh', '-c', 'echo one; sleep 30; echo two']}], {
      restartPolicy: 'Never',
    })
    await advanceCluster(api, 10_000)
    const iterator = api.logs('f', 'default', {follow: true})[Symbol.asyncIterator]()
    expect((await iterator.next()).value).toBe('one\n')
    await advanceCluster(api, 40_000)
    expect((await iterator.next()).value).toBe('two\n')
    expect((await iterator.next()).done).toBe(true)
  })
})
