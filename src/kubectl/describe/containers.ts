// The Containers / Init Containers sections of pods and pod templates
// (kubectl: pkg/describe/describe.go describeContainers (v1.32)).
import type {Container, ContainerState, ContainerStatus, EnvVar, Pod, Probe, ResourceRequirements} from './pod-types.js'
import {LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter} from './prefix-writer.js'
import {newQuantity, quantityOf, quantityString, scaledValue} from '../../resources/quantity.js'
import {formatRFC1123Z} from './time.js'
import {compareGoStrings} from '../../resources/go-format.js'
import {joinHostPort} from '../../resources/host-port.js'

/** Resolves a fieldRef env var of a pod to its value ('' when kubectl cannot). */
type EnvVarResolver = (env: EnvVar) => string

/** True/False as kubectl's printBool writes booleans. */
export function printBool(value: boolean | undefined): string {
  return value ? 'True' : 'False'
}

/**
 * kubectl's EnvValueRetriever. Its scheme only converts the field labels metadata.name and
 * metadata.namespace for pods, so every other fieldRef resolves to an empty value.
 */
export function envValueRetriever(pod: Pod): EnvVarResolver {
  return (env) => {
    switch (env.valueFrom?.fieldRef?.fieldPath) {
      case 'metadata.name':
        return pod.metadata.name ?? ''
      case 'metadata.namespace':
        return pod.metadata.namespace ?? ''
      default:
        return ''
    }
  }
}

/** The resources of a container or pod: `Limits:` and `Requests:`, names sorted. */
export function describeResources(resources: ResourceRequirements | undefined, w: PrefixWriter, level: number): void {
  if (!resources) return
  for (const [title, list] of [
    ['Limits', resources.limits],
    ['Requests', resources.requests],
  ] as const) {
    const names = Object.keys(list ?? {}).sort()
    if (names.length > 0) w.write(level, `${title}:\n`)
    for (const name of names) w.write(level + 1, `${name}:\t${quantityString(list?.[name])}\n`)
  }
}

/** Describes containers with their statuses; `space` is the indent of pod templates. */
export function describeContainers(
  label: string,
  containers: Container[] | undefined,
  statuses: ContainerStatus[] | undefined,
  resolver: EnvVarResolver | undefined,
  w: PrefixWriter,
  space: string,
): void {
  const byName = new Map((statuses ?? []).map((status) => [status.name ?? '', status]))
  const list = containers ?? []
  w.write(LEVEL_0, `${space}${label}:${list.length === 0 ? ' <none>' : ''}\n`)
  for (const container of list) {
    const status = byName.get(container.name ?? '')
    describeContainerBasicInfo(container, status, space, w)
    describeContainerCommand(container, w)
    if (status) describeContainerState(status, w)
    describeResources(container.resources ?? {}, w, LEVEL_2)
    describeContainerProbes(container, w)
    if ((container.envFrom ?? []).length > 0) describeContainerEnvFrom(container, w)
    describeContainerEnvVars(container, resolver, w)
    describeContainerVolumes(container, w)
  }
}

function portList(container: Container, pick: (port: NonNullable<Container['ports']>[number]) => number): string {
  return (container.ports ?? []).map((port) => `${pick(port)}/${port.protocol ?? ''}`).join(', ')
}

function describeContainerBasicInfo(
  container: Container,
  status: ContainerStatus | undefined,
  space: string,
  w: PrefixWriter,
): void {
  w.write(LEVEL_1, `${space.length > 0 ? ' ' : ''}${container.name ?? ''}:\n`)
  if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`)
  w.write(LEVEL_2, `Image:\t${container.image ?? ''}\n`)
  if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`)
  const ports = portList(container, (port) => port.containerPort ?? 0)
  w.write(LEVEL_2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`)
  const hostPorts = portList(container, (port) => port.hostPort ?? 0)
  w.write(LEVEL_2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`)
  const seccomp = container.securityContext?.seccompProfile
  if (seccomp) {
    w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type ?? ''}\n`)
    if (seccomp.type === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`)
  }
}

