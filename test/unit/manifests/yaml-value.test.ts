import {describe, expect, it} from 'vitest'
import {YamlConversionError, convertYamlDocument} from '../../../src/manifests/yaml-value.js'

const valueOf = (text: string): unknown => convertYamlDocument(text).value

/** The conversion error's message, or 'converted'. */
function errorOf(text: string): string {
  try {
    convertYamlDocument(text)
  } catch (error) {
    if (error instanceof YamlConversionError) return error.message
    throw error
  }
  return 'converted'
}

// billion laughs: each level refers ten times to the level before it
function laughs(levels: number): string {
  const names = 'abcdefghij'
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
  for (let i = 1; i < levels; i++)
    lines.push(
      `${names[i]}: &${names[i]} [${Array(10)
        .fill(`*${names[i - 1]}`)
        .join(', ')}]`,
    )
  return `${lines.join('\n')}\n`
}

describe('convertYamlDocument', () => {
  it('resolves plain scalars with YAML 1.1 rules, as kubectl reads them', () => {
    const text = [
      'a: yes',
      'b: 0777',
      'c: 1_000',
      'd: 1:30',
      'e: 0x1F',
      'f: ~',
      'g: 2001-12-14',
      'h: on',
      'i: Off',
      'j: 1e3',
      'k: .5',
      'l: +12',
      'm: 0o17',
      'o: 12:30:45',
      'p: y',
      "q: 'yes'",
      'r: 0b101',
      's: 2001-12-14T21:59:43.10-05:00',
      't: 1.0',
      'v: 007',
      'w: 0.1e-2',
      'x: 08',
      'cc: !!str 5',
      'dd: <<',
      'ee: !!float 5',
      'ff: !foo x',
      'gg: !!binary aGVsbG8=',
      '',
    ].join('\n')
    expect(valueOf(text)).toEqual({
      a: true,
      b: 511,
      c: 1000,
      d: '1:30',
      e: 31,
      f: null,
      g: '2001-12-14',
      h: true,
      i: false,
      j: 1000,
      k: 0.5,
      l: 12,
      m: 15,
      o: '12:30:45',
      p: true,
      q: 'yes',
      r: 5,
      s: '2001-12-14T21:59:43.10-05:00',
      t: 1,
      v: 7,
      w: 0.001,
      x: 8,
      cc: '5',
      dd: '<<',
      ee: 5,
      ff: 'x',
      gg: 'hello',
    })
  })

  it('turns non-string keys into the strings sigs.k8s.io/yaml makes of them', () => {
    const text = 'n: 1\non: 2\n1.5: x\n10: y\n0x10: z\n1.10: w\n3.14159265358979: pi\n1e20: big\n'
    expect(valueOf(text)).toEqual({
      false: 1,
      true: 2,
      '1.5': 'x',
      '10': true,
      '16': 'z',
      '1.1': 'w',
      '3.1415927': 'pi',
      '1e+20': 'big',
    })
  })

  it('merges << keys and resolves aliases, letting later keys win', () => {
    const text = 'base: &b {a: 1, b: 2}\nuse:\n  <<: *b\n  b: 3\nlist: &l [a]\nagain: *l\n'
    expect(valueOf(text)).toEqual({base: {a: 1, b: 2}, use: {a: 1, b: 3}, list: ['a'], again: ['a']})
  })

  it('keeps the last of duplicate keys', () => {
    expect(valueOf('name: web\nname: other\n')).toEqual({name: 'other'})
  })

  it('reads only the first document of the text, as go-yaml does', () => {
    expect(valueOf('a: 1\n...\n')).toEqual({a: 1})
  })

  it('tells where the content and the items of a list start', () => {
    const converted = convertYamlDocument('# head\napiVersion: v1\nkind: List\nitems:\n- a: 1\n- b: 2\n')
    expect(converted.offset).toBe(7)
    expect(converted.itemOffsets).toEqual([42, 49])
  })

  it('refuses an anchor whose value refers to itself, as go-yaml v2 words it', () => {
    expect(errorOf('labels: &a\n  b: *a\n')).toBe("yaml: anchor 'a' value contains itself")
    expect(errorOf('data: &a\n  <<: *a\n')).toBe("yaml: anchor 'a' value contains itself")
  })

  it('merges only maps, aliases of maps and sequences of those, as go-yaml v2 does', () => {
    expect(errorOf('base: &l\n- {a: 1}\ndata:\n  <<: *l\n')).toBe(
      'yaml: map merge requires map or sequence of maps as the value',
    )
    expect(valueOf('x: &x {a: 1}\ny: &y {a: 2, b: 3}\nz:\n  <<: [*x, *y]\n')).toMatchObject({z: {a: 1, b: 3}})
  })

  it('refuses documents that owe almost all their nodes to aliases, by go-yaml’s ratio', () => {
    // 111,111 nodes from 50 written: kubectl refuses this too, though far below a million nodes
    expect(errorOf(laughs(5))).toBe('yaml: document contains excessive aliasing')
    expect(valueOf(laughs(3))).toMatchObject({c: expect.any(Array)})
  })

  it('keeps a __proto__ key as a key, as any other, in both readers', () => {
    for (const text of [
      'data:\n  __proto__: x\n',
      'data: {__proto__: x}\n',
      'base: &b {__proto__: x}\ndata:\n  <<: *b\n',
    ]) {
      const data = (valueOf(text) as {data: object}).data
      expect(Object.getPrototypeOf(data)).toBe(Object.prototype)
      expect(Object.entries(data)).toEqual([['__proto__', 'x']])
    }
  })
})
