import {dirname} from 'node:path'
import {fileURLToPath} from 'node:url'
import {preloadYamlParser} from '../cluster/kubeconfig/load.js'
import {connectionFlagsAfterCommand, targetReadsKubeconfig} from './context.js'
import {fastPathFor} from './fast-path.js'
import {renderError} from './render-error.js'

/**
 * Runs the CLI and returns the exit code: 0 on success, 1 on any error (kubectl's DefaultErrorExitCode),
 * with the error worded as kubectl words it on stderr and no stack unless SKIFF_DEBUG is set. Hot commands
 * take the fast path; everything else goes through oclif, loaded only then.
 */
export async function main(givenArgv: string[], binUrl: string): Promise<number> {
  const argv = connectionFlagsAfterCommand(givenArgv)
  if (targetReadsKubeconfig(argv)) await preloadYamlParser()
  const root = dirname(dirname(fileURLToPath(binUrl)))
  // a shell's completion script calls this on every TAB: it reads the manifest, never oclif
  if (givenArgv[0] === '__complete' || givenArgv[0] === '__completeNoDesc') {
    const {runComplete} = await import('./completion/run-complete.js')
    try {
      await runComplete(givenArgv[0], givenArgv.slice(1), root)
      return 0
    } catch (error) {
      return reportError(error)
    }
  }
  const fast = fastPathFor(argv, root)
  if (fast) {
    try {
      await fast()
      return 0
    } catch (error) {
      return reportError(error)
    }
  }
  const {runOclif} = await import('./oclif-main.js')
  return runOclif(argv, binUrl, reportError)
}

function reportError(error: unknown): number {
  process.stderr.write(renderError(error))
  if (process.env['SKIFF_DEBUG'] && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`)
  return 1
}
