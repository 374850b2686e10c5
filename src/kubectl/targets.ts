import type {KubeObject} from '../backend/object.js'
import type {ResourceInfo} from '../backend/refs.js'
import {ResourceRegistry} from '../resources/registry.js'

/** A source position of an object read from -f. */
export interface ObjectSource {
  file: string
  documentIndex: number
  line: number
}

/** One thing a verb acts on: every object of a type (filtered by selectors), or one named object. */
export type Visit =
  | {kind: 'list'; info: ResourceInfo; namespace: string | undefined}
  | {kind: 'named'; info: ResourceInfo; namespace: string | undefined; name: string}
  | {
      kind: 'object'
      info: ResourceInfo
      namespace: string | undefined
      name: string
      object: KubeObject
      source: ObjectSource
    }

/** Where resources were named: the positional arguments of a verb. */
export interface ArgTargetOptions {
  args: readonly string[]
  /** the request namespace; undefined with -A */
  namespace: string | undefined
}

/** Thrown for arguments kubectl rejects before talking to the server. */
export class TargetArgumentError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TargetArgumentError'
  }
}

/**
 * Turns `TYPE[,TYPE...] [NAME...]`, `TYPE/NAME ...` and `all` into visits, in argument order, as the
 * cli-runtime resource builder does (k8s.io/cli-runtime/pkg/resource/builder.go, v1.32).
 */
export function resolveArgTargets(registry: ResourceRegistry, options: ArgTargetOptions): Visit[] {
  const {args, namespace} = options
  if (args.length === 0) return []
  const slashed = args.filter((a) => a.includes('/'))
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      throw new TargetArgumentError(
        `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
      )
    }
    return args.map((arg) => {
      // cli-runtime splitResourceTypeName: one slash, one type (`pods,svc/web` names no single resource), one name
      const parts = arg.split('/')
      if (parts.length !== 2)
        throw new TargetArgumentError('arguments in resource/name form may not have more than one slash')
      const [type = '', name = ''] = parts
      if (type === '' || name === '' || new Set(type.split(',')).size !== 1)
        throw new TargetArgumentError(`arguments in resource/name form must have a single resource and name`)
      const info = registry.resolve(type)
      return {kind: 'named' as const, info, namespace: scopedNamespace(info, namespace), name}
    })
  }
  const [typeList = '', ...names] = args
  const infos = expandTypes(registry, typeList)
  if (names.length === 0)
    return infos.map((info) => ({kind: 'list' as const, info, namespace: scopedNamespace(info, namespace)}))
  return infos.flatMap((info) =>
    names.map((name) => ({kind: 'named' as const, info, namespace: scopedNamespace(info, namespace), name})),
  )
}

/** `pods,svc` or `all` (or any category) to resources, without duplicates, in order. */
export function expandTypes(registry: ResourceRegistry, typeList: string): ResourceInfo[] {
  const seen = new Set<string>()
  const infos: ResourceInfo[] = []
  for (const type of typeList.split(',')) {
    if (type === '') continue
    const resolved = registry.find(type)
    const expanded = resolved ? [resolved] : registry.category(type)
    if (expanded.length === 0) registry.resolve(type)
    for (const info of expanded) {
      const key = `${info.group}/${info.resource}`
      if (seen.has(key)) continue
      seen.add(key)
      infos.push(info)
    }
  }
  return infos
}

function scopedNamespace(info: ResourceInfo, namespace: string | undefined): string | undefined {
  return info.namespaced ? namespace : undefined
}
