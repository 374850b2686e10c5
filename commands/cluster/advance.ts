import {Args} from '@oclif/core'
import {SkiffCommand} from '../../src/cli/base-command.js'
import {advanceClusterClock, embeddedClusterOf, openExistingCluster} from '../../src/cli/cluster-admin.js'
import {resolveTarget} from '../../src/cli/context.js'
import {UsageError} from '../../src/cli/errors.js'
import {parseGoDurationMs} from '../../src/resources/go-duration.js'

export default class ClusterAdvance extends SkiffCommand {
  static override summary = "Move the embedded cluster's clock forward and run everything that falls due"
  static override examples = [
    '<%= config.bin %> cluster advance 30s',
    '<%= config.bin %> cluster advance 5m',
    '<%= config.bin %> cluster advance 1h30m',
  ]
  static override args = {duration: Args.string({description: 'DURATION (30s, 5m, 1h30m)', required: true})}

  async run(): Promise<void> {
    const {args, flags} = await this.parse(ClusterAdvance)
    const durationMs = parseGoDurationMs(args.duration)
    if (durationMs <= 0) throw new UsageError(`the duration must be positive, got "${args.duration}"`, this.commandPath)
    const name = embeddedClusterOf(resolveTarget(flags))
    const backend = await openExistingCluster(name)
    try {
      const now = await advanceClusterClock(backend, durationMs)
      this.out(`cluster "${name}" advanced ${args.duration}: the cluster time is now ${now}\n`)
    } finally {
      await backend.close()
    }
  }
}
