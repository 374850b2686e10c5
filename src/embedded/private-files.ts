import {chmodSync, closeSync, existsSync, mkdirSync, openSync, writeFileSync} from 'node:fs'
import {dirname, relative, resolve, sep} from 'node:path'
import {skiffHome} from './cluster-home.js'

// the stores hold Secrets and serve's keys: only their owner may read them, whatever the umask
const PRIVATE_DIR_MODE = 0o700
const PRIVATE_FILE_MODE = 0o600

/**
 * Creates `dir` with mode 0700 and tightens $SKIFF_HOME and every folder between it and `dir` to 0700,
 * so a home made before (0755 under the usual umask) is closed on its next use.
 */
export function ensurePrivateDir(dir: string, env: NodeJS.ProcessEnv = process.env): void {
  const home = resolve(skiffHome(env))
  const target = resolve(dir)
  mkdirSync(target, {recursive: true, mode: PRIVATE_DIR_MODE})
  const below = relative(home, target)
  // a folder outside $SKIFF_HOME (a test's store, a user's --write-kubeconfig folder) is only created
  if (below.startsWith('..') || resolve(home, below) !== target) return
  let current = home
  chmodSync(current, PRIVATE_DIR_MODE)
  for (const part of below === '' ? [] : below.split(sep)) {
    current = resolve(current, part)
    chmodSync(current, PRIVATE_DIR_MODE)
  }
}

/** Makes `file` (created empty when absent) and the files SQLite keeps beside it readable by their owner only. */
export function ensurePrivateFile(file: string, siblings: readonly string[] = []): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE))
  chmodSync(file, PRIVATE_FILE_MODE)
  for (const sibling of siblings) if (existsSync(sibling)) chmodSync(sibling, PRIVATE_FILE_MODE)
}

/** Writes a file under $SKIFF_HOME with mode 0600, its folder created private. */
export function writePrivateFile(file: string, text: string, env: NodeJS.ProcessEnv = process.env): void {
  ensurePrivateDir(dirname(file), env)
  writeFileSync(file, text, {mode: PRIVATE_FILE_MODE})
  // writeFileSync's mode applies only when it creates the file
  chmodSync(file, PRIVATE_FILE_MODE)
}
