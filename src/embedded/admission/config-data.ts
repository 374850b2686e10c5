// ConfigMap and Secret validation (pkg/apis/core/validation, v1.32): data keys, the 1 MiB limit,
// what each Secret type requires, and immutability once `immutable` is set.
import type {KubeObject} from '../../backend/object.js'
import {byteLength} from '../../resources/label-syntax.js'
import {forbidden, invalid, key, required, tooLong, type FieldError} from './field-error.js'
import {isConfigMapKey, nameIsDNSSubdomain} from './formats.js'
import {goQuote} from '../../resources/go-format.js'
import {jsonEqual} from '../../resources/json-equal.js'
import {obj, str} from './json.js'
import {FIELD_IMMUTABLE, validateObjectMeta, validateObjectMetaUpdate} from './object-meta.js'

/** core.MaxSecretSize: 1 MiB of ConfigMap or Secret data. */
const MAX_SECRET_SIZE = 1024 * 1024
const IMMUTABLE_WHEN_SET = 'field is immutable when `immutable` is set'

function base64ByteLength(value: string): number {
  const clean = value.replace(/[\r\n]/g, '')
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0
  return Math.floor((clean.length * 3) / 4) - padding
}

function keyErrors(map: unknown, path: string): FieldError[] {
  return Object.keys(obj(map)).flatMap((k) =>
    isConfigMapKey(k).map((message) => invalid(key(path, k), goQuote(k), message)),
  )
}

/** ValidateConfigMap. */
export function validateConfigMap(configMap: KubeObject): FieldError[] {
  const errors = validateObjectMeta(configMap.metadata, {namespaced: true, nameFn: nameIsDNSSubdomain})
  const data = obj(configMap['data'])
  const binaryData = obj(configMap['binaryData'])
  let total = 0
  for (const [k, value] of Object.entries(data)) {
    errors.push(...isConfigMapKey(k).map((message) => invalid(key('data', k), goQuote(k), message)))
    if (Object.hasOwn(binaryData, k))
      errors.push(invalid(key('data', k), goQuote(k), 'duplicate of key present in binaryData'))
    total += byteLength(str(value))
  }
  errors.push(...keyErrors(binaryData, 'binaryData'))
  for (const value of Object.values(binaryData)) total += base64ByteLength(str(value))
  if (total > MAX_SECRET_SIZE) errors.push(tooLong('', MAX_SECRET_SIZE))
  return errors
}

function immutableData(next: KubeObject, prev: KubeObject, fields: readonly string[]): FieldError[] {
  if (prev['immutable'] !== true) return []
  const errors: FieldError[] = []
  if (next['immutable'] !== true) errors.push(forbidden('immutable', IMMUTABLE_WHEN_SET))
  for (const field of fields) {
    // A missing map and an empty one are the same to Kubernetes after defaulting.
    if (!jsonEqual(obj(next[field]), obj(prev[field]))) errors.push(forbidden(field, IMMUTABLE_WHEN_SET))
  }
  return errors
}

/** ValidateConfigMapUpdate. */
export function validateConfigMapUpdate(configMap: KubeObject, old: KubeObject): FieldError[] {
  return [
    ...validateObjectMetaUpdate(configMap.metadata, old.metadata),
    ...immutableData(configMap, old, ['data', 'binaryData']),
    ...validateConfigMap(configMap),
  ]
}

function decodeBase64(value: string): string {
  return Buffer.from(value, 'base64').toString('utf8')
}

// A short description of why text is not JSON, in the shape of Go's encoding/json errors.
function jsonError(text: string): string | undefined {
  try {
    JSON.parse(text)
    return undefined
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error
    const first = text.trim()[0]
    return first === undefined
      ? 'unexpected end of JSON input'
      : `invalid character '${first}' looking for beginning of value`
  }
}

function requireDataKey(data: Record<string, unknown>, dataKey: string): FieldError[] {
  return Object.hasOwn(data, dataKey) ? [] : [required(key('data', dataKey))]
}

function validateSecretType(secret: KubeObject, data: Record<string, unknown>): FieldError[] {
  switch (str(secret['type'])) {
    case 'kubernetes.io/service-account-token': {
      const annotation = 'kubernetes.io/service-account.name'
      return str(obj(secret.metadata.annotations)[annotation]).length === 0
        ? [required(key('metadata.annotations', annotation))]
        : []
    }
    case 'kubernetes.io/dockercfg':
    case 'kubernetes.io/dockerconfigjson': {
      const dataKey = str(secret['type']) === 'kubernetes.io/dockercfg' ? '.dockercfg' : '.dockerconfigjson'
      if (!Object.hasOwn(data, dataKey)) return [required(key('data', dataKey))]
      const problem = jsonError(decodeBase64(str(data[dataKey])))
      return problem === undefined
        ? []
        : [invalid(key('data', dataKey), goQuote('<secret contents redacted>'), problem)]
    }
    case 'kubernetes.io/basic-auth':
      return Object.hasOwn(data, 'username') || Object.hasOwn(data, 'password')
        ? []
        : [required(key('data', 'username')), required(key('data', 'password'))]
    case 'kubernetes.io/ssh-auth':
      return str(data['ssh-privatekey']).length === 0 ? [required(key('data', 'ssh-privatekey'))] : []
    case 'kubernetes.io/tls':
      return [...requireDataKey(data, 'tls.crt'), ...requireDataKey(data, 'tls.key')]
    default:
      return []
  }
}

/** ValidateSecret: keys, total size, and what each built-in type requires. */
export function validateSecret(secret: KubeObject): FieldError[] {
  const errors = validateObjectMeta(secret.metadata, {namespaced: true, nameFn: nameIsDNSSubdomain})
  const data = obj(secret['data'])
  let total = 0
  for (const [k, value] of Object.entries(data)) {
    errors.push(...isConfigMapKey(k).map((message) => invalid(key('data', k), goQuote(k), message)))
    total += base64ByteLength(str(value))
  }
  if (total > MAX_SECRET_SIZE) errors.push(tooLong('data', MAX_SECRET_SIZE))
  errors.push(...validateSecretType(secret, data))
  return errors
}

/** ValidateSecretUpdate: type is immutable, and data too when `immutable` is set. */
export function validateSecretUpdate(secret: KubeObject, old: KubeObject): FieldError[] {
  const errors = validateObjectMetaUpdate(secret.metadata, old.metadata)
  if (str(secret['type']) !== str(old['type']))
    errors.push(invalid('type', goQuote(str(secret['type'])), FIELD_IMMUTABLE))
  return [...errors, ...immutableData(secret, old, ['data']), ...validateSecret(secret)]
}
