import {Args, Flags} from '@oclif/core'
import {setTimeout as sleep} from 'node:timers/promises'
import {SkiffCommand} from '../src/cli/base-command.js'
import {AggregateErrors} from '../src/cli/errors.js'
import {filenameFlags, printFlags} from '../src/cli/flags.js'
import {readTargets, resolveVisits} from '../src/cli/resource-targets.js'
import {createWritePrinter} from '../src/cli/write-output.js'
import {hasReason} from '../src/backend/status.js'
import {parseWaitFor, waitForCondition, type WaitTarget} from '../src/kubectl/wait.js'
import {parseGoDurationMs} from '../src/resources/go-duration.js'
import {refFor} from '../src/resources/registry.js'

// how often an object is read again; each read lets the embedded control plane catch up
const POLL_MS = 200
// kubectl wait: a negative --timeout waits a week (pkg/cmd/wait/wait.go, v1.32)
const WEEK_MS = 7 * 24 * 60 * 60 * 1000

export default class Wait extends SkiffCommand {
  static override summary = 'Experimental: Wait for a specific condition on one or many resources'
  static override description =
    'Experimental: Wait for a specific condition on one or many resources.\n\n The command takes multiple resources and waits until the specified condition is seen in the Status field of every given resource.\n\n Alternatively, the command can wait for the given set of resources to be created or deleted by providing the "create" or "delete" keyword as the value to the --for flag.\n\n A successful message will be printed to stdout indicating when the specified condition has been met. You can use -o option to change to output destination.'
  static override examples = [
    '<%= config.bin %> wait --for=condition=Ready pod/busybox1',
    '<%= config.bin %> wait --for=condition=Ready=false pod/busybox1',
    "<%= config.bin %> wait --for=jsonpath='{.status.phase}'=Running pod/busybox1",
    '<%= config.bin %> wait --for=delete pod/busybox1 --timeout=60s',
  ]
  static override strict = false
  static override args = {
    resources: Args.string({
      description: '([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)])',
    }),
  }
  static override flags = {
    ...filenameFlags,
    ...printFlags,
    all: Flags.boolean({description: 'Select all resources in the namespace of the specified resource types'}),
    'all-namespaces': Flags.boolean({
      char: 'A',
      description: 'If present, list the requested object(s) across all namespaces.',
    }),
    selector: Flags.string({char: 'l', description: 'Selector (label query) to filter on.'}),
    'field-selector': Flags.string({description: 'Selector (field query) to filter on.'}),
    for: Flags.string({
      default: '',
      description:
        "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true. Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity.",
    }),
    timeout: Flags.string({
      default: '30s',
      description:
        "The length of time to wait before giving up. Zero means check once and don't wait, negative means wait for a week.",
    }),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Wait)
    const condition = parseWaitFor(flags.for)
    const parsedTimeout = parseGoDurationMs(flags.timeout)
    const timeoutMs = parsedTimeout < 0 ? WEEK_MS : parsedTimeout
    const printer = await createWritePrinter(flags)
    const backend = await this.backend(flags)
    const {visits, errors} = await resolveVisits(backend, {
      args: argv as string[],
      filenames: flags.filename ?? [],
      recursive: flags.recursive,
      namespace: this.namespace(flags),
      explicitNamespace: flags.namespace !== undefined,
      allNamespaces: flags['all-namespaces'],
      selector: flags.selector,
      fieldSelector: flags['field-selector'],
      all: flags.all,
    })
    const targets: Array<WaitTarget & {resource: string}> = []
    if (condition.type === 'create') {
      // objects that do not exist yet are what --for=create waits on
      for (const visit of visits) {
        if (visit.kind === 'list') continue
        targets.push({ref: refFor(visit.info, visit.namespace), name: visit.name, resource: visit.info.resource})
      }
    } else {
      const read = await readTargets(backend, visits, {
        selector: flags.selector,
        fieldSelector: flags['field-selector'],
      })
      // kubectl wait --for=delete: an object already gone is what was asked for
      errors.push(...read.errors.filter((e) => !(condition.type === 'delete' && hasReason(e, 'NotFound'))))
      for (const target of read.targets) {
        targets.push({
          ref: target.ref,
          name: target.name,
          uid: target.object.metadata.uid,
          object: target.object,
          resource: target.info.resource,
        })
      }
      if (targets.length === 0 && errors.length === 0 && condition.type !== 'delete')
        throw new Error('no matching resources found')
    }
    for (const target of targets) {
      // each object gets the whole timeout, as kubectl's visitor gives each its own context
      const outcome = await waitForCondition(backend, target, condition, {
        timeoutMs,
        pollMs: POLL_MS,
        now: () => performance.now(),
        sleep: (ms) => sleep(ms),
      })
      if (outcome.met && outcome.object) this.out(printer(outcome.object, 'condition met'))
      else if (!outcome.met)
        errors.push(new Error(`timed out waiting for the condition on ${target.resource}/${target.name}`))
    }
    if (errors.length > 0) throw new AggregateErrors(errors)
  }
}
