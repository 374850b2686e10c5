import {describe, expect, it} from 'vitest'
import {defaultPullPolicy, imageID, parseImageReference, pullError} from '../../../../src/embedded/kubelet/images.js'

describe('images', () => {
  it('normalise as containerd does', () => {
    expect(parseImageReference('nginx').normalized).toBe('docker.io/library/nginx:latest')
    expect(parseImageReference('bitnami/redis:7').normalized).toBe('docker.io/bitnami/redis:7')
    expect(parseImageReference('registry.k8s.io/pause:3.10').normalized).toBe('registry.k8s.io/pause:3.10')
    expect(parseImageReference('localhost:5000/app').normalized).toBe('localhost:5000/app:latest')
    expect(imageID('nginx:1.27')).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/)
  })

  it('exist unless the documented rule says they cannot', () => {
    expect(pullError('nginx:1.27')).toBeUndefined()
    expect(pullError('ghcr.io/org/tool:v2')).toBeUndefined()
    expect(pullError('nginx:doesnotexist')).toBe(
      'failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found',
    )
    expect(pullError('doesnotexist/xyz')).toMatch(
      /pull access denied, repository does not exist or may require authorization/,
    )
    expect(pullError('registry.example.test/app:1')).toMatch(/dial tcp: lookup registry\.example\.test: no such host$/)
  })

  it('default to pulling always for :latest and untagged images', () => {
    expect(defaultPullPolicy('nginx')).toBe('Always')
    expect(defaultPullPolicy('nginx:latest')).toBe('Always')
    expect(defaultPullPolicy('nginx:1.27')).toBe('IfNotPresent')
  })
})
