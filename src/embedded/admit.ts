import type {KubeObject} from '../backend/object.js'
import {qualifiedResource, type ResourceInfo} from '../backend/refs.js'
import {alreadyExists, conflict, forbidden, invalid, notFound, type StatusCause} from '../backend/status.js'
import {defaultObject} from './admission/defaults.js'
import {validateObject} from './admission/validate.js'
import {allocateServiceAddresses} from './admission/cluster-ip.js'
import type {Clock} from './clock/clock.js'
import {newUid, randomNameSuffix} from './clock/random.js'
import {hasGeneration, hasStatusSubresource, resetsStatusOnCreate, specOf} from './object-rules.js'
import {storeKey, storeResource} from './storage-key.js'
import {writeStrategyFor} from './crd/strategy.js'
import type {Store} from './store/store.js'

// managedFields are recorded on the same write path as admission, and loaded with it
export {recordCreate, recordUpdateOf, serverSideApply} from './field-manager/record.js'
export {appliedObject} from './field-manager/applied-object.js'

const NAMESPACES: ResourceInfo = {
  group: '',
  version: 'v1',
  kind: 'Namespace',
  resource: 'namespaces',
  singular: 'namespace',
  shortNames: ['ns'],
  namespaced: false,
  verbs: [],
  categories: [],
}

/**
 * What kube-apiserver does to a create before it is stored: namespace checks, generateName, defaulting,
 * validation, and the server-set metadata. Throws StatusError; returns the object to store. The request's body
 * has been decoded first (admission/decode-error.ts), as the API server's handler decodes it before admission.
 */
export function admitCreate(store: Store, clock: Clock, info: ResourceInfo, input: KubeObject): KubeObject {
  const object = structuredClone(input)
  const metadata = object.metadata ?? {}
  object.metadata = metadata
  if (info.namespaced) {
    metadata.namespace ||= 'default'
    requireActiveNamespace(store, info, metadata.namespace, metadata.name ?? '')
  } else {
    delete metadata.namespace
  }
  if (!metadata.name && metadata.generateName) metadata.name = metadata.generateName + randomNameSuffix()
  if (!metadata.name) {
    throw invalid(info, '', [
      {
        reason: 'FieldValueRequired',
        field: 'metadata.name',
        message: 'Required value: name or generateName is required',
      },
    ])
  }
  for (const field of [
    'uid',
    'resourceVersion',
    'creationTimestamp',
    'deletionTimestamp',
    'deletionGracePeriodSeconds',
    'generation',
  ] as const) {
    delete metadata[field]
  }
  const resource = storeResource(info)
  if (resetsStatusOnCreate(resource)) object['status'] = {}
  // the Job strategy derives its selector from the uid, so the uid exists before defaulting
  metadata.uid = newUid()
  const strategy = writeStrategyFor(store, clock, info)
  let defaulted = defaultObject(info, object)
  if (strategy) defaulted = strategy.prepare(defaulted, undefined, undefined)
  const causes = [...validateObject(info, defaulted), ...(strategy?.validate(defaulted, undefined, undefined) ?? [])]
  if (causes.length > 0) throw invalid(info, metadata.name, causes)
  if (resource === '/services') defaulted = assignServiceAddresses(store, info, defaulted)
  if (store.get(storeKey(info, metadata.namespace, metadata.name))) throw alreadyExists(info, metadata.name)
  defaulted.metadata.creationTimestamp = clock.timestamp()
  if (strategy?.tracksGeneration || hasGeneration(resource, isCustom(info))) defaulted.metadata.generation = 1
  return reorder(defaulted)
}

/**
 * What kube-apiserver does to an update: keeps server-owned metadata, keeps status or spec depending on
 * the subresource, bumps generation on spec changes, validates against the old object. The body (or the
 * patched object) has been decoded first.
 */
