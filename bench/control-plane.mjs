// Control-plane benchmark (issue 9): how fast the embedded control plane turns written objects into running
// pods, and what it holds in memory. Cases, each next to `node -e 0` measured in the same run:
//   deploy     apply a 1,000-replica Deployment on 100 workers, advance until all Running (pods/s of wall time)
//   create     `cluster create` with 5,000 nodes
//   scheduler  the scheduler alone (no kubelet, no other controller): 5,000 nodes, 10,000 pending pods
//   list       10,000 bare pods created as one List on 5,000 nodes, until all are bound (create, then advance 1s)
//   memory     1,000 nodes and 30,000 pods under `skiff serve`: peak RSS while they start and over a quiet minute
//   idle       the next command (`get pods`) after a day idle, 4 nodes and 100 pods, as a ratio to `node -e 0`
// A case that runs past its cap is stopped and reported with how far it got (">" figures).
// Usage: node bench/control-plane.mjs [--quick] [--case deploy,create,...] [--runs N] [--cap-seconds N]
//   --quick: a tenth of every size, one run, a ten-second quiet spell; for iterating, not for the record.
import {execFileSync, spawn, spawnSync} from 'node:child_process'
import {clearInterval, setInterval} from 'node:timers'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {cpus, loadavg, tmpdir} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(root, 'bin', 'run.js')
const require = createRequire(import.meta.url)
const Database = require('better-sqlite3')

const argv = process.argv.slice(2)
const option = (name) => {
  const index = argv.indexOf(`--${name}`)
  return index >= 0 ? argv[index + 1] : undefined
}
const quick = argv.includes('--quick')
const scale = quick ? 0.1 : 1
const selected = (option('case') ?? 'deploy,create,scheduler,list,memory,idle').split(',')
const runsOverride = option('runs') === undefined ? undefined : Number(option('runs'))
const capMs = Number(option('cap-seconds') ?? (quick ? 120 : 600)) * 1000
const sized = (n) => Math.max(1, Math.round(n * scale))

const homes = []
function newHome(label) {
  const home = mkdtempSync(join(tmpdir(), `skiff-bench-cp-${label}-`))
  homes.push(home)
  return home
}
const envFor = (home) => ({...process.env, SKIFF_HOME: join(home, '.skiff'), HOME: home, KUBECONFIG: ''})
const storeFile = (home, cluster) => join(home, '.skiff', 'clusters', cluster, 'store.db')

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

function skiff(home, args, input) {
  execFileSync('node', [bin, ...args], {
    input: input ?? '',
    env: envFor(home),
    stdio: ['pipe', 'ignore', 'inherit'],
    maxBuffer: 1 << 30,
  })
}

// counts pods in a cluster's store from outside the processes under test (a read-only SQLite reader)
function countPods(home, cluster, where) {
  let db
  try {
    db = new Database(storeFile(home, cluster), {readonly: true, fileMustExist: true, timeout: 5000})
    return db.prepare(`SELECT count(*) AS n FROM objects WHERE resource = '/pods' AND ${where}`).get().n
  } catch {
    return 0
  } finally {
    db?.close()
  }
}
const RUNNING = `json_extract(object, '$.status.phase') = 'Running'`
const BOUND = `json_extract(object, '$.spec.nodeName') IS NOT NULL`

// peak resident set of a process so far (Linux: VmHWM), in MB; 0 once it has gone
function peakRssMb(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) / 1024 : 0
  } catch {
    return 0
  }
}

/**
 * Runs a command to its end or until the cap; returns {ms, capped, peakMb}. `watch` (optional) is called
 * every 200 ms with the child's pid, to sample what the case measures while it runs.
 */
