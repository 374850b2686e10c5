import {describe, expect, it} from 'vitest'
import {JsonPathParseError} from '../../../../src/output/jsonpath/errors.js'
import {parseJsonPath} from '../../../../src/output/jsonpath/parser.js'

describe('parseJsonPath', () => {
  it('keeps text outside braces and parses each action into a list of nodes', () => {
    expect(parseJsonPath('name: {.metadata.name}!').root.nodes).toEqual([
      {type: 'text', text: 'name: '},
      {
        type: 'list',
        nodes: [
          {type: 'field', name: 'metadata'},
          {type: 'field', name: 'name'},
        ],
      },
      {type: 'text', text: '!'},
    ])
  })

  it('reads a template without braces as plain text, as kubectl -o jsonpath does', () => {
    expect(parseJsonPath('.metadata.name').root.nodes).toEqual([{type: 'text', text: '.metadata.name'}])
  })

  it('splits a quoted key on its dots, like kubectl', () => {
    expect(parseJsonPath("{['a.b']}").root.nodes).toEqual([
      {
        type: 'list',
        nodes: [
          {type: 'field', name: 'a'},
          {type: 'field', name: 'b'},
        ],
      },
    ])
  })

  it('keeps an escaped dot inside a field name', () => {
    expect(parseJsonPath('{.a\\.b/c}').root.nodes).toEqual([{type: 'list', nodes: [{type: 'field', name: 'a.b/c'}]}])
  })

  it('parses an index as a slice of one with a derived end', () => {
    expect(parseJsonPath('{[-1]}').root.nodes).toEqual([
      {
        type: 'list',
        nodes: [
          {
            type: 'array',
            params: [
              {value: -1, known: true, derived: false},
              {value: 0, known: true, derived: true},
              {value: 0, known: false, derived: false},
            ],
          },
        ],
      },
    ])
  })

  it('parses a comparison filter into a left path, an operator and a right literal', () => {
    const [action] = parseJsonPath('{[?(@.type == "Ready")]}').root.nodes
    expect(action).toEqual({
      type: 'list',
      nodes: [
        {
          type: 'filter',
          left: {type: 'list', nodes: [{type: 'field', name: 'type'}]},
          right: {type: 'list', nodes: [{type: 'text', text: 'Ready'}]},
          operator: '==',
        },
      ],
    })
  })

  it('reads numbers, booleans and the range keywords', () => {
    expect(parseJsonPath('{range 1 2.5 true}{end}').root.nodes).toEqual([
      {
        type: 'list',
        nodes: [
          {type: 'identifier', name: 'range'},
          {type: 'int', value: 1},
          {type: 'float', value: 2.5},
          {type: 'bool', value: true},
        ],
      },
      {type: 'list', nodes: [{type: 'identifier', name: 'end'}]},
    ])
  })

  // Messages are those of `kubectl get -o jsonpath=...` v1.32, after "error parsing jsonpath <template>, ".
  it.each([
    ['{.metadata.name', 'unclosed action'],
    ['{{.kind}', "unrecognized character in action: U+007B '{'"],
    ['{.a[?(@.x=~"re")]}', "unrecognized character in action: U+007E '~'"],
    ['{.kind\t}', 'unrecognized character in action: U+0009'],
    ['{.a[x]}', 'invalid array index x'],
    ['{.a[0,x]}', 'invalid array index x'],
    ['{.a[0]["name"]}', 'invalid array index "name"'],
    ['{.a[?(@.x=="y"}', 'unterminated filter'],
    ['{.a[1}', 'unterminated array'],
    ['{....name}', 'invalid multiple recursive descent'],
    ['{"a\\qb"}', 'unquote string "a\\qb" error invalid syntax'],
    ['{1.2.3}', 'cannot parse number 1.2.3'],
    ['{-}', 'cannot parse number -'],
    ['{.a[-]}', 'array index - is not a number'],
  ])('rejects %s with "%s"', (template, message) => {
    expect(() => parseJsonPath(template)).toThrow(new JsonPathParseError(message))
  })
})
