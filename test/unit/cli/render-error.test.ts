import {describe, expect, it} from 'vitest'
import {
  alreadyExists,
  badRequest,
  invalid,
  notFound,
  StatusError,
  type Status,
  type StatusCause,
} from '../../../src/backend/status.js'
import {AggregateErrors, BugError, PlainError, UsageError} from '../../../src/cli/errors.js'
import {renderError, withSource} from '../../../src/cli/render-error.js'

const deployments = {group: 'apps', resource: 'deployments'}
const deploymentKind = {group: 'apps', kind: 'Deployment'}
const replicasCause: StatusCause = {
  reason: 'FieldValueInvalid',
  field: 'spec.replicas',
  message: 'Invalid value: -1: must be greater than or equal to 0',
}
const selectorCause: StatusCause = {reason: 'FieldValueRequired', field: 'spec.selector', message: 'Required value'}

function status(overrides: Partial<Status>): StatusError {
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: '',
    reason: '',
    code: 500,
    ...overrides,
  })
}

describe('renderError for Invalid', () => {
  it('puts one cause on the same line', () => {
    expect(renderError(invalid(deploymentKind, 'web', [replicasCause]))).toBe(
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    )
  })

  it('puts several causes one per line under the heading, which keeps its trailing space', () => {
    expect(renderError(invalid(deploymentKind, 'web', [replicasCause, selectorCause]))).toBe(
      'The Deployment "web" is invalid: \n' +
        '* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n' +
        '* spec.selector: Required value\n',
    )
  })

  it('drops duplicate causes, as statusCausesToAggrError does', () => {
    expect(renderError(invalid(deploymentKind, 'web', [selectorCause, {...selectorCause}]))).toBe(
      'The Deployment "web" is invalid: spec.selector: Required value\n',
    )
  })

  it('keeps the colon of a cause without a field, as kubectl formats "%s: %s"', () => {
    const cause: StatusCause = {reason: 'FieldValueInvalid', field: '', message: 'something is wrong'}
    expect(renderError(invalid(deploymentKind, 'web', [cause]))).toBe(
      'The Deployment "web" is invalid: : something is wrong\n',
    )
  })

  it('says only that the object is invalid when there are no causes', () => {
    expect(renderError(invalid(deploymentKind, 'web', []))).toBe('The Deployment "web" is invalid\n')
  })

  it('says "The request is invalid" without details, or without kind and name', () => {
    expect(renderError(status({reason: 'Invalid', code: 422, message: 'bad'}))).toBe('The request is invalid\n')
    expect(
      renderError(status({reason: 'Invalid', code: 422, message: 'bad', details: {causes: [selectorCause]}})),
    ).toBe('The request is invalid: spec.selector: Required value\n')
  })

  it('treats an aggregate of one Invalid as that Invalid', () => {
    expect(renderError(new AggregateErrors([invalid(deploymentKind, 'web', [selectorCause])]))).toBe(
      'The Deployment "web" is invalid: spec.selector: Required value\n',
    )
  })
})

describe('renderError for other API errors', () => {
  it('names the reason of the Status', () => {
    expect(renderError(notFound(deployments, 'web'))).toBe(
      'Error from server (NotFound): deployments.apps "web" not found\n',
    )
    expect(renderError(alreadyExists({group: '', resource: 'pods'}, 'p'))).toBe(
      'Error from server (AlreadyExists): pods "p" already exists\n',
    )
  })

  it('leaves the parentheses out when the Status has no reason', () => {
    expect(renderError(status({message: 'the server is on fire'}))).toBe('Error from server: the server is on fire\n')
  })

  it('words Unauthorized as a login problem', () => {
    expect(renderError(status({reason: 'Unauthorized', code: 401, message: 'Unauthorized'}))).toBe(
      'error: You must be logged in to the server (Unauthorized)\n',
    )
  })
})

