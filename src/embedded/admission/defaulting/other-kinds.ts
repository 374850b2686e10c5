// Defaults of the remaining built-in kinds a kubectl user writes (v1.32): autoscaling/v2
// HorizontalPodAutoscaler, networking/v1 NetworkPolicy, rbac/v1 bindings.
import {isJsonObject, type JsonObject} from '../../../backend/object.js'
import {arr, ensureObject, isSet, str} from '../json.js'

/** autoscaling.DefaultCPUUtilization. */
const DEFAULT_CPU_UTILIZATION = 80

function scaleUpRules(): JsonObject {
  return {
    stabilizationWindowSeconds: 0,
    selectPolicy: 'Max',
    policies: [
      {type: 'Pods', value: 4, periodSeconds: 15},
      {type: 'Percent', value: 100, periodSeconds: 15},
    ],
  }
}

function scaleDownRules(): JsonObject {
  // stabilizationWindowSeconds stays unset: the controller's flag decides it (300s by default)
  return {selectPolicy: 'Max', policies: [{type: 'Percent', value: 100, periodSeconds: 15}]}
}

function mergeRules(given: unknown, defaults: JsonObject): JsonObject {
  if (!isJsonObject(given)) return defaults
  const merged = {...defaults}
  for (const field of ['selectPolicy', 'stabilizationWindowSeconds', 'policies'])
    if (isSet(given[field])) merged[field] = given[field]
  return merged
}

/** SetDefaults_HorizontalPodAutoscaler (autoscaling/v2). */
export function defaultHorizontalPodAutoscaler(object: JsonObject): void {
  const spec = ensureObject(object, 'spec')
  if (!isSet(spec['minReplicas'])) spec['minReplicas'] = 1
  if (arr(spec['metrics']).length === 0) {
    spec['metrics'] = [
      {
        type: 'Resource',
        resource: {name: 'cpu', target: {type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION}},
      },
    ]
  }
  if (isJsonObject(spec['behavior'])) {
    spec['behavior']['scaleUp'] = mergeRules(spec['behavior']['scaleUp'], scaleUpRules())
    spec['behavior']['scaleDown'] = mergeRules(spec['behavior']['scaleDown'], scaleDownRules())
  }
}

function defaultPolicyPorts(rules: unknown): void {
  for (const rule of arr(rules).filter(isJsonObject)) {
    for (const port of arr(rule['ports']).filter(isJsonObject))
      if (str(port['protocol']).length === 0) port['protocol'] = 'TCP'
  }
}

/** SetDefaults_NetworkPolicy: policyTypes from the rules present, port protocol TCP. */
export function defaultNetworkPolicy(object: JsonObject): void {
  const spec = ensureObject(object, 'spec')
  defaultPolicyPorts(spec['ingress'])
  defaultPolicyPorts(spec['egress'])
  if (arr(spec['policyTypes']).length === 0) {
    spec['policyTypes'] = arr(spec['egress']).length > 0 ? ['Ingress', 'Egress'] : ['Ingress']
  }
}

/** SetDefaults_Subject: User and Group subjects belong to rbac.authorization.k8s.io. */
export function defaultRoleBinding(object: JsonObject): void {
  for (const subject of arr(object['subjects']).filter(isJsonObject)) {
    const kind = str(subject['kind'])
    if ((kind === 'User' || kind === 'Group') && str(subject['apiGroup']).length === 0) {
      subject['apiGroup'] = 'rbac.authorization.k8s.io'
    }
  }
}
