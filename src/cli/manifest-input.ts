import type {ManifestEntry} from '../manifests/manifest.js'
import {readManifests} from '../manifests/read-manifests.js'
import {readStdin} from './streams.js'

/** Reads what -f names (stdin only when `-` is among them), splitting kubectl's comma lists (`-f a,b`). */
export async function readFilenameArgs(filenames: readonly string[], recursive: boolean): Promise<ManifestEntry[]> {
  const names = filenames.flatMap((f) => f.split(',')).filter((f) => f !== '')
  const stdin = names.includes('-') ? await readStdin() : undefined
  return readManifests(names, {recursive, ...(stdin === undefined ? {} : {stdin})})
}