describe('renderError for client-side errors', () => {
  it('prefixes a plain Error with "error: "', () => {
    expect(renderError(new Error('the server doesn\'t have a resource type "foo"'))).toBe(
      'error: the server doesn\'t have a resource type "foo"\n',
    )
  })

  it('does not double a prefix the message already has', () => {
    expect(renderError(new Error('error: already prefixed'))).toBe('error: already prefixed\n')
  })

  it('prints a PlainError as it is', () => {
    expect(renderError(new PlainError("error: unknown flag: --nope\nSee 'skiff get --help' for usage."))).toBe(
      "error: unknown flag: --nope\nSee 'skiff get --help' for usage.\n",
    )
  })

  it('prints a UsageError with the help pointer, and other Error subclasses with the prefix', () => {
    expect(renderError(new UsageError('required resource not specified.', 'skiff delete'))).toBe(
      "error: required resource not specified.\nSee 'skiff delete -h' for help and examples\n",
    )
    expect(renderError(new BugError('invariant'))).toBe('error: invariant\n')
  })

  // kubectl cmdutil fatal() (v1.32) adds the final newline only when the message lacks one; cobra's unknown-command
  // message already ends with one, so real kubectl prints no blank line after `Did you mean this?\n\tget`
  it('adds the final newline only when the message has none', () => {
    expect(renderError(new PlainError('error: unknown command "gt" for "skiff"\n\nDid you mean this?\n\tget\n'))).toBe(
      'error: unknown command "gt" for "skiff"\n\nDid you mean this?\n\tget\n',
    )
  })

  it('words a thrown non-Error value', () => {
    expect(renderError('just a string')).toBe('error: just a string\n')
  })
})

describe('renderError for AggregateErrors', () => {
  it('prints one line per error in order, plain errors without the "error: " prefix', () => {
    const errors = new AggregateErrors([
      notFound(deployments, 'a'),
      new Error('something local'),
      new PlainError('plain words'),
      badRequest('bad'),
    ])
    expect(renderError(errors)).toBe(
      'Error from server (NotFound): deployments.apps "a" not found\n' +
        'something local\n' +
        'plain words\n' +
        'Error from server (BadRequest): bad\n',
    )
  })

  it('prints an Invalid among several as a server error, as MultipleErrors does', () => {
    const errors = new AggregateErrors([
      invalid({group: '', kind: 'ConfigMap'}, 'Bad_Name', [
        {reason: 'FieldValueInvalid', field: 'metadata.name', message: 'Invalid value: "Bad_Name": nope'},
      ]),
      notFound(deployments, 'b'),
    ])
    expect(renderError(errors)).toBe(
      'Error from server (Invalid): ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": nope\n' +
        'Error from server (NotFound): deployments.apps "b" not found\n',
    )
  })

  it('prints a single plain error of an aggregate with the prefix, as checkErr unwraps it first', () => {
    expect(renderError(new AggregateErrors([new Error('only one')]))).toBe('error: only one\n')
  })

  it('prints nothing for an empty aggregate', () => {
    expect(renderError(new AggregateErrors([]))).toBe('')
  })
})

describe('withSource', () => {
  it('puts the source inside the server message and keeps the Status', () => {
    const error = withSource('creating', 'web.yaml', alreadyExists(deployments, 'web'))
    expect(error).toBeInstanceOf(StatusError)
    expect((error as StatusError).status.reason).toBe('AlreadyExists')
    expect(renderError(error)).toBe(
      'Error from server (AlreadyExists): error when creating "web.yaml": deployments.apps "web" already exists\n',
    )
  })

  it('keeps the details of an Invalid, so it still renders with its causes', () => {
    const error = withSource('applying', 'web.yaml', invalid(deploymentKind, 'web', [selectorCause]))
    expect(renderError(error)).toBe('The Deployment "web" is invalid: spec.selector: Required value\n')
    expect((error as StatusError).status.message).toMatch(/^error when applying "web.yaml": /)
  })

  it('wraps any other error as a plain Error', () => {
    expect(renderError(withSource('retrieving', 'x.yaml', new Error('boom')))).toBe(
      'error: error when retrieving "x.yaml": boom\n',
    )
  })

  it('returns the error untouched without a source', () => {
    const error = notFound(deployments, 'web')
    expect(withSource('creating', '', error)).toBe(error)
  })

  it('does not change the error it was given', () => {
    const error = notFound(deployments, 'web')
    withSource('creating', 'web.yaml', error)
    expect(error.status.message).toBe('deployments.apps "web" not found')
  })
})
