import {Args, Config, Flags, Parser} from '@oclif/core'
import {fileURLToPath} from 'node:url'
import {beforeAll, describe, expect, it} from 'vitest'
import {PlainError} from '../../../src/cli/errors.js'
import {toKubectlError} from '../../../src/cli/parse-errors.js'
import {renderError} from '../../../src/cli/render-error.js'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))

// `create deployment`'s shape: one required arg, a required flag, an integer, an option with choices.
const input = {
  args: {name: Args.string({required: true})},
  flags: {
    image: Flags.string({required: true, multiple: true}),
    replicas: Flags.integer({char: 'r'}),
    output: Flags.string({char: 'o', options: ['json', 'yaml']}),
    all: Flags.boolean({exclusive: ['selector']}),
    selector: Flags.boolean(),
  },
  strict: true,
}

/** The error oclif's own parser throws for argv. */
async function parseError(argv: string[]): Promise<unknown> {
  try {
    await Parser.parse(argv, input)
  } catch (error) {
    return error
  }
  throw new Error(`argv parsed: ${argv.join(' ')}`)
}

async function kubectlWords(argv: string[], config?: Config): Promise<string> {
  return renderError(toKubectlError(await parseError(argv), 'skiff create deployment', config))
}

describe('toKubectlError', () => {
  it('words an unknown long flag as pflag does, with the --help pointer', async () => {
    expect(await kubectlWords(['web', '--image=nginx', '--nope'])).toBe(
      "Error: unknown flag: --nope\nSee 'skiff create deployment --help' for usage.\n",
    )
  })

  it('words an unknown shorthand flag as pflag does', async () => {
    expect(await kubectlWords(['web', '--image=nginx', '-x'])).toBe(
      "Error: unknown shorthand flag: 'x' in -x\nSee 'skiff create deployment --help' for usage.\n",
    )
  })

  it('words unexpected arguments with the -h pointer', async () => {
    expect(await kubectlWords(['web', 'extra', '--image=nginx'])).toBe(
      "error: unexpected arguments: extra\nSee 'skiff create deployment -h' for help and examples\n",
    )
  })

  it('words a missing required flag as cobra does, on one line', async () => {
    expect(await kubectlWords(['web'])).toBe('error: required flag(s) "image" not set\n')
  })

  it('words a flag without its value as pflag does', async () => {
    expect(await kubectlWords(['web', '--image=nginx', '--replicas'])).toBe(
      "Error: flag needs an argument: --replicas\nSee 'skiff create deployment --help' for usage.\n",
    )
  })

  it('words an integer flag given a word as pflag does', async () => {
    expect(await kubectlWords(['web', '--image=nginx', '--replicas=abc'])).toBe(
      'Error: invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax\n' +
        "See 'skiff create deployment --help' for usage.\n",
    )
  })

  it('gives the reason of another flag validation failure, not oclif’s heading', async () => {
    const words = await kubectlWords(['web', '--image=nginx', '--all', '--selector'])
    expect(words).not.toContain('The following error occurred')
    expect(words).toMatch(/^error: .*--all.*\nSee 'skiff create deployment -h' for help and examples\n$/)
  })

  it('words a value outside the allowed options on its first line', async () => {
    expect(await kubectlWords(['web', '--image=nginx', '-o', 'xml'])).toBe(
      "error: Expected --output=xml to be one of: json, yaml\nSee 'skiff create deployment -h' for help and examples\n",
    )
  })

  // pflag (v1.32): `invalid argument "abc" for "-r, --replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax`
  it.fails('words an integer flag with a value that is not a number as pflag does', async () => {
    expect(await kubectlWords(['web', '--image=nginx', '--replicas=abc'])).toBe(
      'error: invalid argument "abc" for "-r, --replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax\n' +
        "See 'skiff create deployment --help' for usage.\n",
    )
  })

  it('passes errors that are not oclif’s through unchanged', () => {
    const error = new PlainError('mine')
    expect(toKubectlError(error, 'skiff get', undefined)).toBe(error)
    expect(toKubectlError('text', 'skiff get', undefined)).toBe('text')
  })

  describe('for an unknown command', () => {
    let config: Config
    beforeAll(async () => {
      config = await Config.load(ROOT)
    })

    async function commandNotFound(id: string): Promise<string> {
      const {CLIError} = (await import('@oclif/core')).Errors
      const error = toKubectlError(new CLIError(`command ${id} not found`), 'skiff', config)
      return error instanceof Error ? error.message : String(error)
    }

    it('names the unknown word and the closest command, as cobra words it', async () => {
      expect(await commandNotFound('gett')).toBe(
        'Error: unknown command "gett" for "skiff"\n\nDid you mean this?\n\tset\n\tget\n\n',
      )
    })

    // kubectl create (v1.32) refuses a word that is no subcommand as an argument:
    // `error: Unexpected args: [deploymentx]` + `See 'kubectl create -h' for help and examples`
    it('words an unknown create subcommand as kubectl create does', async () => {
      expect(await commandNotFound('create:deploymentx')).toBe(
        "error: Unexpected args: [deploymentx]\nSee 'skiff create -h' for help and examples",
      )
    })

    it('suggests nothing when no command is close, and answers below the root in the parent command’s words', async () => {
      expect(await commandNotFound('dashboard')).toBe('Error: unknown command "dashboard" for "skiff"')
      expect(await commandNotFound('rollout:statsu')).toBe(
        'error: unknown command "statsu"\nSee \'skiff rollout -h\' for help and examples',
      )
    })

    it('falls back to the first line of the message without a config', async () => {
      const {CLIError} = (await import('@oclif/core')).Errors
      const error = new CLIError('command gett not found\nmore words')
      expect(renderError(toKubectlError(error, 'skiff', undefined))).toBe('error: command gett not found\n')
    })
  })
})
