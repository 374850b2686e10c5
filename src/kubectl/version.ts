import type {ServerVersion} from '../backend/backend.js'

/** `skiff version` data, shaped as kubectl's version.Version. */
export interface VersionReport {
  clientVersion: ServerVersion
  serverVersion?: ServerVersion
}

/** skiff's own client version info from its package version. */
export function clientVersionInfo(packageVersion: string): ServerVersion {
  const [major = '0', minor = '0'] = packageVersion.split('.')
  return {
    major,
    minor,
    gitVersion: `v${packageVersion}`,
    gitCommit: '',
    gitTreeState: '',
    buildDate: '',
    goVersion: '',
    compiler: 'node',
    platform: `${process.platform}/${process.arch === 'x64' ? 'amd64' : process.arch}`,
  }
}

/** The text of `version`: kubectl's lines, or the report as JSON (2-space indent) or YAML. */
export async function formatVersion(report: VersionReport, output: string | undefined): Promise<string> {
  if (output === 'json') return `${JSON.stringify(report, null, 2)}\n`
  if (output === 'yaml') {
    const {stringify} = await import('yaml')
    return stringify(report, {sortMapEntries: true})
  }
  const lines = [`Client Version: ${report.clientVersion.gitVersion}`]
  if (report.serverVersion) lines.push(`Server Version: ${report.serverVersion.gitVersion}`)
  return `${lines.join('\n')}\n`
}
