// PodSpec defaults (pkg/apis/core/v1/defaults.go and zz_generated.defaults.go, v1.32): the fields
// every pod and pod template gets, plus the ones only real Pods get (SetDefaults_Pod).
import {isJsonObject, type JsonObject} from '../../../backend/object.js'
import {ensureObject, isSet, num, objects, str} from '../json.js'
import {defaultQuantity, defaultResourceList} from './quantities.js'

/** v1.DefaultTerminationGracePeriodSeconds. */
const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30
/** v1.DefaultSchedulerName. */
const DEFAULT_SCHEDULER_NAME = 'default-scheduler'
/** v1.TerminationMessagePathDefault. */
const DEFAULT_TERMINATION_MESSAGE_PATH = '/dev/termination-log'
// SecretVolumeSourceDefaultMode and friends: 0644
const DEFAULT_VOLUME_MODE = 0o644
// ServiceAccountTokenProjection: one hour
const DEFAULT_TOKEN_EXPIRATION_SECONDS = 3600

const VOLUME_SOURCES = [
  'hostPath',
  'emptyDir',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'persistentVolumeClaim',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'downwardAPI',
  'fc',
  'azureFile',
  'configMap',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'projected',
  'portworxVolume',
  'scaleIO',
  'storageos',
  'csi',
  'ephemeral',
  'image',
]

/**
 * The tag parsers.ParseImageName finds: `latest` when neither tag nor digest is given, '' when the
 * reference has a digest only or cannot be parsed (then the pull policy is IfNotPresent).
 */
export function imageTag(image: string): string {
  const at = image.indexOf('@')
  const named = at < 0 ? image : image.slice(0, at)
  const lastSlash = named.lastIndexOf('/')
  const colon = named.indexOf(':', lastSlash + 1)
  const repository = colon < 0 ? named : named.slice(0, colon)
  const path = repository.slice(repository.indexOf('/') + 1)
  const firstPart = repository.slice(0, Math.max(repository.indexOf('/'), 0))
  const hasRegistryHost = firstPart.includes('.') || firstPart.includes(':') || firstPart === 'localhost'
  const repoPath = hasRegistryHost ? path : repository
  if (
    repoPath.length === 0 ||
    !/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(repoPath)
  ) {
    return ''
  }
  if (colon >= 0) return named.slice(colon + 1)
  return at < 0 ? 'latest' : ''
}

function defaultHandler(handler: unknown): void {
  if (!isJsonObject(handler) || !isJsonObject(handler['httpGet'])) return
  const httpGet = handler['httpGet']
  if (str(httpGet['path']).length === 0) httpGet['path'] = '/'
  if (str(httpGet['scheme']).length === 0) httpGet['scheme'] = 'HTTP'
}

function defaultProbe(probe: unknown): void {
  if (!isJsonObject(probe)) return
  const defaults: [string, number][] = [
    ['timeoutSeconds', 1],
    ['periodSeconds', 10],
    ['successThreshold', 1],
    ['failureThreshold', 3],
  ]
  for (const [field, value] of defaults) if ((num(probe[field]) ?? 0) === 0) probe[field] = value
  defaultHandler(probe)
}

function defaultEnv(container: JsonObject): void {
  for (const variable of objects(container['env'])) {
    const from = variable['valueFrom']
    if (!isJsonObject(from)) continue
    if (isJsonObject(from['fieldRef']) && str(from['fieldRef']['apiVersion']).length === 0)
      from['fieldRef']['apiVersion'] = 'v1'
    if (isJsonObject(from['resourceFieldRef'])) {
      if (!isSet(from['resourceFieldRef']['divisor'])) from['resourceFieldRef']['divisor'] = '0'
      defaultQuantity(from['resourceFieldRef'], 'divisor')
    }
  }
}

/** SetDefaults_Container and the generated defaults of its nested types. */
function defaultContainer(container: JsonObject): void {
  if (str(container['imagePullPolicy']).length === 0) {
    container['imagePullPolicy'] = imageTag(str(container['image'])) === 'latest' ? 'Always' : 'IfNotPresent'
  }
  if (str(container['terminationMessagePath']).length === 0)
    container['terminationMessagePath'] = DEFAULT_TERMINATION_MESSAGE_PATH
  if (str(container['terminationMessagePolicy']).length === 0) container['terminationMessagePolicy'] = 'File'
  for (const port of objects(container['ports'])) if (str(port['protocol']).length === 0) port['protocol'] = 'TCP'
  // ResourceRequirements is a struct, so it always serializes, as `resources: {}` when empty.
  const resources = ensureObject(container, 'resources')
  defaultResourceList(resources, 'limits')
  defaultResourceList(resources, 'requests')
  defaultEnv(container)
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) defaultProbe(container[probe])
  if (isJsonObject(container['lifecycle'])) {
    defaultHandler(container['lifecycle']['postStart'])
    defaultHandler(container['lifecycle']['preStop'])
  }
}

