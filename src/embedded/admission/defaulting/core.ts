// Defaults of core kinds other than Pod (core/v1 defaults.go and the registry strategies, v1.32):
// Service, Namespace, Secret, PersistentVolumeClaim, PersistentVolume, Node, Endpoints,
// LimitRange and ResourceQuota.
import {isJsonObject, type JsonObject} from '../../../backend/object.js'
import {arr, ensureObject, isSet, obj, objects, str} from '../json.js'
import {isExternallyAccessible} from '../service.js'
import {defaultResourceList} from './quantities.js'

/** v1.DefaultClientIPServiceAffinitySeconds: three hours. */
const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800

function needsClusterIP(spec: JsonObject): boolean {
  return str(spec['type']) !== 'ExternalName'
}

// The Service REST storage: on update keep allocated IPs a client left out, then keep
// clusterIP and clusterIPs in step (patchAllocatedValues + normalizeClusterIPs).
function normalizeClusterIPs(spec: JsonObject, old: JsonObject | undefined): void {
  const ips = arr(spec['clusterIPs']).map(str)
  const clusterIP = str(spec['clusterIP'])
  if (old === undefined) {
    if (clusterIP.length > 0 && ips.length === 0) spec['clusterIPs'] = [clusterIP]
    return
  }
  const oldSpec = obj(old['spec'])
  if (needsClusterIP(oldSpec) && needsClusterIP(spec)) {
    if (clusterIP.length === 0 && str(oldSpec['clusterIP']).length > 0) spec['clusterIP'] = oldSpec['clusterIP']
    if (ips.length === 0 && arr(oldSpec['clusterIPs']).length > 0) spec['clusterIPs'] = [...arr(oldSpec['clusterIPs'])]
  }
  const oldIPs = arr(oldSpec['clusterIPs']).map(str)
  const sameIPs = (): boolean => {
    const now = arr(spec['clusterIPs']).map(str)
    return now.length === oldIPs.length && now.every((ip, i) => ip === oldIPs[i])
  }
  if (
    oldIPs.length > 0 &&
    arr(spec['clusterIPs']).length === 0 &&
    str(oldSpec['clusterIP']) === str(spec['clusterIP'])
  ) {
    spec['clusterIPs'] = [...oldIPs]
  }
  const newClusterIP = str(spec['clusterIP'])
  if (str(oldSpec['clusterIP']) !== newClusterIP) {
    if (str(oldSpec['clusterIP']).length > 0 && newClusterIP.length === 0 && sameIPs()) delete spec['clusterIPs']
    if (newClusterIP.length > 0 && sameIPs()) spec['clusterIPs'] = [newClusterIP]
  }
}

/** SetDefaults_Service plus the IP-family and clusterIPs handling of the Service REST storage. */
export function defaultService(object: JsonObject, old: JsonObject | undefined): void {
  const spec = ensureObject(object, 'spec')
  if (str(spec['sessionAffinity']).length === 0) spec['sessionAffinity'] = 'None'
  if (spec['sessionAffinity'] === 'None') delete spec['sessionAffinityConfig']
  if (spec['sessionAffinity'] === 'ClientIP') {
    const clientIP = obj(obj(spec['sessionAffinityConfig'])['clientIP'])
    if (!isSet(clientIP['timeoutSeconds'])) {
      spec['sessionAffinityConfig'] = {clientIP: {timeoutSeconds: DEFAULT_CLIENT_IP_AFFINITY_SECONDS}}
    }
  }
  if (str(spec['type']).length === 0) spec['type'] = 'ClusterIP'
  for (const port of objects(spec['ports'])) {
    if (str(port['protocol']).length === 0) port['protocol'] = 'TCP'
    const target = port['targetPort']
    if (target === undefined || target === null || target === 0 || target === '') port['targetPort'] = port['port']
  }
  if (isExternallyAccessible(spec) && str(spec['externalTrafficPolicy']).length === 0)
    spec['externalTrafficPolicy'] = 'Cluster'
  const type = str(spec['type'])
  if (!isSet(spec['internalTrafficPolicy']) && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(type)) {
    spec['internalTrafficPolicy'] = 'Cluster'
  }
  if (type === 'LoadBalancer' && !isSet(spec['allocateLoadBalancerNodePorts']))
    spec['allocateLoadBalancerNodePorts'] = true
  normalizeClusterIPs(spec, old)
  if (needsClusterIP(spec)) {
    // A single-stack IPv4 cluster (service-cluster-ip-range 10.96.0.0/12).
    if (!isSet(spec['ipFamilyPolicy'])) spec['ipFamilyPolicy'] = 'SingleStack'
    if (arr(spec['ipFamilies']).length === 0) spec['ipFamilies'] = ['IPv4']
  }
  const status = ensureObject(object, 'status')
  ensureObject(status, 'loadBalancer')
}

