import {Args, Flags} from '@oclif/core'
import {AggregateErrors} from './errors.js'
import {filenameFlags, printFlags} from './flags.js'
import {readTargets, resolveVisits} from './resource-targets.js'
import {createWritePrinter} from './write-output.js'
import {SkiffCommand} from './base-command.js'
import type {Visit} from '../kubectl/targets.js'
import {recordDecision, type Decision} from '../kubectl/certificate-approval.js'
import type {ConnectionFlags} from './context.js'

const CSR_REF = {group: 'certificates.k8s.io', version: 'v1', resource: 'certificatesigningrequests'}

/** Flags and args of `certificate approve|deny` (pkg/cmd/certificates, v1.32). */
export const certificateArgs = {names: Args.string({description: '(-f FILENAME | NAME)'})}
export function certificateFlags(verb: 'approve' | 'deny') {
  return {
    ...filenameFlags,
    ...printFlags,
    force: Flags.boolean({
      description: `Update the CSR even if it is already ${verb === 'approve' ? 'approved' : 'denied'}.`,
    }),
  }
}

type DecisionFlags = ConnectionFlags & {
  filename?: string[]
  recursive: boolean
  force: boolean
  output?: string
}

/** approve and deny: the same walk over CSRs named by argument or file, with a different condition. */
export abstract class CertificateDecisionCommand extends SkiffCommand {
  protected async decideAll(names: string[], flags: DecisionFlags, decision: Decision): Promise<void> {
    const backend = await this.backend(flags)
    const printer = await createWritePrinter(flags)
    let visits: Visit[]
    const errors: unknown[] = []
    if ((flags.filename ?? []).length > 0 || names.length === 0) {
      const resolved = await resolveVisits(backend, {
        args: names,
        filenames: flags.filename ?? [],
        recursive: flags.recursive,
        namespace: this.namespace(flags),
        explicitNamespace: flags.namespace !== undefined,
      })
      visits = resolved.visits
      errors.push(...resolved.errors)
    } else {
      const info = (await backend.discover()).find(
        (r) => r.group === CSR_REF.group && r.resource === CSR_REF.resource && r.version === CSR_REF.version,
      )
      if (!info) throw new Error('the server doesn\'t have a resource type "certificatesigningrequests"')
      visits = names.map((name) => ({kind: 'named' as const, info, namespace: undefined, name}))
    }
    const read = await readTargets(backend, visits, {})
    if (read.errors.length > 0) throw new AggregateErrors([...errors, ...read.errors])
    for (const target of read.targets) {
      const updated = await recordDecision(backend, target.ref, target.object, decision, flags.force)
      this.out(printer(updated, decision === 'Approved' ? 'approved' : 'denied'))
    }
    if (errors.length > 0) throw new AggregateErrors(errors)
    if (read.targets.length === 0) this.out('No resources found\n')
  }
}
