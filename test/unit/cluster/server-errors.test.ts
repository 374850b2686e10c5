import {describe, expect, it} from 'vitest'
import {connectionError, statusErrorFromResponse} from '../../../src/cluster/server-errors.js'
import {renderError} from '../../../src/cli/render-error.js'

const about = {method: 'GET', qualifiedResource: 'deployments.apps', name: 'web'}

describe('statusErrorFromResponse', () => {
  it('keeps the server’s Status, so kubectl’s words come out', () => {
    const body = JSON.stringify({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'deployments.apps "web" not found',
      reason: 'NotFound',
      details: {name: 'web', group: 'apps', kind: 'deployments'},
      code: 404,
    })
    expect(renderError(statusErrorFromResponse(404, body, about))).toBe(
      'Error from server (NotFound): deployments.apps "web" not found\n',
    )
  })

  it('words a body that is no Status as client-go’s generic response, with the request in brackets', () => {
    expect(renderError(statusErrorFromResponse(404, '404 page not found', about))).toBe(
      'Error from server (NotFound): the server could not find the requested resource (get deployments.apps web)\n',
    )
    expect(renderError(statusErrorFromResponse(409, 'x', {method: 'POST', qualifiedResource: 'pods', name: ''}))).toBe(
      'Error from server (AlreadyExists): the server reported a conflict (post pods)\n',
    )
    expect(renderError(statusErrorFromResponse(503, 'overloaded', {...about, qualifiedResource: ''}))).toBe(
      'Error from server (InternalError): an error on the server ("overloaded") has prevented the request from succeeding\n',
    )
    expect(renderError(statusErrorFromResponse(401, '', {...about, qualifiedResource: ''}))).toBe(
      'error: You must be logged in to the server (the server has asked for the client to provide credentials)\n',
    )
  })
})

describe('connectionError', () => {
  const server = new URL('https://127.0.0.1:6443')
  const failure = (code: string): Error => Object.assign(new Error(code), {code})

  it('says a refused connection as kubectl does, naming host and port from the kubeconfig', () => {
    expect(renderError(connectionError(failure('ECONNREFUSED'), server))).toBe(
      'The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?\n',
    )
    expect(connectionError(failure('ECONNREFUSED'), new URL('https://localhost')).message).toContain(
      'to the server localhost was refused',
    )
  })

  it('words timeouts, unknown authorities and unknown hosts in Go’s words', () => {
    expect(connectionError(failure('ECONNRESET'), server, {timedOut: true}).message).toBe(
      'Unable to connect to the server: net/http: request canceled (Client.Timeout exceeded while awaiting headers)',
    )
    expect(connectionError(failure('SELF_SIGNED_CERT_IN_CHAIN'), server).message).toBe(
      'Unable to connect to the server: tls: failed to verify certificate: x509: certificate signed by unknown authority',
    )
    expect(connectionError(failure('ENOTFOUND'), new URL('https://nowhere.invalid:6443')).message).toBe(
      'Unable to connect to the server: dial tcp: lookup nowhere.invalid: no such host',
    )
  })
})
