import type {Backend} from '../backend/backend.js'
import type {KubeObject} from '../backend/object.js'
import type {ResourceInfo, ResourceRef} from '../backend/refs.js'
import {isMapped, mapManifestObjects} from '../kubectl/manifest-objects.js'
import {resolveArgTargets, type Visit} from '../kubectl/targets.js'
import {refFor, type ResourceRegistry} from '../resources/registry.js'
import {registryFor, registryForManifests} from './context.js'
import {readFilenameArgs} from './manifest-input.js'

/** How a verb over existing objects (scale, rollout, set image, wait) named them. */
export interface TargetRequest {
  args: readonly string[]
  filenames: readonly string[]
  recursive: boolean
  namespace: string
  /** -n was given explicitly */
  explicitNamespace: boolean
  allNamespaces?: boolean
  selector?: string | undefined
  fieldSelector?: string | undefined
  /** --all: a bare type selects every object of it */
  all?: boolean
}

/** One existing object a verb acts on, as read from the server. */
export interface TargetObject {
  info: ResourceInfo
  ref: ResourceRef
  name: string
  object: KubeObject
}

// kubectl's resource builder error when nothing names a resource (cli-runtime builder.go, v1.32)
export const NO_RESOURCES_MESSAGE =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'"

/** The visits of args or -f, refusing what kubectl's builder refuses before any request. */
export async function resolveVisits(
  backend: Backend,
  request: TargetRequest,
): Promise<{registry: ResourceRegistry; visits: Visit[]; errors: unknown[]}> {
  const registry = await registryFor(backend, request.args)
  const errors: unknown[] = []
  const visits: Visit[] = []
  if (request.filenames.length > 0) {
    if (request.args.length > 0)
      throw new Error('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well')
    const entries = await readFilenameArgs(request.filenames, request.recursive)
    const mapped = mapManifestObjects(await registryForManifests(backend, entries, registry), entries, {
      namespace: request.namespace,
      explicit: request.explicitNamespace,
    })
    for (const entry of mapped) {
      if (!isMapped(entry)) errors.push(entry.error)
      else
        visits.push({
          kind: 'named',
          info: entry.info,
          namespace: entry.object.metadata.namespace,
          name: entry.object.metadata.name ?? '',
        })
    }
    return {registry, visits, errors}
  }
  if (request.args.length === 0) throw new Error(NO_RESOURCES_MESSAGE)
  visits.push(
    ...resolveArgTargets(registry, {
      args: request.args,
      namespace: request.allNamespaces ? undefined : request.namespace,
    }),
  )
  if (visits.some((v) => v.kind === 'list') && !request.all && !request.selector && !request.fieldSelector) {
    throw new Error('resource(s) were provided, but no name was specified')
  }
  return {registry, visits, errors}
}

/** Reads the objects the visits name, in order; errors (NotFound ...) are collected, not thrown. */
export async function readTargets(
  backend: Backend,
  visits: readonly Visit[],
  request: Pick<TargetRequest, 'selector' | 'fieldSelector'>,
): Promise<{targets: TargetObject[]; errors: unknown[]}> {
  const targets: TargetObject[] = []
  const errors: unknown[] = []
  for (const visit of visits) {
    const ref = refFor(visit.info, visit.namespace)
    try {
      if (visit.kind === 'list') {
        const list = await backend.list(ref, {labelSelector: request.selector, fieldSelector: request.fieldSelector})
        for (const object of list.items) {
          targets.push({
            info: visit.info,
            ref: refFor(visit.info, object.metadata.namespace),
            name: object.metadata.name ?? '',
            object,
          })
        }
      } else {
        targets.push({info: visit.info, ref, name: visit.name, object: await backend.get(ref, visit.name)})
      }
    } catch (error) {
      errors.push(error)
    }
  }
  return {targets, errors}
}
