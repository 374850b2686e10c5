import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import type {ResourceInfo} from '../../../../src/backend/refs.js'
import {defaultObject} from '../../../../src/embedded/admission/defaults.js'
import {validateObject} from '../../../../src/embedded/admission/validate.js'
import {BUILTIN_RESOURCES} from '../../../../src/resources/builtin.js'

const SERVICE = BUILTIN_RESOURCES.find((r) => r.kind === 'Service') as ResourceInfo

function service(spec: Record<string, unknown>, name = 'web'): KubeObject {
  return {apiVersion: 'v1', kind: 'Service', metadata: {name, namespace: 'default'}, spec}
}

function errors(object: KubeObject, old?: KubeObject): string[] {
  return validateObject(SERVICE, defaultObject(SERVICE, object, old), old).map((c) => `${c.field}: ${c.message}`)
}

describe('Service validation', () => {
  it('accepts a ClusterIP service with one unnamed port', () => {
    expect(errors(service({selector: {app: 'web'}, ports: [{port: 80}]}))).toEqual([])
  })

  it('requires ports unless headless or ExternalName', () => {
    expect(errors(service({selector: {app: 'web'}}))).toEqual(['spec.ports: Required value'])
    expect(errors(service({clusterIP: 'None', selector: {app: 'web'}}))).toEqual([])
    expect(errors(service({type: 'ExternalName', externalName: 'db.example.com'}))).toEqual([])
  })

  it('requires names when there is more than one port, and unique ones', () => {
    expect(errors(service({ports: [{port: 80}, {name: 'a', port: 81}, {name: 'a', port: 82}]}))).toEqual([
      'spec.ports[0].name: Required value',
      'spec.ports[2].name: Duplicate value: "a"',
    ])
  })

  it('checks the port range and duplicate protocol/port pairs', () => {
    expect(
      errors(
        service({
          ports: [
            {name: 'a', port: 0, targetPort: 8080},
            {name: 'b', port: 70000, targetPort: 8080},
          ],
        }),
      ),
    ).toEqual([
      'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.ports[1].port: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ])
    expect(
      errors(
        service({
          ports: [
            {name: 'a', port: 80},
            {name: 'b', port: 80},
          ],
        }),
      ),
    ).toEqual([
      'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
    ])
  })

  it('requires a DNS-1035 label as the name', () => {
    expect(errors(service({ports: [{port: 80}]}, '1web'))).toEqual([
      "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ])
  })

  it('rejects an unknown type and a nodePort on a ClusterIP service', () => {
    expect(errors(service({type: 'Internal', ports: [{port: 80}]}))).toEqual([
      'spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ])
    expect(errors(service({ports: [{port: 80, nodePort: 30080}]}))).toEqual([
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ])
  })

  it('rejects an invalid cluster IP', () => {
    expect(errors(service({clusterIP: '10.96.0.300', ports: [{port: 80}]}))).toEqual([
      'spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ])
  })

  it('makes the cluster IP immutable on update', () => {
    const old = defaultObject(SERVICE, service({clusterIP: '10.96.0.5', ports: [{port: 80}]}))
    const next = structuredClone(old)
    const spec = next['spec'] as Record<string, unknown>
    spec['clusterIP'] = '10.96.0.6'
    delete spec['clusterIPs']
    expect(errors(next, old)).toEqual([
      'spec.clusterIPs[0]: Invalid value: []string{"10.96.0.6"}: may not change once set',
    ])
  })

  it('keeps the allocated cluster IP when an update leaves it out', () => {
    const old = defaultObject(SERVICE, service({clusterIP: '10.96.0.5', ports: [{port: 80}]}))
    expect(errors(service({ports: [{port: 8080}]}), old)).toEqual([])
  })
})