function describeContainerCommand(container: Container, w: PrefixWriter): void {
  for (const [title, words] of [
    ['Command', container.command],
    ['Args', container.args],
  ] as const) {
    if (!words || words.length === 0) continue
    w.write(LEVEL_2, `${title}:\n`)
    for (const word of words) {
      for (const line of word.split('\n')) w.write(LEVEL_3, `${line}\n`)
    }
  }
}

function describeStatus(stateName: string, state: ContainerState | undefined, w: PrefixWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, `${stateName}:\tRunning\n`)
    w.write(LEVEL_3, `Started:\t${formatRFC1123Z(state.running.startedAt)}\n`)
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`)
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`)
  } else if (state?.terminated) {
    const terminated = state.terminated
    w.write(LEVEL_2, `${stateName}:\tTerminated\n`)
    if (terminated.reason) w.write(LEVEL_3, `Reason:\t${terminated.reason}\n`)
    if (terminated.message) w.write(LEVEL_3, `Message:\t${terminated.message}\n`)
    w.write(LEVEL_3, `Exit Code:\t${terminated.exitCode ?? 0}\n`)
    if ((terminated.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${terminated.signal ?? 0}\n`)
    w.write(LEVEL_3, `Started:\t${formatRFC1123Z(terminated.startedAt)}\n`)
    w.write(LEVEL_3, `Finished:\t${formatRFC1123Z(terminated.finishedAt)}\n`)
  } else {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`)
  }
}

function describeContainerState(status: ContainerStatus, w: PrefixWriter): void {
  describeStatus('State', status.state, w)
  if (status.lastState?.terminated) describeStatus('Last State', status.lastState, w)
  w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`)
  w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`)
}

/** A probe as `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`. */
function describeProbe(probe: Probe): string {
  const attrs =
    `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 0}s ` +
    `period=${probe.periodSeconds ?? 0}s #success=${probe.successThreshold ?? 0} #failure=${probe.failureThreshold ?? 0}`
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${attrs}`
  if (probe.httpGet) {
    const get = probe.httpGet
    const scheme = (get.scheme ?? '').toLowerCase()
    const port = get.port === undefined ? '' : String(get.port)
    const host = port === '' ? (get.host ?? '') : joinHostPort(get.host ?? '', port)
    const path = get.path ?? ''
    // net/url: scheme, then `//host` when there is a host or path, and a slash before a relative path
    let url = scheme === '' ? '' : `${scheme}:`
    if (scheme !== '' || host !== '') {
      if (host !== '' || path !== '') url += '//'
      url += host
    }
    if (path !== '' && !path.startsWith('/') && host !== '') url += '/'
    url += path
    return `http-get ${url} ${attrs}`
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${String(probe.tcpSocket.port ?? '')} ${attrs}`
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port ?? 0} ${probe.grpc.service ?? ''} ${attrs}`
  return `unknown ${attrs}`
}

