import {describe, expect, it} from 'vitest'
import {compileGoRegExp, GoRegExpError} from '../../kubectl-tests/go-regexp.mjs'

const matches = (pattern: string, text: string): boolean => compileGoRegExp(pattern).test(text)

describe('compileGoRegExp', () => {
  it('matches anywhere, in multi-line mode, like testscript stdout', () => {
    expect(matches('pod/test-pod created', 'x\npod/test-pod created\n')).toBe(true)
    expect(matches('^b$', 'a\nb\nc\n')).toBe(true)
    expect(matches('', 'anything')).toBe(true)
  })

  it('reads ! stdout . as "nothing but newlines"', () => {
    expect(matches('.', '\n\n')).toBe(false)
    expect(matches('.', '\r\n')).toBe(true)
  })

  it('keeps the escapes kubectl scripts use', () => {
    expect(matches('pod/test-pod configured \\(dry run\\)', 'pod/test-pod configured (dry run)')).toBe(true)
    expect(matches('\\+    newAnnotation: newValue', '+    newAnnotation: newValue')).toBe(true)
    expect(matches('v1\\.Pod\\..*\\.test', '/tmp/LIVE-1/v1.Pod.ns.test')).toBe(true)
  })

  it('turns leading Go flags into JavaScript flags', () => {
    expect(matches('(?i)ERROR', 'an error')).toBe(true)
    expect(matches('(?s)a.b', 'a\nb')).toBe(true)
    expect(matches('a.b', 'a\nb')).toBe(false)
  })

  it('translates \\A, \\z, \\Q...\\E and POSIX classes', () => {
    expect(matches('\\Aa', 'a\nb')).toBe(true)
    expect(matches('\\Ab', 'a\nb')).toBe(false)
    expect(matches('b\\z', 'a\nb')).toBe(true)
    expect(matches('a\\z', 'a\nb')).toBe(false)
    expect(matches('\\Q(a.b)\\E', '(a.b)')).toBe(true)
    expect(matches('\\Q(a.b)\\E', '(axb)')).toBe(false)
    expect(matches('^[[:digit:]]+$', '123')).toBe(true)
    expect(matches('[]a]', ']')).toBe(true)
  })

  it('keeps \\s to ASCII whitespace as Go does', () => {
    expect(matches('a\\sb', 'a\tb')).toBe(true)
    expect(matches('a\\sb', 'a\u00a0b')).toBe(false)
  })

  it('refuses Go syntax it cannot express rather than changing its meaning', () => {
    expect(() => compileGoRegExp('a(?i)b')).toThrow(GoRegExpError)
    expect(() => compileGoRegExp('\\pL')).toThrow(GoRegExpError)
    expect(() => compileGoRegExp('(unclosed')).toThrow(GoRegExpError)
  })
})
