import {isJsonObject, type JsonObject} from '../../backend/object.js'
import type {Kubeconfig, Named} from './types.js'

/*
 * `config set` and `config unset` PROPERTY_NAME paths, walked as kubectl walks clientcmd's internal Config
 * (kubectl/pkg/cmd/config/navigation_step_parser.go and set.go, v1.32): `clusters.NAME.server`,
 * `users.NAME.token`, `contexts.NAME.namespace`, `current-context`, `preferences.colors`. A map key may
 * contain dots: it runs up to the next part that names a field of the entry (`clusters.10.0.0.1.server`).
 */

type Leaf = 'string' | 'bool' | 'bytes' | 'strings' | 'pointer' | 'object-map' | 'strings-map'
type Section = 'clusters' | 'users' | 'contexts'

interface Field {
  leaf: Leaf
  /** the key in the v1 file, where it differs from the internal one */
  v1?: string
}

const CLUSTER_FIELDS: Readonly<Record<string, Field>> = {
  server: {leaf: 'string'},
  'tls-server-name': {leaf: 'string'},
  'insecure-skip-tls-verify': {leaf: 'bool'},
  'certificate-authority': {leaf: 'string'},
  'certificate-authority-data': {leaf: 'bytes'},
  'proxy-url': {leaf: 'string'},
  'disable-compression': {leaf: 'bool'},
  extensions: {leaf: 'object-map'},
}

const USER_FIELDS: Readonly<Record<string, Field>> = {
  'client-certificate': {leaf: 'string'},
  'client-certificate-data': {leaf: 'bytes'},
  'client-key': {leaf: 'string'},
  'client-key-data': {leaf: 'bytes'},
  token: {leaf: 'string'},
  tokenFile: {leaf: 'string'},
  'act-as': {leaf: 'string', v1: 'as'},
  'act-as-uid': {leaf: 'string', v1: 'as-uid'},
  'act-as-groups': {leaf: 'strings', v1: 'as-groups'},
  'act-as-user-extra': {leaf: 'strings-map', v1: 'as-user-extra'},
  username: {leaf: 'string'},
  password: {leaf: 'string'},
  'auth-provider': {leaf: 'pointer'},
  exec: {leaf: 'pointer'},
  extensions: {leaf: 'object-map'},
}

const CONTEXT_FIELDS: Readonly<Record<string, Field>> = {
  cluster: {leaf: 'string'},
  user: {leaf: 'string'},
  namespace: {leaf: 'string'},
  extensions: {leaf: 'object-map'},
}

const SECTIONS: Readonly<Record<Section, {fields: Readonly<Record<string, Field>>; type: string}>> = {
  clusters: {fields: CLUSTER_FIELDS, type: 'Cluster'},
  users: {fields: USER_FIELDS, type: 'AuthInfo'},
  contexts: {fields: CONTEXT_FIELDS, type: 'Context'},
}

// the fields of api.Config itself; kind and apiVersion are legacy fields the v1 file always writes as Config/v1
const CONFIG_FIELDS = [
  'kind',
  'apiVersion',
  'preferences',
  'clusters',
  'users',
  'contexts',
  'current-context',
  'extensions',
]

/** A property path as kubectl parsed it. */
type PropertyPath =
  | {kind: 'ignored'}
  | {kind: 'current-context'}
  | {kind: 'colors'}
  | {kind: 'preferences' | 'extensions'}
  | {kind: 'section'; section: Section}
  | {kind: 'entry'; section: Section; name: string}
  | {kind: 'field'; section: Section; name: string; field: string; spec: Field}

// the name of a map entry: parts up to the first later part that names a field of the entry (findNameStep)
function entryName(parts: readonly string[], fields: Readonly<Record<string, Field>>): string {
  const known = parts.slice(1).findIndex((part) => Object.hasOwn(fields, part))
  return parts.slice(0, known < 0 ? parts.length : known + 1).join('.')
}

function parsePath(path: string): PropertyPath {
  const parts = path.split('.')
  const [head = '', ...rest] = parts
  if (!CONFIG_FIELDS.includes(head)) throw new Error(`unable to parse ${path} after [] at api.Config`)
  const fieldValuesError = new Error(`unable to parse one or more field values of ${path}`)
  if (head === 'preferences') {
    if (rest.length === 0) return {kind: 'preferences'}
    if (rest[0] !== 'colors' && rest[0] !== 'extensions')
      throw new Error(`unable to parse ${path} after [{preferences api.Preferences}] at api.Preferences`)
    if (rest.length > 1) throw fieldValuesError
    return rest[0] === 'colors' ? {kind: 'colors'} : {kind: 'extensions'}
  }
  if (head === 'clusters' || head === 'users' || head === 'contexts') {
    if (rest.length === 0) return {kind: 'section', section: head}
    const {fields} = SECTIONS[head]
    const name = entryName(rest, fields)
    const after = rest.slice(name.split('.').length)
    if (after.length === 0) return {kind: 'entry', section: head, name}
    const [field = '', ...deeper] = after
    const spec = fields[field]
    if (!spec || deeper.length > 0) throw fieldValuesError
    return {kind: 'field', section: head, name, field, spec}
  }
  if (rest.length > 0) throw fieldValuesError
  if (head === 'current-context') return {kind: 'current-context'}
  return head === 'extensions' ? {kind: 'extensions'} : {kind: 'ignored'}
}

