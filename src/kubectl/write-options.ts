import type {WriteOptions} from '../backend/backend.js'

/** What a command's write sends: its field manager (kubectl's per-command --field-manager), dryRun for --dry-run=server. */
export function writeOptions(options: {dryRun: 'none' | 'client' | 'server'; fieldManager: string}): WriteOptions {
  return {fieldManager: options.fieldManager, ...(options.dryRun === 'server' ? {dryRun: true} : {})}
}
