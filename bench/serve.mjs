// Real-cluster benchmark: `skiff serve` holds an embedded cluster with 100 running pods in `default` and
// 9,900 more (not scheduled) across 20 namespaces, 10,000 in all; in one run this times `node -e 0`, real
// kubectl and skiff's cluster backend (through the kubeconfig serve wrote) doing the same work, interleaved,
// and prints medians with ratios to `node -e 0` and skiff's ratio to kubectl, wall time and time to the
// first row (the second line of output).
// Usage: node bench/serve.mjs [--runs N]
import {execFileSync, spawn} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(root, 'bin', 'run.js')
const runsFlag = process.argv.indexOf('--runs')
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 15

const home = mkdtempSync(join(tmpdir(), 'skiff-bench-serve-'))
const kubeconfig = join(home, 'kubeconfig')
// skiff and kubectl both read only this kubeconfig and keep their discovery caches under this HOME
const env = {...process.env, SKIFF_HOME: join(home, '.skiff'), HOME: home, KUBECONFIG: kubeconfig}
const embeddedEnv = {...env, KUBECONFIG: ''}
const NAMESPACES = 20
const PODS_PER_NAMESPACE = 495

function seed() {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name: 'web'},
    spec: {
      replicas: 100,
      selector: {matchLabels: {app: 'web'}},
      template: {
        metadata: {labels: {app: 'web'}},
        spec: {containers: [{name: 'nginx', image: 'nginx:1.27', resources: {requests: {cpu: '10m', memory: '16Mi'}}}]},
      },
    },
  }
  execFileSync('node', [bin, 'apply', '-f', '-'], {
    input: JSON.stringify(deployment),
    env: embeddedEnv,
    stdio: ['pipe', 'ignore', 'inherit'],
  })
  // one create per namespace: each a List of 495 pods (created in one process, far quicker than one each)
  for (let n = 0; n < NAMESPACES; n++) {
    const namespace = `team-${String(n).padStart(2, '0')}`
    const items = [{apiVersion: 'v1', kind: 'Namespace', metadata: {name: namespace}}]
    for (let i = 0; i < PODS_PER_NAMESPACE; i++) {
      const name = `worker-${String(n * PODS_PER_NAMESPACE + i).padStart(5, '0')}`
      items.push({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {name, namespace, labels: {app: 'worker'}},
        // no scheduler picks these up, so the live control plane leaves them alone while serve runs
        spec: {schedulerName: 'bench-unscheduled', containers: [{name: 'main', image: 'busybox:1.36'}]},
      })
    }
    execFileSync('node', [bin, 'create', '-f', '-'], {
      input: JSON.stringify({apiVersion: 'v1', kind: 'List', items}),
      env: embeddedEnv,
      stdio: ['pipe', 'ignore', 'inherit'],
    })
  }
  execFileSync('node', [bin, 'cluster', 'advance', '2m'], {env: embeddedEnv, stdio: 'ignore'})
}

function startServe() {
  const child = spawn('node', [bin, 'serve', '--port', '0', '--write-kubeconfig', kubeconfig], {
    env: embeddedEnv,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolveStart, reject) => {
    let out = ''
    child.stdout.on('data', (chunk) => {
      out += chunk
      if (out.includes('\n')) resolveStart(child)
    })
    child.once('exit', (code) => reject(new Error(`skiff serve exited (${code})`)))
  })
}

// wall time, and the time until the first row (the line after the header) reached stdout
function timeOnce(command, args) {
  const start = process.hrtime.bigint()
  const elapsed = () => Number(process.hrtime.bigint() - start) / 1e6
  const child = spawn(command, args, {env, stdio: ['ignore', 'pipe', 'pipe']})
  let lines = 0
  let firstRow
  let stderr = ''
  child.stdout.on('data', (chunk) => {
    if (firstRow !== undefined) return
    for (const byte of chunk) if (byte === 10) lines++
    if (lines >= 2) firstRow = elapsed()
  })
  child.stderr.on('data', (chunk) => (stderr += chunk))
  return new Promise((resolveRun, reject) => {
    child.once('close', (code) => {
      const ms = elapsed()
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} failed: ${stderr}`))
      else resolveRun({ms, firstRow: firstRow ?? ms})
    })
  })
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

let server
try {
  seed()
  server = await startServe()
  const pairs = [
    ['get pods', ['get', 'pods']],
    ['get deploy web -o json', ['get', 'deploy', 'web', '-o', 'json']],
    ['get pods -A', ['get', 'pods', '-A']],
  ]
  const cases = [['node -e 0', 'node', ['-e', '0']]]
  for (const [name, args] of pairs) {
    cases.push([`kubectl ${name}`, 'kubectl', args], [`skiff ${name}`, 'node', [bin, ...args]])
  }
  // warm both discovery caches, so every timed run does the same work
  for (const [, command, args] of cases) await timeOnce(command, args)
  const samples = new Map(cases.map(([name]) => [name, []]))
  for (let i = 0; i < runs; i++) {
    for (const [name, command, args] of cases) samples.get(name).push(await timeOnce(command, args))
  }
  const medianOf = (name, key) => median(samples.get(name).map((sample) => sample[key]))
  const base = medianOf('node -e 0', 'ms')
  console.log(
    `runs per case: ${runs} (medians, interleaved); server: skiff serve, ` +
      `${100 + NAMESPACES * PODS_PER_NAMESPACE} pods (100 running in default)`,
  )
  console.log(`${'case'.padEnd(34)} ${'wall'.padStart(10)}  ${'first row'.padStart(10)}`)
  for (const [name] of cases) {
    const m = medianOf(name, 'ms')
    const first = medianOf(name, 'firstRow')
    let line = `${name.padEnd(34)} ${m.toFixed(1).padStart(7)} ms  ${first.toFixed(1).padStart(7)} ms  ${(m / base).toFixed(2)}x node`
    if (name.startsWith('skiff ')) {
      const kubectl = name.replace(/^skiff/, 'kubectl')
      line += `  ${(m / medianOf(kubectl, 'ms')).toFixed(2)}x kubectl`
      line += `  first row ${(first / medianOf(kubectl, 'firstRow')).toFixed(2)}x kubectl's`
    }
    console.log(line)
  }
} finally {
  server?.kill('SIGTERM')
  rmSync(home, {recursive: true, force: true})
}
