import {mkdir, mkdtemp, rm, symlink, writeFile} from 'node:fs/promises'
import {createServer} from 'node:http'
import type {Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest'
import {nodeManifestIO} from '../../../src/manifests/io.js'
import type {ManifestIO} from '../../../src/manifests/io.js'
import {ManifestError, isManifestFailure} from '../../../src/manifests/manifest.js'
import type {ManifestEntry} from '../../../src/manifests/manifest.js'
import {readManifests} from '../../../src/manifests/read-manifests.js'

const cm = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`

let dir: string
/** A path inside the temporary directory. */
const at = (path: string): string => join(dir, path)
const local = (text: string): string => text.replaceAll(`${dir}/`, '')

function summary(entries: ManifestEntry[]): string[] {
  return entries.map((e) =>
    local(
      isManifestFailure(e)
        ? `error: ${e.error.message}`
        : `${e.source.file} ${e.object.kind}/${e.object.metadata.name}`,
    ),
  )
}

async function builderError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ManifestError || error instanceof AggregateError) return local(error.message)
    throw error
  }
  return 'no error'
}

beforeEach(async () => {
  // Given a directory of manifests
  dir = await mkdtemp(join(tmpdir(), 'skiff-manifests-'))
  await mkdir(at('d/sub/deeper'), {recursive: true})
  await mkdir(at('d/empty'))
  await writeFile(at('d/b.yaml'), cm('b'))
  await writeFile(at('d/a.yml'), cm('a'))
  await writeFile(at('d/j.json'), '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"j"}}')
  await writeFile(at('d/t.txt'), cm('t'))
  await writeFile(at('d/UP.YAML'), cm('up'))
  await writeFile(at('d/.hidden.yaml'), cm('hidden'))
  await writeFile(at('d/sub/s.yaml'), cm('s'))
  await writeFile(at('d/sub/deeper/x.yml'), cm('x'))
  await writeFile(at('t.txt'), cm('explicit'))
})

afterEach(async () => {
  await rm(dir, {recursive: true, force: true})
})

describe('readManifests with files and directories', () => {
  it('reads a file named explicitly whatever its extension', async () => {
    expect(summary(await readManifests([at('t.txt')]))).toEqual(['t.txt ConfigMap/explicit'])
  })

  it('reads only .json, .yaml and .yml files of a directory, in byte order, without subdirectories', async () => {
    expect(summary(await readManifests([at('d')]))).toEqual([
      'd/.hidden.yaml ConfigMap/hidden',
      'd/a.yml ConfigMap/a',
      'd/b.yaml ConfigMap/b',
      'd/j.json ConfigMap/j',
    ])
  })

  it('walks subdirectories with recursive', async () => {
    expect(summary(await readManifests([at('d/')], {recursive: true}))).toEqual([
      'd/.hidden.yaml ConfigMap/hidden',
      'd/a.yml ConfigMap/a',
      'd/b.yaml ConfigMap/b',
      'd/j.json ConfigMap/j',
      'd/sub/deeper/x.yml ConfigMap/x',
      'd/sub/s.yaml ConfigMap/s',
    ])
  })

  it('reads several -f values in the order given', async () => {
    expect(summary(await readManifests([at('d/b.yaml'), at('t.txt'), at('d/a.yml')]))).toEqual([
      'd/b.yaml ConfigMap/b',
      't.txt ConfigMap/explicit',
      'd/a.yml ConfigMap/a',
    ])
  })

  it('expands a glob when the value names no path', async () => {
    expect(summary(await readManifests([at('d/*.y*ml'), at('d/s[u]b/*.yaml')]))).toEqual([
      'd/.hidden.yaml ConfigMap/hidden',
      'd/a.yml ConfigMap/a',
      'd/b.yaml ConfigMap/b',
      'd/sub/s.yaml ConfigMap/s',
    ])
  })

  it('fails as a whole when a path does not exist, naming every missing one', async () => {
    expect(await builderError(readManifests([at('nope.yaml')]))).toBe('the path "nope.yaml" does not exist')
    expect(await builderError(readManifests([at('nope.yaml'), at('d/b.yaml'), at('nope2.yaml')]))).toBe(
      'the path "nope.yaml" does not exist\nthe path "nope2.yaml" does not exist',
    )
    expect(await builderError(readManifests([at('d/*.zz')]))).toBe('the path "d/*.zz" does not exist')
    expect(await builderError(readManifests([at('d/[')]))).toBe('pattern "d/[" is not valid: syntax error in pattern')
  })

  it('refuses a directory without manifests', async () => {
    expect(await builderError(readManifests([at('d/empty')]))).toBe(
      'error reading [d/empty]: recognized file extensions are [.json .yaml .yml]',
    )
    // once another value has given a source, an empty directory is no longer an error
    expect(summary(await readManifests([at('d/a.yml'), at('d/empty')]))).toEqual(['d/a.yml ConfigMap/a'])
  })

  it('reports a symbolic link to a directory as kubectl does, since the walk does not follow it', async () => {
    await symlink('sub', at('d/link'))
    expect(summary(await readManifests([at('d/link')]))).toEqual([
      'error: error parsing d/link: read d/link: is a directory',
    ])
  })

  it('keeps reading the other files when one is broken', async () => {
    await writeFile(at('d/c.yaml'), 'metadata:\n  name: x\n  labels: a: b\n')
    const entries = await readManifests([at('d/a.yml'), at('d/c.yaml'), at('d/b.yaml')])
    expect(summary(entries)).toEqual([
      'd/a.yml ConfigMap/a',
      'error: error parsing d/c.yaml: error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context',
      'd/b.yaml ConfigMap/b',
    ])
    expect(entries[1]?.source).toEqual({file: at('d/c.yaml'), documentIndex: 0, line: 3})
  })

  it('drops a UTF-8 byte order mark and decodes UTF-16 files', async () => {
    await writeFile(at('bom.yaml'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(cm('bom'))]))
    await writeFile(at('utf16.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(cm('wide'), 'utf16le')]))
    expect(summary(await readManifests([at('bom.yaml'), at('utf16.yaml')]))).toEqual([
      'bom.yaml ConfigMap/bom',
      'utf16.yaml ConfigMap/wide',
    ])
  })
})

describe('readManifests with standard input', () => {
  it('reads - from the text the caller passes, named STDIN', async () => {
    const entries = await readManifests(['-'], {stdin: `${cm('one')}---\nmetadata: {}\n`})
    expect(summary(entries)).toEqual([
      'STDIN ConfigMap/one',
      'error: error validating "STDIN": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false',
    ])
  })

  it('refuses standard input twice', async () => {
    expect(await builderError(readManifests(['-', '-'], {stdin: cm('x')}))).toBe(
      'standard input cannot be used for multiple arguments',
    )
  })
})

describe('readManifests with URLs', () => {
  let server: Server
  let base: string
  const requests: string[] = []
  // no real waiting between retries
  const io: ManifestIO = {...nodeManifestIO, sleep: async () => {}}

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(request.url ?? '')
      const url = new URL(request.url ?? '/', 'http://localhost')
      if (url.pathname === '/moved') {
        response.writeHead(302, {location: '/web.yaml'}).end()
        return
      }
      const status = Number(url.searchParams.get('status') ?? 200)
      response.writeHead(status, {'content-type': 'text/plain'}).end(cm('from-url'))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
  })

  it('fetches a manifest, following redirects, named by its URL', async () => {
    expect(summary(await readManifests([`${base}/moved`], {io}))).toEqual([`${base}/moved ConfigMap/from-url`])
  })

  it('reports a failed URL in its place and reads the other sources', async () => {
    const url = `${base}/web.yaml?status=404`
    expect(summary(await readManifests([at('d/a.yml'), url, at('d/b.yaml')], {io}))).toEqual([
      'd/a.yml ConfigMap/a',
      `error: unable to read URL "${url}", server reported 404 Not Found, status code=404`,
      'd/b.yaml ConfigMap/b',
    ])
  })

  it('tries a server error three times and a client error once', async () => {
    requests.length = 0
    await readManifests([`${base}/a?status=503`, `${base}/b?status=403`], {io})
    expect(requests).toEqual(['/a?status=503', '/a?status=503', '/a?status=503', '/b?status=403'])
  })

  it('words a refused connection as kubectl prints it, without the error: prefix', async () => {
    // a port just closed on loopback refuses connections
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const [entry] = await readManifests([`http://127.0.0.1:${port}/x.yaml`], {io})
    expect(entry && isManifestFailure(entry) ? entry.error : undefined).toMatchObject({
      message: `The connection to the server 127.0.0.1:${port} was refused - did you specify the right host or port?`,
      bare: true,
    })
  })

  it('refuses a URL that does not parse before reading anything', async () => {
    expect(await builderError(readManifests(['http://%zz/x.yaml', at('d/a.yml')], {io}))).toBe(
      'the URL passed to filename "http://%zz/x.yaml" is not valid: parse "http://%zz/x.yaml": invalid URL escape "%zz"',
    )
    expect(await builderError(readManifests(['http://[::1/x.yaml'], {io}))).toBe(
      `the URL passed to filename "http://[::1/x.yaml" is not valid: parse "http://[::1/x.yaml": missing ']' in host`,
    )
  })
})
