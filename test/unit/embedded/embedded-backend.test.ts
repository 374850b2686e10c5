import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../src/backend/object.js'
import type {WatchEvent} from '../../../src/backend/watch.js'
import type {EmbeddedBackend} from '../../../src/embedded/embedded-backend.js'
import {openEmbeddedCluster} from '../../../src/embedded/open-cluster.js'
import {coreRef, deploymentsRef, namespacesRef, openTempCluster, rejection, type TempCluster} from './temp-cluster.js'

let cluster: TempCluster
let api: EmbeddedBackend

beforeEach(async () => {
  cluster = await openTempCluster()
  api = cluster.backend
})

afterEach(async () => {
  await cluster.dispose()
})

function deployment(name: string, namespace?: string): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: namespace === undefined ? {name, labels: {app: name}} : {name, namespace, labels: {app: name}},
    spec: {
      replicas: 1,
      selector: {matchLabels: {app: name}},
      template: {metadata: {labels: {app: name}}, spec: {containers: [{name: 'nginx', image: 'nginx:1.25'}]}},
    },
  }
}

function configMap(name: string, namespace = 'default', labels?: Record<string, string>): KubeObject {
  return {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name, namespace, ...(labels ? {labels} : {})}, data: {k: 'v'}}
}

// a pod no node matches: it stays Pending and unbound whatever the scheduler does
function pod(name: string, namespace = 'default'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name, namespace},
    spec: {nodeSelector: {'skiff.test/no-such-node': 'true'}, containers: [{name: 'app', image: 'busybox'}]},
  }
}

const names = (items: readonly KubeObject[]): string[] => items.map((o) => o.metadata.name ?? '')

