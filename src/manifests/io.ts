// All the I/O that reading manifests does, behind one small interface so the rest stays testable and pure.
import {lstat, readFile, readdir, stat} from 'node:fs/promises'
import {request as httpRequest} from 'node:http'
import {request as httpsRequest} from 'node:https'
import {setTimeout as delay} from 'node:timers/promises'

/** What a path is; `error` carries Go's wording of a failed stat (`stat a/b: not a directory`). */
export type PathInfo = {kind: 'file' | 'directory' | 'missing'} | {kind: 'error'; message: string}

/** One directory entry, not following symbolic links (as filepath.Walk sees it). */
export interface DirectoryEntry {
  readonly name: string
  readonly isDirectory: boolean
}

/** A completed HTTP exchange, whatever its status. */
export interface HttpResponse {
  readonly status: number
  readonly statusText: string
  readonly body: Buffer
}

/** A request that got no response; `code` is Node's (ECONNREFUSED, ENOTFOUND, ...). */
export class HttpRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message)
    this.name = 'HttpRequestError'
  }
}

/** The file system, network and clock operations manifest reading needs. */
export interface ManifestIO {
  /** os.Stat: follows symbolic links */
  stat(path: string): Promise<PathInfo>
  /** os.Lstat: does not follow symbolic links */
  lstat(path: string): Promise<PathInfo>
  readDirectory(path: string): Promise<DirectoryEntry[]>
  readFile(path: string): Promise<Buffer>
  /** GET with redirects followed; rejects with HttpRequestError when no response arrives */
  get(url: string): Promise<HttpResponse>
  sleep(delayMs: number): Promise<void>
}

// Go's syscall error strings for the errors a manifest path can meet.
const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
}

/** The `op path: reason` text Go's os package gives a failed file operation. */
export function goPathError(op: string, path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? ''
  const reason = ERRNO_TEXT[code] ?? (error instanceof Error ? error.message : String(error))
  return `${op} ${path}: ${reason}`
}

async function pathInfo(path: string, follow: boolean): Promise<PathInfo> {
  try {
    const info = follow ? await stat(path) : await lstat(path)
    return {kind: info.isDirectory() ? 'directory' : 'file'}
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {kind: 'missing'}
    return {kind: 'error', message: goPathError(follow ? 'stat' : 'lstat', path, error)}
  }
}

// Go's http.Client follows up to 10 redirects.
const MAX_REDIRECTS = 10

// node:http rather than fetch: fetch refuses some ports outright, where Go (and kubectl) would connect.
function getOnce(url: string): Promise<HttpResponse & {location?: string}> {
  return new Promise((resolve, reject) => {
    const request = (url.startsWith('https:') ? httpsRequest : httpRequest)(url, {method: 'GET'}, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('error', reject)
      response.on('end', () => {
        const result = {
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? '',
          body: Buffer.concat(chunks),
        }
        const location = response.headers.location
        resolve(location === undefined ? result : {...result, location})
      })
    })
    request.on('error', (error: NodeJS.ErrnoException) =>
      reject(new HttpRequestError(error.message, error.code ?? 'UNKNOWN')),
    )
    request.end()
  })
}

/** The real file system, network and clock. */
export const nodeManifestIO: ManifestIO = {
  stat: (path) => pathInfo(path, true),
  lstat: (path) => pathInfo(path, false),
  async readDirectory(path) {
    const entries = await readdir(path, {withFileTypes: true})
    return entries.map((entry) => ({name: entry.name, isDirectory: entry.isDirectory()}))
  },
  readFile: (path) => readFile(path),
  async get(url) {
    let current = url
    for (let redirects = 0; ; redirects++) {
      const response = await getOnce(current)
      const redirected = response.status >= 300 && response.status < 400 && response.location !== undefined
      if (!redirected || redirects >= MAX_REDIRECTS) return response
      current = new URL(response.location ?? '', current).toString()
    }
  },
  sleep: async (delayMs) => {
    await delay(delayMs)
  },
}
