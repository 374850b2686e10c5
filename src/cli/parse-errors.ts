import type {Config} from '@oclif/core'
import {distance} from 'fastest-levenshtein'
import {commandsInKubectlOrder} from './command-groups.js'
import {PlainError} from './errors.js'

// cobra's SuggestionsMinimumDistance (spf13/cobra command.go): names this close to a typo are suggested
const SUGGESTION_DISTANCE = 2

/**
 * oclif's own errors, reworded as kubectl's (cobra/pflag) messages; other errors pass through. `argv` is
 * what followed the command's name, to tell `-n` from `--namespace` as pflag's words do.
 */
export function toKubectlError(
  error: unknown,
  commandPath: string,
  config: Config | undefined,
  argv: readonly string[] = [],
): unknown {
  if (!(error instanceof Error)) return error
  const message = error.message.replace(/\nSee more help with --help$/, '')
  // pflag's errors are cobra's: `Error: ...` and the --help pointer
  const flagError = (what: string): PlainError =>
    new PlainError(`Error: ${what}\nSee '${commandPath} --help' for usage.`)
  switch (error.constructor.name) {
    case 'NonExistentFlagsError': {
      const flag = /Nonexistent flags?: ([^,\n]+)/.exec(message)?.[1] ?? ''
      return flagError(
        flag.startsWith('--') ? `unknown flag: ${flag}` : `unknown shorthand flag: '${flag.slice(1, 2)}' in ${flag}`,
      )
    }
    case 'UnexpectedArgsError':
      return new PlainError(
        `error: unexpected arguments: ${message.replace(/^Unexpected arguments?: /, '')}\nSee '${commandPath} -h' for help and examples`,
      )
    case 'FailedFlagValidationError': {
      // cobra's MarkFlagRequired wording, one line, no help pointer
      const missing = [...message.matchAll(/Missing required flag (\S+)/g)].map((m) => `"${m[1] ?? ''}"`)
      if (missing.length > 0) return new PlainError(`error: required flag(s) ${missing.join(', ')} not set`)
      // oclif puts the reasons under a heading line
      const reason = message.split('\n')[1]?.trim() || firstLine(message)
      return new PlainError(`error: ${reason}\nSee '${commandPath} -h' for help and examples`)
    }
    case 'RequiredArgsError':
    case 'FlagInvalidOptionError':
      return new PlainError(`error: ${firstLine(message)}\nSee '${commandPath} -h' for help and examples`)
    case 'CLIParseError': {
      const invalid = invalidFlagValue(message, commandPath, config)
      if (invalid) return flagError(invalid)
      return new PlainError(`error: ${firstLine(message)}\nSee '${commandPath} -h' for help and examples`)
    }
    case 'CLIError': {
      const invalid = invalidFlagValue(message, commandPath, config)
      if (invalid) return flagError(invalid)
      // pflag: flag needs an argument, named as the user wrote it
      const flag = /^Flag --(\S+) expects a value/.exec(message)?.[1]
      if (flag) {
        const char = flagDefinition(config, commandPath, flag)?.char
        const short = char !== undefined && argv.includes(`-${char}`)
        return flagError(`flag needs an argument: ${short ? `'${char}' in -${char}` : `--${flag}`}`)
      }
      return commandNotFound(message, config) ?? new Error(firstLine(message))
    }
    default:
      return error
  }
}

function commandNotFound(message: string, config: Config | undefined): PlainError | undefined {
  const match = /^[Cc]ommand (\S+) not found/.exec(message)
  if (!match?.[1] || !config) return undefined
  // oclif joins the words it could not place into one id; kubectl names the first unknown one
  const words = match[1].split(':')
  let known = 0
  while (known < words.length - 1 && config.findTopic(words.slice(0, known + 1).join(':'))) known++
  const name = words[known] ?? match[1]
  const parent = [config.bin, ...words.slice(0, known)].join(' ')
  const ids = [
    ...new Set(
      config.commandIDs
        .map((id) => id.split(':'))
        .filter((id) => id.length > known && id.slice(0, known).join(':') === words.slice(0, known).join(':'))
        .map((id) => id[known] ?? ''),
    ),
  ]
  // below the root, kubectl's parent commands answer in their own words (create.go, rollout.go, config.go)
  if (parent === `${config.bin} create`)
    return new PlainError(`error: Unexpected args: [${name}]\nSee '${parent} -h' for help and examples`)
  if (known > 0) return new PlainError(`error: unknown command "${name}"\nSee '${parent} -h' for help and examples`)
  const suggestions = suggestionsFor(name, commandsInKubectlOrder(ids))
  // cobra ends the suggestion list with a blank line
  const hint = suggestions.length > 0 ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}\n` : ''
  return new PlainError(`Error: unknown command "${name}" for "${parent}"${hint}`)
}

// cobra's SuggestionsFor: close by Levenshtein distance (case-insensitive), or starting with what was typed
function suggestionsFor(typed: string, names: readonly string[]): string[] {
  const lower = typed.toLowerCase()
  return names.filter(
    (name) => distance(lower, name.toLowerCase()) <= SUGGESTION_DISTANCE || name.toLowerCase().startsWith(lower),
  )
}

interface FlagDefinition {
  char?: string | undefined
  type: string
}

function flagDefinition(config: Config | undefined, commandPath: string, name: string): FlagDefinition | undefined {
  const id = commandPath.split(' ').slice(1).join(':')
  const flags = config?.findCommand(id)?.flags as Record<string, FlagDefinition> | undefined
  return flags?.[name]
}

// oclif: `Parsing --chunk-size \n\tExpected an integer but received: abc`; pflag names the flag with its shorthand
function invalidFlagValue(message: string, commandPath: string, config: Config | undefined): string | undefined {
  const match = /^Parsing --(\S+)\s+Expected an integer but received: (.*)$/s.exec(message.trim())
  if (!match) return undefined
  const [, name = '', value = ''] = match
  const char = flagDefinition(config, commandPath, name)?.char
  const label = char ? `-${char}, --${name}` : `--${name}`
  return `invalid argument "${value}" for "${label}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`
}

function firstLine(text: string): string {
  return text.split('\n').filter((l) => l.trim() !== '')[0] ?? text
}
