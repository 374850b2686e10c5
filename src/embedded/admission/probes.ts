// Probes and lifecycle handlers (core validateProbe/validateHandler, v1.32).
import {child, forbidden, invalid, notSupported, required, type FieldError} from './field-error.js'
import {isValidPortName, isValidPortNum} from './formats.js'
import {goQuote} from '../../resources/go-format.js'
import {goScalar} from './go-format.js'
import {arr, isSet, num, obj, str} from './json.js'
import {validateNonnegative} from './object-meta.js'

const HANDLER_TYPES = ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'] as const
const HTTP_SCHEMES = ['HTTP', 'HTTPS']

/** ValidatePortNumOrName: a number in range or an IANA port name. */
export function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((message) => invalid(path, goScalar(port), message))
  const name = str(port)
  return isValidPortName(name).map((message) => invalid(path, goQuote(name), message))
}

function validateAction(
  type: (typeof HANDLER_TYPES)[number],
  action: Record<string, unknown>,
  gracePeriod: number | undefined,
  path: string,
): FieldError[] {
  switch (type) {
    case 'exec':
      return arr(action['command']).length === 0 ? [required(child(path, 'command'))] : []
    case 'httpGet': {
      const errors: FieldError[] = []
      if (str(action['path']).length === 0) errors.push(required(child(path, 'path')))
      errors.push(...validatePortNumOrName(action['port'], child(path, 'port')))
      const scheme = str(action['scheme'])
      if (!HTTP_SCHEMES.includes(scheme))
        errors.push(notSupported(child(path, 'scheme'), goQuote(scheme), HTTP_SCHEMES))
      return errors
    }
    case 'tcpSocket':
      return validatePortNumOrName(action['port'], child(path, 'port'))
    case 'grpc':
      return validatePortNumOrName(num(action['port']) ?? 0, child(path, 'port'))
    case 'sleep': {
      const seconds = num(action['seconds']) ?? 0
      if (gracePeriod !== undefined && (seconds <= 0 || seconds > gracePeriod)) {
        return [
          invalid(
            child(path, 'seconds'),
            goScalar(seconds),
            `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`,
          ),
        ]
      }
      return []
    }
  }
}

/** validateHandler: exactly one action. Probes cannot sleep; lifecycle hooks cannot use gRPC. */
export function validateHandler(
  handler: Record<string, unknown>,
  gracePeriod: number | undefined,
  path: string,
  allowed: readonly (typeof HANDLER_TYPES)[number][] = ['exec', 'httpGet', 'tcpSocket', 'sleep'],
): FieldError[] {
  const errors: FieldError[] = []
  let count = 0
  for (const type of HANDLER_TYPES) {
    if (!allowed.includes(type) || !isSet(handler[type])) continue
    if (count > 0) {
      errors.push(forbidden(child(path, type), 'may not specify more than 1 handler type'))
      continue
    }
    count++
    errors.push(...validateAction(type, obj(handler[type]), gracePeriod, child(path, type)))
  }
  if (count === 0) errors.push(required(path, 'must specify a handler type'))
  return errors
}

/** validateLivenessProbe, validateReadinessProbe and validateStartupProbe. */
export function validateProbe(
  kind: 'livenessProbe' | 'readinessProbe' | 'startupProbe',
  probe: Record<string, unknown>,
  path: string,
): FieldError[] {
  const errors = validateHandler(probe, undefined, path, ['exec', 'httpGet', 'tcpSocket', 'grpc'])
  for (const field of [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ]) {
    errors.push(...validateNonnegative(probe[field], child(path, field)))
  }
  const grace = num(probe['terminationGracePeriodSeconds'])
  if (grace !== undefined && grace <= 0) {
    errors.push(invalid(child(path, 'terminationGracePeriodSeconds'), goScalar(grace), 'must be greater than 0'))
  }
  if (kind === 'readinessProbe') {
    if (grace !== undefined) {
      errors.push(
        invalid(child(path, 'terminationGracePeriodSeconds'), goScalar(grace), 'must not be set for readinessProbes'),
      )
    }
  } else {
    const success = num(probe['successThreshold']) ?? 0
    if (success !== 1) errors.push(invalid(child(path, 'successThreshold'), goScalar(success), 'must be 1'))
  }
  return errors
}
