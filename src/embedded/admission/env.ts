// Container env and envFrom (core ValidateEnv/ValidateEnvFrom, v1.32).
import {isConfigMapKey} from './formats.js'
import {child, index, invalid, notSupported, required, type FieldError} from './field-error.js'
import {goQuote} from '../../resources/go-format.js'
import {arr, isSet, obj, str} from './json.js'
import {validateReferencedName} from './volumes.js'

// The downward API fields env vars may read (validEnvDownwardAPIFieldPathExpressions), sorted.
const ENV_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
]
// What pods' ConvertDownwardAPIFieldLabel accepts at all.
const CONVERTIBLE_FIELD_PATHS = new Set([
  ...ENV_FIELD_PATHS,
  'metadata.annotations',
  'metadata.labels',
  'spec.restartPolicy',
  'spec.schedulerName',
  'status.phase',
  'spec.host',
])

function validateKeySelector(selector: Record<string, unknown>, path: string): FieldError[] {
  const errors = validateReferencedName(str(selector['name']), child(path, 'name'))
  const k = str(selector['key'])
  if (k.length === 0) errors.push(required(child(path, 'key')))
  else errors.push(...isConfigMapKey(k).map((message) => invalid(child(path, 'key'), goQuote(k), message)))
  return errors
}

function validateFieldRef(ref: Record<string, unknown>, path: string): FieldError[] {
  if (str(ref['apiVersion']).length === 0) return [required(child(path, 'apiVersion'))]
  const fieldPath = str(ref['fieldPath'])
  if (fieldPath.length === 0) return [required(child(path, 'fieldPath'))]
  const subscript = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/.exec(fieldPath)
  if (subscript !== null) return []
  if (!CONVERTIBLE_FIELD_PATHS.has(fieldPath)) {
    return [
      invalid(
        child(path, 'fieldPath'),
        goQuote(fieldPath),
        `error converting fieldPath: field label not supported: ${fieldPath}`,
      ),
    ]
  }
  const internal = fieldPath === 'spec.host' ? 'spec.nodeName' : fieldPath
  if (!ENV_FIELD_PATHS.includes(internal))
    return [notSupported(child(path, 'fieldPath'), goQuote(internal), ENV_FIELD_PATHS)]
  return []
}

/** ValidateEnv: names (relaxed rules, on by default in v1.32) and valueFrom sources. */
export function validateEnv(env: unknown, path: string): FieldError[] {
  const errors: FieldError[] = []
  arr(env).forEach((raw, i) => {
    const variable = obj(raw)
    const varPath = index(path, i)
    const name = str(variable['name'])
    // RelaxedEnvironmentVariableValidation is on by default in v1.32: printable ASCII except '='.
    if (name.length === 0) errors.push(required(child(varPath, 'name')))
    else if (!/^[\x20-\x7e]+$/.test(name) || name.includes('=')) {
      errors.push(
        invalid(
          child(varPath, 'name'),
          goQuote(name),
          "a valid environment variable name must consist only of printable ASCII characters other than '='",
        ),
      )
    }
    if (!isSet(variable['valueFrom'])) return
    const from = obj(variable['valueFrom'])
    const fromPath = child(varPath, 'valueFrom')
    let sources = 0
    if (isSet(from['fieldRef'])) {
      sources++
      errors.push(...validateFieldRef(obj(from['fieldRef']), child(fromPath, 'fieldRef')))
    }
    if (isSet(from['resourceFieldRef'])) sources++
    if (isSet(from['configMapKeyRef'])) {
      sources++
      errors.push(...validateKeySelector(obj(from['configMapKeyRef']), child(fromPath, 'configMapKeyRef')))
    }
    if (isSet(from['secretKeyRef'])) {
      sources++
      errors.push(...validateKeySelector(obj(from['secretKeyRef']), child(fromPath, 'secretKeyRef')))
    }
    if (sources === 0) {
      errors.push(
        invalid(
          fromPath,
          '""',
          'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
        ),
      )
    } else if (str(variable['value']).length > 0) {
      errors.push(invalid(fromPath, '""', 'may not be specified when `value` is not empty'))
    } else if (sources > 1) {
      errors.push(invalid(fromPath, '""', 'may not have more than one field specified at a time'))
    }
  })
  return errors
}

/** ValidateEnvFrom: exactly one of configMapRef or secretRef. */
export function validateEnvFrom(envFrom: unknown, path: string): FieldError[] {
  const errors: FieldError[] = []
  arr(envFrom).forEach((raw, i) => {
    const source = obj(raw)
    const sourcePath = index(path, i)
    let sources = 0
    for (const refField of ['configMapRef', 'secretRef']) {
      if (!isSet(source[refField])) continue
      sources++
      const name = str(obj(source[refField])['name'])
      const namePath = child(sourcePath, refField, 'name')
      if (name.length === 0) errors.push(required(namePath))
      else errors.push(...validateReferencedName(name, namePath))
    }
    if (sources === 0) errors.push(invalid(path, '""', 'must specify one of: `configMapRef` or `secretRef`'))
    else if (sources > 1) errors.push(invalid(path, '""', 'may not have more than one field specified at a time'))
  })
  return errors
}
