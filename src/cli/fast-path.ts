import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {CommandContext} from './command-context.js'
import {fastParse, type ManifestFlag} from './fast-parse.js'

interface ManifestCommand {
  flags: Record<string, ManifestFlag>
}

type FastRun = (ctx: CommandContext, args: string[], flags: Record<string, unknown>, version: string) => Promise<void>

// Commands whose run needs no oclif: the ones a user (or a script) runs most, where startup shows.
const FAST_COMMANDS: Readonly<Record<string, () => Promise<FastRun>>> = {
  get: async () => {
    const {runGet} = await import('./runs/get.js')
    return (ctx, args, flags) => runGet(ctx, args, flags as unknown as Parameters<typeof runGet>[2])
  },
  version: async () => {
    const {runVersion} = await import('./runs/version.js')
    return (ctx, _args, flags, version) =>
      runVersion(ctx, version, flags as unknown as Parameters<typeof runVersion>[2])
  },
}

/**
 * The pre-oclif fast path: for a hot command whose flags parse plainly, run it straight away with the
 * flag definitions from oclif.manifest.json, without loading oclif. Returns undefined when oclif should
 * take the command (help, errors, every other command).
 */
export function fastPathFor(argv: readonly string[], root: string): (() => Promise<void>) | undefined {
  const [id = '', ...rest] = argv
  const load = FAST_COMMANDS[id]
  if (!load) return undefined
  const manifest = readManifest(root)
  const command = manifest?.commands[id]
  if (!manifest || !command) return undefined
  const parsed = fastParse(rest, command.flags)
  if (!parsed) return undefined
  return async () => {
    const ctx = new CommandContext(manifest.bin, id)
    try {
      await (
        await load()
      )(ctx, parsed.args, parsed.flags, manifest.version)
    } finally {
      await ctx.close()
    }
  }
}

function readManifest(
  root: string,
): {bin: string; version: string; commands: Record<string, ManifestCommand>} | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(root, 'oclif.manifest.json'), 'utf8')) as {
      version: string
      commands: Record<string, ManifestCommand>
    }
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {oclif?: {bin?: string}}
    return {bin: pkg.oclif?.bin ?? 'skiff', version: manifest.version, commands: manifest.commands}
  } catch (error) {
    // no manifest (a build in progress): oclif finds the commands itself
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}