export function admitUpdate(
  info: ResourceInfo,
  input: KubeObject,
  old: KubeObject,
  subresource: string | undefined,
  cluster?: {store: Store; clock: Clock},
): KubeObject {
  const resource = storeResource(info)
  let object = structuredClone(input)
  if (subresource === 'status') {
    object = {...structuredClone(old), status: object['status']}
  } else if (subresource === 'binding') {
    // pods/binding sets spec.nodeName once, as the scheduler's Bind does (pkg/registry/core/pod/storage, v1.32)
    const nodeName = (object['spec'] as {nodeName?: string} | undefined)?.nodeName ?? ''
    const oldSpec = (old['spec'] ?? {}) as {nodeName?: string}
    if (oldSpec.nodeName) {
      throw conflict(
        info,
        old.metadata.name ?? '',
        `pod ${old.metadata.name ?? ''} is already assigned to node "${oldSpec.nodeName}"`,
      )
    }
    object = {...structuredClone(old), spec: {...oldSpec, nodeName}}
  } else if (subresource === 'finalize') {
    // namespaces/finalize changes spec.finalizers and nothing else (namespace registry, v1.32)
    const finalizers = (object['spec'] as {finalizers?: string[]} | undefined)?.finalizers ?? []
    object = {...structuredClone(old), spec: {...(old['spec'] as object | undefined), finalizers}}
  } else if (hasStatusSubresource(resource) && old['status'] !== undefined) {
    object['status'] = structuredClone(old['status'])
  }
  const metadata = object.metadata
  metadata.uid = old.metadata.uid
  metadata.creationTimestamp = old.metadata.creationTimestamp
  metadata.resourceVersion = old.metadata.resourceVersion
  if (old.metadata.namespace !== undefined) metadata.namespace = old.metadata.namespace
  if (old.metadata.deletionTimestamp !== undefined) {
    metadata.deletionTimestamp = old.metadata.deletionTimestamp
    metadata.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds
  } else {
    delete metadata.deletionTimestamp
  }
  if (old.metadata.generation !== undefined) metadata.generation = old.metadata.generation
  else delete metadata.generation
  const skipsDefaulting = subresource === 'status' || subresource === 'finalize' || subresource === 'binding'
  const strategy = cluster && writeStrategyFor(cluster.store, cluster.clock, info)
  let defaulted = skipsDefaulting ? object : defaultObject(info, object, old)
  if (strategy) defaulted = strategy.prepare(defaulted, old, subresource)
  const causes: StatusCause[] = [
    ...validateObject(info, defaulted, old, subresource ? {subresource} : {}),
    ...(strategy?.validate(defaulted, old, subresource) ?? []),
  ]
  if (causes.length > 0) throw invalid(info, metadata.name ?? '', causes)
  if (defaulted.metadata.generation !== undefined && specOf(defaulted) !== specOf(old)) {
    defaulted.metadata.generation += 1
  }
  return reorder(defaulted)
}

// NamespaceLifecycle admission words its refusal as NewForbidden(resource, name, err) (v1.32)
function requireActiveNamespace(store: Store, info: ResourceInfo, namespace: string, name: string): void {
  const found = store.get(storeKey(NAMESPACES, undefined, namespace))
  if (!found) throw notFound(NAMESPACES, namespace)
  if (found.object.metadata.deletionTimestamp !== undefined) {
    const subject = name === '' ? qualifiedResource(info) : `${qualifiedResource(info)} "${name}"`
    throw forbidden(
      `${subject} is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
      {name, group: info.group, kind: info.resource},
    )
  }
}

function isCustom(info: ResourceInfo): boolean {
  return !info.group.includes('.') ? false : !info.group.endsWith('.k8s.io')
}

function assignServiceAddresses(store: Store, info: ResourceInfo, service: KubeObject): KubeObject {
  const usedClusterIPs = new Set<string>()
  const usedNodePorts = new Set<number>()
  for (const {object} of store.list('/services')) {
    const spec = object['spec'] as {clusterIPs?: string[]; ports?: Array<{nodePort?: number}>} | undefined
    for (const ip of spec?.clusterIPs ?? []) usedClusterIPs.add(ip)
    for (const port of spec?.ports ?? []) if (port.nodePort) usedNodePorts.add(port.nodePort)
  }
  const result = allocateServiceAddresses(service, {usedClusterIPs, usedNodePorts})
  if ('causes' in result) throw invalid(info, service.metadata.name ?? '', result.causes)
  return result.service
}

/** apiVersion, kind, metadata, then the rest: the order the API server serialises. */
function reorder(object: KubeObject): KubeObject {
  const {apiVersion, kind, metadata, ...rest} = object
  return {apiVersion, kind, metadata, ...rest}
}
