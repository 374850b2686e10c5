import {readdirSync, readFileSync, statSync} from 'node:fs'
import {basename, join} from 'node:path'
import {parseEnvFile, parseLiteral, type DataSource} from '../kubectl/create-generators.js'

/** The --from-literal, --from-file and --from-env-file flags of `create configmap|secret`. */
export interface DataSourceFlags {
  'from-literal'?: string[] | undefined
  'from-file'?: string[] | undefined
  'from-env-file'?: string[] | undefined
}

/** Reads every data source the flags name, in kubectl's order: files, then literals, then env files. */
export function readDataSources(flags: DataSourceFlags): DataSource[] {
  const sources: DataSource[] = []
  for (const spec of flags['from-file'] ?? []) sources.push(...readFileSource(spec))
  for (const literal of flags['from-literal'] ?? []) sources.push(parseLiteral(literal))
  for (const file of flags['from-env-file'] ?? []) sources.push(...parseEnvFile(readFileSync(file, 'utf8'), file))
  return sources
}

// `--from-file=[key=]path`: a file's basename (or the key) names its content; a directory gives each regular file
function readFileSource(spec: string): DataSource[] {
  const eq = spec.indexOf('=')
  const key = eq > 0 ? spec.slice(0, eq) : undefined
  const path = eq > 0 ? spec.slice(eq + 1) : spec
  if (statSync(path).isDirectory()) {
    if (key !== undefined) throw new Error('cannot give a key name for a directory path')
    return readdirSync(path)
      .filter((name) => statSync(join(path, name)).isFile())
      .map((name) => ({key: name, value: readFileSync(join(path, name), 'utf8')}))
  }
  return [{key: key ?? basename(path), value: readFileSync(path, 'utf8')}]
}
