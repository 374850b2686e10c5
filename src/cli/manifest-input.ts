import type {ManifestEntry} from '../manifests/manifest.js'
import {readStdin} from './streams.js'

/** How -f is read beyond the file names. */
export interface FilenameReadOptions {
  /** --validate other than ignore/false: refuse documents without apiVersion or kind before decoding */
  readonly validate?: boolean
}

/** Reads what -f names (stdin only when `-` is among them), splitting kubectl's comma lists (`-f a,b`). */
export async function readFilenameArgs(
  filenames: readonly string[],
  recursive: boolean,
  options: FilenameReadOptions = {},
): Promise<ManifestEntry[]> {
  const names = filenames.flatMap((f) => f.split(',')).filter((f) => f !== '')
  const stdin = names.includes('-') ? await readStdin() : undefined
  // the YAML reader is the heaviest module of a read command, so it loads only when -f is used
  const {readManifests} = await import('../manifests/read-manifests.js')
  return readManifests(names, {recursive, ...options, ...(stdin === undefined ? {} : {stdin})})
}
