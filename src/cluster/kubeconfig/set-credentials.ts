import {readFileSync, statSync} from 'node:fs'
import {resolve} from 'node:path'
import {startingKubeconfig, type KubeconfigAccess} from './access.js'
import {withEntry} from './entries.js'
import {modifyKubeconfig} from './modify.js'
import {splitSliceFlag} from '../../resources/string-slice-flag.js'
import type {KubeconfigUser} from './types.js'

/** What `config set-credentials` was asked to change; undefined for a flag not given. */
export interface UserChanges {
  clientCertificate?: string | undefined
  clientKey?: string | undefined
  token?: string | undefined
  username?: string | undefined
  password?: string | undefined
  embedCerts?: boolean | undefined
  authProvider?: string | undefined
  /** --auth-provider-arg: key=value pairs to set and key- names to remove */
  authProviderArgs?: KeyValueChanges | undefined
  execCommand?: string | undefined
  execApiVersion?: string | undefined
  execArgs?: readonly string[] | undefined
  execEnv?: KeyValueChanges | undefined
  execInteractiveMode?: string | undefined
  execProvideClusterInfo?: boolean | undefined
}

/** `key=value` pairs to set and `key-` names to remove, in the order given. */
interface KeyValueChanges {
  set: ReadonlyArray<readonly [string, string]>
  remove: readonly string[]
}

// client-go clientcmd/api ExecInteractiveMode values
const INTERACTIVE_MODES = ['IfAvailable', 'Never', 'Always']

/** cmdutil.ParsePairs with removal (kubectl/pkg/cmd/util/helpers.go, v1.32): `invalid <flag> format: a, b`. */
export function parsePairs(args: readonly string[], flag: string): KeyValueChanges {
  const set: Array<readonly [string, string]> = []
  const remove: string[] = []
  const invalid: string[] = []
  for (const arg of args) {
    const equals = arg.indexOf('=')
    if (equals > 0) set.push([arg.slice(0, equals), arg.slice(equals + 1)])
    else if (arg.endsWith('-') && arg !== '-') remove.push(arg.slice(0, -1))
    else invalid.push(arg)
  }
  if (invalid.length > 0) throw new Error(`invalid ${flag} format: ${invalid.join(', ')}`)
  return {set, remove}
}

function statError(flag: string, path: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code
  const text = code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : String(error)
  return new Error(`could not stat ${flag} file ${path}: stat ${path}: ${text}`)
}

/** set-credentials' checks (kubectl/pkg/cmd/config/create_authinfo.go validate, v1.32). */
export function validateUserChanges(name: string, changes: UserChanges): void {
  if (name === '') throw new Error('you must specify a non-empty user name')
  const methods: string[] = []
  if ((changes.token ?? '') !== '') methods.push('--token')
  if ((changes.username ?? '') !== '' || (changes.password ?? '') !== '') methods.push('--username/--password')
  if (methods.length > 1)
    throw new Error(`you cannot specify more than one authentication method at the same time: ${methods.join(', ')}`)
  if (changes.embedCerts === true) {
    const cert = changes.clientCertificate ?? ''
    const key = changes.clientKey ?? ''
    if (cert === '' && key === '') throw new Error('you must specify a --client-certificate or --client-key to embed')
    for (const [flag, path] of [
      ['client-certificate', cert],
      ['client-key', key],
    ] as const) {
      if (path === '') continue
      try {
        statSync(path)
      } catch (error) {
        throw statError(flag, path, error)
      }
    }
  }
  if (changes.execInteractiveMode !== undefined && !INTERACTIVE_MODES.includes(changes.execInteractiveMode))
    throw new Error('invalid interactive mode type, can be only IfAvailable, Never, Always')
}

type Exec = NonNullable<KubeconfigUser['exec']>

function modifiedExec(existing: Exec | undefined, changes: UserChanges): Exec | undefined {
  let exec = existing ? {...existing} : undefined
  if (changes.execCommand !== undefined) {
    // a new command resets the arguments of the old one
    exec = exec ? {...exec, command: changes.execCommand, args: null} : {command: changes.execCommand}
  }
  // the other exec flags only change an exec plugin that is there
  if (!exec) return undefined
  if (changes.execApiVersion !== undefined) exec.apiVersion = changes.execApiVersion
  if (changes.execInteractiveMode !== undefined) exec['interactiveMode'] = changes.execInteractiveMode
  if (changes.execProvideClusterInfo !== undefined) exec['provideClusterInfo'] = changes.execProvideClusterInfo
  if (changes.execArgs !== undefined && changes.execArgs.length > 0) exec.args = [...changes.execArgs]
  if (changes.execEnv) {
    const {set, remove} = changes.execEnv
    const env = (exec.env ?? []).filter((e) => !remove.includes(e.name))
    for (const [name, value] of set) {
      const index = env.findIndex((e) => e.name === name)
      if (index >= 0) env[index] = {name, value}
      else env.push({name, value})
    }
    exec.env = env
  }
  return exec
}

