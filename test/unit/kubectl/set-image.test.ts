import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../src/backend/object.js'
import {imagePatch, parseImageArgs} from '../../../src/kubectl/set-image.js'

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {name: 'web'},
  spec: {
    template: {
      spec: {
        initContainers: [{name: 'init', image: 'busybox'}],
        containers: [
          {name: 'nginx', image: 'nginx:1.25'},
          {name: 'sidecar', image: 'envoy'},
        ],
      },
    },
  },
}

describe('parseImageArgs', () => {
  it('separates resource words from NAME=IMAGE pairs', () => {
    const {resources, images} = parseImageArgs(['deployment/web', 'nginx=nginx:1.27', '*=busybox'])
    expect(resources).toEqual(['deployment/web'])
    expect([...images]).toEqual([
      ['nginx', 'nginx:1.27'],
      ['*', 'busybox'],
    ])
  })
})

describe('imagePatch', () => {
  it('replaces the image of the named container in a pod template', () => {
    expect(imagePatch(deployment, new Map([['nginx', 'nginx:1.27']]))).toEqual([
      {op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'nginx:1.27'},
    ])
  })

  it('sets every container, init containers included, for *', () => {
    expect(imagePatch(deployment, new Map([['*', 'img']])).map((o) => o.path)).toEqual([
      '/spec/template/spec/initContainers/0/image',
      '/spec/template/spec/containers/0/image',
      '/spec/template/spec/containers/1/image',
    ])
  })

  it('yields nothing when the image is already set, so kubectl prints nothing', () => {
    expect(imagePatch(deployment, new Map([['nginx', 'nginx:1.25']]))).toEqual([])
  })

  it("refuses an unknown container with kubectl's words", () => {
    expect(() => imagePatch(deployment, new Map([['foo', 'x']]))).toThrow('unable to find container named "foo"')
  })

  it('finds the pod spec of pods and cronjobs', () => {
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {name: 'p'},
      spec: {containers: [{name: 'c', image: 'a'}]},
    }
    expect(imagePatch(pod, new Map([['c', 'b']]))[0]?.path).toBe('/spec/containers/0/image')
    const cronJob: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: {name: 'cj'},
      spec: {jobTemplate: {spec: {template: {spec: {containers: [{name: 'c', image: 'a'}]}}}}},
    }
    expect(imagePatch(cronJob, new Map([['c', 'b']]))[0]?.path).toBe(
      '/spec/jobTemplate/spec/template/spec/containers/0/image',
    )
  })
})
