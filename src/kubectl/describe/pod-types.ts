// The core/v1 pod fields the describers read. Every field is optional: objects come from
// the API as JSON and describe must print whatever is there.
import type {KubeObject, ObjectMeta} from '../../backend/object.js'
import type {LabelSelectorSpec} from '../../resources/label-selector.js'
import type {Toleration} from './multiline.js'

/** An int-or-string (ports, maxSurge, ...). */
export type IntOrString = number | string

/** A map of resource names to quantities as JSON carries it. */
export type ResourceList = Record<string, unknown>

/** requests and limits. */
export interface ResourceRequirements {
  limits?: ResourceList
  requests?: ResourceList
}

/** An env var source. */
export interface EnvVar {
  name?: string
  value?: string
  valueFrom?: {
    fieldRef?: {apiVersion?: string; fieldPath?: string}
    resourceFieldRef?: {containerName?: string; resource?: string; divisor?: unknown}
    configMapKeyRef?: {name?: string; key?: string; optional?: boolean}
    secretKeyRef?: {name?: string; key?: string; optional?: boolean}
  }
}

/** An envFrom source. */
interface EnvFromSource {
  prefix?: string
  configMapRef?: {name?: string; optional?: boolean}
  secretRef?: {name?: string; optional?: boolean}
}

/** A liveness, readiness or startup probe. */
export interface Probe {
  exec?: {command?: string[]}
  httpGet?: {path?: string; port?: IntOrString; host?: string; scheme?: string}
  tcpSocket?: {port?: IntOrString; host?: string}
  grpc?: {port?: number; service?: string}
  initialDelaySeconds?: number
  timeoutSeconds?: number
  periodSeconds?: number
  successThreshold?: number
  failureThreshold?: number
}

/** A container of a pod spec (also ephemeral and init containers). */
export interface Container {
  name?: string
  image?: string
  command?: string[]
  args?: string[]
  ports?: {containerPort?: number; hostPort?: number; protocol?: string; name?: string}[]
  env?: EnvVar[]
  envFrom?: EnvFromSource[]
  resources?: ResourceRequirements
  volumeMounts?: {name?: string; mountPath?: string; subPath?: string; readOnly?: boolean}[]
  volumeDevices?: {name?: string; devicePath?: string}[]
  livenessProbe?: Probe
  readinessProbe?: Probe
  startupProbe?: Probe
  restartPolicy?: string
  securityContext?: {seccompProfile?: {type?: string; localhostProfile?: string}}
}

/** A container state. */
export interface ContainerState {
  running?: {startedAt?: string}
  waiting?: {reason?: string; message?: string}
  terminated?: {
    exitCode?: number
    signal?: number
    reason?: string
    message?: string
    startedAt?: string
    finishedAt?: string
  }
}

/** A container status. */
export interface ContainerStatus {
  name?: string
  containerID?: string
  image?: string
  imageID?: string
  ready?: boolean
  restartCount?: number
  state?: ContainerState
  lastState?: ContainerState
}

/** A pod volume: the name and one source, read loosely. */
export interface Volume {
  name?: string
  [source: string]: unknown
}

/** A topology spread constraint. */
export interface TopologySpreadConstraint {
  maxSkew?: number
  topologyKey?: string
  whenUnsatisfiable?: string
  labelSelector?: LabelSelectorSpec
}

/** A pod spec. */
export interface PodSpec {
  containers?: Container[]
  initContainers?: Container[]
  ephemeralContainers?: Container[]
  volumes?: Volume[]
  nodeName?: string
  nodeSelector?: Record<string, string>
  serviceAccountName?: string
  priority?: number
  priorityClassName?: string
  runtimeClassName?: string
  tolerations?: Toleration[]
  readinessGates?: {conditionType?: string}[]
  topologySpreadConstraints?: TopologySpreadConstraint[]
  securityContext?: {seccompProfile?: {type?: string; localhostProfile?: string}}
  resources?: ResourceRequirements
  overhead?: ResourceList
}

/** A pod template. */
export interface PodTemplateSpec {
  metadata?: ObjectMeta
  spec?: PodSpec
}

/** A pod. */
export interface Pod extends KubeObject {
  spec?: PodSpec
  status?: {
    phase?: string
    reason?: string
    message?: string
    hostIP?: string
    podIP?: string
    podIPs?: {ip?: string}[]
    startTime?: string
    nominatedNodeName?: string
    qosClass?: string
    conditions?: {type?: string; status?: string}[]
    containerStatuses?: ContainerStatus[]
    initContainerStatuses?: ContainerStatus[]
    ephemeralContainerStatuses?: ContainerStatus[]
  }
}
