import {describe, expect, it} from 'vitest'
import {decodeManifest} from '../../../src/manifests/decode.js'
import {isManifestFailure} from '../../../src/manifests/manifest.js'
import type {ManifestEntry} from '../../../src/manifests/manifest.js'

const VALIDATE = {validate: true}
const NO_VALIDATE = {validate: false}
const cm = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`

/** Object names and error messages, in order. */
function summary(entries: ManifestEntry[]): string[] {
  return entries.map((e) =>
    isManifestFailure(e) ? `error: ${e.error.message}` : `${e.object.kind}/${e.object.metadata.name}`,
  )
}

describe('decodeManifest with YAML', () => {
  it('splits documents on --- lines and skips empty, comment-only and null documents', () => {
    const text = `---\n${cm('a')}---\n---\n# only a comment\n---\nnull\n--- # trailing comment\n${cm('b')}...\n`
    const entries = decodeManifest(text, 'web.yaml', VALIDATE)
    expect(summary(entries)).toEqual(['ConfigMap/a', 'ConfigMap/b'])
    expect(entries.map((e) => e.source)).toEqual([
      {file: 'web.yaml', documentIndex: 0, line: 2},
      {file: 'web.yaml', documentIndex: 3, line: 12},
    ])
  })

  it('stops at a document that does not parse, after the documents before it, as kubectl does', () => {
    const text = `${cm('one')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: two\n bad: [\n---\n${cm('three')}`
    const entries = decodeManifest(text, 'three.yaml', VALIDATE)
    expect(summary(entries)).toEqual([
      'ConfigMap/one',
      'error: error parsing three.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key',
    ])
    const failure = entries[1]
    expect(failure && isManifestFailure(failure) ? failure.error : undefined).toMatchObject({
      file: 'three.yaml',
      document: 1,
      line: 9,
    })
  })

  it('stops at a document --validate refuses, and goes on after one that only fails to decode', () => {
    const text = `${cm('one')}---\napiVersion: v1\nmetadata:\n  name: two\n---\n${cm('three')}`
    expect(summary(decodeManifest(text, 'k.yaml', VALIDATE))).toEqual([
      'ConfigMap/one',
      'error: error validating "k.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false',
    ])
    expect(summary(decodeManifest(text, 'k.yaml', NO_VALIDATE))).toEqual([
      'ConfigMap/one',
      `error: unable to decode "k.yaml": Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"two"}}'`,
      'ConfigMap/three',
    ])
  })

  it('words common syntax errors as go-yaml does, with its line numbers', () => {
    const head = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n'
    const cases: [string, string][] = [
      [`${head}  name: web\n  labels: a: b\n`, 'line 5: mapping values are not allowed in this context'],
      [`${head}  name: web\n    extra: x\n`, 'line 5: mapping values are not allowed in this context'],
      [`${head}  name: web\n\tlabels: {}\n`, 'line 5: found a tab character that violates indentation'],
      [`${head}  name: web\ndata:\n\t- a\n`, 'line 6: found character that cannot start any token'],
      [`${head}  name: "abc\n`, 'line 5: found unexpected end of stream'],
      [`${head}  name: web\ndata: [a, b\n`, "line 5: did not find expected ',' or ']'"],
      [`${head}  name: web\ndata: {a: 1\n`, "line 5: did not find expected ',' or '}'"],
      [`${head}  name: web\ndata: [\n`, 'line 5: did not find expected node content'],
      [`${head}  name: web\n  foo\n`, "line 6: could not find expected ':'"],
      [`${head}  name: @web\n`, 'line 4: found character that cannot start any token'],
      [`${head}  name: web\n}\n`, 'line 4: did not find expected key'],
      [`${head}  name: web\n  labels:\n    - a\n    b: c\n`, "line 6: did not find expected '-' indicator"],
      [`${head}  name: "a\\qb"\n`, 'line 4: found unknown escape character'],
      [`${head}  name: *foo\n`, "unknown anchor 'foo' referenced"],
      [`${head}  name: web\n  labels: !!int abc\n`, 'cannot decode !!str `abc` as a !!int'],
      [`${head}  name: \x01\n`, 'control characters are not allowed'],
    ]
    for (const [text, message] of cases)
      expect(summary(decodeManifest(text, 'bad.yaml', VALIDATE))).toEqual([
        `error: error parsing bad.yaml: error converting YAML to JSON: yaml: ${message}`,
      ])
  })

  it('refuses floats JSON cannot hold and keys JSON cannot have', () => {
    expect(summary(decodeManifest(`${cm('x')}data:\n  x: .inf\n`, 'f.yaml', VALIDATE))).toEqual([
      'error: error parsing f.yaml: error converting YAML to JSON: json: unsupported value: +Inf',
    ])
    expect(summary(decodeManifest(`${cm('x')}data:\n  ~: z\n`, 'f.yaml', VALIDATE))).toEqual([
      'error: error parsing f.yaml: error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: "z"',
    ])
  })

  it('stops at a separator followed by content, losing the document it ends as kubectl does', () => {
    expect(
      summary(decodeManifest(`${cm('a')}---\n${cm('before')}--- {a: 1}\n${cm('after')}`, 's.yaml', VALIDATE)),
    ).toEqual(['ConfigMap/a', 'error: error parsing s.yaml: invalid Yaml document separator: {a: 1}'])
  })

  it('reads CRLF files like LF files', () => {
    const text = `${cm('a')}---\n${cm('b')}`.replaceAll('\n', '\r\n')
    expect(summary(decodeManifest(text, 'crlf.yaml', VALIDATE))).toEqual(['ConfigMap/a', 'ConfigMap/b'])
  })
})

