import {describe, expect, it} from 'vitest'
import {defaultPodSpec, imageTag} from '../../../../../src/embedded/admission/defaulting/pod-spec.js'

describe('imageTag', () => {
  it.each([
    ['nginx', 'latest'],
    ['nginx:1.25', '1.25'],
    ['nginx:latest', 'latest'],
    ['localhost:5000/app', 'latest'],
    ['registry.example.com/team/app:v2', 'v2'],
    ['nginx@sha256:0123', ''],
    ['Nginx', ''],
  ])('finds the tag of %s as the pull-policy default sees it', (image, tag) => {
    expect(imageTag(image)).toBe(tag)
  })
})

describe('defaultPodSpec', () => {
  it('defaults volumes, probes and env field references', () => {
    const spec: Record<string, unknown> = {
      containers: [
        {
          name: 'web',
          image: 'nginx:1.25',
          readinessProbe: {httpGet: {port: 80}},
          env: [{name: 'NODE', valueFrom: {fieldRef: {fieldPath: 'spec.nodeName'}}}],
        },
      ],
      volumes: [{name: 'scratch'}, {name: 'cfg', configMap: {name: 'cfg'}}, {name: 'host', hostPath: {path: '/var'}}],
    }
    defaultPodSpec(spec)
    const container = (spec['containers'] as Record<string, unknown>[])[0] ?? {}
    expect(container['readinessProbe']).toEqual({
      httpGet: {port: 80, path: '/', scheme: 'HTTP'},
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    })
    expect(container['env']).toEqual([
      {name: 'NODE', valueFrom: {fieldRef: {fieldPath: 'spec.nodeName', apiVersion: 'v1'}}},
    ])
    expect(spec['volumes']).toEqual([
      {name: 'scratch', emptyDir: {}},
      {name: 'cfg', configMap: {name: 'cfg', defaultMode: 420}},
      {name: 'host', hostPath: {path: '/var', type: ''}},
    ])
  })

  it('keeps serviceAccount and serviceAccountName in step', () => {
    const spec: Record<string, unknown> = {containers: [], serviceAccount: 'builder'}
    defaultPodSpec(spec)
    expect(spec['serviceAccountName']).toBe('builder')
  })
})
