import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {buildCommandTree, type ManifestCommand} from './command-tree.js'
import {complete, connectionFlagsOf} from './complete.js'
import {formatCompletions} from './directive.js'
import {LiveCompletionSources} from './sources.js'

/**
 * `skiff __complete ARGS... WORD` (or `__completeNoDesc`): prints the completions for WORD as cobra does for
 * kubectl, from oclif.manifest.json and, for names, the cluster; oclif itself is never loaded.
 */
export async function runComplete(command: string, words: readonly string[], root: string): Promise<void> {
  const manifest = JSON.parse(readFileSync(join(root, 'oclif.manifest.json'), 'utf8')) as {
    commands: Record<string, ManifestCommand>
  }
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {oclif?: {bin?: string}}
  const tree = buildCommandTree(pkg.oclif?.bin ?? 'skiff', manifest.commands)
  const sources = new LiveCompletionSources(connectionFlagsOf(tree, words.slice(0, -1)))
  try {
    const {completions, directive} = await complete(tree, words, sources)
    const printed = formatCompletions(completions, directive, {descriptions: command === '__complete'})
    process.stdout.write(printed.stdout)
    process.stderr.write(printed.stderr)
  } finally {
    await sources.close()
  }
}