describe('decodeManifest with JSON', () => {
  const json = (name: string): string => `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"${name}"}}`

  it('reads one object or several concatenated ones, skipping null', () => {
    const entries = decodeManifest(`\n  ${json('a')}\n${json('b')} null ${json('c')}`, 'x.json', VALIDATE)
    expect(summary(entries)).toEqual(['ConfigMap/a', 'ConfigMap/b', 'ConfigMap/c'])
    expect(entries.map((e) => e.source.line)).toEqual([2, 3, 3])
  })

  it('stops at a syntax error with Go’s offset and words', () => {
    expect(
      summary(decodeManifest(`${json('a')}${json('b').replace('"b"}', '"b",}')}\n${json('c')}`, 'bad.json', VALIDATE)),
    ).toEqual([
      'ConfigMap/a',
      "error: error parsing bad.json: json: offset 124: invalid character '}' looking for beginning of object key string",
    ])
    expect(summary(decodeManifest(`${json('a')}\n---\n`, 'mixed.json', VALIDATE))).toEqual([
      'ConfigMap/a',
      "error: error parsing mixed.json: json: offset 65: invalid character '-' in numeric literal",
    ])
    expect(summary(decodeManifest(json('a').slice(0, -1), 'trunc.json', VALIDATE))).toEqual([
      'error: error parsing trunc.json: unexpected EOF',
    ])
  })

  it('quotes the JSON text as written when the kind is missing', () => {
    expect(summary(decodeManifest('{"metadata": {"name": "x"}}', 'k.json', NO_VALIDATE))).toEqual([
      `error: unable to decode "k.json": Object 'Kind' is missing in '{"metadata": {"name": "x"}}'`,
    ])
  })
})

