import {readFile} from 'node:fs/promises'
import {
  parseOutputFormat,
  resolvePrinter,
  templateFileToRead,
  templateReadError,
  type OutputFormat,
  type ResolvedPrinter,
} from '../output/print-flags.js'

/** The -o family of flags as commands receive them. */
export interface OutputFlags {
  output?: string | undefined
  template?: string | undefined
  'no-headers'?: boolean | undefined
  'allow-missing-template-keys'?: boolean | undefined
  'show-managed-fields'?: boolean | undefined
}

/** Parses -o and resolves its printer, reading a template file when the format names one. */
export async function resolveOutput(
  flags: OutputFlags,
  options: {humanReadable: boolean},
): Promise<{format: OutputFormat; printer: ResolvedPrinter}> {
  const format = parseOutputFormat(flags.output ?? '', {humanReadable: options.humanReadable, template: flags.template})
  const file = templateFileToRead(format)
  let fileContent: string | undefined
  if (file !== undefined) {
    try {
      fileContent = await readFile(file, 'utf8')
    } catch (error) {
      throw templateReadError(
        format,
        file,
        `open ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : String(error)}`,
      )
    }
  }
  const printer = resolvePrinter(format, {
    ...(fileContent === undefined ? {} : {fileContent}),
    noHeaders: flags['no-headers'] === true,
    allowMissingKeys: flags['allow-missing-template-keys'] !== false,
    showManagedFields: flags['show-managed-fields'] === true,
  })
  return {format, printer}
}
