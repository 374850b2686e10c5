// Go's path/filepath Match and Glob (match.go), which kubectl applies to a -f value that names no existing
// path: `*` and `?` stop at '/', classes are `[a-z]` and `[^a-z]`, `\` escapes, and matches come back sorted.
import {posix} from 'node:path'
import type {ManifestIO} from './io.js'
import {compareGoStrings} from '../resources/go-format.js'

/** filepath.ErrBadPattern. */
export class BadPatternError extends Error {
  constructor() {
    super('syntax error in pattern')
    this.name = 'BadPatternError'
  }
}

const escapeRegExp = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')

// One character of a class: `\c` is c; a bare '-' or ']' is malformed (getEsc).
function classChar(pattern: string, i: number): [string, number] {
  const c = pattern[i]
  if (c === undefined || c === '-' || c === ']') throw new BadPatternError()
  if (c !== '\\') return [c, i + 1]
  const escaped = pattern[i + 1]
  if (escaped === undefined) throw new BadPatternError()
  return [escaped, i + 2]
}

/** Compiles a pattern; throws BadPatternError for a malformed one, as Match does even when nothing matches. */
export function compileGlob(pattern: string): RegExp {
  let source = ''
  let i = 0
  while (i < pattern.length) {
    const c = pattern[i] ?? ''
    if (c === '*') {
      source += '[^/]*'
      i++
    } else if (c === '?') {
      source += '[^/]'
      i++
    } else if (c === '\\') {
      const escaped = pattern[i + 1]
      if (escaped === undefined) throw new BadPatternError()
      source += escapeRegExp(escaped)
      i += 2
    } else if (c === '[') {
      i++
      let negated = false
      if (pattern[i] === '^') {
        negated = true
        i++
      }
      const ranges: string[] = []
      let count = 0
      for (;;) {
        if (pattern[i] === ']' && count > 0) {
          i++
          break
        }
        let lo: string
        ;[lo, i] = classChar(pattern, i)
        let hi = lo
        if (pattern[i] === '-') [hi, i] = classChar(pattern, i + 1)
        count++
        // a reversed range is not an error in Go; it matches nothing
        if (lo <= hi) ranges.push(`${escapeRegExp(lo)}-${escapeRegExp(hi)}`)
      }
      source += `[${negated ? '^' : ''}${ranges.join('')}]`
    } else {
      source += escapeRegExp(c)
      i++
    }
  }
  return new RegExp(`^${source}$`, 's')
}

const hasMeta = (path: string): boolean => /[*?[\\]/.test(path)

async function globIn(io: ManifestIO, dir: string, pattern: RegExp): Promise<string[]> {
  // I/O errors are ignored: an unreadable directory just matches nothing
  if ((await io.stat(dir)).kind !== 'directory') return []
  let names: string[]
  try {
    names = (await io.readDirectory(dir)).map((entry) => entry.name).sort(compareGoStrings)
  } catch {
    return []
  }
  return names.filter((name) => pattern.test(name)).map((name) => posix.join(dir, name))
}

/** filepath.Glob: the sorted paths matching the pattern; throws BadPatternError for a malformed pattern. */
export async function glob(io: ManifestIO, pattern: string): Promise<string[]> {
  compileGlob(pattern)
  if (!hasMeta(pattern)) return (await io.lstat(pattern)).kind === 'missing' ? [] : [pattern]
  const slash = pattern.lastIndexOf('/')
  const rawDir = pattern.slice(0, slash + 1)
  const dir = rawDir === '' ? '.' : rawDir === '/' ? '/' : rawDir.slice(0, -1)
  const filePattern = compileGlob(pattern.slice(slash + 1))
  if (!hasMeta(dir)) return globIn(io, dir, filePattern)
  if (dir === pattern) throw new BadPatternError()
  const matches: string[] = []
  for (const parent of await glob(io, dir)) matches.push(...(await globIn(io, parent, filePattern)))
  return matches
}
