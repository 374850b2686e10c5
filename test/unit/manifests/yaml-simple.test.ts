import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {readSimpleYaml} from '../../../src/manifests/yaml-simple.js'
import {YamlConversionError, convertYamlDocument, parseYamlDocument} from '../../../src/manifests/yaml-value.js'

/** What reading a document gives: its value and offsets, or the error's words. */
function outcome(read: (text: string) => unknown, text: string): unknown {
  try {
    return read(text)
  } catch (error) {
    if (error instanceof YamlConversionError) return `error: ${error.message}`
    throw error
  }
}

/** The simple reader took the document, and gave what the yaml package's parser gives. */
function expectSameAsParser(text: string): void {
  expect(readSimpleYaml(text), text).toBeDefined()
  expect(outcome(convertYamlDocument, text)).toEqual(outcome(parseYamlDocument, text))
}

describe('readSimpleYaml', () => {
  it('reads nested mappings and sequences as the full parser does', () => {
    expectSameAsParser(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n  labels:\n    app: web\ndata:\n  a: "1"\n',
    )
    expectSameAsParser('a:\n- x\n- y\nb:\n  - c: 1\n    d: 2\n  -   e: 3\n      f:\n      - - g\n        - h\n')
    expectSameAsParser('- a\n-\n  b: 1\n- - c\n-\n- # empty\n  - d\n')
    expectSameAsParser('  indented: root\n  other:\n      deep: 1\n')
  })

  it('reads plain, quoted and YAML 1.1 scalars, keys and comments as the full parser does', () => {
    expectSameAsParser(
      [
        '# head',
        'a: yes # comment',
        'b: 0777',
        'c: 1_000',
        'd: ~',
        'e: 2001-12-14',
        'f: "quoted: \\"x\\" \\\\ \\n\\t # not a comment"',
        "g: 'it''s # here'",
        '"quoted key": 1',
        "'single key' : 2",
        '10: ten',
        '1.5: float key',
        'on: bool key',
        'h: a:b#c',
        'i: -1',
        'j:    spaced   ',
        'k: ""',
        'l: 12:30:45',
        'm: .inf',
        '',
      ].join('\n'),
    )
  })

  it('reads literal block scalars with each chomping, as the full parser does', () => {
    const blocks = ['|', '|-', '|+', '| # comment']
    for (const header of blocks) {
      expectSameAsParser(`script: ${header}\n  #!/bin/sh\n\n  echo "a: b"\n    indented\n\n\nafter: 1\n`)
      expectSameAsParser(`list:\n- ${header}\n  one\n  two\n- three\nend: ${header}\n  last\n\n`)
    }
  })

  it('gives the offsets of the document and of its items as the full parser does', () => {
    expectSameAsParser('# c\napiVersion: v1\nkind: List\nitems:\n- kind: A\n- "b"\n-   c: 1\n- - d\n- |\n  e\n')
    expectSameAsParser('items:\n  - a\n  - b\n')
    expect(readSimpleYaml('x: 1\nitems:\n- a\n- b\n')?.itemOffsets).toEqual([14, 18])
  })

  it('leaves every other shape to the full parser', () => {
    const others = [
      'a: [1, 2]\n',
      'a: {b: 1}\n',
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: >\n  folded\n',
      'a: |2\n    x\n',
      'a: plain\n  continued\n',
      'a: "two\n  lines"\n',
      'a:\tb\n',
      'a: 1\na: 2\n',
      'a: 1\n b: 2\n',
      'a:\n  - 1\n b: 2\n',
      'just a scalar\n',
      '<<: {a: 1}\n',
      '? complex\n: key\n',
      'a: "\\x41"\n',
      'a: b: c\n',
      '%YAML 1.1\n---\na: 1\n',
      'a: 1\n...\n',
      '~: null key\n',
      '# only a comment\n',
      'a: |\n  x\n   \n  y\n',
    ]
    for (const text of others) expect(readSimpleYaml(text), text).toBeUndefined()
  })
})