function defaultVolume(volume: JsonObject): void {
  if (!VOLUME_SOURCES.some((source) => isSet(volume[source]))) volume['emptyDir'] = {}
  for (const source of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const spec = volume[source]
    if (isJsonObject(spec) && !isSet(spec['defaultMode'])) spec['defaultMode'] = DEFAULT_VOLUME_MODE
  }
  if (isJsonObject(volume['hostPath']) && !isSet(volume['hostPath']['type'])) volume['hostPath']['type'] = ''
  if (isJsonObject(volume['emptyDir'])) defaultQuantity(volume['emptyDir'], 'sizeLimit')
  if (isJsonObject(volume['downwardAPI'])) {
    for (const item of objects(volume['downwardAPI']['items'])) {
      if (isJsonObject(item['fieldRef']) && str(item['fieldRef']['apiVersion']).length === 0)
        item['fieldRef']['apiVersion'] = 'v1'
    }
  }
  if (isJsonObject(volume['projected'])) {
    for (const source of objects(volume['projected']['sources'])) {
      const token = source['serviceAccountToken']
      if (isJsonObject(token) && !isSet(token['expirationSeconds']))
        token['expirationSeconds'] = DEFAULT_TOKEN_EXPIRATION_SECONDS
    }
  }
}

/** SetDefaults_PodSpec plus nested defaults; `spec` is mutated (callers pass a copy). */
export function defaultPodSpec(spec: JsonObject): void {
  if (str(spec['dnsPolicy']).length === 0) spec['dnsPolicy'] = 'ClusterFirst'
  if (str(spec['restartPolicy']).length === 0) spec['restartPolicy'] = 'Always'
  if (!isJsonObject(spec['securityContext'])) spec['securityContext'] = {}
  if (!isSet(spec['terminationGracePeriodSeconds']))
    spec['terminationGracePeriodSeconds'] = DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS
  if (str(spec['schedulerName']).length === 0) spec['schedulerName'] = DEFAULT_SCHEDULER_NAME
  for (const field of ['containers', 'initContainers', 'ephemeralContainers'])
    objects(spec[field]).forEach(defaultContainer)
  objects(spec['volumes']).forEach(defaultVolume)
  defaultResourceList(spec, 'overhead')
  // v1 conversion keeps the deprecated serviceAccount field in step with serviceAccountName.
  const accountName = str(spec['serviceAccountName'])
  const deprecated = str(spec['serviceAccount'])
  if (accountName.length === 0 && deprecated.length > 0) spec['serviceAccountName'] = deprecated
  else if (accountName.length > 0) spec['serviceAccount'] = accountName
}

/** SetDefaults_Pod: what only a Pod (not a template) gets. */
export function defaultPodOnlyFields(spec: JsonObject): void {
  for (const field of ['containers', 'initContainers']) {
    for (const container of objects(spec[field])) {
      const resources = ensureObject(container, 'resources')
      if (!isJsonObject(resources['limits'])) continue
      const requests = ensureObject(resources, 'requests')
      for (const [name, value] of Object.entries(resources['limits']))
        if (!Object.hasOwn(requests, name)) requests[name] = value
    }
  }
  if (!isSet(spec['enableServiceLinks'])) spec['enableServiceLinks'] = true
  if (spec['hostNetwork'] === true) {
    for (const field of ['containers', 'initContainers']) {
      for (const container of objects(spec[field])) {
        for (const port of objects(container['ports']))
          if ((num(port['hostPort']) ?? 0) === 0) port['hostPort'] = port['containerPort']
      }
    }
  }
}

/** Defaults a pod template in place: `metadata.creationTimestamp: null` as v1.32 prints it, and its spec. */
export function defaultPodTemplate(template: JsonObject): void {
  const metadata = ensureObject(template, 'metadata')
  if (!Object.hasOwn(metadata, 'creationTimestamp')) metadata['creationTimestamp'] = null
  defaultPodSpec(ensureObject(template, 'spec'))
}
