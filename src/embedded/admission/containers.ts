// Containers of a pod spec (core validateContainers, validateInitContainers and
// validateContainerCommon, v1.32): names, images, ports, env, mounts, pull policy, resources, probes.
import {isDNS1123Label} from '../../resources/label-syntax.js'
import {
  child,
  duplicate,
  forbidden,
  index,
  invalid,
  notFound,
  notSupported,
  required,
  type FieldError,
} from './field-error.js'
import {isValidPortName, isValidPortNum} from './formats.js'
import {validateEnv, validateEnvFrom} from './env.js'
import {goQuote} from '../../resources/go-format.js'
import {goScalar} from './go-format.js'
import {arr, isSet, num, obj, str} from './json.js'
import {validateHandler, validateProbe} from './probes.js'
import {validateResourceRequirements} from './resources.js'

const PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP']
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never']
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError']
const MAX_USER_ID = 4294967295
function validateContainerPorts(ports: unknown, path: string): FieldError[] {
  const errors: FieldError[] = []
  const names = new Set<string>()
  arr(ports).forEach((raw, i) => {
    const port = obj(raw)
    const portPath = index(path, i)
    const name = str(port['name'])
    if (name.length > 0) {
      const messages = isValidPortName(name)
      if (messages.length > 0) {
        errors.push(...messages.map((message) => invalid(child(portPath, 'name'), goQuote(name), message)))
      } else if (names.has(name)) errors.push(duplicate(child(portPath, 'name'), goQuote(name)))
      else names.add(name)
    }
    const containerPort = num(port['containerPort']) ?? 0
    if (containerPort === 0) errors.push(required(child(portPath, 'containerPort')))
    else {
      for (const message of isValidPortNum(containerPort)) {
        errors.push(invalid(child(portPath, 'containerPort'), goScalar(containerPort), message))
      }
    }
    const hostPort = num(port['hostPort']) ?? 0
    if (hostPort !== 0) {
      for (const message of isValidPortNum(hostPort)) {
        errors.push(invalid(child(portPath, 'hostPort'), goScalar(hostPort), message))
      }
    }
    const protocol = str(port['protocol'])
    if (protocol.length === 0) errors.push(required(child(portPath, 'protocol')))
    else if (!PORT_PROTOCOLS.includes(protocol)) {
      errors.push(notSupported(child(portPath, 'protocol'), goQuote(protocol), PORT_PROTOCOLS))
    }
  })
  return errors
}

function validateVolumeMounts(mounts: unknown, volumes: ReadonlySet<string>, path: string): FieldError[] {
  const errors: FieldError[] = []
  const mountPoints = new Set<string>()
  arr(mounts).forEach((raw, i) => {
    const mount = obj(raw)
    const mountPath = index(path, i)
    const name = str(mount['name'])
    const point = str(mount['mountPath'])
    if (name.length === 0) errors.push(required(child(mountPath, 'name')))
    if (!volumes.has(name)) errors.push(notFound(child(mountPath, 'name'), goQuote(name)))
    if (point.length === 0) errors.push(required(child(mountPath, 'mountPath')))
    if (mountPoints.has(point)) errors.push(invalid(child(mountPath, 'mountPath'), goQuote(point), 'must be unique'))
    mountPoints.add(point)
  })
  return errors
}

function validateSecurityContext(context: unknown, path: string): FieldError[] {
  if (!isSet(context)) return []
  const sc = obj(context)
  const errors: FieldError[] = []
  for (const field of ['runAsUser', 'runAsGroup']) {
    const id = num(sc[field])
    if (id !== undefined && (id < 0 || id > MAX_USER_ID)) {
      errors.push(invalid(child(path, field), goScalar(id), `must be between 0 and ${MAX_USER_ID}, inclusive`))
    }
  }
  return errors
}

