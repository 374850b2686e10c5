import {describe, expect, it} from 'vitest'
import type {Backend, Patch, WriteOptions} from '../../../../src/backend/backend.js'
import type {KubeObject} from '../../../../src/backend/object.js'
import type {ResourceInfo, ResourceRef} from '../../../../src/backend/refs.js'
import {alreadyExists, conflict, forbidden, notFound} from '../../../../src/backend/status.js'
import {applyObject} from '../../../../src/kubectl/apply/apply-object.js'
import {getModifiedConfiguration, LAST_APPLIED_CONFIG_ANNOTATION} from '../../../../src/kubectl/apply/last-applied.js'
import {BUILTIN_RESOURCES} from '../../../../src/resources/builtin.js'
import {patchSchemaFor} from '../../../../src/resources/patch/builtin-schema.js'
import {applyMergePatch} from '../../../../src/resources/patch/merge-patch.js'
import {applyStrategicMergePatch} from '../../../../src/resources/patch/strategic.js'
import {ResourceRegistry} from '../../../../src/resources/registry.js'

const registry = new ResourceRegistry(BUILTIN_RESOURCES)
const deployments = registry.resolve('deployments')
const namespaces = registry.resolve('namespaces')
const widgets: ResourceInfo = {
  group: 'example.com',
  version: 'v1',
  kind: 'Widget',
  resource: 'widgets',
  singular: 'widget',
  shortNames: [],
  namespaced: true,
  verbs: ['get', 'create', 'patch'],
  categories: [],
}

function isKubeObject(value: unknown): value is KubeObject {
  return typeof value === 'object' && value !== null && 'metadata' in value && 'kind' in value
}

/** Just enough of an API server for apply: get, create and patch over a map, with optional Conflicts. */
class MemoryBackend implements Backend {
  readonly objects = new Map<string, KubeObject>()
  readonly patches: {patch: Patch; options: WriteOptions | undefined}[] = []
  readonly creates: {object: KubeObject; options: WriteOptions | undefined}[] = []
  conflictsLeft = 0
  private revision = 1

  constructor(private readonly infos: readonly ResourceInfo[]) {}

  private key(ref: ResourceRef, name: string): string {
    return `${ref.group}/${ref.resource}/${ref.namespace ?? ''}/${name}`
  }

  private infoFor(apiVersion: string, kind: string): ResourceInfo {
    const found = this.infos.find(
      (i) => (i.group === '' ? i.version : `${i.group}/${i.version}`) === apiVersion && i.kind === kind,
    )
    if (!found) throw new Error(`unknown kind ${kind}`)
    return found
  }

  /** Stores an object as it is, as if created by someone else. */
  seed(object: KubeObject): void {
    const info = this.infoFor(object.apiVersion, object.kind)
    const ref = {
      group: info.group,
      version: info.version,
      resource: info.resource,
      namespace: object.metadata.namespace,
    }
    this.objects.set(this.key(ref, object.metadata.name ?? ''), {
      ...structuredClone(object),
      metadata: {...structuredClone(object.metadata), uid: 'uid-1', resourceVersion: String(this.revision++)},
    })
  }

  get(ref: ResourceRef, name: string): Promise<KubeObject> {
    const found = this.objects.get(this.key(ref, name))
    if (!found) return Promise.reject(notFound(ref, name))
    return Promise.resolve(structuredClone(found))
  }

  create(object: KubeObject, options?: WriteOptions): Promise<KubeObject> {
    this.creates.push({object: structuredClone(object), options})
    const info = this.infoFor(object.apiVersion, object.kind)
    const ref = {
      group: info.group,
      version: info.version,
      resource: info.resource,
      namespace: object.metadata.namespace,
    }
    const name = object.metadata.name ?? ''
    if (this.objects.has(this.key(ref, name))) return Promise.reject(alreadyExists(ref, name))
    const created = {
      ...structuredClone(object),
      metadata: {...object.metadata, uid: 'uid-1', resourceVersion: String(this.revision++)},
    }
    if (!options?.dryRun) this.objects.set(this.key(ref, name), created)
    return Promise.resolve(structuredClone(created))
  }

  patch(ref: ResourceRef, name: string, patch: Patch, options?: WriteOptions): Promise<KubeObject> {
    this.patches.push({patch: structuredClone(patch), options})
    if (this.conflictsLeft > 0) {
      this.conflictsLeft--
      return Promise.reject(
        conflict(
          ref,
          name,
          'the object has been modified; please apply your changes to the latest version and try again',
        ),
      )
    }
    const current = this.objects.get(this.key(ref, name))
    if (!current) return Promise.reject(notFound(ref, name))
    const schema = patchSchemaFor(current.apiVersion, current.kind)
    const patched =
      patch.type === 'strategic' && schema !== undefined
        ? applyStrategicMergePatch(current, patch.body, schema)
        : applyMergePatch(current, patch.body)
    if (!isKubeObject(patched)) return Promise.reject(new Error('patch broke the object'))
    patched.metadata.resourceVersion = String(this.revision++)
    if (!options?.dryRun) this.objects.set(this.key(ref, name), patched)
    return Promise.resolve(structuredClone(patched))
  }

