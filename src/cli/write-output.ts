import {createObjectPrinter} from '../output/object-printer.js'
import {printName} from '../output/name.js'
import {resolveOutput, type OutputFlags} from './output-flags.js'

export type {OutputFlags} from './output-flags.js'

/** --dry-run's strategy. */
export type DryRun = 'none' | 'client' | 'server'

/** Parses --dry-run as kubectl's GetDryRunStrategy does. */
export function parseDryRun(value: string | undefined): DryRun {
  if (value === undefined || value === '' || value === 'none' || value === 'false') return 'none'
  if (value === 'client' || value === 'true') return 'client'
  if (value === 'server') return 'server'
  throw new Error(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`)
}

/** The words kubectl adds after the operation of a dry run. */
export function dryRunSuffix(dryRun: DryRun): string {
  if (dryRun === 'client') return ' (dry run)'
  if (dryRun === 'server') return ' (server dry run)'
  return ''
}

/** How a write command (apply, create, ...) prints each object it wrote: `kind/name operation`, or as -o says. */
export type WritePrinter = (object: unknown, operation: string) => string

/** The printer for a write command's -o flag. */
export async function createWritePrinter(flags: OutputFlags): Promise<WritePrinter> {
  const {format, printer} = await resolveOutput(flags, {humanReadable: false})
  if (format.type === 'name' && format.withOperation) return (object, operation) => printName(object, {operation})
  if (printer.type === 'table') throw new Error('a table cannot print what a write command wrote')
  const objects = createObjectPrinter(printer)
  return (object) => objects.print(object)
}
