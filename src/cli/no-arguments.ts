import {UsageError} from './errors.js'

/** kubectl's `unexpected arguments: [a b]` for a command that takes none (cmdutil.UsageErrorf, v1.32). */
export function expectNoArguments(args: readonly string[], commandPath: string): void {
  if (args.length > 0) throw new UsageError(`unexpected arguments: [${args.join(' ')}]`, commandPath)
}
