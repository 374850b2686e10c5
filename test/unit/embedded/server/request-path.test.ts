import {describe, expect, it} from 'vitest'
import {isStatusError} from '../../../../src/backend/status.js'
import {pathSegments, splitRequestTarget} from '../../../../src/embedded/server/request-path.js'

function refusal(path: string): string {
  try {
    pathSegments(path)
  } catch (error) {
    if (isStatusError(error)) return `${error.status.code} ${error.status.message}`
    throw error
  }
  return 'accepted'
}

describe('pathSegments', () => {
  it('keeps dot segments, escaped or not, as segments of their own', () => {
    expect(pathSegments('/api/v1/namespaces/x/configmaps/%2E%2E')).toEqual([
      'api',
      'v1',
      'namespaces',
      'x',
      'configmaps',
      '..',
    ])
    expect(pathSegments('/a/./b/../c/%2e')).toEqual(['a', '.', 'b', '..', 'c', '.'])
  })

  it('unescapes each segment on its own, so an escaped slash stays inside it', () => {
    expect(pathSegments('/namespaces/a%2Fb/x%25y')).toEqual(['namespaces', 'a/b', 'x%y'])
    expect(pathSegments('/caf%C3%A9/%E2%82%AC')).toEqual(['café', '€'])
  })

  it('trims leading and trailing slashes and keeps empty inner segments', () => {
    expect(pathSegments('//api/v1//pods/')).toEqual(['api', 'v1', '', 'pods'])
    expect(pathSegments('/')).toEqual([])
  })

  it("refuses a malformed escape with Go's wording, and bytes that are not UTF-8", () => {
    expect(refusal('/a/%zz')).toBe('400 malformed request path: invalid URL escape "%zz"')
    expect(refusal('/a/b%')).toBe('400 malformed request path: invalid URL escape "%"')
    expect(refusal('/a/b%4')).toBe('400 malformed request path: invalid URL escape "%4"')
    expect(refusal('/a/%C0%AF')).toBe('400 malformed request path: "%C0%AF" does not decode to UTF-8')
  })
})

describe('splitRequestTarget', () => {
  it('splits at the first question mark and keeps a # in the path, as a request target has no fragment', () => {
    const target = splitRequestTarget('/api/v1/pods/a#b?labelSelector=x%3Dy&watch=1?')
    expect(target.path).toBe('/api/v1/pods/a#b')
    expect(target.query.get('labelSelector')).toBe('x=y')
    expect(target.query.get('watch')).toBe('1?')
  })
})
