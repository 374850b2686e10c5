import {loadHelpClass, type Config} from '@oclif/core'
import {BugError, PlainError} from './errors.js'

/**
 * Prints a command's help to stdout, as cobra's cmd.Help() does before some kubectl commands report a
 * missing argument (`config set-cluster`, `config rename-context`, ...).
 */
export async function printCommandHelp(config: Config, id: string): Promise<void> {
  const command = config.findCommand(id)
  if (!command) throw new BugError(`no command ${id}`)
  const HelpClass = await loadHelpClass(config)
  await new HelpClass(config).showCommandHelp(command, [])
}

/** kubectl's helpErrorf: the command's help on stdout, then `error: <message>` (exit 1). */
export async function helpError(config: Config, id: string, message: string): Promise<PlainError> {
  await printCommandHelp(config, id)
  return new PlainError(`error: ${message}`)
}
