import {Args, Flags} from '@oclif/core'
import {SkiffCommand} from '../../src/cli/base-command.js'
import {AggregateErrors} from '../../src/cli/errors.js'
import {dryRunFlag, filenameFlags, printFlags} from '../../src/cli/flags.js'
import {readTargets, resolveVisits} from '../../src/cli/resource-targets.js'
import {createWritePrinter, dryRunSuffix, parseDryRun} from '../../src/cli/write-output.js'
import {restartWorkload} from '../../src/kubectl/rollout/restart.js'
import {qualifiedResource} from '../../src/backend/refs.js'

export default class RolloutRestart extends SkiffCommand {
  static override summary = 'Restart a resource'
  static override description = 'Restart a resource.\n\n Resource rollout will be restarted.'
  static override examples = [
    '<%= config.bin %> rollout restart deployment/nginx',
    '<%= config.bin %> rollout restart daemonset/abc',
    '<%= config.bin %> rollout restart deployment --selector=app=nginx',
  ]
  static override strict = false
  static override args = {resources: Args.string({description: 'RESOURCE'})}
  static override flags = {
    ...filenameFlags,
    ...printFlags,
    ...dryRunFlag,
    selector: Flags.string({char: 'l', description: 'Selector (label query) to filter on.'}),
    'field-manager': Flags.string({
      default: 'kubectl-rollout',
      description: 'Name of the manager used to track field ownership.',
    }),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(RolloutRestart)
    const dryRun = parseDryRun(flags['dry-run'])
    const printer = await createWritePrinter(flags)
    const backend = await this.backend(flags)
    const {visits, errors} = await resolveVisits(backend, {
      args: argv as string[],
      filenames: flags.filename ?? [],
      recursive: flags.recursive,
      namespace: this.namespace(flags),
      explicitNamespace: flags.namespace !== undefined,
      selector: flags.selector,
      // kubectl rollout restart deployment (no name) restarts them all
      all: true,
    })
    const read = await readTargets(backend, visits, {selector: flags.selector})
    errors.push(...read.errors)
    // kubectl rollout_restart.go (v1.32): nothing to patch is no error
    if (read.targets.length === 0 && errors.length === 0)
      this.err(`No resources found in ${this.namespace(flags)} namespace.\n`)
    // kubectl: time.Now().Format(time.RFC3339), the client's local time with its offset
    const restartedAt = rfc3339Local(new Date())
    for (const target of read.targets) {
      try {
        const object = await restartWorkload(backend, target.ref, target.object, {
          restartedAt,
          dryRun,
          fieldManager: flags['field-manager'],
        })
        this.out(printer(object, `restarted${dryRunSuffix(dryRun)}`))
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        errors.push(new Error(`error: ${qualifiedResource(target.info)} "${target.name}" ${message}`))
      }
    }
    if (errors.length > 0) throw new AggregateErrors(errors)
  }
}

function rfc3339Local(date: Date): string {
  const pad = (n: number): string => String(Math.abs(n)).padStart(2, '0')
  const offset = -date.getTimezoneOffset()
  const zone = offset === 0 ? 'Z' : `${offset > 0 ? '+' : '-'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${zone}`
}
