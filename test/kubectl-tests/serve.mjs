// `--serve`: the scripts run with real kubectl against `skiff serve`, started here on a fresh embedded
// cluster in its own SKIFF_HOME and stopped when the run ends. skiff is then the server, not the client.

import {execa} from 'execa'
import {mkdir} from 'node:fs/promises'
import {join} from 'node:path'
import process from 'node:process'

// how long the server may take to print its address (a cold start creates the cluster's store)
const START_TIMEOUT_MS = 60_000

/**
 * Starts `skiff serve --write-kubeconfig` and resolves once it prints its address (its first stdout line).
 * Returns the kubeconfig it wrote, the address, and stop() to end it.
 */
export async function startServe({skiffEntry, root}) {
  const home = join(root, 'serve-home')
  await mkdir(home, {recursive: true})
  const kubeconfig = join(root, 'serve.kubeconfig')
  const child = execa(process.execPath, [skiffEntry, 'serve', '--port', '0', '--write-kubeconfig', kubeconfig], {
    env: {...process.env, SKIFF_HOME: join(home, '.skiff'), HOME: home, KUBECONFIG: '', NO_COLOR: '1'},
    reject: false,
    buffer: false,
    stdin: 'ignore',
  })
  const address = await new Promise((resolve, reject) => {
    let output = ''
    let stderr = ''
    const timer = setTimeout(
      () => fail(`skiff serve printed no address within ${START_TIMEOUT_MS / 1000}s`),
      START_TIMEOUT_MS,
    )
    const fail = (message) => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(new Error(`${message}${stderr ? `\n${stderr}` : ''}`))
    }
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.stdout.on('data', (chunk) => {
      output += chunk
      const newline = output.indexOf('\n')
      if (newline < 0) return
      clearTimeout(timer)
      const first = output.slice(0, newline)
      const match = /https?:\/\/\S+/.exec(first)
      if (match) resolve(match[0])
      else fail(`skiff serve's first line names no address: ${first}`)
    })
    child.once('exit', (code) => fail(`skiff serve exited (${code}) before printing its address`))
  })
  return {
    address,
    kubeconfig,
    async stop() {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await child
      clearTimeout(timer)
    },
  }
}
