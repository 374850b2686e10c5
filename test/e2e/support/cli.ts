import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {execa} from 'execa'

/** The built CLI's entry point. */
export const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../../bin/run.js')

/** What a finished CLI process showed. */
export interface CliResult {
  exitCode: number
  stdout: string
  stderr: string
}

/** A fresh SKIFF_HOME (and HOME, so no real kubeconfig is found) for one test. */
export interface Sandbox {
  home: string
  run(args: readonly string[], options?: {input?: string; env?: Record<string, string>}): Promise<CliResult>
  /** Runs a shell pipeline with $SKIFF_BIN pointing at the built CLI. */
  shell(script: string): Promise<CliResult>
  write(name: string, content: string): string
  dispose(): void
}

/** Creates a sandbox whose `run` spawns the built CLI as a user would. */
export function createSandbox(): Sandbox {
  const home = mkdtempSync(join(tmpdir(), 'skiff-e2e-'))
  const env = {SKIFF_HOME: join(home, '.skiff'), HOME: home, KUBECONFIG: '', NO_COLOR: '1', SKIFF_BIN: BIN}
  const finish = (result: {exitCode?: number | undefined; stdout: unknown; stderr: unknown}): CliResult => ({
    exitCode: result.exitCode ?? 1,
    stdout: String(result.stdout),
    stderr: String(result.stderr),
  })
  return {
    home,
    async run(args, options = {}) {
      const result = await execa('node', [BIN, ...args], {
        reject: false,
        cwd: home,
        input: options.input ?? '',
        env: {...env, ...options.env},
        stripFinalNewline: false,
      })
      return finish(result)
    },
    async shell(script) {
      return finish(await execa('sh', ['-c', script], {reject: false, cwd: home, env, stripFinalNewline: false}))
    },
    write(name, content) {
      const file = join(home, name)
      writeFileSync(file, content)
      return file
    },
    dispose() {
      rmSync(home, {recursive: true, force: true})
    },
  }
}
