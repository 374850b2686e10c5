// Preloaded by bench/startup.mjs (node --import): reports, at exit, the packages a command imported from
// node_modules and how many of skiff's bundle chunks it loaded. The hooks run on a loader thread and
// post each resolved URL back here.
import {createRequire, register} from 'node:module'
import {MessageChannel, receiveMessageOnPort} from 'node:worker_threads'

const urls = new Set()
const {port1, port2} = new MessageChannel()
port1.on('message', (url) => urls.add(url))
port1.unref()
register('./module-hooks.mjs', import.meta.url, {data: {port: port2}, transferList: [port2]})

process.on('exit', () => {
  // drain messages that arrived but were not yet dispatched
  for (let message = receive(); message; message = receive()) urls.add(message.message)
  const packages = new Set()
  // CommonJS packages loaded through require() never pass the ESM hooks
  for (const file of Object.keys(createRequire(import.meta.url).cache)) urls.add(file)
  let chunks = 0
  for (const url of urls) {
    const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)
    if (match) packages.add(match[1])
    else if (url.includes('/dist/')) chunks++
  }
  process.stderr.write(`loaded: ${[...packages].sort().join(', ') || 'no packages'}; ${chunks} dist files\n`)
})

function receive() {
  return receiveMessageOnPort(port1)
}
