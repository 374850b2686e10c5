// Startup benchmark: times, in one run, `node -e 0`, `skiff version --client`, and `skiff get pods` on an
// empty embedded cluster, on one holding 1,000 pods, and on one whose 100 running pods sat idle for a day; prints medians and ratios to `node -e 0`, and the
// modules each skiff command loaded. Usage: node bench/startup.mjs [--runs N]
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(root, 'bin', 'run.js')
const runsFlag = process.argv.indexOf('--runs')
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 15

const emptyHome = mkdtempSync(join(tmpdir(), 'skiff-bench-empty-'))
const fullHome = mkdtempSync(join(tmpdir(), 'skiff-bench-full-'))
const idleHome = mkdtempSync(join(tmpdir(), 'skiff-bench-idle-'))
const envFor = (home) => ({...process.env, SKIFF_HOME: join(home, '.skiff'), HOME: home, KUBECONFIG: ''})

function seedPods(home, count) {
  const docs = []
  for (let i = 0; i < count; i++) {
    docs.push(
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {name: `pod-${String(i).padStart(4, '0')}`, labels: {app: `app-${i % 10}`}},
        spec: {containers: [{name: 'c', image: 'nginx:1.27'}]},
      }),
    )
  }
  execFileSync('node', [bin, 'create', '-f', '-'], {
    input: docs.join('\n'),
    env: envFor(home),
    stdio: ['pipe', 'ignore', 'inherit'],
  })
}

// 100 running pods of a Deployment on the default 4-node cluster, then a day of cluster time passes
function seedIdleCluster(home) {
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
    env: envFor(home),
    stdio: ['pipe', 'ignore', 'inherit'],
  })
  execFileSync('node', [bin, 'cluster', 'advance', '2m'], {env: envFor(home), stdio: 'ignore'})
  execFileSync('node', [bin, 'cluster', 'advance', '24h'], {env: envFor(home), stdio: 'ignore'})
}

function timeOnce(command, args, env) {
  const start = process.hrtime.bigint()
  const result = spawnSync(command, args, {env, stdio: ['ignore', 'ignore', 'pipe']})
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`)
  return ms
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

// Which modules a command loads: loader hooks cost time, so this is a separate, untimed run.
function modulesLoaded(args, env) {
  const out = spawnSync('node', ['--import', join(root, 'bench', 'module-report.mjs'), bin, ...args], {
    env,
    encoding: 'utf8',
  })
  return (out.stderr.match(/^loaded: (.*)$/m) ?? [])[1] ?? '(unknown)'
}

try {
  execFileSync('node', [bin, 'get', 'ns'], {env: envFor(emptyHome), stdio: 'ignore'})
  seedPods(fullHome, 1000)
  seedIdleCluster(idleHome)
  const cases = [
    ['node -e 0', 'node', ['-e', '0'], envFor(emptyHome)],
    ['skiff version --client', 'node', [bin, 'version', '--client'], envFor(emptyHome)],
    ['skiff get pods (empty cluster)', 'node', [bin, 'get', 'pods'], envFor(emptyHome)],
    ['skiff get pods (1,000 pods)', 'node', [bin, 'get', 'pods'], envFor(fullHome)],
    ['skiff get pods (100 running, +24h)', 'node', [bin, 'get', 'pods'], envFor(idleHome)],
  ]
  const samples = new Map(cases.map(([name]) => [name, []]))
  // interleave the cases so that machine noise spreads over all of them alike
  for (let i = 0; i < runs; i++) {
    for (const [name, command, args, env] of cases) samples.get(name).push(timeOnce(command, args, env))
  }
  const base = median(samples.get('node -e 0'))
  console.log(`runs per case: ${runs} (medians, interleaved)`)
  for (const [name, , args, env] of cases) {
    const m = median(samples.get(name))
    const modules = name.startsWith('skiff') ? `  [${modulesLoaded(args.slice(1), env)}]` : ''
    console.log(`${name.padEnd(32)} ${m.toFixed(1).padStart(7)} ms  ${(m / base).toFixed(2)}x${modules}`)
  }
} finally {
  rmSync(emptyHome, {recursive: true, force: true})
  rmSync(fullHome, {recursive: true, force: true})
  rmSync(idleHome, {recursive: true, force: true})
}