function validateContainerCommon(
  container: Record<string, unknown>,
  volumes: ReadonlySet<string>,
  path: string,
): FieldError[] {
  const errors: FieldError[] = []
  const name = str(container['name'])
  const namePath = child(path, 'name')
  if (name.length === 0) errors.push(required(namePath))
  else errors.push(...isDNS1123Label(name).map((message) => invalid(namePath, goQuote(name), message)))
  if (str(container['image']).length === 0) errors.push(required(child(path, 'image')))
  const policy = str(container['terminationMessagePolicy'])
  if (policy.length === 0) errors.push(required(child(path, 'terminationMessagePolicy')))
  else if (!TERMINATION_MESSAGE_POLICIES.includes(policy)) {
    errors.push(notSupported(child(path, 'terminationMessagePolicy'), goQuote(policy), TERMINATION_MESSAGE_POLICIES))
  }
  errors.push(...validateContainerPorts(container['ports'], child(path, 'ports')))
  errors.push(...validateEnv(container['env'], child(path, 'env')))
  errors.push(...validateEnvFrom(container['envFrom'], child(path, 'envFrom')))
  errors.push(...validateVolumeMounts(container['volumeMounts'], volumes, child(path, 'volumeMounts')))
  const pull = str(container['imagePullPolicy'])
  if (pull.length === 0) errors.push(required(child(path, 'imagePullPolicy')))
  else if (!PULL_POLICIES.includes(pull)) {
    errors.push(notSupported(child(path, 'imagePullPolicy'), goQuote(pull), PULL_POLICIES))
  }
  errors.push(...validateResourceRequirements(container['resources'], child(path, 'resources')))
  errors.push(...validateSecurityContext(container['securityContext'], child(path, 'securityContext')))
  return errors
}

function validateLifecycleAndProbes(
  container: Record<string, unknown>,
  gracePeriod: number | undefined,
  path: string,
): FieldError[] {
  const errors: FieldError[] = []
  const lifecycle = obj(container['lifecycle'])
  for (const hook of ['postStart', 'preStop']) {
    if (isSet(lifecycle[hook]))
      errors.push(...validateHandler(obj(lifecycle[hook]), gracePeriod, child(path, 'lifecycle', hook)))
  }
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    if (isSet(container[probe])) errors.push(...validateProbe(probe, obj(container[probe]), child(path, probe)))
  }
  return errors
}

function checkHostPortConflicts(containers: readonly unknown[], path: string): FieldError[] {
  const seen = new Set<string>()
  const errors: FieldError[] = []
  containers.forEach((raw, ci) => {
    arr(obj(raw)['ports']).forEach((rawPort, pi) => {
      const port = obj(rawPort)
      const hostPort = num(port['hostPort']) ?? 0
      if (hostPort === 0) return
      const id = `${str(port['protocol'])}/${str(port['hostIP'])}/${hostPort}`
      if (seen.has(id))
        errors.push(duplicate(child(index(child(index(path, ci), 'ports'), pi), 'hostPort'), goQuote(id)))
      else seen.add(id)
    })
  })
  return errors
}

/** validateContainers: the regular containers (at least one). */
export function validateContainers(
  containers: unknown,
  volumes: ReadonlySet<string>,
  gracePeriod: number | undefined,
  path: string,
): FieldError[] {
  const list = arr(containers)
  if (list.length === 0) return [required(path)]
  const errors: FieldError[] = []
  const names = new Set<string>()
  list.forEach((raw, i) => {
    const container = obj(raw)
    const containerPath = index(path, i)
    errors.push(...validateContainerCommon(container, volumes, containerPath))
    const name = str(container['name'])
    if (names.has(name)) errors.push(duplicate(child(containerPath, 'name'), goQuote(name)))
    else names.add(name)
    errors.push(...validateLifecycleAndProbes(container, gracePeriod, containerPath))
    if (isSet(container['restartPolicy'])) {
      errors.push(forbidden(child(containerPath, 'restartPolicy'), 'may not be set for non-init containers'))
    }
  })
  errors.push(...checkHostPortConflicts(list, path))
  return errors
}

/** validateInitContainers: names unique across regular and init containers; sidecars may have probes. */
export function validateInitContainers(
  initContainers: unknown,
  containers: unknown,
  volumes: ReadonlySet<string>,
  gracePeriod: number | undefined,
  path: string,
): FieldError[] {
  const errors: FieldError[] = []
  const names = new Set(arr(containers).map((c) => str(obj(c)['name'])))
  arr(initContainers).forEach((raw, i) => {
    const container = obj(raw)
    const containerPath = index(path, i)
    errors.push(...validateContainerCommon(container, volumes, containerPath))
    const restartPolicy = container['restartPolicy']
    if (isSet(restartPolicy) && restartPolicy !== 'Always') {
      errors.push(notSupported(child(containerPath, 'restartPolicy'), goQuote(str(restartPolicy)), ['Always']))
    }
    const name = str(container['name'])
    if (names.has(name)) errors.push(duplicate(child(containerPath, 'name'), goQuote(name)))
    else if (name.length > 0) names.add(name)
    errors.push(...checkHostPortConflicts([raw], path))
    if (restartPolicy === 'Always') {
      errors.push(...validateLifecycleAndProbes(container, gracePeriod, containerPath))
    } else {
      for (const field of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (isSet(container[field])) {
          errors.push(
            forbidden(child(containerPath, field), 'may not be set for init containers without restartPolicy=Always'),
          )
        }
      }
    }
  })
  return errors
}