function describeContainerProbes(container: Container, w: PrefixWriter): void {
  if (container.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(container.livenessProbe)}\n`)
  if (container.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(container.readinessProbe)}\n`)
  if (container.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(container.startupProbe)}\n`)
}

function describeContainerEnvFrom(container: Container, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Environment Variables from:\n')
  for (const source of container.envFrom ?? []) {
    let from = ''
    let name = ''
    let optional = false
    if (source.configMapRef) {
      from = 'ConfigMap'
      name = source.configMapRef.name ?? ''
      optional = source.configMapRef.optional === true
    } else if (source.secretRef) {
      from = 'Secret'
      name = source.secretRef.name ?? ''
      optional = source.secretRef.optional === true
    }
    const what = source.prefix ? `${from} with prefix '${source.prefix}'` : from
    w.write(LEVEL_3, `${name}\t${what}\tOptional: ${optional}\n`)
  }
}

const FIELD_REF_RESOURCES = /^(limits|requests)\.(cpu|memory|ephemeral-storage|hugepages-.+)$/

// kubectl: pkg/util/resource ExtractContainerResourceValue: ceil(value / divisor), CPU in millicores (v1.32)
function containerResourceValue(container: Container, resource: string, divisorValue: unknown): string {
  const match = FIELD_REF_RESOURCES.exec(resource)
  if (!match) return ''
  const [, kind, name = ''] = match
  const list = kind === 'limits' ? container.resources?.limits : container.resources?.requests
  const divisor = quantityOf(divisorValue)
  const unit = divisor && divisor.nanos !== 0n ? divisor : newQuantity(1n, 'DecimalSI')
  const quantity = quantityOf(list?.[name]) ?? newQuantity(0n, 'DecimalSI')
  const scale = name === 'cpu' ? -3 : 0
  return String(Math.ceil(Number(scaledValue(quantity, scale)) / Number(scaledValue(unit, scale))))
}

function describeContainerEnvVars(container: Container, resolver: EnvVarResolver | undefined, w: PrefixWriter): void {
  const env = container.env ?? []
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`)
  for (const e of env) {
    const name = e.name ?? ''
    const from = e.valueFrom
    if (!from) {
      ;(e.value ?? '').split('\n').forEach((line, i) => {
        w.write(LEVEL_3, i === 0 ? `${name}:\t${line}\n` : `\t${line}\n`)
      })
      continue
    }
    if (from.fieldRef) {
      const value = resolver ? resolver(e) : ''
      w.write(LEVEL_3, `${name}:\t${value} (${from.fieldRef.apiVersion ?? ''}:${from.fieldRef.fieldPath ?? ''})\n`)
    } else if (from.resourceFieldRef) {
      const resource = from.resourceFieldRef.resource ?? ''
      let value = containerResourceValue(container, resource, from.resourceFieldRef.divisor)
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable'
      w.write(LEVEL_3, `${name}:\t${value} (${resource})\n`)
    } else if (from.secretKeyRef) {
      const ref = from.secretKeyRef
      w.write(
        LEVEL_3,
        `${name}:\t<set to the key '${ref.key ?? ''}' in secret '${ref.name ?? ''}'>\tOptional: ${ref.optional === true}\n`,
      )
    } else if (from.configMapKeyRef) {
      const ref = from.configMapKeyRef
      w.write(
        LEVEL_3,
        `${name}:\t<set to the key '${ref.key ?? ''}' of config map '${ref.name ?? ''}'>\tOptional: ${ref.optional === true}\n`,
      )
    }
  }
}

function describeContainerVolumes(container: Container, w: PrefixWriter): void {
  const mounts = container.volumeMounts ?? []
  const none = mounts.length === 0 ? '\t<none>' : ''
  w.write(LEVEL_2, `Mounts:${none}\n`)
  const sortedMounts = [...mounts].sort((a, b) => compareGoStrings(a.mountPath ?? '', b.mountPath ?? ''))
  for (const mount of sortedMounts) {
    const flags = [mount.readOnly ? 'ro' : 'rw']
    if (mount.subPath) flags.push(`path=${JSON.stringify(mount.subPath)}`)
    w.write(LEVEL_3, `${mount.mountPath ?? ''} from ${mount.name ?? ''} (${flags.join(',')})\n`)
  }
  const devices = container.volumeDevices ?? []
  if (devices.length > 0) {
    // kubectl reuses the Mounts line's `none` here
    w.write(LEVEL_2, `Devices:${none}\n`)
    const sortedDevices = [...devices].sort((a, b) => compareGoStrings(a.devicePath ?? '', b.devicePath ?? ''))
    for (const device of sortedDevices) w.write(LEVEL_3, `${device.devicePath ?? ''} from ${device.name ?? ''}\n`)
  }
}
