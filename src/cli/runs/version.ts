import type {CommandContext} from '../command-context.js'
import type {ConnectionFlags} from '../context.js'
import {clientVersionInfo, formatVersion} from '../../kubectl/version.js'

/** The flags of `version`. */
export interface VersionFlags extends ConnectionFlags {
  client?: boolean | undefined
  output?: string | undefined
}

/** `version`: the client's version, and the server's unless --client. */
export async function runVersion(ctx: CommandContext, packageVersion: string, flags: VersionFlags): Promise<void> {
  const clientVersion = clientVersionInfo(packageVersion)
  if (flags.client) {
    ctx.out(await formatVersion({clientVersion}, flags.output))
    return
  }
  const serverVersion = await (await ctx.backend(flags)).version()
  ctx.out(await formatVersion({clientVersion, serverVersion}, flags.output))
}
