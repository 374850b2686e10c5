import type {Config} from '@oclif/core'
import {closest} from 'fastest-levenshtein'
import {PlainError} from './errors.js'

/** oclif's own errors, reworded as kubectl's (cobra/pflag) messages; other errors pass through. */
export function toKubectlError(error: unknown, commandPath: string, config: Config | undefined): unknown {
  if (!(error instanceof Error)) return error
  const message = error.message.replace(/\nSee more help with --help$/, '')
  switch (error.constructor.name) {
    case 'NonExistentFlagsError': {
      const flag = /Nonexistent flags?: ([^,\n]+)/.exec(message)?.[1] ?? ''
      const what = flag.startsWith('--')
        ? `unknown flag: ${flag}`
        : `unknown shorthand flag: '${flag.slice(1, 2)}' in ${flag}`
      return new PlainError(`error: ${what}\nSee '${commandPath} --help' for usage.`)
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
    case 'CLIParseError':
      return new PlainError(`error: ${firstLine(message)}\nSee '${commandPath} -h' for help and examples`)
    case 'CLIError': {
      // pflag: flag needs an argument
      const flag = /^Flag (--\S+) expects a value/.exec(message)?.[1]
      if (flag) return new PlainError(`error: flag needs an argument: ${flag}\nSee '${commandPath} --help' for usage.`)
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
  const suggestion = ids.length > 0 ? closest(name, ids) : undefined
  const hint = suggestion ? `\n\nDid you mean this?\n\t${suggestion}\n` : ''
  return new PlainError(`error: unknown command "${name}" for "${parent}"${hint}`)
}

function firstLine(text: string): string {
  return text.split('\n').filter((l) => l.trim() !== '')[0] ?? text
}
