import {describe, expect, it} from 'vitest'
import {JsonPathExecuteError} from '../../../../src/output/jsonpath/errors.js'
import {executeJsonPath, findJsonPathResults} from '../../../../src/output/jsonpath/execute.js'
import {parseJsonPath} from '../../../../src/output/jsonpath/parser.js'
import {configMap, pod} from '../objects.js'

function errorOf(action: () => unknown): Error {
  try {
    action()
  } catch (error) {
    if (error instanceof Error) return error
  }
  throw new Error('expected an error')
}

const run = (template: string, data: unknown = pod, allowMissingKeys = true): string =>
  executeJsonPath(parseJsonPath(template), data, {allowMissingKeys})

// Expected texts are what `kubectl patch --local -f pod.json -o jsonpath=...` v1.32 printed.
const kubectlOutputs: ReadonlyArray<[string, string]> = [
  ['{.metadata.name}', 'web-1'],
  ['{.spec.containers[*].name}', 'nginx side'],
  ['{.spec.containers[-1].name}', 'side'],
  ['{.spec.containers[1:].name}', 'side'],
  ['{.spec.containers[0,1].image}', 'nginx:1.25 busybox'],
  ["{.metadata.annotations['a.b/c']}", ''],
  ['{.metadata.annotations.a\\.b/c}', 'x<y>&z'],
  ['{.metadata.annotations}', '{"a.b/c":"x\\u003cy\\u003e\\u0026z"}'],
  ['{.status.conditions[?(@.type=="Ready")].status}', 'True'],
  ['{.status.conditions[?(@.status!="True")].type}', 'Initialized'],
  ['{.status.conditions[?(@.type<"Q")].type}', 'PodScheduled Initialized'],
  ['{.status.nums[?(@>1)]}', '3 2'],
  ['{.status.f[?(@>1.0)]}', '1.5 2.5'],
  ['{.spec.containers[?(@.resources)].name}', 'side'],
  ['{.spec.containers[?(@.ports[5])].name}', 'nginx'],
  ['{range .spec.containers[*]}{.name}{"\\t"}{.image}{"\\n"}{end}', 'nginx\tnginx:1.25\nside\tbusybox\n'],
  ['{range .spec.containers[*]}[{.name}:{range .ports[*]}{.containerPort},{end}]{end}!', '[nginx:80,443,][side:]!'],
  ['{range .status.missing[*]}x{.a}{end}after', 'after'],
  ['hello {.kind} world', 'hello Pod world'],
  ['{..containerPort}', '80 443'],
  ['{.spec.containers[*].ports}', '[{"containerPort":80},{"containerPort":443}]'],
  ['{.status.nums[::2]}', '3 2'],
  ['{.status.nums[5:5]}', ''],
  ["{'\\t'}|{\"a\\\"b\"}|{'it\\'s'}", '\t|a"b|it\'s'],
  ['{1.5}{true}{-1}', '1.5true-1'],
  ['{.metadata.name.*}', '119 101 98 45 49'],
  ['{.foo}', ''],
]

describe('executeJsonPath', () => {
  it.each(kubectlOutputs)('prints %s as kubectl does', (template, expected) => {
    expect(run(template)).toBe(expected)
  })

  it('prints numbers as Go does: int64 in decimal, float64 in short exponent form', () => {
    expect(run('{.extra.num} {.extra.f} {.extra.small}', configMap)).toBe('10000000 1.5e+20 1e-06')
  })

  it('prints a list with nulls and maps as compact JSON with sorted keys, and its items one by one', () => {
    expect(run('{.extra.list}', configMap)).toBe('[1,2.5,"s",true,null,{"a":2,"z":1}]')
    expect(run('{.extra.list[*]}', configMap)).toBe('1 2.5 s true null {"a":2,"z":1}')
  })

  it('prints <no value> for a null item reached through range, unlike a null reached directly', () => {
    const data = {items: [null, 1]}
    expect(run('{range .items[*]}[{@}]{end}', data)).toBe('[<no value>][1]')
    expect(run('{.items[0]}', data)).toBe('null')
  })

  it('fails on a missing field only when missing keys are not allowed', () => {
    expect(run('{.metadata.missing}')).toBe('')
    expect(errorOf(() => run('{.metadata.missing}', pod, false))).toMatchObject({message: 'missing is not found'})
  })

  it.each([
    ['{.metadata[0]}', 'map[string]interface {} is not array or slice'],
    ['{.status.nums[3]}', 'array index out of bounds: index 3, length 3'],
    ['{.status.nums[0:4]}', 'array index out of bounds: index 3, length 3'],
    ['{.status.nums[-4]}', 'array index out of bounds: index -1, length 3'],
    ['{.status.nums[2:1]}', 'starting index 2 is greater than ending index 1'],
    ['{.status.nums[0:3:0]}', 'step must be > 0'],
    ['{.status.f[?(@>1)]}', 'incompatible types for comparison'],
    ['{.status.conditions[?(@.type==true)].type}', 'incompatible types for comparison'],
    ['{.spec.containers[?(@.ports[*].containerPort==80)].name}', 'can only compare one element at a time'],
    [
      '{.status[?(@.x)]}',
      'map[conditions:[map[status:True type:Ready] map[status:True type:PodScheduled] map[status:False type:Initialized]] f:[1.5 2.5] nums:[3 1 2] phase:Running podIP:10.0.0.1] is not array or slice and cannot be filtered',
    ],
    ['{end}', 'not in range, nothing to end'],
    ['{foo}', 'unrecognized identifier foo'],
  ])('reports %s with the engine message "%s"', (template, message) => {
    const error = errorOf(() => run(template))
    expect(error).toBeInstanceOf(JsonPathExecuteError)
    expect(error.message).toBe(message)
  })

  it('prints each action as an indented JSON array for jsonpath-as-json', () => {
    const template = parseJsonPath('{.metadata.name}{.spec.containers[*].name}')
    expect(executeJsonPath(template, pod, {allowMissingKeys: true, outputJson: true})).toBe(
      '[\n    "web-1"\n]\n[\n    "nginx",\n    "side"\n]\n',
    )
  })

  it('can be run again on another object with the same parsed template', () => {
    const template = parseJsonPath('{range .spec.containers[*]}{.name},{end}|{.kind}')
    expect(executeJsonPath(template, pod, {allowMissingKeys: true})).toBe('nginx,side,|Pod')
    expect(executeJsonPath(template, {kind: 'X', spec: {containers: [{name: 'a'}]}}, {allowMissingKeys: true})).toBe(
      'a,|X',
    )
  })
})

describe('findJsonPathResults', () => {
  it('returns the values of each action as plain JSON values', () => {
    expect(findJsonPathResults(parseJsonPath('{.status.nums[*]}{2.0}'), pod, {allowMissingKeys: true})).toEqual([
      [3, 1, 2],
      [2],
    ])
  })
})
