import type {KubeObject} from '../backend/object.js'
import {createObject} from '../kubectl/create.js'
import {SkiffCommand} from './base-command.js'
import type {ConnectionFlags} from './context.js'
import {createWritePrinter, dryRunSuffix, parseDryRun, type OutputFlags} from './write-output.js'

/** The shared run of `create <kind> NAME` generators: build the object, send it, print `kind/name created`. */
export abstract class CreateGeneratorCommand extends SkiffCommand {
  protected async createGenerated(
    object: KubeObject,
    flags: ConnectionFlags & OutputFlags & {'dry-run'?: string | undefined; 'field-manager': string},
  ): Promise<void> {
    const dryRun = parseDryRun(flags['dry-run'])
    const printer = await createWritePrinter(flags)
    const created = await createObject(await this.backend(flags), object, dryRun, flags['field-manager'])
    this.out(printer(created, `created${dryRunSuffix(dryRun)}`))
  }
}
