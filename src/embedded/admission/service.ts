// Service validation (core ValidateService/ValidateServiceUpdate, v1.32). The embedded cluster is
// single-stack IPv4; IP allocation and its errors live in cluster-ip.ts.
import type {KubeObject} from '../../backend/object.js'
import {isDNS1123Label, isDNS1123Subdomain, isQualifiedName} from '../../resources/label-syntax.js'
import {child, duplicate, forbidden, index, invalid, notSupported, required, type FieldError} from './field-error.js'
import {INVALID_IP_MESSAGE, isIP, nameIsDNS1035Label, parseIPv4} from './formats.js'
import {goQuote, goStringSlice} from '../../resources/go-format.js'
import {GO_NIL, goScalar} from './go-format.js'
import {arr, isSet, num, obj, str} from './json.js'
import {validateLabelName, validateLabels} from './labels.js'
import {validateObjectMeta, validateObjectMetaUpdate} from './object-meta.js'
import {validatePortNumOrName} from './probes.js'

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']
const PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP']
const IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack']
const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400

function clusterIPs(spec: Record<string, unknown>): string[] {
  return arr(spec['clusterIPs']).map(str)
}

/** True for a headless Service (`clusterIPs: [None]`). */
function isHeadlessService(spec: Record<string, unknown>): boolean {
  const ips = clusterIPs(spec)
  return ips.length === 1 && ips[0] === 'None'
}

/** apiservice.ExternallyAccessible: NodePort, LoadBalancer, or ClusterIP with external IPs. */
export function isExternallyAccessible(spec: Record<string, unknown>): boolean {
  const type = str(spec['type'])
  return type === 'NodePort' || type === 'LoadBalancer' || (type === 'ClusterIP' && arr(spec['externalIPs']).length > 0)
}

// core.ServicePort with %#v, keyed on protocol and port as the duplicate check builds it.
function goServicePortKey(protocol: string, port: number): string {
  return (
    `core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, ` +
    `TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`
  )
}

function validateServicePort(raw: unknown, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const port = obj(raw)
  const errors: FieldError[] = []
  const name = str(port['name'])
  if (requireName && name.length === 0) errors.push(required(child(path, 'name')))
  else if (name.length > 0) {
    errors.push(...isDNS1123Label(name).map((message) => invalid(child(path, 'name'), goQuote(name), message)))
    if (names.has(name)) errors.push(duplicate(child(path, 'name'), goQuote(name)))
    else names.add(name)
  }
  const portNumber = num(port['port']) ?? 0
  if (portNumber < 1 || portNumber > 65535) {
    errors.push(invalid(child(path, 'port'), goScalar(portNumber), 'must be between 1 and 65535, inclusive'))
  }
  const protocol = str(port['protocol'])
  if (protocol.length === 0) errors.push(required(child(path, 'protocol')))
  else if (!PORT_PROTOCOLS.includes(protocol))
    errors.push(notSupported(child(path, 'protocol'), goQuote(protocol), PORT_PROTOCOLS))
  errors.push(...validatePortNumOrName(port['targetPort'] ?? 0, child(path, 'targetPort')))
  if (isSet(port['appProtocol'])) {
    const appProtocol = str(port['appProtocol'])
    errors.push(
      ...isQualifiedName(appProtocol).map((message) =>
        invalid(child(path, 'appProtocol'), goQuote(appProtocol), message),
      ),
    )
  }
  return errors
}

function validateClusterIPsRelated(spec: Record<string, unknown>): FieldError[] {
  if (str(spec['type']) === 'ExternalName') return []
  const errors: FieldError[] = []
  const clusterIP = str(spec['clusterIP'])
  const ips = clusterIPs(spec)
  if (clusterIP.length > 0) {
    if (ips.length === 0) errors.push(required('spec.clusterIPs'))
    else if (ips[0] !== clusterIP)
      errors.push(invalid('spec.clusterIPs', goStringSlice(ips), 'first value must match `clusterIP`'))
  } else if (ips.length > 0) {
    errors.push(invalid('spec.clusterIPs', goStringSlice(ips), 'must be empty when `clusterIP` is not specified'))
  }
  const families = arr(spec['ipFamilies']).map(str)
  const seen = new Set<string>()
  families.forEach((family, i) => {
    if (family !== 'IPv4' && family !== 'IPv6')
      errors.push(notSupported(index('spec.ipFamilies', i), goQuote(family), ['IPv4', 'IPv6']))
    if (seen.has(family)) errors.push(duplicate(index('spec.ipFamilies', i), goQuote(family)))
    seen.add(family)
  })
  if (isSet(spec['ipFamilyPolicy'])) {
    const policy = str(spec['ipFamilyPolicy'])
    if (!IP_FAMILY_POLICIES.includes(policy))
      errors.push(notSupported('spec.ipFamilyPolicy', goQuote(policy), IP_FAMILY_POLICIES))
  }
  let invalidIPs = false
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        invalidIPs = true
        errors.push(invalid('spec.clusterIPs', goStringSlice(ips), "'None' must be the first and only value"))
      }
      return
    }
    if (!isIP(ip)) {
      invalidIPs = true
      errors.push(invalid(index('spec.clusterIPs', i), goQuote(ip), INVALID_IP_MESSAGE))
    }
  })
  if (ips.length > 2) errors.push(invalid('spec.clusterIPs', goStringSlice(ips), 'may only hold up to 2 values'))
  if (invalidIPs) return errors
  if (!isHeadlessService(spec)) {
    ips.forEach((ip, i) => {
      const family = families[i]
      if (family === 'IPv4' && parseIPv4(ip) === undefined) {
        errors.push(
          invalid(
            index('spec.clusterIPs', i),
            goQuote(ip),
            `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``,
          ),
        )
      }
      if (family === 'IPv6' && parseIPv4(ip) !== undefined) {
        errors.push(
          invalid(
            index('spec.clusterIPs', i),
            goQuote(ip),
            `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``,
          ),
        )
      }
    })
  }
  return errors
}