// strconv.ParseBool
function parseBool(text: string): boolean {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(text)) return true
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(text)) return false
  throw new Error(`strconv.ParseBool: parsing "${text}": invalid syntax`)
}

const BASE64_ALPHABET = /^[A-Za-z0-9+/]$/

/** base64.StdEncoding.DecodeString's strictness, with Go's `illegal base64 data at input byte N`. */
function decodeBase64(text: string): Buffer {
  let index = 0
  while (index < text.length) {
    const quantum = text.slice(index, index + 4)
    for (let i = 0; i < quantum.length; i++) {
      const char = quantum[i] ?? ''
      if (BASE64_ALPHABET.test(char)) continue
      const padding = char === '=' && i >= 2 && index + 4 === text.length && /^=*$/.test(quantum.slice(i))
      if (!padding) throw new Error(`error decoding input value: illegal base64 data at input byte ${index + i}`)
      break
    }
    if (quantum.length < 4) {
      throw new Error(`error decoding input value: illegal base64 data at input byte ${index + quantum.length - 1}`)
    }
    index += 4
  }
  return Buffer.from(text, 'base64')
}

function leafValue(spec: Field, value: string, setRawBytes: boolean): unknown {
  switch (spec.leaf) {
    case 'string':
      return value
    case 'bool':
      return parseBool(value)
    case 'bytes':
      return (setRawBytes ? Buffer.from(value) : decodeBase64(value)).toString('base64')
    case 'strings':
      throw new Error('unrecognized slice type. string')
    case 'strings-map':
    case 'object-map':
      throw new Error("can't set a map to a value: map[]")
    case 'pointer':
      throw new Error(`unrecognized type: ${spec.leaf}`)
  }
}

function entries(config: Kubeconfig, section: Section): Named<string, JsonObject>[] {
  return config[section] as Named<string, JsonObject>[]
}

function withEntries(config: Kubeconfig, section: Section, list: Named<string, JsonObject>[]): Kubeconfig {
  return {...config, [section]: list}
}

const KEY_OF: Readonly<Record<Section, 'cluster' | 'user' | 'context'>> = {
  clusters: 'cluster',
  users: 'user',
  contexts: 'context',
}

/** `config set PROPERTY_NAME PROPERTY_VALUE` on a kubeconfig (the result; the argument is left as it was). */
export function setProperty(
  config: Kubeconfig,
  path: string,
  value: string,
  options: {setRawBytes: boolean},
): Kubeconfig {
  const parsed = parsePath(path)
  switch (parsed.kind) {
    case 'ignored':
      return config
    case 'current-context':
      return {...config, currentContext: value}
    case 'colors':
      return {...config, preferences: {...config.preferences, colors: parseBool(value)}}
    case 'preferences':
      throw new Error('unrecognized type: api.Preferences')
    case 'extensions':
      throw new Error("can't set a map to a value: map[]")
    case 'section':
    case 'entry': {
      const names = entries(config, parsed.section).map((e) => e.name)
      throw new Error(`can't set a map to a value: map[${names.sort().join(' ')}]`)
    }
    case 'field': {
      const written = leafValue(parsed.spec, value, options.setRawBytes)
      const list = entries(config, parsed.section)
      const key = parsed.spec.v1 ?? parsed.field
      const existing = list.find((e) => e.name === parsed.name)
      const updated = {...(existing?.value ?? {}), [key]: written}
      const next = existing
        ? list.map((e) => (e.name === parsed.name ? {...e, value: updated} : e))
        : [...list, {name: parsed.name, value: updated, file: '', key: KEY_OF[parsed.section]}]
      return withEntries(config, parsed.section, next)
    }
  }
}

/** `config unset PROPERTY_NAME` on a kubeconfig (the result; the argument is left as it was). */
export function unsetProperty(config: Kubeconfig, path: string): Kubeconfig {
  const parsed = parsePath(path)
  switch (parsed.kind) {
    case 'ignored':
      return config
    case 'current-context':
      return {...config, currentContext: ''}
    case 'colors': {
      const {colors: _colors, ...rest} = config.preferences
      return {...config, preferences: rest}
    }
    case 'preferences':
      return {...config, preferences: {}}
    case 'extensions':
      return config
    case 'section':
      return withEntries(config, parsed.section, [])
    case 'entry': {
      const list = entries(config, parsed.section)
      if (!list.some((e) => e.name === parsed.name)) return config
      return withEntries(
        config,
        parsed.section,
        list.filter((e) => e.name !== parsed.name),
      )
    }
    case 'field': {
      const list = entries(config, parsed.section)
      const existing = list.find((e) => e.name === parsed.name)
      if (!existing) throw new Error(`current map key \`${parsed.name}\` is invalid`)
      const key = parsed.spec.v1 ?? parsed.field
      const {[key]: _removed, ...rest} = existing.value
      const value: JsonObject = isJsonObject(rest) ? rest : {}
      return withEntries(
        config,
        parsed.section,
        list.map((e) => (e.name === parsed.name ? {...e, value} : e)),
      )
    }
  }
}
