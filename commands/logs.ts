import {Args, Flags} from '@oclif/core'
import {setTimeout as sleep} from 'node:timers/promises'
import type {LogOptions} from '../src/backend/backend.js'
import {SkiffCommand} from '../src/cli/base-command.js'
import {UsageError} from '../src/cli/errors.js'
import {
  attachablePod,
  containersFor,
  logPrefix,
  podsForSelector,
  streamLog,
  type LogRequest,
} from '../src/kubectl/logs.js'
import {resolveArgTargets} from '../src/kubectl/targets.js'
import {parseGoDurationMs} from '../src/resources/go-duration.js'
import {ResourceRegistry} from '../src/resources/registry.js'

// kubectl logs (pkg/cmd/logs/logs.go, v1.32)
const USAGE =
  "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command"
const SELECTOR_TAIL = 10
const POLL_MS = 200

export default class Logs extends SkiffCommand {
  static override summary = 'Print the logs for a container in a pod'
  static override description =
    'Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.'
  static override examples = [
    '<%= config.bin %> logs nginx',
    '<%= config.bin %> logs nginx --all-containers=true',
    '<%= config.bin %> logs -l app=nginx --all-containers=true',
    '<%= config.bin %> logs -p -c ruby web-1',
    '<%= config.bin %> logs -f -c ruby web-1',
    '<%= config.bin %> logs --tail=20 nginx',
    '<%= config.bin %> logs --since=1h nginx',
    '<%= config.bin %> logs deployment/nginx -c nginx-1',
  ]
  static override strict = false
  static override args = {resources: Args.string({description: '[-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'})}
  static override flags = {
    'all-containers': Flags.boolean({description: "Get all containers' logs in the pod(s)."}),
    'all-pods': Flags.boolean({description: 'Get logs from all pod(s). Sets prefix to true.'}),
    container: Flags.string({char: 'c', description: 'Print the logs of this container'}),
    follow: Flags.boolean({char: 'f', description: 'Specify if the logs should be streamed.'}),
    'ignore-errors': Flags.boolean({
      description: 'If watching / following pod logs, allow for any errors that occur to be non-fatal',
    }),
    'limit-bytes': Flags.integer({default: 0, description: 'Maximum bytes of logs to return. Defaults to no limit.'}),
    'max-log-requests': Flags.integer({
      default: 5,
      description: 'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.',
    }),
    'pod-running-timeout': Flags.string({
      default: '20s',
      description:
        'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
    }),
    prefix: Flags.boolean({description: 'Prefix each log line with the log source (pod name and container name)'}),
    previous: Flags.boolean({
      char: 'p',
      description: 'If true, print the logs for the previous instance of the container in a pod if it exists.',
    }),
    selector: Flags.string({char: 'l', description: 'Selector (label query) to filter on.'}),
    since: Flags.string({
      default: '0s',
      description:
        'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.',
    }),
    'since-time': Flags.string({
      default: '',
      description:
        'Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.',
    }),
    tail: Flags.integer({
      default: -1,
      description:
        'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.',
    }),
    timestamps: Flags.boolean({description: 'Include timestamps on each line in the log output'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Logs)
    const args = argv as string[]
    if (args.length === 0 && !flags.selector) throw new UsageError(USAGE, this.commandPath)
    if (args.length === 1 && flags.selector)
      throw new UsageError('only a selector (-l) or a POD name is allowed', this.commandPath)
    if (args.length > 2) throw new UsageError(USAGE, this.commandPath)
    const container = args[1] ?? flags.container
    const sinceMs = parseGoDurationMs(flags.since)
    if (flags['since-time'] !== '' && sinceMs !== 0)
      throw new Error('at most one of `sinceTime` or `sinceSeconds` may be specified')
    if (flags['all-containers'] && container)
      throw new Error(`--all-containers=true should not be specified with container name ${container}`)
    if (flags['limit-bytes'] < 0) throw new Error('--limit-bytes must be greater than 0')
    if (flags.previous && flags.follow) throw new Error('only one of follow (-f) or previous (-p) is allowed')
    if (flags.tail < -1) throw new Error('--tail must be greater than or equal to -1')
    const tail =
      flags.selector && flags.tail === -1 && !this.argv.some((a) => a.startsWith('--tail')) ? SELECTOR_TAIL : flags.tail

    const backend = await this.backend(flags)
    const namespace = this.namespace(flags)
    const pods = []
    if (flags.selector) {
      pods.push(...(await podsForSelector(backend, namespace, flags.selector)))
      if (pods.length === 0) {
        this.err(`No resources found in ${namespace} namespace.\n`)
        return
      }
    } else {
      const registry = new ResourceRegistry(await backend.discover())
      const arg = args[0] ?? ''
      const [visit] = resolveArgTargets(registry, {args: arg.includes('/') ? [arg] : ['pods', arg], namespace})
      if (!visit || visit.kind !== 'named') throw new UsageError(USAGE, this.commandPath)
      const timeoutMs = parseGoDurationMs(flags['pod-running-timeout'])
      const deadline = performance.now() + timeoutMs
      // kubectl waits (--pod-running-timeout) for a workload to have a pod
      for (;;) {
        const found = await attachablePod(backend, visit.info, namespace, visit.name)
        if (found) {
          if (found.count > 1) this.err(`Found ${found.count} pods, using pod/${found.pod.metadata.name ?? ''}\n`)
          pods.push(found.pod)
          break
        }
        if (performance.now() >= deadline) throw new Error('timed out waiting for the condition')
        await sleep(POLL_MS)
      }
    }

    const requests: LogRequest[] = []
    for (const pod of pods) {
      const chosen = containersFor(pod, {container, allContainers: flags['all-containers']})
      if (chosen.defaulted) this.err(chosen.defaulted)
      for (const name of chosen.containers)
        requests.push({pod: pod.metadata.name ?? '', namespace: pod.metadata.namespace ?? namespace, container: name})
    }
    if (flags.follow && requests.length > flags['max-log-requests']) {
      throw new Error(
        `you are attempting to follow ${requests.length} log streams, but maximum allowed concurrency is ${flags['max-log-requests']}, use --max-log-requests to increase the limit`,
      )
    }
    const options: LogOptions = {follow: flags.follow, previous: flags.previous, timestamps: flags.timestamps}
    if (tail >= 0) options.tailLines = tail
    if (sinceMs > 0) options.sinceSeconds = Math.ceil(sinceMs / 1000)
    if (flags['since-time'] !== '') options.sinceTime = flags['since-time']
    if (flags['limit-bytes'] > 0) options.limitBytes = flags['limit-bytes']
    const prefixed = flags.prefix || flags['all-pods']
    const write = (text: string): void => this.out(text)
    const run = async (request: LogRequest): Promise<void> => {
      try {
        await streamLog(backend, request, {...options, prefix: prefixed ? logPrefix(request) : ''}, write)
      } catch (error) {
        // --ignore-errors: a failing stream is reported and the others go on (kubectl DefaultConsumeRequest)
        if (!flags['ignore-errors']) throw error
        this.err(`${error instanceof Error ? error.message : String(error)}\n`)
      }
    }
    // following streams run side by side; otherwise each is read whole, in order
    if (flags.follow) await Promise.all(requests.map(run))
    else for (const request of requests) await run(request)
  }
}