function fileOrData(
  user: KubeconfigUser,
  path: string,
  embed: boolean,
  fields: {file: 'client-certificate' | 'client-key'; data: 'client-certificate-data' | 'client-key-data'},
): void {
  if (embed) {
    user[fields.data] = readFileSync(path).toString('base64')
    delete user[fields.file]
    return
  }
  user[fields.file] = path === '' ? '' : resolve(path)
  if (path !== '') delete user[fields.data]
}

/** The user entry after the changes, as createAuthInfoOptions.modifyAuthInfo makes it. */
export function modifiedUser(existing: KubeconfigUser, changes: UserChanges): KubeconfigUser {
  const user: KubeconfigUser = {...existing}
  const embed = changes.embedCerts === true
  if (changes.clientCertificate !== undefined)
    fileOrData(user, changes.clientCertificate, embed, {file: 'client-certificate', data: 'client-certificate-data'})
  if (changes.clientKey !== undefined)
    fileOrData(user, changes.clientKey, embed, {file: 'client-key', data: 'client-key-data'})
  let setToken = false
  let setBasic = false
  if (changes.token !== undefined) {
    user.token = changes.token
    setToken = changes.token !== ''
  }
  if (changes.username !== undefined) {
    user.username = changes.username
    setBasic ||= changes.username !== ''
  }
  if (changes.password !== undefined) {
    user.password = changes.password
    setBasic ||= changes.password !== ''
  }
  if (changes.authProvider !== undefined && user['auth-provider']?.name !== changes.authProvider)
    user['auth-provider'] = {name: changes.authProvider}
  const provider = user['auth-provider']
  if (provider) {
    const config: Record<string, string> = {...provider.config}
    for (const key of changes.authProviderArgs?.remove ?? []) delete config[key]
    for (const [key, value] of changes.authProviderArgs?.set ?? []) config[key] = value
    user['auth-provider'] = {...provider, config}
  }
  const exec = modifiedExec(user.exec, changes)
  if (exec) user.exec = exec
  // setting one way of authenticating clears the other
  if (setToken || setBasic) {
    if (!setToken) delete user.token
    if (!setBasic) {
      delete user.username
      delete user.password
    }
  }
  return user
}

/** `config set-credentials NAME`: creates or changes the user entry and writes it where clientcmd would. */
export async function setCredentials(access: KubeconfigAccess, name: string, changes: UserChanges): Promise<void> {
  validateUserChanges(name, changes)
  const starting = startingKubeconfig(access)
  const users = withEntry(starting.users, name, 'user', (old) => modifiedUser(old ?? {}, changes))
  await modifyKubeconfig(access, starting, {...starting, users}, {relativizePaths: true})
}

/** The flags of `config set-credentials` → the changes they ask for (pure). */
export function toUserChanges(flags: {
  'auth-provider'?: string | undefined
  'auth-provider-arg'?: string[] | undefined
  'client-certificate'?: string | undefined
  'client-key'?: string | undefined
  'embed-certs'?: boolean | undefined
  'exec-api-version'?: string | undefined
  'exec-arg'?: string[] | undefined
  'exec-command'?: string | undefined
  'exec-env'?: string[] | undefined
  'exec-interactive-mode'?: string | undefined
  'exec-provide-cluster-info'?: boolean | undefined
  password?: string | undefined
  token?: string | undefined
  username?: string | undefined
}): UserChanges {
  const providerArgs = splitSliceFlag(flags['auth-provider-arg'])
  const execEnv = flags['exec-env'] ?? []
  return {
    clientCertificate: flags['client-certificate'],
    clientKey: flags['client-key'],
    token: flags.token,
    username: flags.username,
    password: flags.password,
    embedCerts: flags['embed-certs'],
    authProvider: flags['auth-provider'],
    authProviderArgs: providerArgs.length > 0 ? parsePairs(providerArgs, 'auth-provider-arg') : undefined,
    execCommand: flags['exec-command'],
    execApiVersion: flags['exec-api-version'],
    execArgs: splitSliceFlag(flags['exec-arg']),
    execEnv: execEnv.length > 0 ? parsePairs(execEnv, 'exec-env') : undefined,
    execInteractiveMode: flags['exec-interactive-mode'],
    execProvideClusterInfo: flags['exec-provide-cluster-info'],
  }
}
