import {describe, expect, it} from 'vitest'
import {errorString} from '../../../../src/embedded/admission/field-error.js'
import {validateHandler, validateProbe} from '../../../../src/embedded/admission/probes.js'

describe('probes and handlers', () => {
  it('checks an httpGet port and scheme', () => {
    const probe = {
      httpGet: {path: '/', port: 'HTTP', scheme: 'FTP'},
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    }
    expect(validateProbe('readinessProbe', probe, 'p').map(errorString)).toEqual([
      'p.httpGet.port: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'p.httpGet.port: Invalid value: "HTTP": must contain at least one letter (a-z)',
      'p.httpGet.scheme: Unsupported value: "FTP": supported values: "HTTP", "HTTPS"',
    ])
  })

  it('allows only one handler', () => {
    expect(validateHandler({exec: {command: ['true']}, tcpSocket: {port: 80}}, 30, 'h').map(errorString)).toEqual([
      'h.tcpSocket: Forbidden: may not specify more than 1 handler type',
    ])
  })

  it('bounds a preStop sleep by the grace period', () => {
    expect(validateHandler({sleep: {seconds: 60}}, 30, 'h').map(errorString)).toEqual([
      'h.sleep.seconds: Invalid value: 60: must be greater than 0 and less than terminationGracePeriodSeconds (30). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.',
    ])
  })
})
