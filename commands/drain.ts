import {Args, Flags} from '@oclif/core'
import {setTimeout as sleep} from 'node:timers/promises'
import {SkiffCommand} from '../src/cli/base-command.js'
import {PlainError, UsageError} from '../src/cli/errors.js'
import {dryRunFlag} from '../src/cli/flags.js'
import {dryRunSuffix, parseDryRun} from '../src/cli/write-output.js'
import {evictPods, planDrain, podsOnNode, setUnschedulable} from '../src/kubectl/drain.js'
import {parseGoDurationMs} from '../src/resources/go-duration.js'

const NODES = {group: '', version: 'v1', resource: 'nodes'}
// how often drain looks whether evicted pods are gone
const POLL_MS = 200

export default class Drain extends SkiffCommand {
  static override summary = 'Drain node in preparation for maintenance'
  static override description =
    "Drain node in preparation for maintenance.\n\n The given node will be marked unschedulable to prevent new pods from arriving. 'drain' evicts the pods if the API server supports eviction. Otherwise, it will use normal DELETE to delete the pods. The 'drain' evicts or deletes all pods except mirror pods (which cannot be deleted through the API server).  If there are daemon set-managed pods, drain will not proceed without --ignore-daemonsets, and regardless it will not delete any daemon set-managed pods, because those pods would be immediately replaced by the daemon set controller, which ignores unschedulable markings.  If there are any pods that are neither mirror pods nor managed by a replication controller, replica set, daemon set, stateful set, or job, then drain will not delete any pods unless you use --force.  --force will also allow deletion to proceed if the managing resource of one or more pods is missing.\n\n 'drain' waits for graceful termination. You should not operate on the machine until the command completes.\n\n When you are ready to put the node back into service, use kubectl uncordon, which will make the node schedulable again."
  static override examples = ['<%= config.bin %> drain foo --force', '<%= config.bin %> drain foo --grace-period=900']
  static override args = {node: Args.string({description: 'NODE'})}
  static override flags = {
    ...dryRunFlag,
    'delete-emptydir-data': Flags.boolean({
      description:
        'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).',
    }),
    'disable-eviction': Flags.boolean({
      description:
        'Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution.',
    }),
    force: Flags.boolean({
      description: 'Continue even if there are pods that do not declare a controller.',
    }),
    'grace-period': Flags.integer({
      default: -1,
      description:
        'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.',
    }),
    'ignore-daemonsets': Flags.boolean({description: 'Ignore DaemonSet-managed pods.'}),
    'pod-selector': Flags.string({description: 'Label selector to filter pods on the node'}),
    selector: Flags.string({char: 'l', description: 'Selector (label query) to filter on'}),
    timeout: Flags.string({
      default: '0s',
      description: 'The length of time to wait before giving up, zero means infinite',
    }),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Drain)
    // kubectl drain (pkg/cmd/drain/drain.go, v1.32)
    if (!args.node && !flags.selector) throw new UsageError('USAGE: drain NODE [flags]', this.commandPath)
    const dryRun = parseDryRun(flags['dry-run'])
    const timeoutMs = parseGoDurationMs(flags.timeout)
    const backend = await this.backend(flags)
    const names = args.node
      ? [args.node]
      : (await backend.list(NODES, {labelSelector: flags.selector})).items.map((n) => n.metadata.name ?? '')
    const drained = new Set<string>()
    for (const name of names) {
      const {result} = await setUnschedulable(backend, name, {unschedulable: true, dryRun})
      this.out(`node/${name} ${result}${dryRunSuffix(dryRun)}\n`)
    }
    for (const name of names) {
      const failure = await this.drainNode(backend, name, {dryRun, timeoutMs, flags})
      if (failure === undefined) {
        drained.add(name)
        this.out(`node/${name} drained${dryRunSuffix(dryRun)}\n`)
        continue
      }
      this.err(`error: unable to drain node "${name}" due to error: ${failure.summary}, continuing command...\n`)
      const pending = names.filter((n) => !drained.has(n))
      this.err(`There are pending nodes to be drained:\n${pending.map((n) => ` ${n}\n`).join('')}`)
      // kubectl returns the aggregate, printed one error per line with no `error: ` prefix
      throw new PlainError(failure.lines.join('\n'))
    }
  }

  private async drainNode(
    backend: Awaited<ReturnType<SkiffCommand['backend']>>,
    name: string,
    options: {
      dryRun: 'none' | 'client' | 'server'
      timeoutMs: number
      flags: {
        force: boolean
        'ignore-daemonsets': boolean
        'delete-emptydir-data': boolean
        'pod-selector'?: string | undefined
        'grace-period': number
      }
    },
  ): Promise<{summary: string; lines: string[]} | undefined> {
    const {flags} = options
    const plan = planDrain(await podsOnNode(backend, name, flags['pod-selector']), {
      force: flags.force,
      ignoreDaemonSets: flags['ignore-daemonsets'],
      deleteEmptyDirData: flags['delete-emptydir-data'],
    })
    if (plan.errors.length > 0) {
      const summary = plan.errors.length === 1 ? (plan.errors[0] ?? '') : `[${plan.errors.join(', ')}]`
      return {summary, lines: plan.errors}
    }
    if (plan.warnings !== '') this.err(`Warning: ${plan.warnings}\n`)
    if (options.dryRun !== 'none') {
      for (const pod of plan.evict)
        this.out(
          `evicting pod ${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}${dryRunSuffix(options.dryRun)}\n`,
        )
      return undefined
    }
    try {
      await evictPods(backend, plan.evict, {
        gracePeriodSeconds: flags['grace-period'],
        timing: {timeoutMs: options.timeoutMs, pollMs: POLL_MS, now: () => performance.now(), sleep: (ms) => sleep(ms)},
        onEvicting: (pod) => this.err(`evicting pod ${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}\n`),
        onEvicted: (pod) => this.out(`pod/${pod.metadata.name ?? ''} evicted\n`),
      })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      return {summary: message, lines: [message]}
    }
    return undefined
  }
}
