// Reads what -f names, as kubectl's resource builder does (k8s.io/cli-runtime/pkg/resource builder.go
// FilenameParam/Path and visitor.go ExpandPathsToFileVisitors, v1.32). First every -f value is resolved to
// sources (stdin, URLs, files, directories walked in lexical order, globs); any failure there stops
// everything, as the builder's errors do. Then each source is read and decoded in order; a source or
// document that fails takes its place among the results and the others go on (ContinueOnError).
import {posix} from 'node:path'
import {decodeManifest} from './decode.js'
import {BadPatternError, glob} from './glob.js'
import {goPathError, nodeManifestIO} from './io.js'
import type {ManifestIO} from './io.js'
import {ManifestError} from './manifest.js'
import type {ManifestEntry} from './manifest.js'
import {UrlReadError, invalidUrlMessage, readUrl} from './url-source.js'
import {compareGoStrings} from '../resources/go-format.js'

/** How to read -f values. */
export interface ReadManifestsOptions {
  /** -R, --recursive: walk directories below the ones named */
  readonly recursive?: boolean
  /** --validate (default true): refuse documents without apiVersion or kind before decoding */
  readonly validate?: boolean
  /** the text of standard input, read by the caller, for `-f -` */
  readonly stdin?: string
  /** file system, network and clock; the real ones by default */
  readonly io?: ManifestIO
}

// kubectl: resource.FileExtensions
const FILE_EXTENSIONS = ['.json', '.yaml', '.yml']
// kubectl: the source name of standard input (constSTDINstr)
const STDIN_SOURCE = 'STDIN'

type Source = {kind: 'stdin'} | {kind: 'url'; url: string} | {kind: 'file'; path: string}

// filepath.Ext: from the last '.' of the last path element, so '.yaml' alone counts.
function goExt(path: string): string {
  for (let i = path.length - 1; i >= 0 && path[i] !== '/'; i--) if (path[i] === '.') return path.slice(i)
  return ''
}

// ExpandPathsToFileVisitors: filepath.Walk from the root; only the root may lack a manifest extension.
async function walk(io: ManifestIO, root: string, recursive: boolean): Promise<string[]> {
  if ((await io.lstat(root)).kind !== 'directory') return [root]
  const files: string[] = []
  const visit = async (dir: string): Promise<void> => {
    let entries
    try {
      entries = await io.readDirectory(dir)
    } catch (error) {
      throw new Error(goPathError('open', dir, error))
    }
    for (const entry of entries.sort((a, b) => compareGoStrings(a.name, b.name))) {
      const path = posix.join(dir, entry.name)
      if (entry.isDirectory) {
        if (recursive) await visit(path)
      } else if (FILE_EXTENSIONS.includes(goExt(path))) files.push(path)
    }
  }
  await visit(root)
  return files
}

// expandIfFilePattern: a value naming no path is tried as a glob.
async function expandPattern(io: ManifestIO, value: string): Promise<string[]> {
  if ((await io.stat(value)).kind !== 'missing') return [value]
  let matches: string[]
  try {
    matches = await glob(io, value)
  } catch (error) {
    if (error instanceof BadPatternError) throw new Error(`pattern "${value}" is not valid: ${error.message}`)
    throw error
  }
  if (matches.length === 0) throw new Error(`the path "${value}" does not exist`)
  return matches
}

interface Resolution {
  sources: Source[]
  /** the builder's errors, with the -f value each is about */
  errors: {message: string; file: string}[]
}

// Builder.Path for the paths one -f value stands for.
async function addPaths(io: ManifestIO, paths: readonly string[], recursive: boolean, into: Resolution): Promise<void> {
  for (const path of paths) {
    const info = await io.stat(path)
    if (info.kind === 'missing') {
      into.errors.push({message: `the path "${path}" does not exist`, file: path})
      continue
    }
    if (info.kind === 'error') {
      into.errors.push({message: `the path "${path}" cannot be accessed: ${info.message}`, file: path})
      continue
    }
    try {
      for (const file of await walk(io, path, recursive)) into.sources.push({kind: 'file', path: file})
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      into.errors.push({message: `error reading "${path}": ${reason}`, file: path})
    }
  }
  if (into.sources.length === 0 && into.errors.length === 0) {
    const message = `error reading [${paths.join(' ')}]: recognized file extensions are [${FILE_EXTENSIONS.join(' ')}]`
    into.errors.push({message, file: paths.join(' ')})
  }
}