/** Namespace defaults: the name label, the kubernetes finalizer and Active phase on create. */
export function defaultNamespace(object: JsonObject, old: JsonObject | undefined): void {
  const metadata = ensureObject(object, 'metadata')
  const name = str(metadata['name'])
  if (name.length > 0) ensureObject(metadata, 'labels')['kubernetes.io/metadata.name'] = name
  const spec = ensureObject(object, 'spec')
  if (old === undefined) {
    const finalizers = arr(spec['finalizers']).map(str)
    if (!finalizers.includes('kubernetes')) spec['finalizers'] = [...finalizers, 'kubernetes']
    object['status'] = {phase: 'Active'}
  } else {
    // spec.finalizers changes only through the finalize subresource
    const oldFinalizers = obj(old['spec'])['finalizers']
    if (oldFinalizers === undefined) delete spec['finalizers']
    else spec['finalizers'] = structuredClone(oldFinalizers)
    const status = ensureObject(object, 'status')
    if (str(status['phase']).length === 0) status['phase'] = 'Active'
  }
}

/** Secret defaults: type Opaque, stringData merged into data as base64 and dropped. */
export function defaultSecret(object: JsonObject): void {
  if (str(object['type']).length === 0) object['type'] = 'Opaque'
  const stringData = object['stringData']
  if (isJsonObject(stringData)) {
    const data = ensureObject(object, 'data')
    for (const [k, v] of Object.entries(stringData)) data[k] = Buffer.from(str(v), 'utf8').toString('base64')
  }
  delete object['stringData']
}

/** PVC defaults: volumeMode Filesystem, phase Pending, canonical quantities. */
export function defaultPersistentVolumeClaim(object: JsonObject): void {
  const spec = ensureObject(object, 'spec')
  if (!isSet(spec['volumeMode'])) spec['volumeMode'] = 'Filesystem'
  const resources = ensureObject(spec, 'resources')
  defaultResourceList(resources, 'requests')
  defaultResourceList(resources, 'limits')
  const status = ensureObject(object, 'status')
  if (str(status['phase']).length === 0) status['phase'] = 'Pending'
  defaultResourceList(status, 'capacity')
}

/** PV defaults: reclaim policy Retain, volumeMode Filesystem, phase Pending. */
export function defaultPersistentVolume(object: JsonObject): void {
  const spec = ensureObject(object, 'spec')
  if (str(spec['persistentVolumeReclaimPolicy']).length === 0) spec['persistentVolumeReclaimPolicy'] = 'Retain'
  if (!isSet(spec['volumeMode'])) spec['volumeMode'] = 'Filesystem'
  defaultResourceList(spec, 'capacity')
  if (isJsonObject(spec['hostPath']) && !isSet(spec['hostPath']['type'])) spec['hostPath']['type'] = ''
  const status = ensureObject(object, 'status')
  if (str(status['phase']).length === 0) status['phase'] = 'Pending'
}

/** Node defaults: allocatable copied from capacity when missing. */
export function defaultNode(object: JsonObject): void {
  const status = object['status']
  if (!isJsonObject(status)) return
  defaultResourceList(status, 'capacity')
  defaultResourceList(status, 'allocatable')
  if (!isSet(status['allocatable']) && isJsonObject(status['capacity'])) status['allocatable'] = {...status['capacity']}
}

/** Endpoints defaults: port protocol TCP. */
export function defaultEndpoints(object: JsonObject): void {
  for (const subset of objects(object['subsets'])) {
    for (const port of objects(subset['ports'])) if (str(port['protocol']).length === 0) port['protocol'] = 'TCP'
  }
}

/** LimitRange defaults: container default limits from max, default requests from default or min. */
export function defaultLimitRange(object: JsonObject): void {
  for (const item of objects(obj(object['spec'])['limits'])) {
    for (const field of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio'])
      defaultResourceList(item, field)
    if (item['type'] !== 'Container') continue
    const defaults = ensureObject(item, 'default')
    const defaultRequest = ensureObject(item, 'defaultRequest')
    for (const [k, v] of Object.entries(obj(item['max']))) if (!Object.hasOwn(defaults, k)) defaults[k] = v
    for (const [k, v] of Object.entries(defaults)) if (!Object.hasOwn(defaultRequest, k)) defaultRequest[k] = v
    for (const [k, v] of Object.entries(obj(item['min']))) if (!Object.hasOwn(defaultRequest, k)) defaultRequest[k] = v
  }
}

/** ResourceQuota defaults: canonical quantities. */
export function defaultResourceQuota(object: JsonObject): void {
  if (isJsonObject(object['spec'])) defaultResourceList(object['spec'], 'hard')
  if (isJsonObject(object['status'])) {
    defaultResourceList(object['status'], 'hard')
    defaultResourceList(object['status'], 'used')
  }
}