function validateSessionAffinity(spec: Record<string, unknown>): FieldError[] {
  const affinity = str(spec['sessionAffinity'])
  if (affinity.length === 0) return [required('spec.sessionAffinity')]
  if (affinity !== 'ClientIP' && affinity !== 'None') {
    return [notSupported('spec.sessionAffinity', goQuote(affinity), ['ClientIP', 'None'])]
  }
  const config = spec['sessionAffinityConfig']
  const path = 'spec.sessionAffinityConfig'
  if (affinity === 'None') {
    return isSet(config) ? [forbidden(path, 'must not be set when session affinity is None')] : []
  }
  const when = 'when session affinity type is ClientIP'
  if (!isSet(config)) return [required(path, when)]
  const clientIP = obj(config)['clientIP']
  if (!isSet(clientIP)) return [required(child(path, 'clientIP'), when)]
  const timeout = num(obj(clientIP)['timeoutSeconds'])
  if (timeout === undefined) return [required(child(path, 'clientIP', 'timeoutSeconds'), when)]
  if (timeout <= 0 || timeout > MAX_CLIENT_IP_AFFINITY_SECONDS) {
    return [
      invalid(
        child(path, 'clientIP', 'timeoutSeconds'),
        goScalar(timeout),
        `must be greater than 0 and less than ${MAX_CLIENT_IP_AFFINITY_SECONDS}`,
      ),
    ]
  }
  return []
}

function validatePortsAcrossService(spec: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = []
  const ports = arr(spec['ports']).map(obj)
  if (str(spec['type']) === 'ClusterIP') {
    ports.forEach((port, i) => {
      if ((num(port['nodePort']) ?? 0) !== 0) {
        errors.push(forbidden(child(index('spec.ports', i), 'nodePort'), "may not be used when `type` is 'ClusterIP'"))
      }
    })
  }
  const nodePorts = new Set<string>()
  ports.forEach((port, i) => {
    const nodePort = num(port['nodePort']) ?? 0
    if (nodePort === 0) return
    const id = `${str(port['protocol'])}/${nodePort}`
    if (nodePorts.has(id)) errors.push(duplicate(child(index('spec.ports', i), 'nodePort'), goScalar(nodePort)))
    nodePorts.add(id)
  })
  const seen = new Set<string>()
  ports.forEach((port, i) => {
    const protocol = str(port['protocol'])
    const portNumber = num(port['port']) ?? 0
    const id = `${protocol}/${portNumber}`
    if (seen.has(id)) errors.push(duplicate(index('spec.ports', i), goServicePortKey(protocol, portNumber)))
    seen.add(id)
  })
  return errors
}

