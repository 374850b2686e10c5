import {Args, Flags} from '@oclif/core'
import {setTimeout as sleep} from 'node:timers/promises'
import {SkiffCommand} from '../../src/cli/base-command.js'
import {AggregateErrors} from '../../src/cli/errors.js'
import {filenameFlags} from '../../src/cli/flags.js'
import {readTargets, resolveVisits} from '../../src/cli/resource-targets.js'
import {parseGoDurationMs} from '../../src/resources/go-duration.js'
import {watchRolloutStatus} from '../../src/kubectl/rollout/status.js'

// how often the rollout is read again; each read lets the embedded control plane catch up
const POLL_MS = 200

export default class RolloutStatus extends SkiffCommand {
  static override summary = 'Show the status of the rollout'
  static override description =
    "Show the status of the rollout.\n\nBy default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then 'rollout status' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by another revision, use --revision=N where N is the revision you need to watch for."
  static override examples = ['<%= config.bin %> rollout status deployment/nginx']
  static override strict = false
  static override args = {resources: Args.string({description: '(TYPE NAME | TYPE/NAME) [flags]'})}
  static override flags = {
    ...filenameFlags,
    selector: Flags.string({char: 'l', description: 'Selector (label query) to filter on.'}),
    revision: Flags.integer({
      default: 0,
      description: 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).',
    }),
    timeout: Flags.string({
      default: '0s',
      description:
        'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).',
    }),
    watch: Flags.boolean({
      char: 'w',
      default: true,
      allowNo: true,
      description: "Watch the status of the rollout until it's done.",
    }),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(RolloutStatus)
    if (flags.revision < 0) throw new Error(`revision must be a positive integer: ${flags.revision}`)
    const timeoutMs = parseGoDurationMs(flags.timeout)
    const backend = await this.backend(flags)
    const {visits, errors} = await resolveVisits(backend, {
      args: argv as string[],
      filenames: flags.filename ?? [],
      recursive: flags.recursive,
      namespace: this.namespace(flags),
      explicitNamespace: flags.namespace !== undefined,
      selector: flags.selector,
    })
    const read = await readTargets(backend, visits, {selector: flags.selector})
    errors.push(...read.errors)
    if (errors.length > 0) throw new AggregateErrors(errors)
    const [target, ...rest] = read.targets
    // kubectl rollout_status.go (v1.32): nothing found is no error
    if (!target) {
      this.err(`No resources found in ${this.namespace(flags)} namespace.\n`)
      return
    }
    // kubectl rollout status (pkg/cmd/rollout/rollout_status.go, v1.32)
    if (rest.length > 0)
      throw new Error(
        'rollout status is only supported on individual resources and resource collections are not supported yet',
      )
    await watchRolloutStatus(backend, target.ref, target.name, {
      revision: flags.revision,
      watch: flags.watch,
      timeoutMs,
      pollMs: POLL_MS,
      now: () => performance.now(),
      sleep: (ms) => sleep(ms),
      onStatus: (status) => this.out(status.message),
    })
  }
}
