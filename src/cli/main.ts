import {Config, Errors, run} from '@oclif/core'
import {renderError} from './render-error.js'
import {toKubectlError} from './parse-errors.js'

/**
 * Runs the CLI and returns the exit code: 0 on success, 1 on any error (kubectl's DefaultErrorExitCode),
 * with the error worded as kubectl words it on stderr and no stack unless SKIFF_DEBUG is set.
 */
export async function main(argv: string[], root: string): Promise<number> {
  let config: Config | undefined
  try {
    config = await Config.load(root)
    await run(argv, config)
    return 0
  } catch (error) {
    if (error instanceof Errors.ExitError) return error.oclif.exit ?? 0
    const commandPath = config ? commandPathOf(config, argv) : 'skiff'
    process.stderr.write(renderError(toKubectlError(error, commandPath, config)))
    if (process.env['SKIFF_DEBUG'] && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`)
    return 1
  }
}

function commandPathOf(config: Config, argv: string[]): string {
  const words: string[] = []
  for (const word of argv) {
    if (word.startsWith('-')) break
    const candidate = [...words, word].join(':')
    if (!config.findCommand(candidate) && !config.findTopic(candidate)) break
    words.push(word)
  }
  return [config.bin, ...words].join(' ')
}
