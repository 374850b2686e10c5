import {describe, expect, it} from 'vitest'
import {YamlPrintError} from '../../../src/output/go-yaml/json-round-trip.js'
import {printYaml} from '../../../src/output/yaml.js'
import {configMap, pod} from './objects.js'
import {trickyConfigMap, trickyConfigMapYaml} from './tricky-config-map.js'

describe('printYaml', () => {
  it('prints a pod as kubectl -o yaml does: sorted keys, lists level with their key, quotes only where needed', () => {
    expect(printYaml(pod)).toBe(
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  annotations:',
        '    a.b/c: x<y>&z',
        '  labels:',
        '    app: web',
        '    tier: fe',
        '  name: web-1',
        '  namespace: default',
        'spec:',
        '  containers:',
        '  - image: nginx:1.25',
        '    name: nginx',
        '    ports:',
        '    - containerPort: 80',
        '    - containerPort: 443',
        '  - image: busybox',
        '    name: side',
        '    resources:',
        '      limits:',
        '        cpu: "1"',
        '  nodeName: n1',
        'status:',
        '  conditions:',
        '  - status: "True"',
        '    type: Ready',
        '  - status: "True"',
        '    type: PodScheduled',
        '  - status: "False"',
        '    type: Initialized',
        '  f:',
        '  - 1.5',
        '  - 2.5',
        '  nums:',
        '  - 3',
        '  - 1',
        '  - 2',
        '  phase: Running',
        '  podIP: 10.0.0.1',
        '',
      ].join('\n'),
    )
  })

  it('writes numbers as go-yaml reads them back from JSON, and nulls as null', () => {
    expect(printYaml(configMap)).toContain(
      'extra:\n  f: 1.5e+20\n  list:\n  - 1\n  - 2.5\n  - s\n  - true\n  - null\n  - a: 2\n    z: 1\n  num: 10000000\n  small: 1e-06\n',
    )
  })

  it('quotes, folds and blocks strings exactly as kubectl v1.32 does', () => {
    expect(printYaml(trickyConfigMap)).toBe(trickyConfigMapYaml)
  })

  it('quotes timestamps, which YAML 1.1 would read as dates', () => {
    expect(printYaml({metadata: {creationTimestamp: '2026-01-01T00:00:00Z'}})).toBe(
      'metadata:\n  creationTimestamp: "2026-01-01T00:00:00Z"\n',
    )
  })

  it('escapes every character of a string that starts with a byte order mark, as go-yaml v2 does', () => {
    expect(printYaml({a: '\ufeffab c'})).toBe('a: "\\uFEFF\\x61\\x62\\x20\\x63"\n')
  })

  it('folds a NEL inside a value as go-yaml does when it reads the JSON back', () => {
    expect(printYaml({a: 'a\u0085b', b: 'x \u0085  y', c: 'p\u0085\u0085q'})).toBe('a: a b\nb: x y\nc: |-\n  p\n  q\n')
  })

  it('fails like kubectl on control characters it cannot read back', () => {
    expect(() => printYaml({a: 'a\u007fb'})).toThrow(new YamlPrintError('yaml: control characters are not allowed'))
  })

  it("fails like kubectl on a key holding a NEL, which breaks JSON's flow mapping", () => {
    expect(() => printYaml({data: {'a\u0085b': 'v'}})).toThrow(
      new YamlPrintError("yaml: line 1: did not find expected ',' or '}'"),
    )
  })

  it('prints empty collections in flow style and an empty document as {}', () => {
    expect(printYaml({a: [], b: {}, c: [[], {}]})).toBe('a: []\nb: {}\nc:\n- []\n- {}\n')
    expect(printYaml({})).toBe('{}\n')
  })
})
