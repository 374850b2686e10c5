import type {Backend} from '../backend/backend.js'
import type {KubeObject} from '../backend/object.js'
import type {ResourceRef} from '../backend/refs.js'
import {writeOptions} from './write-options.js'

interface Container {
  name?: string
  image?: string
}

interface PodSpecFields {
  initContainers?: Container[]
  containers?: Container[]
  ephemeralContainers?: Container[]
}

// where each kind keeps its pod spec, as JSON pointer segments (polymorphichelpers updatepodspec.go, v1.32)
const POD_SPEC_PATHS: Record<string, readonly string[]> = {
  Pod: ['spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
}

/** Parses `NAME=IMAGE` arguments (`*` names every container); the other arguments name resources. */
export function parseImageArgs(args: readonly string[]): {resources: string[]; images: Map<string, string>} {
  const resources: string[] = []
  const images = new Map<string, string>()
  for (const arg of args) {
    const eq = arg.indexOf('=')
    if (eq < 0) {
      resources.push(arg)
      continue
    }
    images.set(arg.slice(0, eq), arg.slice(eq + 1))
  }
  return {resources, images}
}

/** A JSON-patch operation. */
interface ReplaceOperation {
  op: 'replace'
  path: string
  value: string
}

/**
 * The JSON-patch operations that set container images in an object's pod spec, as `kubectl set image`
 * does (pkg/cmd/set/set_image.go, v1.32); an unknown kind or container name is an error.
 */
export function imagePatch(object: KubeObject, images: ReadonlyMap<string, string>): ReplaceOperation[] {
  const path = POD_SPEC_PATHS[object.kind]
  if (!path) throw new Error(`${object.kind} is not supported by set image`)
  let spec: unknown = object
  for (const segment of path) spec = (spec as Record<string, unknown> | undefined)?.[segment]
  const podSpec = (spec ?? {}) as PodSpecFields
  const operations: ReplaceOperation[] = []
  for (const [name, image] of images) {
    let found = false
    for (const field of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
      ;(podSpec[field] ?? []).forEach((container, index) => {
        if (container.name !== name && name !== '*') return
        found = true
        if (container.image !== image) {
          operations.push({op: 'replace', path: `/${[...path, field, String(index), 'image'].join('/')}`, value: image})
        }
      })
    }
    if (!found) throw new Error(`unable to find container named "${name}"`)
  }
  return operations
}

/** Sets the images; returns the updated object, or undefined when every image already matched (kubectl prints nothing then). */
export async function setImage(
  backend: Backend,
  ref: ResourceRef,
  object: KubeObject,
  options: {images: ReadonlyMap<string, string>; dryRun: 'none' | 'client' | 'server'; fieldManager: string},
): Promise<KubeObject | undefined> {
  const operations = imagePatch(object, options.images)
  if (operations.length === 0) return undefined
  if (options.dryRun === 'client') return object
  return backend.patch(ref, object.metadata.name ?? '', {type: 'json', body: operations}, writeOptions(options))
}