describe('a new embedded cluster', () => {
  it('has the four system namespaces, Active and labelled with their name', async () => {
    const list = await api.list(namespacesRef)
    expect(names(list.items)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system'])
    for (const ns of list.items) {
      expect(ns['status']).toEqual({phase: 'Active'})
      expect(ns.metadata.labels).toEqual({'kubernetes.io/metadata.name': ns.metadata.name})
      expect(ns['spec']).toEqual({finalizers: ['kubernetes']})
    }
  })

  it('has the kubernetes Service at the first address of the service CIDR', async () => {
    const service = await api.get(coreRef('services', 'default'), 'kubernetes')
    expect(service.metadata.labels).toEqual({component: 'apiserver', provider: 'kubernetes'})
    expect(service['spec']).toMatchObject({
      clusterIP: '10.96.0.1',
      clusterIPs: ['10.96.0.1'],
      type: 'ClusterIP',
      ports: [{name: 'https', port: 443, protocol: 'TCP', targetPort: 6443}],
    })
  })

  it('gives every namespace its default ServiceAccount once the controllers have run', async () => {
    const accounts = await api.list(coreRef('serviceaccounts'))
    expect(accounts.items.map((sa) => `${sa.metadata.namespace}/${sa.metadata.name}`)).toEqual([
      'default/default',
      'kube-node-lease/default',
      'kube-public/default',
      'kube-system/default',
    ])
  })

  it('is bootstrapped once: opening it again finds the same objects', async () => {
    const before = await api.get(namespacesRef, 'default')
    const again = await openEmbeddedCluster('test', {SKIFF_HOME: cluster.home})
    try {
      const after = await again.get(namespacesRef, 'default')
      expect(after.metadata.uid).toBe(before.metadata.uid)
      expect(names((await again.list(namespacesRef)).items)).toHaveLength(4)
    } finally {
      await again.close()
    }
  })

  it('answers version 1.32 and discovers the built-in resources', async () => {
    expect(await api.version()).toMatchObject({major: '1', minor: '32'})
    const resources = await api.discover()
    expect(resources.find((r) => r.resource === 'deployments')).toMatchObject({group: 'apps', kind: 'Deployment'})
  })
})

describe('create', () => {
  it('assigns uid, creationTimestamp, resourceVersion and generation, and applies the defaults', async () => {
    const revisionBefore = api.store.revision()
    const before = Math.floor(Date.now() / 1000) * 1000
    const created = await api.create(deployment('web'))
    const after = Date.now()
    expect(created.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    expect(created.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    const createdAt = Date.parse(created.metadata.creationTimestamp ?? '')
    expect(createdAt).toBeGreaterThanOrEqual(before)
    expect(createdAt).toBeLessThanOrEqual(after)
    expect(created.metadata.resourceVersion).toBe(String(revisionBefore + 1))
    expect(created.metadata.generation).toBe(1)
    expect(created.metadata.namespace).toBe('default')
    expect(created['spec']).toMatchObject({
      replicas: 1,
      strategy: {type: 'RollingUpdate', rollingUpdate: {maxUnavailable: '25%', maxSurge: '25%'}},
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      template: {spec: {restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30}},
    })
    expect(created['status']).toEqual({})
    // a later read finds what was stored, plus what the Deployment controller has since written: its revision
    // annotation and status, under a later resourceVersion
    // (and managedFields: the controller's writes add its entries)
    const {annotations, resourceVersion, managedFields, ...stored} = (await api.get(deploymentsRef(), 'web')).metadata
    const {resourceVersion: createdVersion, managedFields: createdFields, ...sent} = created.metadata
    expect(managedFields?.length).toBeGreaterThan(createdFields?.length ?? 0)
    expect(stored).toEqual(sent)
    expect(annotations).toEqual({'deployment.kubernetes.io/revision': '1'})
    expect(Number(resourceVersion)).toBeGreaterThan(Number(createdVersion))
    expect((await api.get(deploymentsRef(), 'web'))['spec']).toEqual(created['spec'])
  })

  it('replaces server-owned metadata the client sent', async () => {
    const input = configMap('cfg')
    input.metadata = {
      ...input.metadata,
      uid: 'made-up',
      resourceVersion: '999',
      creationTimestamp: '2001-01-01T00:00:00Z',
      deletionTimestamp: '2001-01-01T00:00:00Z',
    }
    const created = await api.create(input)
    expect(created.metadata.uid).not.toBe('made-up')
    expect(created.metadata.resourceVersion).not.toBe('999')
    expect(created.metadata.creationTimestamp).not.toBe('2001-01-01T00:00:00Z')
    expect(created.metadata.deletionTimestamp).toBeUndefined()
    // config maps have no generation in Kubernetes
    expect(created.metadata.generation).toBeUndefined()
  })

  it('does not change the object it was given', async () => {
    const input = deployment('web')
    const copy = structuredClone(input)
    await api.create(input)
    expect(input).toEqual(copy)
  })

  it('names an object from generateName with a five-character suffix', async () => {
    const created = await api.create({apiVersion: 'v1', kind: 'ConfigMap', metadata: {generateName: 'cfg-'}})
    expect(created.metadata.name).toMatch(/^cfg-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
  })

  it('puts a namespaced object without a namespace in default, and drops the namespace of a cluster-scoped one', async () => {
    const created = await api.create({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'cfg'}})
    expect(created.metadata.namespace).toBe('default')
    const ns = await api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'shop', namespace: 'default'}})
    expect(ns.metadata.namespace).toBeUndefined()
  })

  it('refuses a second object with the same name as AlreadyExists', async () => {
    await api.create(deployment('web'))
    expect(await rejection(api.create(deployment('web')))).toEqual({
      reason: 'AlreadyExists',
      code: 409,
      message: 'deployments.apps "web" already exists',
    })
  })

  it('refuses an object in a namespace that does not exist', async () => {
    expect(await rejection(api.create(configMap('cfg', 'nowhere')))).toEqual({
      reason: 'NotFound',
      code: 404,
      message: 'namespaces "nowhere" not found',
    })
  })

  it('refuses an object in a terminating namespace as Forbidden, worded as NamespaceLifecycle words it', async () => {
    await api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'shop'}})
    await api.create(configMap('keep', 'shop'))
    // a finalizer keeps the namespace terminating after the controllers run
    await api.patch(coreRef('configmaps', 'shop'), 'keep', {type: 'merge', body: {metadata: {finalizers: ['x/y']}}})
    await api.delete(namespacesRef, 'shop')
    await api.settle()
    expect((await api.get(namespacesRef, 'shop'))['status']).toEqual({phase: 'Terminating'})
    expect(await rejection(api.create(configMap('late', 'shop')))).toEqual({
      reason: 'Forbidden',
      code: 403,
      message:
        'configmaps "late" is forbidden: unable to create new content in namespace shop because it is being terminated',
    })
  })

  it('refuses an invalid object with the causes', async () => {
    const error = await rejection(api.create(configMap('Bad_Name')))
    expect(error.reason).toBe('Invalid')
    expect(error.code).toBe(422)
    expect(error.message).toMatch(/^ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": /)
  })

  it('refuses a wrongly typed field as BadRequest before any other check, and stores nothing', async () => {
    // the namespace does not exist and the name is invalid: decoding comes first, as in kube-apiserver's handler
    const bad = {...deployment('Bad_Name', 'nowhere'), spec: {replicas: 'three'}}
    const error = await rejection(api.create(bad, {fieldValidation: 'Strict'}))
    expect(error).toEqual({
      reason: 'BadRequest',
      code: 400,
      message:
        'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    })
    expect((await api.list(deploymentsRef())).items).toEqual([])
  })

  it('decodes review bodies too', async () => {
    const review = {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      metadata: {},
      spec: {nonResourceAttributes: {path: 5}},
    }
    const error = await rejection(api.create(review))
    expect(error.message).toBe(
      'SelfSubjectAccessReview in version "v1" cannot be handled as a SelfSubjectAccessReview: json: cannot unmarshal number into Go struct field NonResourceAttributes.spec.nonResourceAttributes.path of type string',
    )
  })

  it('refuses a kind it does not serve as BadRequest', async () => {
    const error = await rejection(api.create({apiVersion: 'v1', kind: 'Widget', metadata: {name: 'w'}}))
    expect(error).toEqual({reason: 'BadRequest', code: 400, message: 'no kind "Widget" is registered for version "v1"'})
  })
})

describe('get', () => {
  it('answers NotFound with the qualified resource name', async () => {
    expect(await rejection(api.get(deploymentsRef(), 'nope'))).toEqual({
      reason: 'NotFound',
      code: 404,
      message: 'deployments.apps "nope" not found',
    })
  })

  it('looks only in the namespace of the ref', async () => {
    await api.create(configMap('cfg'))
    expect((await rejection(api.get(coreRef('configmaps', 'kube-system'), 'cfg'))).reason).toBe('NotFound')
  })
})

describe('update', () => {
  it('refuses a stale resourceVersion with 409 Conflict in kube-apiserver words', async () => {
    const created = await api.create(deployment('web'))
    await api.update({...created, metadata: {...created.metadata, labels: {app: 'web', v: '2'}}})
    expect(await rejection(api.update({...created, metadata: {...created.metadata, labels: {v: '3'}}}))).toEqual({
      reason: 'Conflict',
      code: 409,
      message:
        'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    })
    expect((await api.get(deploymentsRef(), 'web')).metadata.labels).toEqual({app: 'web', v: '2'})
  })

  it('writes unconditionally when no resourceVersion is sent', async () => {
    const created = await api.create(configMap('cfg'))
    const {resourceVersion: _rv, ...metadata} = created.metadata
    const updated = await api.update({...created, metadata, data: {k: 'new'}})
    expect(updated['data']).toEqual({k: 'new'})
    expect(Number(updated.metadata.resourceVersion)).toBeGreaterThan(Number(created.metadata.resourceVersion))
  })

  it('answers NotFound for an object that does not exist', async () => {
    expect((await rejection(api.update(configMap('ghost')))).message).toBe('configmaps "ghost" not found')
  })

  it('bumps generation on a spec change only, not on a label or annotation change', async () => {
    const created = await api.create(deployment('web'))
    const relabelled = await api.update({
      ...created,
      metadata: {...created.metadata, labels: {app: 'web', tier: 'front'}, annotations: {note: 'x'}},
    })
    expect(relabelled.metadata.generation).toBe(1)
    expect(Number(relabelled.metadata.resourceVersion)).toBeGreaterThan(Number(created.metadata.resourceVersion))
    const scaled = await api.update({...relabelled, spec: {...(relabelled['spec'] as object), replicas: 3}})
    expect(scaled.metadata.generation).toBe(2)
    const again = await api.update({...scaled, spec: {...(scaled['spec'] as object), paused: true}})
    expect(again.metadata.generation).toBe(3)
  })

  it('keeps creationTimestamp whatever the client sends', async () => {
    const created = await api.create(configMap('cfg'))
    const updated = await api.update({
      ...created,
      metadata: {...created.metadata, creationTimestamp: '2001-01-01T00:00:00Z'},
      data: {k: 'v2'},
    })
    expect(updated.metadata.creationTimestamp).toBe(created.metadata.creationTimestamp)
    expect(updated.metadata.uid).toBe(created.metadata.uid)
  })

  // apiserver rest.defaultUpdatedObjectInfo.Preconditions (v1.32): the uid in an update body is a precondition,
  // so replacing an object that was deleted and recreated fails instead of overwriting the new one
  it.fails('refuses an update whose uid is not the stored object’s uid as a precondition Conflict', async () => {
    const created = await api.create(configMap('cfg'))
    expect(
      await rejection(api.update({...created, metadata: {...created.metadata, uid: 'other'}, data: {k: 'v2'}})),
    ).toEqual({
      reason: 'Conflict',
      code: 409,
      message: `Operation cannot be fulfilled on configmaps "cfg": Precondition failed: UID in precondition: other, UID in object meta: ${created.metadata.uid}`,
    })
  })

  it('keeps the stored status on an update of the main resource, and the spec on an update of status', async () => {
    const created = await api.create(deployment('web'))
    const withStatus = await api.update(
      {...created, status: {observedGeneration: 1, replicas: 1}},
      {subresource: 'status'},
    )
    expect(withStatus['status']).toEqual({observedGeneration: 1, replicas: 1})
    expect(withStatus.metadata.generation).toBe(1)

    const main = await api.update({...withStatus, spec: {...(withStatus['spec'] as object), replicas: 2}, status: {}})
    expect(main['status']).toEqual({observedGeneration: 1, replicas: 1})
    expect((main['spec'] as {replicas: number}).replicas).toBe(2)

    const statusOnly = await api.update(
      {...main, spec: {...(main['spec'] as object), replicas: 9}, status: {replicas: 2}},
      {subresource: 'status'},
    )
    expect((statusOnly['spec'] as {replicas: number}).replicas).toBe(2)
    expect(statusOnly['status']).toEqual({replicas: 2})
    expect(statusOnly.metadata.generation).toBe(2)
  })

  it('refuses an update or a status update whose body does not decode, leaving the object as it was', async () => {
    const created = await api.create(deployment('web'))
    const spec = created['spec'] as object
    const update = await rejection(api.update({...created, spec: {...spec, paused: 'yes'}}))
    expect(update.message).toContain('Go struct field DeploymentSpec.spec.paused of type bool')
    const status = await rejection(api.update({...created, status: {replicas: 1.5}}, {subresource: 'status'}))
    expect(status.message).toContain(
      'cannot unmarshal number 1.5 into Go struct field DeploymentStatus.status.replicas',
    )
    const stored = await api.get(deploymentsRef(), 'web')
    expect(stored['spec']).not.toHaveProperty('paused')
    expect(stored['status']).not.toMatchObject({replicas: 1.5})
  })

  it('leaves the resourceVersion alone when the update changes nothing', async () => {
    const created = await api.create(configMap('cfg'))
    const same = await api.update(created)
    expect(same.metadata.resourceVersion).toBe(created.metadata.resourceVersion)
  })

  it('validates against the old object: immutable selector', async () => {
    const created = await api.create(deployment('web'))
    const spec = created['spec'] as {selector: unknown}
    const error = await rejection(api.update({...created, spec: {...spec, selector: {matchLabels: {app: 'other'}}}}))
    expect(error.reason).toBe('Invalid')
    expect(error.message).toContain('spec.selector')
  })
})

describe('patch', () => {
  it('applies a JSON merge patch', async () => {
    await api.create(configMap('cfg'))
    const patched = await api.patch(coreRef('configmaps', 'default'), 'cfg', {
      type: 'merge',
      body: {metadata: {labels: {a: '1'}}, data: {k: null, other: 'x'}},
    })
    expect(patched.metadata.labels).toEqual({a: '1'})
    expect(patched['data']).toEqual({other: 'x'})
  })

  it('merges containers by name with a strategic merge patch, where a merge patch replaces the list', async () => {
    await api.create(deployment('web'))
    const body = {spec: {template: {spec: {containers: [{name: 'sidecar', image: 'envoy'}]}}}}
    const strategic = await api.patch(deploymentsRef(), 'web', {type: 'strategic', body})
    const containers = (s: KubeObject) =>
      (s['spec'] as {template: {spec: {containers: Array<{name: string; image: string}>}}}).template.spec.containers
    expect(containers(strategic).map((c) => `${c.name}=${c.image}`)).toEqual(['sidecar=envoy', 'nginx=nginx:1.25'])
    expect(strategic.metadata.generation).toBe(2)

    const merged = await api.patch(deploymentsRef(), 'web', {type: 'merge', body})
    expect(containers(merged).map((c) => c.name)).toEqual(['sidecar'])
  })

  it('applies a JSON patch', async () => {
    await api.create(deployment('web'))
    const patched = await api.patch(deploymentsRef(), 'web', {
      type: 'json',
      body: [
        {op: 'replace', path: '/spec/replicas', value: 4},
        {op: 'add', path: '/metadata/annotations', value: {team: 'a'}},
      ],
    })
    expect((patched['spec'] as {replicas: number}).replicas).toBe(4)
    expect(patched.metadata.annotations).toEqual({team: 'a'})
  })

  it('refuses a JSON patch whose test fails as 422 Invalid, leaving the object as it was', async () => {
    // a ConfigMap: no controller writes to it, so any change would be the patch's
    const created = await api.create(configMap('cfg'))
    const error = await rejection(
      api.patch(coreRef('configmaps', 'default'), 'cfg', {
        type: 'json',
        body: [
          {op: 'test', path: '/data/k', value: 'other'},
          {op: 'replace', path: '/data/k', value: 'new'},
        ],
      }),
    )
    // apiserver: handlers/patch.go answers a failed JSON patch with NewGenericServerResponse(422) (v1.32)
    expect(error).toEqual({
      reason: 'Invalid',
      code: 422,
      message: 'the server rejected our request due to an error in our request',
    })
    expect(await api.get(coreRef('configmaps', 'default'), 'cfg')).toEqual(created)
  })

  it("refuses a patch whose result does not decode in the patch handler's words, per patch type", async () => {
    await api.create(deployment('web'))
    const merge = await rejection(api.patch(deploymentsRef(), 'web', {type: 'merge', body: {spec: {replicas: 'x'}}}))
    expect(merge.code).toBe(422)
    expect(merge.message).toMatch(
      /^Deployment\.apps "" is invalid: patch: Invalid value: "\{.*\}": json: cannot unmarshal string into Go struct field DeploymentSpec\.spec\.replicas of type int32$/,
    )
    const json = await rejection(
      api.patch(deploymentsRef(), 'web', {type: 'json', body: [{op: 'replace', path: '/spec/replicas', value: 2.5}]}),
    )
    expect(json.message).toContain(': json: cannot unmarshal number 2.5 into Go struct field DeploymentSpec')
    const strategic = await rejection(
      api.patch(deploymentsRef(), 'web', {type: 'strategic', body: {spec: {replicas: 'x'}}}),
    )
    expect(strategic.message).toBe(
      'Deployment.apps "" is invalid: patch: Invalid value: "map[spec:map[replicas:x]]": unrecognized type: int32',
    )
    const scale = await rejection(
      api.patch({...deploymentsRef(), subresource: 'scale'}, 'web', {type: 'merge', body: {spec: {replicas: 'x'}}}),
    )
    expect(scale.message).toMatch(
      /^Scale\.autoscaling "" is invalid: patch: .*ScaleSpec\.spec\.replicas of type int32$/,
    )
    const apply = await rejection(
      api.patch(
        deploymentsRef(),
        'web',
        {
          type: 'apply',
          body: {apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'web'}, spec: {replicas: 'x'}},
        },
        {fieldManager: 'test'},
      ),
    )
    expect(apply).toEqual({
      reason: '',
      code: 500,
      message:
        'failed to create typed patch object (default/web; apps/v1, Kind=Deployment): .spec.replicas: expected numeric (int or float), got string',
    })
    expect(((await api.get(deploymentsRef(), 'web'))['spec'] as {replicas: number}).replicas).toBe(1)
  })

  it('honours a resourceVersion in the patch body', async () => {
    const created = await api.create(configMap('cfg'))
    await api.patch(coreRef('configmaps', 'default'), 'cfg', {type: 'merge', body: {data: {k: 'v2'}}})
    const error = await rejection(
      api.patch(coreRef('configmaps', 'default'), 'cfg', {
        type: 'merge',
        body: {metadata: {resourceVersion: created.metadata.resourceVersion}, data: {k: 'v3'}},
      }),
    )
    expect(error.reason).toBe('Conflict')
  })

  it('refuses a patch that renames the object', async () => {
    await api.create(configMap('cfg'))
    const error = await rejection(
      api.patch(coreRef('configmaps', 'default'), 'cfg', {type: 'merge', body: {metadata: {name: 'other'}}}),
    )
    expect(error).toMatchObject({reason: 'Invalid', code: 422})
    expect(error.message).toContain('metadata.name: Invalid value: "other": field is immutable')
  })

  it('answers NotFound for a missing object, and 422 for server-side apply without a field manager', async () => {
    expect((await rejection(api.patch(deploymentsRef(), 'nope', {type: 'merge', body: {}}))).reason).toBe('NotFound')
    await api.create(configMap('cfg'))
    expect(
      await rejection(api.patch(coreRef('configmaps', 'default'), 'cfg', {type: 'apply', body: {}})),
    ).toMatchObject({
      reason: 'Invalid',
      code: 422,
      message: 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
    })
  })
})

describe('delete', () => {
  it('removes an object without finalizers at once and returns it', async () => {
    await api.create(configMap('cfg'))
    const deleted = (await api.delete(coreRef('configmaps', 'default'), 'cfg')) as KubeObject
    expect(deleted.metadata.name).toBe('cfg')
    expect((await rejection(api.get(coreRef('configmaps', 'default'), 'cfg'))).reason).toBe('NotFound')
  })

  it('answers NotFound for a missing object', async () => {
    expect(await rejection(api.delete(deploymentsRef(), 'nope'))).toMatchObject({
      reason: 'NotFound',
      message: 'deployments.apps "nope" not found',
    })
  })

  it('leaves an object with finalizers marked with deletionTimestamp, and removes it with its last finalizer', async () => {
    const cm = configMap('held')
    cm.metadata.finalizers = ['example.com/a', 'example.com/b']
    await api.create(cm)
    const marked = (await api.delete(coreRef('configmaps', 'default'), 'held')) as KubeObject
    expect(marked.metadata.deletionTimestamp).toMatch(/Z$/)
    expect(marked.metadata.deletionGracePeriodSeconds).toBe(0)
    expect(marked.metadata.finalizers).toEqual(['example.com/a', 'example.com/b'])

    const stillThere = await api.get(coreRef('configmaps', 'default'), 'held')
    expect(stillThere.metadata.deletionTimestamp).toBe(marked.metadata.deletionTimestamp)

    const one = await api.update({...stillThere, metadata: {...stillThere.metadata, finalizers: ['example.com/b']}})
    expect(one.metadata.deletionTimestamp).toBe(marked.metadata.deletionTimestamp)
    await api.update({...one, metadata: {...one.metadata, finalizers: []}})
    expect((await rejection(api.get(coreRef('configmaps', 'default'), 'held'))).reason).toBe('NotFound')
  })

  it('does not let an update clear deletionTimestamp', async () => {
    const cm = configMap('held')
    cm.metadata.finalizers = ['example.com/a']
    await api.create(cm)
    const marked = (await api.delete(coreRef('configmaps', 'default'), 'held')) as KubeObject
    const {deletionTimestamp: _dt, ...metadata} = marked.metadata
    const updated = await api.update({...marked, metadata, data: {k: 'changed'}})
    expect(updated.metadata.deletionTimestamp).toBe(marked.metadata.deletionTimestamp)
  })

  it('checks uid and resourceVersion preconditions', async () => {
    const created = await api.create(configMap('cfg'))
    expect(
      await rejection(api.delete(coreRef('configmaps', 'default'), 'cfg', {preconditions: {uid: 'wrong'}})),
    ).toEqual({
      reason: 'Conflict',
      code: 409,
      message: `Operation cannot be fulfilled on configmaps "cfg": Precondition failed: UID in precondition: wrong, UID in object meta: ${created.metadata.uid}`,
    })
    const stale = await rejection(
      api.delete(coreRef('configmaps', 'default'), 'cfg', {preconditions: {resourceVersion: '1'}}),
    )
    expect(stale.message).toContain(
      `Precondition failed: ResourceVersion in precondition: 1, ResourceVersion in object meta: ${created.metadata.resourceVersion}`,
    )
    await api.delete(coreRef('configmaps', 'default'), 'cfg', {preconditions: {uid: created.metadata.uid}})
    expect((await rejection(api.get(coreRef('configmaps', 'default'), 'cfg'))).reason).toBe('NotFound')
  })

  it('removes an unscheduled pod at once, as there is no kubelet to wait for', async () => {
    await api.create(pod('p'))
    await api.delete(coreRef('pods', 'default'), 'p')
    expect((await rejection(api.get(coreRef('pods', 'default'), 'p'))).reason).toBe('NotFound')
  })
})

describe('dryRun', () => {
  it('writes nothing on create, update, patch or delete, yet answers as the real write would', async () => {
    const created = await api.create(configMap('real'))
    await api.settle()
    const revision = api.store.revision()

    const dryCreated = await api.create(configMap('dry'), {dryRun: true})
    expect(dryCreated.metadata.uid).toBeDefined()
    expect(dryCreated.metadata.creationTimestamp).toBeDefined()
    expect((await rejection(api.get(coreRef('configmaps', 'default'), 'dry'))).reason).toBe('NotFound')

    const dryUpdated = await api.update({...created, data: {k: 'dry'}}, {dryRun: true})
    expect(dryUpdated['data']).toEqual({k: 'dry'})
    const dryPatched = await api.patch(
      coreRef('configmaps', 'default'),
      'real',
      {type: 'merge', body: {data: {k: 'patched'}}},
      {dryRun: true},
    )
    expect(dryPatched['data']).toEqual({k: 'patched'})
    await api.delete(coreRef('configmaps', 'default'), 'real', {dryRun: true})

    expect(api.store.revision()).toBe(revision)
    expect(await api.get(coreRef('configmaps', 'default'), 'real')).toEqual(created)
  })

  it('still refuses what the real write would refuse', async () => {
    await api.create(configMap('cfg'))
    expect((await rejection(api.create(configMap('cfg'), {dryRun: true}))).reason).toBe('AlreadyExists')
    expect((await rejection(api.delete(deploymentsRef(), 'nope', {dryRun: true}))).reason).toBe('NotFound')
  })
})

describe('list', () => {
  beforeEach(async () => {
    await api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'shop'}})
    await api.create(configMap('a', 'default', {app: 'web', tier: 'front'}))
    await api.create(configMap('b', 'default', {app: 'web', tier: 'back'}))
    await api.create(configMap('c', 'default', {app: 'db'}))
    await api.create(configMap('d', 'shop', {app: 'web'}))
    await api.create(configMap('e', 'shop'))
  })

  const cms = (namespace?: string) => coreRef('configmaps', namespace)

  it('lists one namespace, or every namespace in namespace then name order', async () => {
    const inDefault = await api.list(cms('default'))
    expect(inDefault.kind).toBe('ConfigMapList')
    expect(inDefault.apiVersion).toBe('v1')
    expect(names(inDefault.items)).toEqual(['a', 'b', 'c'])
    const all = await api.list(cms())
    expect(all.items.map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual([
      'default/a',
      'default/b',
      'default/c',
      'shop/d',
      'shop/e',
    ])
    expect(all.metadata.resourceVersion).toBe(String(api.store.revision()))
  })

  it('filters by label selector', async () => {
    expect(names((await api.list(cms(), {labelSelector: 'app=web'})).items)).toEqual(['a', 'b', 'd'])
    expect(names((await api.list(cms(), {labelSelector: 'app=web,tier!=front'})).items)).toEqual(['b', 'd'])
    expect(names((await api.list(cms(), {labelSelector: 'tier in (front,back)'})).items)).toEqual(['a', 'b'])
    expect(names((await api.list(cms(), {labelSelector: '!app'})).items)).toEqual(['e'])
  })

  it('filters by field selector', async () => {
    expect(names((await api.list(cms(), {fieldSelector: 'metadata.name=c'})).items)).toEqual(['c'])
    expect(names((await api.list(cms(), {fieldSelector: 'metadata.namespace!=default'})).items)).toEqual(['d', 'e'])
    expect(
      names((await api.list(cms(), {labelSelector: 'app=web', fieldSelector: 'metadata.namespace=shop'})).items),
    ).toEqual(['d'])
  })

  it('answers BadRequest for a selector that does not parse or a field it does not support', async () => {
    expect((await rejection(api.list(cms(), {labelSelector: 'app in web'}))).reason).toBe('BadRequest')
    expect(await rejection(api.list(cms(), {fieldSelector: 'spec.nope=x'}))).toEqual({
      reason: 'BadRequest',
      code: 400,
      message: '"spec.nope" is not a known field selector: only "metadata.name", "metadata.namespace"',
    })
    expect(await rejection(api.list(coreRef('pods'), {fieldSelector: 'spec.nope!=x'}))).toMatchObject({
      reason: 'BadRequest',
      message: 'field label not supported: spec.nope',
    })
  })

  it('pages with limit and continue until the last page, which has no continue token', async () => {
    const first = await api.list(cms(), {limit: 2})
    expect(names(first.items)).toEqual(['a', 'b'])
    expect(first.metadata.continue).toEqual(expect.any(String))
    const second = await api.list(cms(), {limit: 2, continue: first.metadata.continue})
    expect(names(second.items)).toEqual(['c', 'd'])
    const third = await api.list(cms(), {limit: 2, continue: second.metadata.continue})
    expect(names(third.items)).toEqual(['e'])
    expect(third.metadata.continue).toBeUndefined()
  })

  it('gives no continue token when the limit covers every item', async () => {
    const page = await api.list(cms(), {limit: 5})
    expect(page.items).toHaveLength(5)
    expect(page.metadata.continue).toBeUndefined()
  })

  it('pages after a selector, not before it', async () => {
    const first = await api.list(cms(), {limit: 2, labelSelector: 'app=web'})
    expect(names(first.items)).toEqual(['a', 'b'])
    const second = await api.list(cms(), {limit: 2, labelSelector: 'app=web', continue: first.metadata.continue})
    expect(names(second.items)).toEqual(['d'])
    expect(second.metadata.continue).toBeUndefined()
  })

  it('answers BadRequest for a continue token it did not make', async () => {
    expect(await rejection(api.list(cms(), {limit: 1, continue: 'not-a-token'}))).toEqual({
      reason: 'BadRequest',
      code: 400,
      message: 'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    })
  })

  it('ignores the namespace of a ref for a cluster-scoped resource', async () => {
    const list = await api.list({...namespacesRef, namespace: 'shop'})
    expect(names(list.items)).toContain('default')
    expect(names(list.items)).toContain('shop')
  })

  it('answers NotFound for a resource it does not serve', async () => {
    expect((await rejection(api.list({group: 'example.com', version: 'v1', resource: 'widgets'}))).reason).toBe(
      'NotFound',
    )
  })
})

describe('table', () => {
  it('gives pods kubectl’s columns, the wide ones at priority 1', async () => {
    await api.create(pod('p1'))
    const table = await api.table(coreRef('pods', 'default'))
    expect(table.kind).toBe('Table')
    expect(table.apiVersion).toBe('meta.k8s.io/v1')
    expect(table.columnDefinitions.map((c) => [c.name, c.priority])).toEqual([
      ['Name', 0],
      ['Ready', 0],
      ['Status', 0],
      ['Restarts', 0],
      ['Age', 0],
      ['IP', 1],
      ['Node', 1],
      ['Nominated Node', 1],
      ['Readiness Gates', 1],
    ])
    expect(table.rows).toHaveLength(1)
    const [name, ready, status, restarts, age, ip, node] = table.rows[0]?.cells ?? []
    expect([name, ready, status, restarts, ip, node]).toEqual(['p1', '0/1', 'Pending', '0', '<none>', '<none>'])
    expect(age).toMatch(/^\d+s$/)
    expect(table.rows[0]?.object?.metadata.name).toBe('p1')
  })

  it('gives one row for a named object and passes selectors to the list', async () => {
    await api.create(pod('p1'))
    const second = pod('p2')
    second.metadata.labels = {app: 'x'}
    await api.create(second)
    expect((await api.table(coreRef('pods', 'default'), {name: 'p2'})).rows.map((r) => r.cells[0])).toEqual(['p2'])
    expect((await api.table(coreRef('pods', 'default'), {labelSelector: 'app=x'})).rows.map((r) => r.cells[0])).toEqual(
      ['p2'],
    )
    expect((await rejection(api.table(coreRef('pods', 'default'), {name: 'nope'}))).reason).toBe('NotFound')
  })
})

describe('watch', () => {
  async function take(iterator: AsyncIterator<WatchEvent>, count: number): Promise<string[]> {
    const seen: string[] = []
    for (let i = 0; i < count; i++) {
      const next = await iterator.next()
      if (next.done) break
      seen.push(`${next.value.type} ${next.value.object.metadata.name}`)
    }
    return seen
  }

  it('yields ADDED for the existing objects, then MODIFIED and DELETED for later writes', async () => {
    await api.create(configMap('one'))
    await api.create(configMap('two'))
    await api.create(configMap('elsewhere', 'kube-system'))
    const iterator = api.watch(coreRef('configmaps', 'default'))[Symbol.asyncIterator]()
    try {
      expect(await take(iterator, 2)).toEqual(['ADDED one', 'ADDED two'])
      const one = await api.get(coreRef('configmaps', 'default'), 'one')
      await api.update({...one, data: {k: 'changed'}})
      await api.create(configMap('ignored', 'kube-system'))
      await api.delete(coreRef('configmaps', 'default'), 'two')
      await api.create(configMap('three'))
      expect(await take(iterator, 3)).toEqual(['MODIFIED one', 'DELETED two', 'ADDED three'])
    } finally {
      await iterator.return?.()
    }
  })

  it('starts after a given resourceVersion without replaying the existing objects', async () => {
    const created = await api.create(configMap('old'))
    await api.create(configMap('new'))
    const stream = api.watch(coreRef('configmaps', 'default'), {resourceVersion: created.metadata.resourceVersion})
    const iterator = stream[Symbol.asyncIterator]()
    try {
      expect(await take(iterator, 1)).toEqual(['ADDED new'])
    } finally {
      await iterator.return?.()
    }
  })

  it('filters events by label selector', async () => {
    await api.create(configMap('a', 'default', {app: 'web'}))
    await api.create(configMap('b', 'default', {app: 'db'}))
    const iterator = api.watch(coreRef('configmaps', 'default'), {labelSelector: 'app=web'})[Symbol.asyncIterator]()
    try {
      expect(await take(iterator, 1)).toEqual(['ADDED a'])
      await api.create(configMap('c', 'default', {app: 'db'}))
      await api.create(configMap('d', 'default', {app: 'web'}))
      expect(await take(iterator, 1)).toEqual(['ADDED d'])
    } finally {
      await iterator.return?.()
    }
  })
})