function runCapped(command, args, env, {cap = capMs, input, watch} = {}) {
  return new Promise((resolveRun, reject) => {
    const start = process.hrtime.bigint()
    const child = spawn(command, args, {env, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']})
    if (input !== undefined) child.stdin.end(input)
    let stdout = ''
    let stderr = ''
    let peakMb = 0
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const sample = setInterval(() => {
      peakMb = Math.max(peakMb, peakRssMb(child.pid))
      watch?.(child.pid)
    }, 200)
    let capped = false
    const timer = setTimeout(() => {
      capped = true
      child.kill('SIGKILL')
    }, cap)
    child.once('close', (code) => {
      clearInterval(sample)
      clearTimeout(timer)
      const ms = Number(process.hrtime.bigint() - start) / 1e6
      if (!capped && code !== 0) reject(new Error(`${args.join(' ')} failed (${code}): ${stderr}`))
      else resolveRun({ms, capped, peakMb, stdout})
    })
  })
}

const skiffCapped = (home, args, options = {}) => runCapped('node', [bin, ...args], envFor(home), options)

function nodeBaseline(runs) {
  const samples = []
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint()
    spawnSync('node', ['-e', '0'])
    samples.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  return median(samples)
}

function deployment(name, replicas) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name},
    spec: {
      replicas,
      selector: {matchLabels: {app: name}},
      template: {
        metadata: {labels: {app: name}},
        spec: {containers: [{name: 'nginx', image: 'nginx:1.27', resources: {requests: {cpu: '1m', memory: '1Mi'}}}]},
      },
    },
  }
}

const results = []
function report(name, line) {
  results.push(`${name.padEnd(10)} ${line}`)
  console.log(`${name.padEnd(10)} ${line}`)
}
const fmtS = (ms) => `${(ms / 1000).toFixed(2)} s`

// apply, then advance the clock until every pod runs: the wall time of it all
async function deployCase(runs) {
  const nodes = sized(100)
  const replicas = sized(1000)
  const walls = []
  let capped = false
  for (let run = 0; run < runs && !capped; run++) {
    const home = newHome('deploy')
    skiff(home, ['cluster', 'create', 'perf', '--nodes', String(nodes)])
    let elapsed = 0
    const step = async (args, input) => {
      const result = await skiffCapped(home, args, {cap: capMs - elapsed, input})
      elapsed += result.ms
      if (result.capped) capped = true
    }
    await step(['apply', '-f', '-'], JSON.stringify(deployment('web', replicas)))
    for (let i = 0; i < 20 && !capped && countPods(home, 'perf', RUNNING) < replicas; i++) {
      await step(['cluster', 'advance', '30s'])
    }
    const running = countPods(home, 'perf', RUNNING)
    walls.push(elapsed)
    if (capped) {
      report(
        'deploy',
        `capped at ${fmtS(elapsed)} with ${running}/${replicas} Running: < ${(running / (elapsed / 1000)).toFixed(1)} pods/s`,
      )
      return
    }
  }
  const wall = median(walls)
  report(
    'deploy',
    `${replicas} replicas on ${nodes} nodes: ${fmtS(wall)} wall, ${(replicas / (wall / 1000)).toFixed(1)} pods/s (median of ${walls.length})`,
  )
}

async function createCase(runs) {
  const nodes = sized(5000)
  const walls = []
  for (let run = 0; run < runs; run++) {
    const home = newHome('create')
    const result = await skiffCapped(home, ['cluster', 'create', 'sched', '--nodes', String(nodes)])
    if (result.capped) {
      report('create', `${nodes} nodes: not done after ${fmtS(result.ms)} (capped)`)
      return
    }
    walls.push(result.ms)
  }
  report('create', `${nodes} nodes: ${fmtS(median(walls))} (median of ${walls.length})`)
}

// the scheduler helper is TypeScript over src/: bundle it once per bench run
let schedulerScript
async function schedulerAlone() {
  if (schedulerScript) return schedulerScript
  const {build} = await import('esbuild')
  const out = join(newHome('bundle'), 'scheduler-alone.mjs')
  await build({
    entryPoints: [join(root, 'bench', 'control-plane', 'scheduler-alone.ts')],
    outfile: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['better-sqlite3'],
    banner: {
      js: "import {createRequire as __benchRequire} from 'node:module'; const require = __benchRequire(import.meta.url);",
    },
    logLevel: 'warning',
  })
  // better-sqlite3 resolves from the bundle's folder: point it at the project's node_modules
  writeFileSync(join(dirname(out), 'package.json'), '{"type":"module"}')
  execFileSync('ln', ['-s', join(root, 'node_modules'), join(dirname(out), 'node_modules')])
  schedulerScript = out
  return out
}

