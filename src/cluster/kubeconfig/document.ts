import {isJsonObject, type JsonObject} from '../../backend/object.js'
import type {Kubeconfig, Named} from './types.js'

/*
 * A kubeconfig as kubectl writes it (`config view`, and every file `config use-context` rewrites): the shape
 * of clientcmd/api/v1's Go structs, fields in their declaration order, empty optional fields left out and
 * the few non-optional ones always present (client-go tools/clientcmd/api/v1/types.go, v1.32).
 */

// [field, omitted when empty]
type FieldOrder = readonly (readonly [string, boolean])[]

const CLUSTER_FIELDS: FieldOrder = [
  ['server', false],
  ['tls-server-name', true],
  ['insecure-skip-tls-verify', true],
  ['certificate-authority', true],
  ['certificate-authority-data', true],
  ['proxy-url', true],
  ['disable-compression', true],
  ['extensions', true],
]

const USER_FIELDS: FieldOrder = [
  ['client-certificate', true],
  ['client-certificate-data', true],
  ['client-key', true],
  ['client-key-data', true],
  ['token', true],
  ['tokenFile', true],
  ['as', true],
  ['as-uid', true],
  ['as-groups', true],
  ['as-user-extra', true],
  ['username', true],
  ['password', true],
  ['auth-provider', true],
  ['exec', true],
  ['extensions', true],
]

const EXEC_FIELDS: FieldOrder = [
  ['command', false],
  ['args', false],
  ['env', false],
  ['apiVersion', true],
  ['installHint', true],
  ['provideClusterInfo', false],
  ['interactiveMode', true],
]

const CONTEXT_FIELDS: FieldOrder = [
  ['cluster', false],
  ['user', false],
  ['namespace', true],
  ['extensions', true],
]

const EMPTY_DEFAULTS: Readonly<Record<string, unknown>> = {
  server: '',
  cluster: '',
  user: '',
  command: '',
  args: null,
  env: null,
  provideClusterInfo: false,
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    value === false ||
    (Array.isArray(value) && value.length === 0) ||
    (isJsonObject(value) && Object.keys(value).length === 0)
  )
}

function shape(value: JsonObject, order: FieldOrder): JsonObject {
  const out: JsonObject = {}
  for (const [field, omitEmpty] of order) {
    const v = field === 'exec' && isJsonObject(value[field]) ? shape(value[field], EXEC_FIELDS) : value[field]
    if (omitEmpty ? !isEmpty(v) : true) out[field] = v === undefined ? EMPTY_DEFAULTS[field] : v
  }
  return out
}

// config view without --raw: certificate and key data shortened, secrets redacted (clientcmd/api helpers.go)
const DATA_FIELDS = ['certificate-authority-data', 'client-certificate-data', 'client-key-data']
const SECRET_FIELDS = ['token', 'password']

function redact(value: JsonObject): JsonObject {
  const out = {...value}
  for (const field of DATA_FIELDS) if (!isEmpty(out[field])) out[field] = 'DATA+OMITTED'
  for (const field of SECRET_FIELDS) if (!isEmpty(out[field])) out[field] = 'REDACTED'
  return out
}

/** How `config view` prints: secrets redacted unless raw, and only the current context's parts when minified. */
interface DocumentOptions {
  raw?: boolean
  minify?: boolean
}

/** Thrown by --minify when there is no current context (kubectl's wording). */
class MinifyError extends Error {
  constructor() {
    super('current-context must exist in order to minify')
    this.name = 'MinifyError'
  }
}

/** The kubeconfig document for `config view` or for a file: clientcmd's field order, names sorted. */
export function kubeconfigDocument(config: Kubeconfig, options: DocumentOptions = {}): JsonObject {
  let {clusters, users, contexts} = config
  if (options.minify) {
    const context = contexts.find((c) => c.name === config.currentContext)
    if (!context) throw new MinifyError()
    contexts = [context]
    clusters = clusters.filter((c) => c.name === context.value.cluster)
    users = users.filter((u) => u.name === context.value.user)
  }
  // an empty list is a nil slice in clientcmd's v1 Config, so it prints as null
  const entries = <K extends string>(list: readonly Named<K, JsonObject>[], order: FieldOrder, secret: boolean) =>
    list.length === 0
      ? null
      : [...list]
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
          .map((e) => {
            const shaped = shape(e.value, order)
            return {name: e.name, [e.key]: secret && !options.raw ? redact(shaped) : shaped}
          })
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: config.preferences,
    clusters: entries(clusters, CLUSTER_FIELDS, true),
    users: entries(users, USER_FIELDS, true),
    contexts: entries(contexts, CONTEXT_FIELDS, false),
    'current-context': config.currentContext,
  }
}
