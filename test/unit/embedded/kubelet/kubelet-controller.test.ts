import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import type {EmbeddedBackend} from '../../../../src/embedded/embedded-backend.js'
import {readPodRecord, type PodRecord} from '../../../../src/embedded/kubelet/pod-record.js'
import {crashNode, restoreNode} from '../../../../src/embedded/node-power-actions.js'
import {setNodePower} from '../../../../src/embedded/nodes.js'
import {advanceCluster} from '../../../../src/embedded/open-cluster.js'
import {summarizePod} from '../../../../src/resources/columns/pod-status.js'
import {coreRef, openTempCluster, type TempCluster} from '../temp-cluster.js'

let cluster: TempCluster
let api: EmbeddedBackend
const pods = coreRef('pods', 'default')

beforeEach(async () => {
  cluster = await openTempCluster()
  api = cluster.backend
})

afterEach(async () => {
  await cluster.dispose()
})

interface ContainerInput {
  name?: string
  image?: string
  command?: string[]
  args?: string[]
  livenessProbe?: unknown
  readinessProbe?: unknown
}

async function createPod(
  name: string,
  containers: ContainerInput[],
  spec: Record<string, unknown> = {},
): Promise<KubeObject> {
  return api.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name, namespace: 'default'},
    spec: {
      nodeName: 'test-worker',
      containers: containers.map((c, i) => ({name: `c${i}`, image: 'busybox:1.37', ...c})),
      ...spec,
    },
  })
}

async function pod(name: string): Promise<KubeObject> {
  return api.get(pods, name)
}

async function row(name: string): Promise<{ready: string; status: string; restarts: string}> {
  return summarizePod(await pod(name), api.clock.now())
}

async function events(name: string): Promise<string[]> {
  const list = await api.list(coreRef('events', 'default'))
  return list.items
    .filter((e) => (e['involvedObject'] as {name?: string}).name === name)
    .map((e) => `${String(e['reason'])}: ${String(e['message'])}`)
}

function statusOf(object: KubeObject): {
  phase?: string
  podIP?: string
  containerStatuses?: Array<Record<string, unknown>>
  conditions?: Array<{type: string; status: string}>
} {
  return object['status'] as never
}

