import {Args} from '@oclif/core'
import {SkiffCommand} from '../src/cli/base-command.js'
import {UsageError} from '../src/cli/errors.js'

const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const
type Shell = (typeof SHELLS)[number]

export default class Completion extends SkiffCommand {
  static override summary = 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)'
  static override description = `Output shell completion code for the specified shell (bash, zsh, fish, or powershell). The shell code must be evaluated to provide interactive completion of <%= config.bin %> commands. This can be done by sourcing it from the .bash_profile.

The scripts ask '<%= config.bin %> __complete' for completions, the protocol kubectl's completion uses: commands, flags, resource types and the names of live objects in the current namespace.`
  static override examples = [
    '# Load the skiff completion code for bash into the current shell\nsource <(<%= config.bin %> completion bash)',
    '# Load the skiff completion code for zsh into the current shell (after compinit)\nsource <(<%= config.bin %> completion zsh)',
    '# Load the skiff completion code for fish into the current shell\n<%= config.bin %> completion fish | source',
    '# Load the skiff completion code for powershell into the current shell\n<%= config.bin %> completion powershell | Out-String | Invoke-Expression',
  ]
  static override strict = false
  static override args = {shell: Args.string({description: 'SHELL'})}

  async run(): Promise<void> {
    const {argv} = await this.parse(Completion)
    const args = argv as string[]
    // kubectl completion's RunCompletion checks (kubectl/pkg/cmd/completion/completion.go, v1.32)
    if (args.length === 0) throw new UsageError('Shell not specified.', this.commandPath)
    if (args.length > 1) throw new UsageError('Too many arguments. Expected only the shell type.', this.commandPath)
    const shell = args[0] ?? ''
    if (!(SHELLS as readonly string[]).includes(shell))
      throw new UsageError(`Unsupported shell type "${shell}".`, this.commandPath)
    this.out(await completionScript(shell as Shell, this.config.bin))
  }
}

async function completionScript(shell: Shell, bin: string): Promise<string> {
  switch (shell) {
    case 'bash':
      return (await import('../src/cli/completion/scripts/bash.js')).bashCompletion(bin)
    case 'zsh':
      return (await import('../src/cli/completion/scripts/zsh.js')).zshCompletion(bin)
    case 'fish':
      return (await import('../src/cli/completion/scripts/fish.js')).fishCompletion(bin)
    case 'powershell':
      return (await import('../src/cli/completion/scripts/powershell.js')).powershellCompletion(bin)
  }
}