async function schedulerCase(runs) {
  const nodes = sized(5000)
  const pods = sized(10000)
  const script = await schedulerAlone()
  const rates = []
  for (let run = 0; run < runs; run++) {
    const home = newHome('scheduler')
    const skiffHome = join(home, '.skiff')
    const result = await runCapped('node', [script, skiffHome, String(nodes), String(pods)], envFor(home))
    if (result.capped) {
      const bound = countPods(home, 'sched', BOUND)
      report(
        'scheduler',
        `${nodes} nodes, ${pods} pods: capped after ${fmtS(result.ms)} (setup included) with ${bound} bound`,
      )
      return
    }
    const {scheduleMs, bound} = JSON.parse(result.stdout)
    rates.push(bound / (scheduleMs / 1000))
  }
  report('scheduler', `${nodes} nodes, ${pods} pods: ${median(rates).toFixed(1)} pods/s (median of ${rates.length})`)
}

function podList(count) {
  const items = []
  for (let i = 0; i < count; i++) {
    items.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {name: `bare-${String(i).padStart(5, '0')}`},
      spec: {containers: [{name: 'c', image: 'nginx:1.27', resources: {requests: {cpu: '1m', memory: '1Mi'}}}]},
    })
  }
  return JSON.stringify({apiVersion: 'v1', kind: 'List', items})
}

async function listCase(runs) {
  const nodes = sized(5000)
  const pods = sized(10000)
  const input = podList(pods)
  const walls = []
  for (let run = 0; run < runs; run++) {
    const home = newHome('list')
    const setup = await skiffCapped(home, ['cluster', 'create', 'sched', '--nodes', String(nodes)])
    if (setup.capped) {
      report('list', `${pods} pods on ${nodes} nodes: not measured (cluster create capped at ${fmtS(setup.ms)})`)
      return
    }
    const result = await skiffCapped(home, ['create', '-f', '-'], {input})
    let elapsed = result.ms
    let capped = result.capped
    // a command stops its catch-up after a few seconds; what is left runs in the next one
    while (!capped && countPods(home, 'sched', BOUND) < pods && elapsed < capMs) {
      const advanced = await skiffCapped(home, ['cluster', 'advance', '1s'], {cap: capMs - elapsed})
      elapsed += advanced.ms
      capped = advanced.capped
    }
    const bound = countPods(home, 'sched', BOUND)
    if (capped || bound < pods) {
      report(
        'list',
        `${pods} pods on ${nodes} nodes: capped at ${fmtS(elapsed)} with ${bound} bound: < ${(bound / (elapsed / 1000)).toFixed(1)} pods/s`,
      )
      return
    }
    walls.push(elapsed)
  }
  const wall = median(walls)
  report(
    'list',
    `${pods} pods on ${nodes} nodes: ${fmtS(wall)}, ${(pods / (wall / 1000)).toFixed(1)} pods/s (median of ${walls.length})`,
  )
}