async function resolveSources(io: ManifestIO, filenames: readonly string[], recursive: boolean): Promise<Resolution> {
  const resolution: Resolution = {sources: [], errors: []}
  let stdinUsed = false
  for (const value of filenames) {
    if (value === '-') {
      if (stdinUsed)
        resolution.errors.push({message: 'standard input cannot be used for multiple arguments', file: STDIN_SOURCE})
      stdinUsed = true
      resolution.sources.push({kind: 'stdin'})
    } else if (value.startsWith('http://') || value.startsWith('https://')) {
      const invalid = invalidUrlMessage(value)
      if (invalid !== undefined) resolution.errors.push({message: invalid, file: value})
      else resolution.sources.push({kind: 'url', url: value})
    } else {
      try {
        await addPaths(io, await expandPattern(io, value), recursive, resolution)
      } catch (error) {
        if (!(error instanceof Error)) throw error
        resolution.errors.push({message: error.message, file: value})
      }
    }
  }
  return resolution
}

// FileVisitor reads through unicode.BOMOverride: a UTF-8 BOM is dropped, UTF-16 is decoded.
function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8')
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le')
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2))
    return swapped.swap16().toString('utf16le')
  }
  return bytes.toString('utf8')
}

function sourceName(source: Source): string {
  if (source.kind === 'stdin') return STDIN_SOURCE
  return source.kind === 'url' ? source.url : source.path
}

async function readSource(io: ManifestIO, source: Source, stdin: string): Promise<string> {
  if (source.kind === 'stdin') return stdin.startsWith('\uFEFF') ? stdin.slice(1) : stdin
  if (source.kind === 'url') return decodeText(await readUrl(io, source.url))
  try {
    return decodeText(await io.readFile(source.path))
  } catch (error) {
    // a directory opens fine in Go and fails on the first read, inside the stream decoder
    if ((error as NodeJS.ErrnoException).code === 'EISDIR')
      throw new ManifestError(`error parsing ${source.path}: ${goPathError('read', source.path, error)}`, {
        file: source.path,
      })
    throw new ManifestError(goPathError('open', source.path, error), {file: source.path})
  }
}

function builderError(failures: Resolution['errors']): Error {
  const errors = failures.map(({message, file}) => new ManifestError(message, {file}))
  const [only] = errors
  return errors.length === 1 && only ? only : new AggregateError(errors, failures.map((f) => f.message).join('\n'))
}

/**
 * Reads the objects the -f values name, in kubectl's order, one entry per object or per broken document or
 * source. Throws a ManifestError (an AggregateError of them when several) when a value names nothing
 * readable, because kubectl then reads nothing at all.
 */
export async function readManifests(
  filenames: readonly string[],
  options: ReadManifestsOptions = {},
): Promise<ManifestEntry[]> {
  const io = options.io ?? nodeManifestIO
  const {sources, errors} = await resolveSources(io, filenames, options.recursive ?? false)
  if (errors.length > 0) throw builderError(errors)
  const entries: ManifestEntry[] = []
  let stdin = options.stdin ?? ''
  for (const source of sources) {
    const file = sourceName(source)
    let text: string
    try {
      text = await readSource(io, source, stdin)
    } catch (error) {
      const failure = error instanceof UrlReadError ? new ManifestError(error.message, {file, bare: error.bare}) : error
      if (!(failure instanceof ManifestError)) throw error
      entries.push({error: failure, source: {file, documentIndex: 0, line: 0}})
      continue
    }
    // standard input is read once; a second reader finds it empty
    if (source.kind === 'stdin') stdin = ''
    // one at a time: spreading a list of many thousand objects into push() overflows the stack
    for (const entry of decodeManifest(text, file, {validate: options.validate ?? true})) entries.push(entry)
  }
  return entries
}
