import {Config, Errors, run} from '@oclif/core'
import {toKubectlError} from './parse-errors.js'

/** Runs a command through oclif; oclif's own errors are reworded as kubectl's before they are reported. */
export async function runOclif(argv: string[], root: string, report: (error: unknown) => number): Promise<number> {
  let config: Config | undefined
  try {
    config = await Config.load(root)
    await run(argv, config)
    return 0
  } catch (error) {
    if (error instanceof Errors.ExitError) return error.oclif.exit ?? 0
    return report(toKubectlError(error, config ? commandPathOf(config, argv) : 'skiff', config, argv))
  }
}

function commandPathOf(config: Config, argv: string[]): string {
  const words: string[] = []
  for (const word of argv) {
    if (word.startsWith('-')) break
    const candidate = [...words, word].join(':')
    const command = config.findCommand(candidate)
    if (!command && !config.findTopic(candidate)) break
    // an alias (`create deploy`) is named by its command's own id, as cobra's CommandPath does
    const id = command ? (config.commands.find((c) => c.aliases.includes(candidate))?.id ?? command.id) : candidate
    words.splice(0, words.length, ...id.split(':'))
  }
  return [config.bin, ...words].join(' ')
}
