import {describe, expect, it} from 'vitest'
import {podQOSClass} from '../../../src/resources/pod-qos.js'

function spec(...resources: unknown[]): unknown {
  return {containers: resources.map((r, i) => ({name: `c${i}`, image: 'x', resources: r}))}
}

describe('podQOSClass', () => {
  it('is BestEffort without cpu or memory requests and limits', () => {
    expect(podQOSClass(spec({}, {requests: {'ephemeral-storage': '1Gi'}}))).toBe('BestEffort')
  })

  it('is Guaranteed when every container has equal cpu and memory requests and limits', () => {
    const full = {limits: {cpu: '1', memory: '1Gi'}, requests: {cpu: '1000m', memory: '1024Mi'}}
    expect(podQOSClass(spec(full, full))).toBe('Guaranteed')
  })

  it('is Burstable otherwise', () => {
    expect(podQOSClass(spec({requests: {cpu: '100m'}}))).toBe('Burstable')
    expect(podQOSClass(spec({limits: {cpu: '1', memory: '1Gi'}, requests: {cpu: '1', memory: '1Gi'}}, {}))).toBe(
      'Burstable',
    )
  })
})
