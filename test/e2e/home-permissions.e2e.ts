import {chmodSync, readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {createSandbox, type Sandbox} from './support/cli.js'
import {startServe} from './support/serve.js'

// The store holds Secrets: under the usual umask (022) its folders used to be 0755 and store.db 0644.

const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8)

/** Every folder and file under $SKIFF_HOME with its mode, e.g. {'clusters/default/store.db': '600'}. */
function modesUnder(home: string): Record<string, string> {
  const modes: Record<string, string> = {'.': modeOf(home)}
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const path = join(dir, entry.name)
      modes[`${prefix}${entry.name}`] = modeOf(path)
      if (entry.isDirectory()) walk(path, `${prefix}${entry.name}/`)
    }
  }
  walk(home, '')
  return modes
}

const privateModes = (modes: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.keys(modes).map((path) => [path, path.includes('.') && path !== '.' ? '600' : '700']))

describe('the files under $SKIFF_HOME', () => {
  let sandbox: Sandbox
  let home: string
  beforeEach(() => {
    sandbox = createSandbox()
    home = join(sandbox.home, '.skiff')
  })
  afterEach(() => sandbox.dispose())

  it('are readable by their owner only, under the usual umask', async () => {
    const created = await sandbox.shell(
      `umask 022; node "$SKIFF_BIN" create secret generic db --from-literal=password=s3cret`,
    )
    expect(created.stdout).toBe('secret/db created\n')
    await sandbox.shell(`umask 022; node "$SKIFF_BIN" config set-context --current --namespace=default`)
    const modes = modesUnder(home)
    expect(Object.keys(modes)).toEqual(expect.arrayContaining(['.', 'clusters', 'clusters/default/store.db']))
    expect(modes).toEqual(privateModes(modes))
  })

  it('are tightened when a home made before is used again', async () => {
    await sandbox.run(['create', 'secret', 'generic', 'db', '--from-literal=password=s3cret'])
    for (const path of ['.', 'clusters', 'clusters/default']) chmodSync(join(home, path), 0o755)
    chmodSync(join(home, 'clusters/default/store.db'), 0o644)
    expect((await sandbox.run(['get', 'secrets', '-o', 'name'])).stdout).toBe('secret/db\n')
    const modes = modesUnder(home)
    expect(modes).toEqual(privateModes(modes))
  })

  it('stay private while serve runs, the SQLite journal and serve keys included', async () => {
    const server = await startServe(sandbox)
    try {
      const modes = modesUnder(home)
      expect(Object.keys(modes)).toEqual(expect.arrayContaining(['clusters/default/store.db-wal']))
      expect(modes).toEqual(privateModes(modes))
    } finally {
      await server.stop()
    }
  })
})