function validateTrafficPolicies(spec: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = []
  const type = str(spec['type'])
  const external = str(spec['externalTrafficPolicy'])
  if (!isExternallyAccessible(spec)) {
    if (external.length > 0) {
      errors.push(
        invalid('spec.externalTrafficPolicy', goQuote(external), 'may only be set for externally-accessible services'),
      )
    }
  } else if (external.length === 0) errors.push(required('spec.externalTrafficPolicy'))
  else if (external !== 'Cluster' && external !== 'Local') {
    errors.push(notSupported('spec.externalTrafficPolicy', goQuote(external), ['Cluster', 'Local']))
  }
  const internal = spec['internalTrafficPolicy']
  if (!isSet(internal)) {
    if (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP')
      errors.push(required('spec.internalTrafficPolicy'))
  } else if (internal !== 'Cluster' && internal !== 'Local') {
    errors.push(notSupported('spec.internalTrafficPolicy', goQuote(str(internal)), ['Cluster', 'Local']))
  }
  return errors
}

/** ValidateService. */
export function validateService(service: KubeObject): FieldError[] {
  const spec = obj(service['spec'])
  const type = str(spec['type'])
  const errors = validateObjectMeta(service.metadata, {namespaced: true, nameFn: nameIsDNS1035Label})
  const ports = arr(spec['ports'])
  if (ports.length === 0 && !isHeadlessService(spec) && type !== 'ExternalName') errors.push(required('spec.ports'))
  if ((type === 'LoadBalancer' || type === 'NodePort') && isHeadlessService(spec)) {
    errors.push(invalid('spec.clusterIPs[0]', goQuote('None'), `may not be set to 'None' for ${type} services`))
  }
  if (type === 'ExternalName') {
    if (clusterIPs(spec).length > 0)
      errors.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'))
    if (arr(spec['ipFamilies']).length > 0)
      errors.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'))
    if (isSet(spec['ipFamilyPolicy']))
      errors.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'))
    const cname = str(spec['externalName']).replace(/\.$/, '')
    if (cname.length > 0) {
      errors.push(...isDNS1123Subdomain(cname).map((message) => invalid('spec.externalName', goQuote(cname), message)))
    } else errors.push(required('spec.externalName'))
  }
  const names = new Set<string>()
  ports.forEach((port, i) => errors.push(...validateServicePort(port, ports.length > 1, names, index('spec.ports', i))))
  if (isSet(spec['selector'])) errors.push(...validateLabels(spec['selector'], 'spec.selector'))
  errors.push(...validateSessionAffinity(spec))
  errors.push(...validateClusterIPsRelated(spec))
  arr(spec['externalIPs']).forEach((raw, i) => {
    const ip = str(raw)
    if (!isIP(ip)) errors.push(invalid(index('spec.externalIPs', i), goQuote(ip), INVALID_IP_MESSAGE))
  })
  if (type.length === 0) errors.push(required('spec.type'))
  else if (!SERVICE_TYPES.includes(type)) errors.push(notSupported('spec.type', goQuote(type), SERVICE_TYPES))
  errors.push(...validatePortsAcrossService(spec))
  if (isSet(spec['allocateLoadBalancerNodePorts']) && type !== 'LoadBalancer') {
    errors.push(forbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"))
  }
  // Upstream reports this one without the spec prefix.
  if (type === 'LoadBalancer' && !isSet(spec['allocateLoadBalancerNodePorts']))
    errors.push(required('allocateLoadBalancerNodePorts'))
  if (type === 'LoadBalancer' && isSet(spec['loadBalancerClass'])) {
    errors.push(...validateLabelName(str(spec['loadBalancerClass']), 'spec.loadBalancerClass'))
  } else if (isSet(spec['loadBalancerClass'])) {
    errors.push(forbidden('spec.loadBalancerClass', "may only be used when `type` is 'LoadBalancer'"))
  }
  errors.push(...validateTrafficPolicies(spec))
  return errors
}

function validateClusterIPsUpdate(spec: Record<string, unknown>, oldSpec: Record<string, unknown>): FieldError[] {
  if (str(spec['type']) === 'ExternalName' || str(oldSpec['type']) === 'ExternalName') return []
  if (isHeadlessService(spec) && isHeadlessService(oldSpec)) return []
  const next = clusterIPs(spec)
  const prev = clusterIPs(oldSpec)
  const errors: FieldError[] = []
  if (prev.length === next.length) {
    prev.forEach((ip, i) => {
      if (ip !== next[i])
        errors.push(invalid(index('spec.clusterIPs', i), goStringSlice(next), 'may not change once set'))
    })
  } else if (prev.length > next.length) {
    if (next.length === 0)
      errors.push(invalid('spec.clusterIPs[0]', goStringSlice(next), 'primary clusterIP can not be unset'))
    if (prev.length > 0 && next.length > 0 && next[0] !== prev[0]) {
      errors.push(invalid('spec.clusterIPs[0]', goStringSlice(next), 'may not change once set'))
    }
    if (next.length === 1 && spec['ipFamilyPolicy'] !== 'SingleStack') {
      const shown = isSet(spec['ipFamilyPolicy']) ? goQuote(str(spec['ipFamilyPolicy'])) : GO_NIL
      errors.push(
        invalid('spec.ipFamilyPolicy', shown, "must be set to 'SingleStack' when releasing the secondary clusterIP"),
      )
    }
  } else if (prev.length > 0 && next[0] !== prev[0]) {
    errors.push(invalid('spec.clusterIPs[0]', goStringSlice(next), 'may not change once set'))
  }
  return errors
}

/** ValidateServiceUpdate: clusterIPs may not change once set; then the full Service rules. */
export function validateServiceUpdate(service: KubeObject, old: KubeObject): FieldError[] {
  const spec = obj(service['spec'])
  const oldSpec = obj(old['spec'])
  const errors = [
    ...validateObjectMetaUpdate(service.metadata, old.metadata),
    ...validateClusterIPsUpdate(spec, oldSpec),
  ]
  if (str(spec['type']) === 'LoadBalancer' && str(oldSpec['type']) === 'LoadBalancer') {
    if (str(spec['loadBalancerClass']) !== str(oldSpec['loadBalancerClass'])) {
      const shown = isSet(spec['loadBalancerClass']) ? goQuote(str(spec['loadBalancerClass'])) : GO_NIL
      errors.push(invalid('spec.loadBalancerClass', shown, 'may not change once set'))
    }
  }
  return [...errors, ...validateService(service)]
}