describe('decodeManifest validation and decoding', () => {
  it('refuses documents without apiVersion or kind when validating, as kubectl words it', () => {
    const check = (text: string): string[] => summary(decodeManifest(text, 'web.yaml', VALIDATE))
    const tail = '; if you choose to ignore these errors, turn validation off with --validate=false'
    expect(check('metadata:\n  name: web\n')).toEqual([
      `error: error validating "web.yaml": error validating data: [apiVersion not set, kind not set]${tail}`,
    ])
    expect(check('apiVersion: v1\nmetadata:\n  name: web\n')).toEqual([
      `error: error validating "web.yaml": error validating data: kind not set${tail}`,
    ])
    expect(check('apiVersion: a/b/c\nkind: 5\n')).toEqual([
      `error: error validating "web.yaml": error validating data: [unexpected GroupVersion string: a/b/c, kind isn't string type]${tail}`,
    ])
    expect(check('- a\n- b\n')).toEqual([
      `error: error validating "web.yaml": error validating data: invalid object to validate${tail}`,
    ])
  })

  it('words the decoder’s errors without validation, and goes on after them', () => {
    const text = `${cm('one')}---\nmetadata:\n  name: two\n---\n${cm('three')}`
    const entries = decodeManifest(text, 'mid.yaml', NO_VALIDATE)
    expect(summary(entries)).toEqual([
      'ConfigMap/one',
      `error: unable to decode "mid.yaml": Object 'Kind' is missing in '{"metadata":{"name":"two"}}'`,
      'ConfigMap/three',
    ])
    expect(summary(decodeManifest('hello\n', 's.yaml', NO_VALIDATE))).toEqual([
      'error: unable to decode "s.yaml": json: cannot unmarshal string into Go value of type unstructured.detector',
    ])
  })

  it('checks metadata field types as kubectl’s typed decode does', () => {
    const check = (metadata: string): string[] =>
      summary(decodeManifest(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n${metadata}`, 'm.yaml', VALIDATE))
    const prefix = 'error: unable to decode "m.yaml": json: cannot unmarshal'
    expect(check('  name: 5\n')).toEqual([
      `${prefix} number into Go struct field ObjectMeta.metadata.name of type string`,
    ])
    expect(check('  name: web\n  labels: {a: true}\n')).toEqual([
      `${prefix} bool into Go struct field ObjectMeta.metadata.labels of type string`,
    ])
    expect(check('  name: web\n  annotations: x\n')).toEqual([
      `${prefix} string into Go struct field ObjectMeta.metadata.annotations of type map[string]string`,
    ])
    expect(check('  name: web\n  generation: x\n')).toEqual([
      `${prefix} string into Go struct field ObjectMeta.metadata.generation of type int64`,
    ])
    expect(summary(decodeManifest('apiVersion: v1\nkind: ConfigMap\nmetadata: foo\n', 'm.yaml', VALIDATE))).toEqual([
      `${prefix} string into Go struct field metadataOnlyObject.metadata of type v1.ObjectMeta`,
    ])
  })

  it('gives an object without metadata an empty one', () => {
    const [entry] = decodeManifest('apiVersion: v1\nkind: Namespace\n', 'ns.yaml', VALIDATE)
    expect(entry && !isManifestFailure(entry) ? entry.object.metadata : undefined).toEqual({})
  })
})

describe('decodeManifest with lists', () => {
  it('expands a List into its items, each with its own line', () => {
    const text = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n- apiVersion: v1\n  kind: Secret\n  metadata:\n    name: b\n`
    const entries = decodeManifest(text, 'list.yaml', VALIDATE)
    expect(summary(entries)).toEqual(['ConfigMap/a', 'Secret/b'])
    expect(entries.map((e) => e.source)).toEqual([
      {file: 'list.yaml', documentIndex: 0, line: 4, itemIndex: 0},
      {file: 'list.yaml', documentIndex: 0, line: 8, itemIndex: 1},
    ])
  })

  it('expands a JSON List and a typed list, giving untyped items the list’s kind', () => {
    const jsonList =
      '{"apiVersion":"v1","kind":"List","items":[\n{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"l1"}},\n{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"l2"}}]}'
    const entries = decodeManifest(jsonList, 'list.json', VALIDATE)
    expect(summary(entries)).toEqual(['ConfigMap/l1', 'ConfigMap/l2'])
    expect(entries.map((e) => e.source.line)).toEqual([2, 3])
    const typed = `apiVersion: v1\nkind: PodList\nitems:\n- metadata:\n    name: p\n- kind: Pod\n  metadata:\n    name: noapi\n`
    expect(summary(decodeManifest(typed, 'pods.yaml', VALIDATE))).toEqual([
      'Pod/p',
      `error: unable to get type info from the object "*unstructured.Unstructured": Object 'apiVersion' is missing in 'object has no apiVersion field'`,
    ])
  })

  it('validates the items of a v1 List and refuses nested lists', () => {
    const text = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: ok\n- metadata:\n    name: nokind\n`
    expect(summary(decodeManifest(text, 'l.yaml', VALIDATE))).toEqual([
      'error: error validating "l.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false',
    ])
    expect(summary(decodeManifest(text, 'l.yaml', NO_VALIDATE))).toEqual([
      'ConfigMap/ok',
      `error: unable to get type info from the object "*unstructured.Unstructured": Object 'Kind' is missing in 'object has no kind field '`,
    ])
    const nested = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: List\n  items: []\n'
    expect(summary(decodeManifest(nested, 'n.yaml', NO_VALIDATE))).toEqual([
      'error: *unstructured.Unstructured is not a list: no Items field in this object',
    ])
    expect(summary(decodeManifest('apiVersion: v1\nkind: List\nitems: 5\n', 'i.yaml', NO_VALIDATE))).toEqual([
      'error: unable to decode "i.yaml": json: cannot unmarshal number into Go struct field decodeList.items of type []json.RawMessage',
    ])
  })
})

describe('decodeManifest with deeply nested documents', () => {
  const head = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n'
  const jsonHead = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"data":{"a":'
  // arrays inside data.a, which is itself two levels down
  const jsonArrays = (levels: number): string => `${jsonHead}${'['.repeat(levels - 2)}${']'.repeat(levels - 2)}}}`
  const flowArrays = (levels: number): string => `${head}  a: ${'['.repeat(levels - 2)}${']'.repeat(levels - 2)}\n`
  const blockMaps = (levels: number): string =>
    `${head}${Array.from({length: levels - 1}, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')} 1\n`

  it('refuses JSON nested past 10,000 levels with encoding/json’s words and offset, as kubectl does', () => {
    // kubectl 1.32 prints these for the same files
    expect(summary(decodeManifest(jsonArrays(100_002), 'deep.json', VALIDATE))).toEqual([
      "error: error parsing deep.json: json: offset 10073: invalid character '[' exceeded max depth",
    ])
    const objects = `${jsonHead.slice(0, -5)}${'{"a":'.repeat(100_000)}1${'}'.repeat(100_001)}`
    expect(summary(decodeManifest(objects, 'STDIN', VALIDATE))).toEqual([
      "error: error parsing STDIN: json: offset 50065: invalid character '{' exceeded max depth",
    ])
  })

  it('refuses YAML nested past 10,000 flow or block levels with go-yaml’s words, as kubectl does', () => {
    // (the e2e tests give 100,000 levels, as in the issue; the walk is the same)
    const check = (text: string): string[] => summary(decodeManifest(text, 'deep.yaml', VALIDATE))
    const words = 'error: error parsing deep.yaml: error converting YAML to JSON: yaml:'
    expect(check(flowArrays(12_000))).toEqual([`${words} line 6: exceeded max depth of 10000`])
    expect(check(`${head}  a: ${'{a: '.repeat(12_000)}1${'}'.repeat(12_000)}\n`)).toEqual([
      `${words} line 6: exceeded max depth of 10000`,
    ])
    // on the document's first line go-yaml names no line
    expect(check('['.repeat(12_000))).toEqual([`${words} exceeded max depth of 10000`])
    expect(check(`${head}  a:\n  ${'- '.repeat(12_000)}x\n`)).toEqual([`${words} line 7: exceeded max depth of 10000`])
  })

  it('reads documents 500 levels deep and refuses deeper ones in the same words', () => {
    for (const [build, name] of [
      [jsonArrays, 'd.json'],
      [flowArrays, 'd.yaml'],
      [blockMaps, 'd.yaml'],
    ] as const) {
      expect(summary(decodeManifest(build(500), name, VALIDATE))).toEqual(['ConfigMap/x'])
      const [refused] = summary(decodeManifest(build(501), name, VALIDATE))
      expect(refused).toMatch(/^error: error parsing d\.(json|yaml): .*exceeded max depth of 500$/)
    }
    expect(summary(decodeManifest(jsonArrays(501), 'd.json', VALIDATE))).toEqual([
      "error: error parsing d.json: json: offset 573: invalid character '[' exceeded max depth of 500",
    ])
    expect(summary(decodeManifest(blockMaps(501), 'd.yaml', VALIDATE))).toEqual([
      'error: error parsing d.yaml: error converting YAML to JSON: yaml: line 505: exceeded max depth of 500',
    ])
  })

  it('counts aliases that nest a document deeper than its text', () => {
    // three anchors 200 levels deep, each holding the one before it at the bottom: 600 levels once expanded
    const nest = (inner: string): string => `${'['.repeat(200)}${inner}${']'.repeat(200)}`
    const text = `${head}  a: &a ${nest('x')}\n  b: &b ${nest('*a')}\n  c: &c ${nest('*b')}\n`
    expect(summary(decodeManifest(text, 'a.yaml', VALIDATE))).toEqual([
      'error: error parsing a.yaml: error converting YAML to JSON: yaml: exceeded max depth of 500',
    ])
  })

  it('stops at a deep document and names its file, after the documents before it', () => {
    const text = `${cm('before')}---\n${flowArrays(12_000)}---\n${cm('after')}`
    const entries = decodeManifest(text, 'STDIN', VALIDATE)
    expect(summary(entries)).toEqual([
      'ConfigMap/before',
      'error: error parsing STDIN: error converting YAML to JSON: yaml: line 6: exceeded max depth of 10000',
    ])
    expect(entries[1] && isManifestFailure(entries[1]) ? entries[1].error : undefined).toMatchObject({
      file: 'STDIN',
      document: 1,
      line: 11,
    })
  })
})
