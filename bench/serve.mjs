// Real-cluster benchmark: `skiff serve` holds an embedded cluster with 100 pods; in one run this times
// `node -e 0`, real kubectl and skiff's cluster backend (through the kubeconfig serve wrote) doing the same
// work, and prints medians with ratios to `node -e 0` and skiff's ratio to kubectl.
// Usage: node bench/serve.mjs [--runs N]
import {execFileSync, spawn, spawnSync} from 'node:child_process'
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

function timeOnce(command, args) {
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

let server
try {
  seed()
  server = await startServe()
  const pairs = [
    ['get pods', ['get', 'pods']],
    ['get deploy web -o json', ['get', 'deploy', 'web', '-o', 'json']],
  ]
  const cases = [['node -e 0', 'node', ['-e', '0']]]
  for (const [name, args] of pairs) {
    cases.push([`kubectl ${name}`, 'kubectl', args], [`skiff ${name}`, 'node', [bin, ...args]])
  }
  // warm both discovery caches, so every timed run does the same work
  for (const [, command, args] of cases) timeOnce(command, args)
  const samples = new Map(cases.map(([name]) => [name, []]))
  for (let i = 0; i < runs; i++) {
    for (const [name, command, args] of cases) samples.get(name).push(timeOnce(command, args))
  }
  const base = median(samples.get('node -e 0'))
  console.log(`runs per case: ${runs} (medians, interleaved); server: skiff serve, 100 running pods`)
  for (const [name] of cases) {
    const m = median(samples.get(name))
    let line = `${name.padEnd(34)} ${m.toFixed(1).padStart(7)} ms  ${(m / base).toFixed(2)}x node`
    if (name.startsWith('skiff ')) {
      const kubectl = median(samples.get(name.replace(/^skiff/, 'kubectl')))
      line += `  ${(m / kubectl).toFixed(2)}x kubectl`
    }
    console.log(line)
  }
} finally {
  server?.kill('SIGTERM')
  rmSync(home, {recursive: true, force: true})
}
