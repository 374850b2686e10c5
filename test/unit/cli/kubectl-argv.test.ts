import {describe, expect, it} from 'vitest'
import {normalizeKubectlArgv, type FlagShape} from '../../../src/cli/kubectl-argv.js'

// A few of `delete`'s flags, shaped as the commands declare them.
const flags: Record<string, FlagShape> = {
  output: {type: 'option', char: 'o'},
  filename: {type: 'option', char: 'f', multiple: true},
  namespace: {type: 'option', char: 'n'},
  selector: {type: 'option', char: 'l'},
  recursive: {type: 'boolean', char: 'R'},
  'all-namespaces': {type: 'boolean', char: 'A'},
  all: {type: 'boolean'},
  wait: {type: 'boolean', allowNo: true},
  'ignore-not-found': {type: 'boolean'},
}

const normalize = (...argv: string[]): string[] => normalizeKubectlArgv(argv, flags)

describe('normalizeKubectlArgv', () => {
  it('turns --flag=true into --flag for a boolean flag, with every spelling pflag accepts', () => {
    for (const value of ['true', 'True', 'TRUE', 't', 'T', '1']) {
      expect(normalize(`--all=${value}`)).toEqual(['--all'])
    }
  })

  it('turns --flag=false into --no-flag when the flag allows it, and drops it otherwise', () => {
    for (const value of ['false', 'False', 'FALSE', 'f', 'F', '0']) {
      expect(normalize(`--wait=${value}`)).toEqual(['--no-wait'])
      expect(normalize('pods', `--all=${value}`)).toEqual(['pods'])
    }
  })

  it('refuses a boolean with a value that is not a boolean, in pflag words', () => {
    expect(() => normalize('--wait=maybe')).toThrow(
      'invalid argument "maybe" for "--wait" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    )
    expect(() => normalize('-A=maybe')).not.toThrow()
  })

  it('leaves --option=value and unknown long flags alone', () => {
    expect(normalize('--output=json', '--selector=app=web', '--nope=1')).toEqual([
      '--output=json',
      '--selector=app=web',
      '--nope=1',
    ])
  })

  it('splits a short option glued to its value: -ojson, -o=json, -lapp=web', () => {
    expect(normalize('-ojson')).toEqual(['-o', 'json'])
    expect(normalize('-o=json')).toEqual(['-o', 'json'])
    // pflag's parseSingleShortArg takes '=' itself as the value when nothing follows it
    expect(normalize('-o=')).toEqual(['-o', '='])
    expect(normalize('-lapp=web')).toEqual(['-l', 'app=web'])
    expect(normalize('-l=app=web')).toEqual(['-l', 'app=web'])
    expect(normalize('-ojsonpath={.items[*].metadata.name}')).toEqual(['-o', 'jsonpath={.items[*].metadata.name}'])
  })

  it('leaves a short option and its separate value alone', () => {
    expect(normalize('-o', 'yaml', '-f', 'a.yaml,b.yaml')).toEqual(['-o', 'yaml', '-f', 'a.yaml,b.yaml'])
  })

  it('expands grouped short booleans, the last one taking a value', () => {
    expect(normalize('-Rf', 'dir')).toEqual(['-R', '-f', 'dir'])
    expect(normalize('-Rfdir')).toEqual(['-R', '-f', 'dir'])
    expect(normalize('-RA')).toEqual(['-R', '-A'])
    expect(normalize('-Ao=json')).toEqual(['-A', '-o', 'json'])
  })

  it('reads -R=true and -R=false as pflag does', () => {
    expect(normalize('-R=true')).toEqual(['-R'])
    expect(normalize('-R=false')).toEqual([])
  })

  it('leaves unknown short flags and negative numbers alone', () => {
    expect(normalize('-x', '-xyz', '-1')).toEqual(['-x', '-xyz', '-1'])
    expect(normalize('-Rz')).toEqual(['-R', '-z'])
  })

  it('passes everything from -- on through untouched', () => {
    expect(normalize('job', '--wait=false', '--', '-ojson', '--all=true', '--')).toEqual([
      'job',
      '--no-wait',
      '--',
      '-ojson',
      '--all=true',
      '--',
    ])
  })

  it('does not change the argv it was given', () => {
    const argv = ['-ojson', '--all=true']
    normalizeKubectlArgv(argv, flags)
    expect(argv).toEqual(['-ojson', '--all=true'])
  })

  it('keeps only the last value of an option given twice, as pflag does, and every value of a repeatable one', () => {
    expect(normalize('get', '-n', 'a', 'pods', '--namespace=b', '-n', 'c')).toEqual(['get', 'pods', '-n', 'c'])
    expect(normalize('-o', 'json', '-oyaml')).toEqual(['-o', 'yaml'])
    expect(normalize('-f', 'a.yaml', '-f', 'b.yaml')).toEqual(['-f', 'a.yaml', '-f', 'b.yaml'])
    expect(normalize('-n', 'a', '--', '-n', 'b')).toEqual(['-n', 'a', '--', '-n', 'b'])
  })
})
