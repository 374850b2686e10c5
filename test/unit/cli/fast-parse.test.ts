import {describe, expect, it} from 'vitest'
import {fastParse, type ManifestFlag} from '../../../src/cli/fast-parse.js'

// The shapes oclif writes into oclif.manifest.json for `get`.
const definitions: Record<string, ManifestFlag> = {
  namespace: {name: 'namespace', char: 'n', type: 'option', multiple: false},
  'request-timeout': {name: 'request-timeout', type: 'option', multiple: false, default: '0'},
  output: {name: 'output', char: 'o', type: 'option', multiple: false},
  selector: {name: 'selector', char: 'l', type: 'option', multiple: false},
  filename: {name: 'filename', char: 'f', type: 'option', multiple: true},
  'label-columns': {name: 'label-columns', char: 'L', type: 'option', multiple: true},
  recursive: {name: 'recursive', char: 'R', type: 'boolean', allowNo: false},
  'all-namespaces': {name: 'all-namespaces', char: 'A', type: 'boolean', allowNo: false},
  'allow-missing-template-keys': {name: 'allow-missing-template-keys', type: 'boolean', allowNo: true},
  'no-headers': {name: 'no-headers', type: 'boolean', allowNo: false},
  'chunk-size': {name: 'chunk-size', type: 'option', multiple: false, default: 500},
  'dry-run': {name: 'dry-run', type: 'option', multiple: false, default: 'none', options: ['none', 'client', 'server']},
}

const parse = (...argv: string[]) => fastParse(argv, definitions)

describe('fastParse', () => {
  it('reads positional arguments and flags in any order, with the defaults of flags not given', () => {
    expect(parse('pods', '-n', 'kube-system', 'web', '--output=wide', '-A')).toEqual({
      args: ['pods', 'web'],
      flags: {
        namespace: 'kube-system',
        output: 'wide',
        'all-namespaces': true,
        'request-timeout': '0',
        'chunk-size': 500,
        'dry-run': 'none',
      },
    })
  })

  it('leaves a boolean that was not given undefined, as oclif does', () => {
    const parsed = parse('pods')
    expect(parsed?.flags['recursive']).toBeUndefined()
    expect(Object.hasOwn(parsed?.flags ?? {}, 'no-headers')).toBe(false)
  })

  it('takes kubectl spellings through the argv normaliser: -ojson, -o=json, -Rf, --flag=true', () => {
    expect(parse('-ojson')?.flags['output']).toBe('json')
    expect(parse('-o=yaml')?.flags['output']).toBe('yaml')
    expect(parse('-Rf', 'dir')?.flags).toMatchObject({recursive: true, filename: ['dir']})
    expect(parse('--no-headers=true')?.flags['no-headers']).toBe(true)
    expect(parse('--recursive=false')?.flags['recursive']).toBeUndefined()
  })

  it('collects a multiple flag into an array in order', () => {
    expect(parse('-f', 'a.yaml', '--filename=b.yaml', '-fc.yaml')?.flags['filename']).toEqual([
      'a.yaml',
      'b.yaml',
      'c.yaml',
    ])
  })

  it('keeps the last value of a flag that is not multiple', () => {
    expect(parse('-o', 'json', '-o', 'yaml')?.flags['output']).toBe('yaml')
  })

  it('reads an integer flag (one whose default is a number) as a number, negative ones included', () => {
    expect(parse('--chunk-size', '100')?.flags['chunk-size']).toBe(100)
    expect(parse('--chunk-size=-1')?.flags['chunk-size']).toBe(-1)
  })

  it('keeps a string flag with a numeric-looking value a string', () => {
    expect(parse('--request-timeout', '5')?.flags['request-timeout']).toBe('5')
  })

  it('reads --no-x as false for a flag that allows it, and a flag named no-x as itself', () => {
    expect(parse('--no-allow-missing-template-keys')?.flags['allow-missing-template-keys']).toBe(false)
    expect(parse('--allow-missing-template-keys=false')?.flags['allow-missing-template-keys']).toBe(false)
    expect(parse('--no-headers')?.flags['no-headers']).toBe(true)
  })

  it('takes "-" as a positional argument (stdin), and everything after -- as arguments', () => {
    expect(parse('-f', '-')?.flags['filename']).toEqual(['-'])
    expect(parse('pods', '--', '-n', '--help')?.args).toEqual(['pods', '-n', '--help'])
  })

  it('accepts a value from the allowed options', () => {
    expect(parse('--dry-run=client')?.flags['dry-run']).toBe('client')
  })

  describe('hands the command to oclif (undefined) for', () => {
    it.each([
      ['help', ['pods', '-h']],
      ['long help', ['--help']],
      ['an unknown long flag', ['--nope']],
      ['an unknown short flag', ['-x']],
      ['--no-x for a flag that does not allow it', ['--no-recursive']],
      ['--no-x for a flag that does not exist', ['--no-such']],
      ['a boolean with a value that is not a boolean', ['--recursive=maybe']],
      ['an option without its value', ['pods', '-o']],
      ['a value outside the allowed options', ['--dry-run=sometimes']],
      ['an integer flag with a value that is not an integer', ['--chunk-size', '1.5']],
      ['an integer flag with a word', ['--chunk-size=lots']],
    ])('%s', (_what, argv) => {
      expect(fastParse(argv, definitions)).toBeUndefined()
    })
  })

  it('does not treat --help after -- as help', () => {
    expect(parse('--', '--help')).toBeDefined()
  })
})
