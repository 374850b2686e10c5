// kubectl: pkg/describe/describe.go ConfigMapDescriber, SecretDescriber, ServiceAccountDescriber (v1.32)
import type {KubeObject} from '../../backend/object.js'
import {isStatusError} from '../../backend/status.js'
import {eventsFor, type DescribeContext} from './context.js'
import {describeEvents, eventTargetOf, searchEvents} from './events.js'
import {listAll} from '../list-all.js'
import {printAnnotationsMultiline, printLabelsMultiline} from './multiline.js'
import {LEVEL_0, tabbedString} from './prefix-writer.js'

// core/v1 SecretTypeServiceAccountToken and the keys of such a secret
const SERVICE_ACCOUNT_TOKEN_TYPE = 'kubernetes.io/service-account-token'
const SERVICE_ACCOUNT_TOKEN_KEY = 'token'
const SERVICE_ACCOUNT_NAME_ANNOTATION = 'kubernetes.io/service-account.name'
const SERVICE_ACCOUNT_UID_ANNOTATION = 'kubernetes.io/service-account.uid'

interface ConfigMap extends KubeObject {
  data?: Record<string, string>
  binaryData?: Record<string, string>
}

interface Secret extends KubeObject {
  type?: string
  data?: Record<string, string>
}

interface ServiceAccount extends KubeObject {
  secrets?: {name?: string}[]
  imagePullSecrets?: {name?: string}[]
}

function decodedLength(base64: string | undefined): number {
  return Buffer.from(base64 ?? '', 'base64').length
}

/**
 * Describes a ConfigMap with its data in full and binary data as sizes. kubectl walks the data in
 * Go's random map order; skiff sorts the keys. Unlike other describers, a failed event search fails.
 */
export async function describeConfigMap(object: KubeObject, context: DescribeContext): Promise<string> {
  const configMap = object as ConfigMap
  const events = context.showEvents
    ? await searchEvents(context.backend, eventTargetOf(configMap, context.info.kind), context.chunkSize)
    : undefined
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${configMap.metadata.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${configMap.metadata.namespace ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', configMap.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', configMap.metadata.annotations)
    w.write(LEVEL_0, '\nData\n====\n')
    for (const key of Object.keys(configMap.data ?? {}).sort()) {
      w.write(LEVEL_0, `${key}:\n----\n`)
      w.write(LEVEL_0, `${configMap.data?.[key] ?? ''}\n`)
      w.write(LEVEL_0, '\n')
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n')
    for (const key of Object.keys(configMap.binaryData ?? {}).sort()) {
      w.write(LEVEL_0, `${key}: ${decodedLength(configMap.binaryData?.[key])} bytes\n`)
    }
    w.write(LEVEL_0, '\n')
    if (events) describeEvents(events, w, context.now)
  })
}

/**
 * Describes a Secret: its data as byte counts, never the values, except the token of a
 * service-account token secret, which kubectl prints. No events, as kubectl.
 */
export async function describeSecret(object: KubeObject): Promise<string> {
  const secret = object as Secret
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${secret.metadata.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${secret.metadata.namespace ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', secret.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', secret.metadata.annotations)
    w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`)
    w.write(LEVEL_0, '\nData\n====\n')
    for (const key of Object.keys(secret.data ?? {}).sort()) {
      const value = secret.data?.[key]
      if (key === SERVICE_ACCOUNT_TOKEN_KEY && secret.type === SERVICE_ACCOUNT_TOKEN_TYPE) {
        w.write(LEVEL_0, `${key}:\t${Buffer.from(value ?? '', 'base64').toString('utf8')}\n`)
      } else {
        w.write(LEVEL_0, `${key}:\t${decodedLength(value)} bytes\n`)
      }
    }
  })
}

/** Describes a ServiceAccount: its pull secrets, mountable secrets and token secrets. */
export async function describeServiceAccount(object: KubeObject, context: DescribeContext): Promise<string> {
  const account = object as ServiceAccount
  const tokens: string[] = []
  const missing = new Set<string>()
  try {
    const ref = {group: '', version: 'v1', resource: 'secrets', namespace: account.metadata.namespace ?? ''}
    const secrets = (await listAll(context.backend, ref, {}, context.chunkSize)) as Secret[]
    const existing = new Set(secrets.map((s) => s.metadata.name ?? ''))
    for (const secret of secrets) {
      const annotations = secret.metadata.annotations ?? {}
      if (
        secret.type === SERVICE_ACCOUNT_TOKEN_TYPE &&
        annotations[SERVICE_ACCOUNT_NAME_ANNOTATION] === account.metadata.name &&
        annotations[SERVICE_ACCOUNT_UID_ANNOTATION] === account.metadata.uid
      ) {
        tokens.push(secret.metadata.name ?? '')
      }
    }
    for (const ref of [...(account.secrets ?? []), ...(account.imagePullSecrets ?? [])]) {
      if (!existing.has(ref.name ?? '')) missing.add(ref.name ?? '')
    }
  } catch (error) {
    // kubectl still describes the account when its secrets cannot be listed
    if (!isStatusError(error)) throw error
  }
  const events = await eventsFor(context, account)
  // the headers are padded to one width and printed in sorted order
  const sections: [string, string[]][] = [
    ['Image pull secrets:', (account.imagePullSecrets ?? []).map((s) => s.name ?? '')],
    ['Mountable secrets: ', (account.secrets ?? []).map((s) => s.name ?? '')],
    ['Tokens:            ', tokens],
  ]
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${account.metadata.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${account.metadata.namespace ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', account.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', account.metadata.annotations)
    for (const [header, names] of sections) {
      if (names.length === 0) {
        w.write(LEVEL_0, `${header}\t<none>\n`)
        continue
      }
      names.forEach((name, i) => {
        const prefix = i === 0 ? header : ' '.repeat(header.length)
        w.write(LEVEL_0, `${prefix}\t${name}${missing.has(name) ? ' (not found)' : ''}\n`)
      })
    }
    if (events) describeEvents(events, w, context.now)
  })
}