// Lines of the shapes the simple reader decides on, at random columns: most combinations are not valid YAML,
// and the simple reader must then decline rather than read something the full parser refuses or reads apart.
const word = fc.oneof(
  fc.constantFrom('a', 'b', 'items', 'yes', '1', '0x1F', '~', '', 'x y', 'a:b', 'a #c', 'é', '-1', '"q"', "'s'"),
  // characters that mean something to YAML, and white space that does not
  fc.string({unit: fc.constantFrom(...'a :#-"\'|>\\\u00a0\u3000é{[&*!?,%@'), maxLength: 8}),
)
const lineShape = fc.oneof(
  word.map((w) => `${w}: ${w}`),
  word.map((w) => `${w}:`),
  word.map((w) => `- ${w}`),
  word.map((w) => `- ${w}: ${w}`),
  fc.constant('-'),
  fc.constant('- - x'),
  fc.constant('# comment'),
  fc.constant(''),
  fc.constantFrom('k: |', 'k: |-', 'k: |+', '- |'),
  word,
  fc.constantFrom('k: "a # b"', "k: 'it''s'", 'k: "\\"x\\""', 'k: "x" # c', 'k: "x" y'),
)
const randomLines = fc
  .array(fc.tuple(fc.integer({min: 0, max: 6}), lineShape), {minLength: 1, maxLength: 12})
  .map((lines) => lines.map(([indent, line]) => `${' '.repeat(indent)}${line}\n`).join(''))

// Well-formed documents written in block style, with random quoting, indentation and comments.
type Tree = null | boolean | number | string | Tree[] | {[key: string]: Tree}
const scalarText = fc.oneof(
  fc.constantFrom('yes', 'No', '0777', '1_000', '~', 'null', '2001-12-14', '.5', '+12', '12:30', 'a: b', 'a #b', '-x'),
  fc.string({maxLength: 12}),
  fc.string({unit: 'grapheme', maxLength: 6}),
)
const tree: fc.Arbitrary<Tree> = fc.letrec<{tree: Tree}>((tie) => ({
  tree: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    fc.oneof(scalarText, fc.integer(), fc.boolean(), fc.constant(null)),
    fc.array(tie('tree'), {maxLength: 4}),
    fc.dictionary(scalarText, tie('tree'), {maxKeys: 4}),
  ),
})).tree
const style = fc.record({
  indent: fc.constantFrom(1, 2, 4),
  indentless: fc.boolean(),
  quote: fc.constantFrom('plain', 'double', 'single'),
  comments: fc.boolean(),
})
type Style = typeof style extends fc.Arbitrary<infer S> ? S : never

function scalar(value: Tree, s: Style): string {
  if (typeof value !== 'string') return JSON.stringify(value)
  if (s.quote === 'double') return JSON.stringify(value)
  if (s.quote === 'single') return `'${value.replaceAll("'", "''")}'`
  return value
}

function render(value: Tree, s: Style, indent: number): string[] {
  const pad = ' '.repeat(indent)
  const comment = s.comments ? ' # c' : ''
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${pad}- ${scalar('', s)}${comment}`]
    return value.flatMap((item) =>
      item !== null && typeof item === 'object'
        ? [`${pad}-${comment}`, ...render(item, s, indent + s.indent)]
        : [`${pad}- ${scalar(item, s)}${comment}`],
    )
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
    if (entries.length === 0) return [`${pad}${scalar('empty', s)}: ${scalar('', s)}`]
    return entries.flatMap(([key, item]) => {
      const head = `${pad}${scalar(key, s)}:`
      if (item === null || typeof item !== 'object') return [`${head} ${scalar(item, s)}${comment}`]
      const nested = Array.isArray(item) && s.indentless ? indent : indent + s.indent
      return [`${head}${comment}`, ...render(item, s, nested)]
    })
  }
  return [scalar(value, s)]
}

const document = fc.tuple(tree, style).map(([value, s]) => `${render(value, s, 0).join('\n')}\n`)

describe('readSimpleYaml against the full parser', () => {
  it('never reads a document the full parser refuses or reads otherwise', () => {
    fc.assert(
      fc.property(fc.oneof(randomLines, document), (text) => {
        expect(outcome(convertYamlDocument, text)).toEqual(outcome(parseYamlDocument, text))
      }),
      // FUZZ_RUNS=100000 for a longer search than CI's few seconds
      {numRuns: Number(process.env['FUZZ_RUNS'] ?? 2000)},
    )
  })

  it('takes most well-formed block documents itself', () => {
    let simple = 0
    const runs = 500
    fc.assert(
      fc.property(document, (text) => {
        if (readSimpleYaml(text) !== undefined) simple++
      }),
      {numRuns: runs},
    )
    expect(simple).toBeGreaterThan(runs / 4)
  })
})