// serve holds the cluster while Deployments of 30,000 pods in all start; the peak RSS of every process
async function memoryCase() {
  const nodes = sized(1000)
  const deployments = 30
  const replicas = sized(1000)
  const total = deployments * replicas
  const quietMs = quick ? 10_000 : 60_000
  const home = newHome('memory')
  const setup = await skiffCapped(home, ['cluster', 'create', 'mem', '--nodes', String(nodes)])
  if (setup.capped) {
    report('memory', `not measured (cluster create of ${nodes} nodes capped at ${fmtS(setup.ms)})`)
    return
  }
  const serve = spawn('node', [bin, 'serve', '--port', '0', '--context', 'mem'], {
    env: envFor(home),
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let servePeak = 0
  let clientPeak = 0
  const sampler = setInterval(() => (servePeak = Math.max(servePeak, peakRssMb(serve.pid))), 200)
  try {
    await new Promise((resolveStart, reject) => {
      serve.stdout.once('data', resolveStart)
      serve.once('exit', (code) => reject(new Error(`skiff serve exited (${code})`)))
    })
    const start = Date.now()
    const docs = Array.from({length: deployments}, (_, i) => JSON.stringify(deployment(`app-${i}`, replicas)))
    const applied = await skiffCapped(home, ['apply', '--context', 'mem', '-f', '-'], {input: docs.join('\n---\n')})
    clientPeak = Math.max(clientPeak, applied.peakMb)
    let running = 0
    while (!applied.capped && Date.now() - start < capMs) {
      const advanced = await skiffCapped(home, ['cluster', 'advance', '30s', '--context', 'mem'], {
        cap: capMs - (Date.now() - start),
      })
      clientPeak = Math.max(clientPeak, advanced.peakMb)
      running = countPods(home, 'mem', RUNNING)
      if (running >= total || advanced.capped) break
    }
    const startedMs = Date.now() - start
    const peakWhileStarting = servePeak
    if (running >= total) await new Promise((r) => setTimeout(r, quietMs))
    report(
      'memory',
      `${total} pods on ${nodes} nodes: ${running >= total ? 'all Running' : `capped with ${running} Running`} after ${fmtS(startedMs)}; ` +
        `peak RSS serve ${peakWhileStarting.toFixed(0)} MB starting, ${servePeak.toFixed(0)} MB after a quiet ${quietMs / 1000} s; clients ${clientPeak.toFixed(0)} MB`,
    )
  } finally {
    clearInterval(sampler)
    serve.kill('SIGKILL')
  }
}

async function idleCase(runs, nodeMs) {
  const home = newHome('idle')
  skiff(home, ['apply', '-f', '-'], JSON.stringify(deployment('web', 100)))
  skiff(home, ['cluster', 'advance', '2m'])
  skiff(home, ['cluster', 'advance', '24h'])
  const samples = []
  const nodeSamples = []
  for (let run = 0; run < runs; run++) {
    nodeSamples.push(nodeBaseline(1))
    const start = process.hrtime.bigint()
    const result = spawnSync('node', [bin, 'get', 'pods'], {env: envFor(home), stdio: ['ignore', 'ignore', 'pipe']})
    if (result.status !== 0) throw new Error(`get pods failed: ${result.stderr}`)
    samples.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  const base = median(nodeSamples) || nodeMs
  const m = median(samples)
  report(
    'idle',
    `get pods after a day idle (4 nodes, 100 pods): ${m.toFixed(1)} ms, ${(m / base).toFixed(2)}x node -e 0 (${base.toFixed(1)} ms; medians of ${runs}, interleaved)`,
  )
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')
try {
  console.log(
    `control-plane bench${quick ? ' (--quick: a tenth of each size)' : ''}; ${cpus().length} cores; load ${load()}; cap ${capMs / 1000} s per case`,
  )
  const nodeMs = nodeBaseline(runsOverride ?? 15)
  console.log(`node -e 0: ${nodeMs.toFixed(1)} ms (median of ${runsOverride ?? 15})`)
  const runsFor = (full) => runsOverride ?? (quick ? 1 : full)
  if (selected.includes('deploy')) await deployCase(runsFor(3))
  if (selected.includes('create')) await createCase(runsFor(3))
  if (selected.includes('scheduler')) await schedulerCase(runsFor(3))
  if (selected.includes('list')) await listCase(runsFor(1))
  if (selected.includes('memory')) await memoryCase()
  if (selected.includes('idle')) await idleCase(runsFor(15), nodeMs)
  console.log(`load at the end ${load()}`)
} finally {
  for (const home of homes) rmSync(home, {recursive: true, force: true})
}
