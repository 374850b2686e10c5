// The scheduler alone (kube-scheduler's scheduler_perf shape): an embedded cluster of N nodes with M pending
// pods, then only the scheduler runs until every pod is bound; no kubelet, no other controller. Bundled by
// bench/control-plane.mjs with esbuild and run as a child process, which prints one JSON line:
// {"setupMs": ..., "scheduleMs": ..., "bound": ...}. Usage: scheduler-alone.mjs HOME NODES PODS
import {performance} from 'node:perf_hooks'
import {EmbeddedBackend} from '../../src/embedded/embedded-backend.js'
import {newControlLoop, openEmbeddedCluster} from '../../src/embedded/open-cluster.js'
import {scheduler} from '../../src/embedded/scheduler/scheduler.js'

const [home = '', nodesArg = '5000', podsArg = '10000'] = process.argv.slice(2)
const nodes = Number(nodesArg)
const pods = Number(podsArg)
const env = {SKIFF_HOME: home}

const setupStart = performance.now()
const seeded = await openEmbeddedCluster('sched', env, {workers: nodes, cpu: '32', memory: '256Gi'})
for (let i = 0; i < pods; i++) {
  await seeded.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name: `pending-${String(i).padStart(5, '0')}`, namespace: 'default'},
    spec: {
      containers: [
        {name: 'c', image: 'registry.k8s.io/pause:3.10', resources: {requests: {cpu: '10m', memory: '16Mi'}}},
      ],
    },
  })
}
const setupMs = performance.now() - setupStart
// the same store and clock, with a runner that knows only the scheduler
const alone = new EmbeddedBackend(seeded.store, seeded.clock)
alone.attachControlLoop(newControlLoop(alone, async () => [scheduler]))
const start = performance.now()
await alone.settle()
const scheduleMs = performance.now() - start
const bound = alone.store.list('/pods').filter((stored) => {
  const spec = stored.object['spec'] as {nodeName?: string} | undefined
  return spec?.nodeName !== undefined
}).length
alone.store.close()
process.stdout.write(`${JSON.stringify({setupMs, scheduleMs, bound})}\n`)