  version(): never {
    throw new Error('not used by apply')
  }
  serverTime(): never {
    throw new Error('not used by apply')
  }
  discover(): never {
    throw new Error('not used by apply')
  }
  list(): never {
    throw new Error('not used by apply')
  }
  table(): never {
    throw new Error('not used by apply')
  }
  update(): never {
    throw new Error('not used by apply')
  }
  delete(): never {
    throw new Error('not used by apply')
  }
  watch(): never {
    throw new Error('not used by apply')
  }
  logs(): never {
    throw new Error('not used by apply')
  }
  close(): Promise<void> {
    return Promise.resolve()
  }
}

function deployment(image = 'nginx:1.25', labels: Record<string, string> = {app: 'web'}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name: 'web', labels},
    spec: {
      selector: {matchLabels: {app: 'web'}},
      template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'nginx', image}]}},
    },
  }
}

const liveRef = {group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default'}

describe('applyObject', () => {
  it('creates a missing object with the last-applied annotation kubectl writes', async () => {
    const backend = new MemoryBackend(BUILTIN_RESOURCES)

    const result = await applyObject(backend, deployments, deployment())

    expect(result.operation).toBe('created')
    expect(result.object.metadata.annotations?.[LAST_APPLIED_CONFIG_ANNOTATION]).toBe(
      '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"labels":{"app":"web"},"name":"web","namespace":"default"},"spec":{"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.25","name":"nginx"}]}}}}\n',
    )
    expect(backend.creates[0]?.options).toEqual({dryRun: false, fieldManager: 'kubectl-client-side-apply'})
    expect((await backend.get(liveRef, 'web')).metadata.namespace).toBe('default')
  })

  it('reports unchanged and sends nothing when applied again', async () => {
    const backend = new MemoryBackend(BUILTIN_RESOURCES)
    await applyObject(backend, deployments, deployment())

    const result = await applyObject(backend, deployments, deployment())

    expect(result.operation).toBe('unchanged')
    expect(backend.patches).toEqual([])
    expect(result.warnings).toEqual([])
  })

  it('patches a changed image and keeps replicas scaled by others and the status', async () => {
    // Given an applied deployment that was then scaled and has a status
    const backend = new MemoryBackend(BUILTIN_RESOURCES)
    await applyObject(backend, deployments, deployment())
    await backend.patch(liveRef, 'web', {type: 'merge', body: {spec: {replicas: 4}, status: {readyReplicas: 4}}})

    // When the image changes in the manifest
    const result = await applyObject(backend, deployments, deployment('nginx:1.27'))

    // Then the strategic merge patch changes only the image and the annotation
    expect(result.operation).toBe('configured')
    const sent = backend.patches[1]?.patch
    expect(sent?.type).toBe('strategic')
    expect(sent?.body).toEqual({
      metadata: {
        annotations: {
          [LAST_APPLIED_CONFIG_ANNOTATION]: getModifiedConfiguration(
            {...deployment('nginx:1.27'), metadata: {name: 'web', labels: {app: 'web'}, namespace: 'default'}},
            {annotate: false},
          ),
        },
      },
      spec: {
        template: {
          spec: {containers: [{name: 'nginx', image: 'nginx:1.27'}], '$setElementOrder/containers': [{name: 'nginx'}]},
        },
      },
    })
    expect(result.object).toMatchObject({
      spec: {replicas: 4, template: {spec: {containers: [{name: 'nginx', image: 'nginx:1.27'}]}}},
      status: {readyReplicas: 4},
    })
  })

  it('removes from the live object a field removed from the manifest', async () => {
    const backend = new MemoryBackend(BUILTIN_RESOURCES)
    await applyObject(backend, deployments, deployment('nginx:1.25', {app: 'web', tier: 'front'}))

    const result = await applyObject(backend, deployments, deployment('nginx:1.25', {app: 'web'}))

    expect(result.operation).toBe('configured')
    expect(result.object.metadata.labels).toEqual({app: 'web'})
  })

  it('sends a JSON merge patch for custom resources, replacing their lists', async () => {
    const backend = new MemoryBackend([...BUILTIN_RESOURCES, widgets])
    const widget = (sizes: number[]): KubeObject => ({
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: {name: 'w', namespace: 'shop'},
      spec: {sizes},
    })
    await applyObject(backend, widgets, widget([1, 2]))

    const result = await applyObject(backend, widgets, widget([3]))

    expect(backend.patches[0]?.patch.type).toBe('merge')
    expect(result.object['spec']).toEqual({sizes: [3]})
  })

  it('fetches the object again and retries when the patch meets a Conflict', async () => {
    const backend = new MemoryBackend(BUILTIN_RESOURCES)
    await applyObject(backend, deployments, deployment())
    backend.conflictsLeft = 2
    const sleeps: number[] = []

    const result = await applyObject(backend, deployments, deployment('nginx:1.27'), {
      sleep: (delayMs) => {
        sleeps.push(delayMs)
        return Promise.resolve()
      },
    })

    expect(result.operation).toBe('configured')
    expect(backend.patches).toHaveLength(3)
    // kubectl backs off only from the second retry on
    expect(sleeps).toEqual([1000])
  })

  it('gives up after five retries with the Conflict, worded with the patch and the file', async () => {
    const backend = new MemoryBackend(BUILTIN_RESOURCES)
    await applyObject(backend, deployments, deployment())
    backend.conflictsLeft = 10

    const applying = applyObject(backend, deployments, deployment('nginx:1.27'), {
      source: 'web.yaml',
      sleep: () => Promise.resolve(),
    })

    await expect(applying).rejects.toMatchObject({status: {reason: 'Conflict', code: 409}})
    await expect(applying).rejects.toThrow(
      /^error when applying patch:\n\{"metadata":.*\}\nto:\nResource: "apps\/v1, Resource=deployments", GroupVersionKind: "apps\/v1, Kind=Deployment"\nName: "web", Namespace: "default"\nfor: "web.yaml": error when patching "web.yaml": Operation cannot be fulfilled on deployments.apps "web": the object has been modified/,
    )
    expect(backend.patches).toHaveLength(6)
  })

  it('names the file when creating fails', async () => {
    const backend = new MemoryBackend(BUILTIN_RESOURCES)
    backend.create = () => Promise.reject(forbidden('deployments.apps "web" is forbidden: quota exceeded'))
    await expect(applyObject(backend, deployments, deployment(), {source: 'web.yaml'})).rejects.toThrow(
      'error when creating "web.yaml": deployments.apps "web" is forbidden: quota exceeded',
    )
  })

  it('warns when the live object lacks the last-applied annotation, and adds it', async () => {
    const backend = new MemoryBackend(BUILTIN_RESOURCES)
    backend.seed({...deployment(), metadata: {name: 'web', namespace: 'default', labels: {app: 'web'}}})

    const result = await applyObject(backend, deployments, deployment())

    expect(result.warnings).toEqual([
      'Warning: resource deployments/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.',
    ])
    expect(result.operation).toBe('configured')
    expect(result.object.metadata.annotations).toHaveProperty([LAST_APPLIED_CONFIG_ANNOTATION])
  })

  it('computes the result locally and writes nothing with --dry-run=client', async () => {
    const backend = new MemoryBackend(BUILTIN_RESOURCES)
    const created = await applyObject(backend, deployments, deployment(), {dryRun: 'client'})
    expect(created.operation).toBe('created')
    expect(created.object.metadata.annotations).toHaveProperty([LAST_APPLIED_CONFIG_ANNOTATION])
    expect(backend.creates).toEqual([])

    await applyObject(backend, deployments, deployment())
    const configured = await applyObject(backend, deployments, deployment('nginx:1.27'), {dryRun: 'client'})

    expect(configured.operation).toBe('configured')
    expect(configured.object).toMatchObject({spec: {template: {spec: {containers: [{image: 'nginx:1.27'}]}}}})
    expect(backend.patches).toEqual([])
    expect((await backend.get(liveRef, 'web'))['spec']).toMatchObject({
      template: {spec: {containers: [{image: 'nginx:1.25'}]}},
    })
  })

  it('asks the server for a dry run with --dry-run=server', async () => {
    const backend = new MemoryBackend(BUILTIN_RESOURCES)
    const result = await applyObject(backend, deployments, deployment(), {dryRun: 'server', fieldManager: 'ci'})
    expect(result.operation).toBe('created')
    expect(backend.creates[0]?.options).toEqual({dryRun: true, fieldManager: 'ci'})
    expect(backend.objects.size).toBe(0)
  })

  it('drops the namespace of cluster-scoped objects and uses the given namespace for others', async () => {
    const backend = new MemoryBackend(BUILTIN_RESOURCES)
    const namespace: KubeObject = {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'shop', namespace: 'stray'}}
    expect((await applyObject(backend, namespaces, namespace)).object.metadata).not.toHaveProperty('namespace')
    expect((await applyObject(backend, deployments, deployment(), {namespace: 'shop'})).object.metadata.namespace).toBe(
      'shop',
    )
  })

  it('refuses objects that only have a generateName', async () => {
    const backend = new MemoryBackend(BUILTIN_RESOURCES)
    const object = {...deployment(), metadata: {generateName: 'web-'}}
    await expect(applyObject(backend, deployments, object)).rejects.toThrow(
      'from web-: cannot use generate name with apply',
    )
  })

  it('does not change the object it is given', async () => {
    const backend = new MemoryBackend(BUILTIN_RESOURCES)
    const object = deployment()
    await applyObject(backend, deployments, object)
    expect(object).toEqual(deployment())
  })
})
