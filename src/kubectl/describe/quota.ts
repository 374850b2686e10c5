// kubectl: pkg/describe/describe.go ResourceQuotaDescriber, LimitRangeDescriber, NamespaceDescriber (v1.32)
import type {KubeObject} from '../../backend/object.js'
import {hasReason} from '../../backend/status.js'
import type {DescribeContext} from './context.js'
import {listAll} from '../list-all.js'
import {printAnnotationsMultiline, printLabelsMultiline} from './multiline.js'
import {LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter} from './prefix-writer.js'
import {formatQuantity, newQuantity, quantityOf, quantityString, scaledValue} from '../../resources/quantity.js'
import {formatRFC1123Z} from './time.js'
import {compareGoStrings} from '../../resources/go-format.js'

interface ResourceQuota extends KubeObject {
  spec?: {scopes?: string[]}
  status?: {hard?: Record<string, unknown>; used?: Record<string, unknown>}
}

interface LimitRange extends KubeObject {
  spec?: {
    limits?: {
      type?: string
      max?: Record<string, unknown>
      min?: Record<string, unknown>
      default?: Record<string, unknown>
      defaultRequest?: Record<string, unknown>
      maxLimitRequestRatio?: Record<string, unknown>
    }[]
  }
}

interface Namespace extends KubeObject {
  status?: {
    phase?: string
    conditions?: {type?: string; status?: string; lastTransitionTime?: string; reason?: string; message?: string}[]
  }
}

const SCOPE_HELP: Readonly<Record<string, string>> = {
  Terminating:
    'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating:
    'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort:
    'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort:
    'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
}

function writeScopes(w: PrefixWriter, level: number, scopes: string[] | undefined, bullet: string): void {
  if (!scopes || scopes.length === 0) return
  const sorted = [...scopes].sort(compareGoStrings)
  w.write(level, `Scopes:\t${sorted.join(', ')}\n`)
  for (const scope of sorted) {
    const help = SCOPE_HELP[scope]
    if (help) w.write(level, `${bullet}${help}\n`)
  }
}

// describeQuota shows `used` in the format of `hard` when they differ
function usedInHardFormat(used: unknown, hard: unknown): string {
  const hardQuantity = quantityOf(hard)
  const usedQuantity = quantityOf(used)
  if (!hardQuantity) return quantityString(used)
  if (!usedQuantity || usedQuantity.format !== hardQuantity.format) {
    const value = usedQuantity ? scaledValue(usedQuantity, 0) : 0n
    return formatQuantity(newQuantity(value, hardQuantity.format))
  }
  return formatQuantity(usedQuantity)
}

/** Describes a ResourceQuota: scopes and each resource's used and hard amounts. */
export async function describeResourceQuota(object: KubeObject): Promise<string> {
  const quota = object as ResourceQuota
  const hard = quota.status?.hard ?? {}
  const used = quota.status?.used ?? {}
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${quota.metadata.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${quota.metadata.namespace ?? ''}\n`)
    writeScopes(w, LEVEL_0, quota.spec?.scopes, ' * ')
    w.write(LEVEL_0, 'Resource\tUsed\tHard\n')
    w.write(LEVEL_0, '--------\t----\t----\n')
    for (const name of Object.keys(hard).sort()) {
      w.write(LEVEL_0, `${name}\t${usedInHardFormat(used[name], hard[name])}\t${quantityString(hard[name])}\n`)
    }
  })
}

function describeLimitRangeSpec(limitRange: LimitRange, prefix: string, w: PrefixWriter): void {
  for (const item of limitRange.spec?.limits ?? []) {
    const lists = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio]
    // kubectl walks a Go map of the names here, in random order; skiff sorts them
    const names = [...new Set(lists.flatMap((list) => Object.keys(list ?? {})))].sort()
    for (const name of names) {
      const cells = lists.map((list) => (list && name in list ? quantityString(list[name]) : '-'))
      w.write(LEVEL_0, `${prefix}${item.type ?? ''}\t${name}\t${cells.join('\t')}\n`)
    }
  }
}

/** Describes a LimitRange as one table row per limit type and resource. */
export async function describeLimitRange(object: KubeObject): Promise<string> {
  const limitRange = object as LimitRange
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${limitRange.metadata.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${limitRange.metadata.namespace ?? ''}\n`)
    w.write(LEVEL_0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n')
    w.write(LEVEL_0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n')
    describeLimitRangeSpec(limitRange, '', w)
  })
}

function describeResourceQuotas(quotas: ResourceQuota[], w: PrefixWriter): void {
  if (quotas.length === 0) {
    w.write(LEVEL_0, 'No resource quota.\n')
    return
  }
  w.write(LEVEL_0, 'Resource Quotas\n')
  const sorted = [...quotas].sort((a, b) => compareGoStrings(a.metadata.name ?? '', b.metadata.name ?? ''))
  for (const quota of sorted) {
    w.write(LEVEL_1, `Name:\t${quota.metadata.name ?? ''}\n`)
    writeScopes(w, LEVEL_1, quota.spec?.scopes, '* ')
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n')
    w.write(LEVEL_1, '--------\t---\t---\n')
    const hard = quota.status?.hard ?? {}
    const used = quota.status?.used ?? {}
    for (const name of Object.keys(hard).sort()) {
      w.write(LEVEL_1, `${name}\t${quantityString(used[name] ?? '0')}\t${quantityString(hard[name])}\n`)
    }
  }
}

function describeLimitRanges(limitRanges: LimitRange[], w: PrefixWriter): void {
  if (limitRanges.length === 0) {
    w.write(LEVEL_0, 'No LimitRange resource.\n')
    return
  }
  w.write(
    LEVEL_0,
    'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n',
  )
  w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n')
  for (const limitRange of limitRanges) describeLimitRangeSpec(limitRange, ' ', w)
}

// a server without quotas or limit ranges answers NotFound: the section is left out
async function listUnlessNotFound(
  context: DescribeContext,
  resource: string,
  namespace: string,
): Promise<KubeObject[] | undefined> {
  try {
    return await listAll(context.backend, {group: '', version: 'v1', resource, namespace}, {}, context.chunkSize)
  } catch (error) {
    if (hasReason(error, 'NotFound')) return undefined
    throw error
  }
}

/** Describes a namespace with its resource quotas and limit ranges (no events, as kubectl). */
export async function describeNamespace(object: KubeObject, context: DescribeContext): Promise<string> {
  const namespace = object as Namespace
  const name = namespace.metadata.name ?? ''
  const quotas = await listUnlessNotFound(context, 'resourcequotas', name)
  const limitRanges = await listUnlessNotFound(context, 'limitranges', name)
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${name}\n`)
    printLabelsMultiline(w, 'Labels', namespace.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', namespace.metadata.annotations)
    w.write(LEVEL_0, `Status:\t${namespace.status?.phase ?? ''}\n`)
    const conditions = namespace.status?.conditions ?? []
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n')
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n')
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n')
      for (const c of conditions) {
        w.write(
          LEVEL_1,
          `${c.type ?? ''}\t${c.status ?? ''}\t${formatRFC1123Z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`,
        )
      }
    }
    if (quotas) {
      w.write(LEVEL_0, '\n')
      describeResourceQuotas(quotas as ResourceQuota[], w)
    }
    if (limitRanges) {
      w.write(LEVEL_0, '\n')
      describeLimitRanges(limitRanges as LimitRange[], w)
    }
  })
}
