import {describe, expect, it} from 'vitest'
import {BadPatternError, compileGlob} from '../../../src/manifests/glob.js'

const matches = (pattern: string, name: string): boolean => compileGlob(pattern).test(name)

describe('compileGlob', () => {
  it('matches as Go’s filepath.Match does', () => {
    expect(matches('*.yaml', 'web.yaml')).toBe(true)
    expect(matches('*.yaml', '.hidden.yaml')).toBe(true)
    expect(matches('*', 'a/b')).toBe(false)
    expect(matches('we?.yaml', 'web.yaml')).toBe(true)
    expect(matches('[a-c]*.yml', 'b.yml')).toBe(true)
    expect(matches('[^a-c]*.yml', 'b.yml')).toBe(false)
    expect(matches('\\*.yaml', '*.yaml')).toBe(true)
    expect(matches('[z-a]', 'm')).toBe(false)
  })

  it('refuses malformed patterns even where no name would reach them', () => {
    for (const pattern of ['[', 'a[', '[]', '[-a]', 'a\\', '[a-'])
      expect(() => compileGlob(pattern), pattern).toThrow(BadPatternError)
  })
})