describe('a pod bound to a node', () => {
  it('pulls its image, starts, and runs with an IP from the node podCIDR', async () => {
    // Given a pod bound to test-worker
    await createPod('web', [{name: 'nginx', image: 'nginx:1.27'}])
    expect((await row('web')).status).toBe('ContainerCreating')
    // When the image has had time to pull
    await advanceCluster(api, 30_000)
    // Then it runs, ready, with kubelet's events
    const object = await pod('web')
    const status = statusOf(object)
    expect(await row('web')).toEqual({ready: '1/1', status: 'Running', restarts: '0'})
    expect(status.phase).toBe('Running')
    expect(status.podIP).toMatch(/^10\.244\.1\.\d+$/)
    expect(status.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ])
    const container = status.containerStatuses?.[0] ?? {}
    expect(container['image']).toBe('docker.io/library/nginx:1.27')
    expect(String(container['containerID'])).toMatch(/^containerd:\/\/[0-9a-f]{64}$/)
    const seen = await events('web')
    expect(seen[0]).toBe('Pulling: Pulling image "nginx:1.27"')
    expect(seen[1]).toMatch(
      /^Pulled: Successfully pulled image "nginx:1\.27" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: \d+ bytes\.$/,
    )
    expect(seen.slice(2)).toEqual(['Created: Created container: nginx', 'Started: Started container nginx'])
  })

  it('gives two pods on one node different addresses', async () => {
    await createPod('a', [{}], {})
    await createPod('b', [{}], {})
    await advanceCluster(api, 30_000)
    expect(statusOf(await pod('a')).podIP).not.toBe(statusOf(await pod('b')).podIP)
  })

  it('completes `echo hello; sleep 5` five seconds after it starts (restartPolicy Never)', async () => {
    await createPod('hello', [{command: ['sh', '-c', 'echo hello; sleep 5']}], {restartPolicy: 'Never'})
    await advanceCluster(api, 20_000)
    const status = statusOf(await pod('hello'))
    expect(status.phase).toBe('Succeeded')
    const terminated = (
      status.containerStatuses?.[0]?.['state'] as {
        terminated: {startedAt: string; finishedAt: string; reason: string; exitCode: number}
      }
    ).terminated
    expect(terminated.reason).toBe('Completed')
    expect(terminated.exitCode).toBe(0)
    expect(Date.parse(terminated.finishedAt) - Date.parse(terminated.startedAt)).toBeGreaterThanOrEqual(4_000)
    expect(Date.parse(terminated.finishedAt) - Date.parse(terminated.startedAt)).toBeLessThanOrEqual(6_000)
    expect((await row('hello')).status).toBe('Completed')
    const lines: string[] = []
    for await (const line of api.logs('hello', 'default')) lines.push(line)
    expect(lines).toEqual(['hello\n'])
  })

  it('ends in Error when the script exits 1', async () => {
    await createPod('fail', [{command: ['sh', '-c', 'exit 1']}], {restartPolicy: 'Never'})
    await advanceCluster(api, 20_000)
    expect(statusOf(await pod('fail')).phase).toBe('Failed')
    expect((await row('fail')).status).toBe('Error')
  })

  it('reaches CrashLoopBackOff with back-offs of 10s, 20s and 40s', async () => {
    await createPod('crash', [{name: 'c', command: ['sh', '-c', 'echo boom; exit 1']}])
    const messages: string[] = []
    for (let i = 0; i < 120; i++) {
      await advanceCluster(api, 1_000)
      const state = statusOf(await pod('crash')).containerStatuses?.[0]?.['state'] as {
        waiting?: {reason?: string; message?: string}
      }
      const message = state.waiting?.reason === 'CrashLoopBackOff' ? (state.waiting.message ?? '') : ''
      if (message && messages[messages.length - 1] !== message) messages.push(message)
    }
    const object = await pod('crash')
    const formatted = `crash_default(${object.metadata.uid ?? ''})`
    expect(messages.slice(0, 3)).toEqual([
      `back-off 10s restarting failed container=c pod=${formatted}`,
      `back-off 20s restarting failed container=c pod=${formatted}`,
      `back-off 40s restarting failed container=c pod=${formatted}`,
    ])
    expect(await events('crash')).toContain(`BackOff: Back-off restarting failed container c in pod ${formatted}`)
    const status = statusOf(object).containerStatuses?.[0] ?? {}
    expect((status['lastState'] as {terminated?: {exitCode: number}}).terminated?.exitCode).toBe(1)
    expect(Number(status['restartCount'])).toBeGreaterThanOrEqual(3)
  })

  it('shows ErrImagePull then ImagePullBackOff for an image that cannot exist', async () => {
    await createPod('bad', [{image: 'nginx:doesnotexist'}])
    const seen = new Set<string>()
    for (let i = 0; i < 60; i++) {
      await advanceCluster(api, 1_000)
      seen.add((await row('bad')).status)
    }
    expect(seen).toContain('ErrImagePull')
    expect(seen).toContain('ImagePullBackOff')
    const all = await events('bad')
    expect(all).toContain('Failed: Error: ErrImagePull')
    expect(all).toContain('BackOff: Back-off pulling image "nginx:doesnotexist"')
    expect(
      all.some((e) =>
        e.startsWith(
          'Failed: Failed to pull image "nginx:doesnotexist": failed to pull and unpack image "docker.io/library/nginx:doesnotexist"',
        ),
      ),
    ).toBe(true)
  })

  it('runs init containers first, in order', async () => {
    await createPod('init', [{name: 'app', image: 'nginx:1.27'}], {
      initContainers: [{name: 'setup', image: 'busybox:1.37', command: ['sh', '-c', 'sleep 20']}],
    })
    await advanceCluster(api, 10_000)
    expect((await row('init')).status).toBe('Init:0/1')
    await advanceCluster(api, 40_000)
    expect(await row('init')).toEqual({ready: '1/1', status: 'Running', restarts: '0'})
  })

  it('restarts a container whose exec liveness probe fails', async () => {
    await createPod('live', [
      {
        name: 'liveness',
        command: ['sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
        livenessProbe: {exec: {command: ['cat', '/tmp/healthy']}, initialDelaySeconds: 5, periodSeconds: 5},
      },
    ])
    await advanceCluster(api, 120_000)
    const all = await events('live')
    expect(all).toContain("Unhealthy: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory")
    expect(all).toContain('Killing: Container liveness failed liveness probe, will be restarted')
    expect(Number(statusOf(await pod('live')).containerStatuses?.[0]?.['restartCount'])).toBeGreaterThanOrEqual(1)
  })

  it('is not ready until its readiness probe first succeeds', async () => {
    await createPod('ready', [
      {image: 'nginx:1.27', readinessProbe: {httpGet: {path: '/', port: 80}, initialDelaySeconds: 60}},
    ])
    await advanceCluster(api, 30_000)
    expect(await row('ready')).toMatchObject({ready: '0/1', status: 'Running'})
    await advanceCluster(api, 60_000)
    expect((await row('ready')).ready).toBe('1/1')
  })

  it('turns unready after failureThreshold failures of a readiness probe that succeeded, with Unhealthy events', async () => {
    // Given a container whose readiness file goes away 30s after it starts
    await createPod('flip', [
      {
        name: 'app',
        command: ['sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
        readinessProbe: {exec: {command: ['cat', '/tmp/healthy']}, initialDelaySeconds: 5, periodSeconds: 5},
      },
    ])
    await advanceCluster(api, 20_000)
    expect((await row('flip')).ready).toBe('1/1')
    // When the probe has failed three times in a row
    await advanceCluster(api, 30_000)
    // Then the container and the pod are not ready, it still runs, and each failure was reported
    expect(await row('flip')).toEqual({ready: '0/1', status: 'Running', restarts: '0'})
    const conditions = statusOf(await pod('flip')).conditions?.map((c) => `${c.type}=${c.status}`)
    expect(conditions).toContain('Ready=False')
    expect(conditions).toContain('ContainersReady=False')
    const list = await api.list(coreRef('events', 'default'))
    const unhealthy = list.items.find((e) => e['reason'] === 'Unhealthy')
    expect(unhealthy?.['message']).toBe(
      "Readiness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
    )
    expect(unhealthy?.['type']).toBe('Warning')
    expect(Number(unhealthy?.['count'])).toBeGreaterThanOrEqual(3)
  })

  it('finishes deleting a pod deleted while its node had no power, once the node is back', async () => {
    // Given a running pod whose node loses power, and the pod deleted meanwhile
    await createPod('away', [{image: 'nginx:1.27'}])
    await advanceCluster(api, 30_000)
    await crashNode(api, 'test-worker')
    await advanceCluster(api, 60_000)
    await api.delete(pods, 'away', {})
    await advanceCluster(api, 600_000)
    expect((await row('away')).status).toBe('Terminating')
    // When the node comes back
    await restoreNode(api, 'test-worker')
    await advanceCluster(api, 1_000)
    // Then the kubelet finds its container dead and the pod gone
    await expect(pod('away')).rejects.toThrow(/not found/)
  })

  it('restarts in a new sandbox the containers of a pod whose node lost power', async () => {
    await createPod('back', [{name: 'web', image: 'nginx:1.27'}])
    await advanceCluster(api, 30_000)
    await crashNode(api, 'test-worker')
    await advanceCluster(api, 30_000)
    await restoreNode(api, 'test-worker')
    await advanceCluster(api, 10_000)
    expect(await row('back')).toMatchObject({ready: '1/1', status: 'Running'})
    const status = statusOf(await pod('back')).containerStatuses?.[0] ?? {}
    expect(status['restartCount']).toBe(1)
    expect((status['lastState'] as {terminated?: {reason: string; exitCode: number}}).terminated).toMatchObject({
      reason: 'Unknown',
      exitCode: 255,
    })
    expect(await events('back')).toContain('SandboxChanged: Pod sandbox changed, it will be killed and re-created.')
  })

  it('deletes a terminating pod once its containers have stopped', async () => {
    await createPod('bye', [{image: 'nginx:1.27'}])
    await advanceCluster(api, 30_000)
    await api.delete(pods, 'bye', {})
    expect((await row('bye')).status).toBe('Terminating')
    await advanceCluster(api, 5_000)
    await expect(pod('bye')).rejects.toThrow(/not found/)
    expect(await events('bye')).toContain('Killing: Stopping container c0')
  })

  it('waits the whole grace period for a shell that ignores SIGTERM', async () => {
    await createPod('stubborn', [{command: ['sleep', '3600']}])
    await advanceCluster(api, 30_000)
    await api.delete(pods, 'stubborn', {})
    await advanceCluster(api, 20_000)
    expect((await row('stubborn')).status).toBe('Terminating')
    await advanceCluster(api, 15_000)
    await expect(pod('stubborn')).rejects.toThrow(/not found/)
  })

  it('carries on with a record written before the stage tables, on a node restored back then', async () => {
    // Given a running pod whose record has no stage and no boot, on a node powered back on (as then) since
    await createPod('legacy', [{name: 'web', image: 'nginx:1.27'}])
    await advanceCluster(api, 30_000)
    const uid = (await pod('legacy')).metadata.uid ?? ''
    const {
      stage: _stage,
      sinceMs: _since,
      bootMs: _boot,
      ...legacy
    } = readPodRecord(api.store, uid) ?? ({} as PodRecord)
    api.store.transaction(() => {
      api.store.writeMeta(`kubelet.pod.${uid}`, JSON.stringify(legacy))
      setNodePower(api.store, 'test-worker', {on: true, sinceMs: api.clock.now()})
    })
    // When the kubelet syncs it again
    await api.delete(pods, 'legacy', {})
    await advanceCluster(api, 5_000)
    // Then it neither took the old power cycle for a new one nor lost track of the pod: the deletion went through
    expect(await events('legacy')).not.toContain(
      'SandboxChanged: Pod sandbox changed, it will be killed and re-created.',
    )
    expect(await events('legacy')).toContain('Killing: Stopping container web')
    await expect(pod('legacy')).rejects.toThrow(/not found/)
  })

  it('costs nothing while a pod just runs', async () => {
    await createPod('idle', [{image: 'nginx:1.27'}])
    await advanceCluster(api, 30_000)
    expect(api.store.nextTimerDue()).toBeUndefined()
  })
})
