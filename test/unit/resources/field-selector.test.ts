import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../src/backend/object.js'
import {
  FieldSelectorError,
  convertFieldSelector,
  fieldSelectorString,
  fieldsOf,
  matchesFields,
  parseFieldSelector,
  unsupportedFieldError,
} from '../../../src/resources/field-selector.js'

const parseError = (text: string): string => {
  try {
    parseFieldSelector(text)
    return 'no error'
  } catch (error) {
    return error instanceof FieldSelectorError ? error.message : 'other'
  }
}

describe('parseFieldSelector', () => {
  it('reads =, == and != terms, sorted as fields.ParseSelector sorts them', () => {
    const selector = parseFieldSelector('status.phase!=Running,metadata.name==web,spec.nodeName=node-1')
    expect(selector.requirements).toEqual([
      {field: 'metadata.name', operator: '=', value: 'web'},
      {field: 'spec.nodeName', operator: '=', value: 'node-1'},
      {field: 'status.phase', operator: '!=', value: 'Running'},
    ])
  })

  it('unescapes \\, \\= and \\\\ in values and splits only on unescaped commas', () => {
    const selector = parseFieldSelector('metadata.name=a\\,b\\=c\\\\d,spec.x=')
    expect(selector.requirements).toEqual([
      {field: 'metadata.name', operator: '=', value: 'a,b=c\\d'},
      {field: 'spec.x', operator: '=', value: ''},
    ])
    expect(fieldSelectorString(selector)).toBe('metadata.name=a\\,b\\=c\\\\d,spec.x=')
  })

  it('skips empty terms and a bare =', () => {
    expect(parseFieldSelector(',metadata.name=a,,=').requirements).toEqual([
      {field: 'metadata.name', operator: '=', value: 'a'},
    ])
  })

  it('words errors as the fields package does', () => {
    expect(parseError('metadata.name')).toBe("invalid selector: 'metadata.name'; can't understand 'metadata.name'")
    expect(parseError('a=b,c')).toBe("invalid selector: 'a=b,c'; can't understand 'c'")
    expect(parseError('metadata.name=a=b')).toBe('invalid field selector: unescaped character in value: 61')
    expect(parseError('metadata.name!==b')).toBe('invalid field selector: unescaped character in value: 61')
    expect(parseError('metadata.name=a\\x')).toBe('invalid field selector: invalid escape sequence: \\x')
    expect(parseError('metadata.name=a\\')).toBe('invalid field selector: invalid escape sequence: \\')
  })
})

describe('matchesFields', () => {
  it('reads a missing field as the empty string', () => {
    const fields = {'metadata.name': 'web', 'status.phase': 'Running'}
    expect(matchesFields(parseFieldSelector('metadata.name=web,status.phase!=Pending'), fields)).toBe(true)
    expect(matchesFields(parseFieldSelector('spec.nodeName='), fields)).toBe(true)
    expect(matchesFields(parseFieldSelector('spec.nodeName!=node-1'), fields)).toBe(true)
    expect(matchesFields(parseFieldSelector('metadata.name=api'), fields)).toBe(false)
  })
})

describe('fieldsOf', () => {
  it('gives a pod its selectable fields, defaulting hostNetwork to false', () => {
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {name: 'web-1', namespace: 'default'},
      spec: {
        nodeName: 'node-1',
        restartPolicy: 'Always',
        schedulerName: 'default-scheduler',
        serviceAccountName: 'default',
      },
      status: {phase: 'Running', podIPs: [{ip: '10.0.0.5'}], nominatedNodeName: ''},
    }
    expect(fieldsOf('Pod', pod)).toEqual({
      'metadata.name': 'web-1',
      'metadata.namespace': 'default',
      'spec.nodeName': 'node-1',
      'spec.restartPolicy': 'Always',
      'spec.schedulerName': 'default-scheduler',
      'spec.serviceAccountName': 'default',
      'spec.hostNetwork': 'false',
      'status.phase': 'Running',
      'status.podIP': '10.0.0.5',
      'status.nominatedNodeName': '',
    })
  })

  it('takes an event source from the reporting controller when source.component is empty', () => {
    const event: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {name: 'web.1', namespace: 'default'},
      involvedObject: {
        kind: 'Pod',
        name: 'web',
        namespace: 'default',
        uid: 'u1',
        apiVersion: 'v1',
        fieldPath: 'spec.containers{web}',
      },
      reason: 'Scheduled',
      reportingComponent: 'default-scheduler',
      type: 'Normal',
    }
    const fields = fieldsOf('Event', event)
    expect(fields['source']).toBe('default-scheduler')
    expect(fields['involvedObject.fieldPath']).toBe('spec.containers{web}')
    expect(fields['involvedObject.resourceVersion']).toBe('')
    expect(fields['reason']).toBe('Scheduled')
  })

  it('prints numbers and booleans as the server does', () => {
    const job: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {name: 'j', namespace: 'ns'},
      status: {succeeded: 2},
    }
    const node: KubeObject = {apiVersion: 'v1', kind: 'Node', metadata: {name: 'n'}, spec: {unschedulable: true}}
    const rc: KubeObject = {apiVersion: 'v1', kind: 'ReplicationController', metadata: {name: 'r', namespace: 'ns'}}
    expect(fieldsOf('Job', job)).toEqual({'metadata.name': 'j', 'metadata.namespace': 'ns', 'status.successful': '2'})
    expect(fieldsOf('Node', node)).toEqual({'metadata.name': 'n', 'spec.unschedulable': 'true'})
    expect(fieldsOf('ReplicationController', rc)['status.replicas']).toBe('0')
  })

  it('gives secrets their type and namespaces their phase', () => {
    const secret: KubeObject = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {name: 's', namespace: 'ns'},
      type: 'Opaque',
    }
    const namespace: KubeObject = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {name: 'ns'},
      status: {phase: 'Active'},
    }
    expect(fieldsOf('Secret', secret)['type']).toBe('Opaque')
    expect(fieldsOf('Namespace', namespace)).toEqual({'metadata.name': 'ns', 'status.phase': 'Active'})
  })

  it('gives other kinds only their name and namespace', () => {
    const cm: KubeObject = {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'c', namespace: 'ns'}, data: {a: 'b'}}
    expect(fieldsOf('ConfigMap', cm)).toEqual({'metadata.name': 'c', 'metadata.namespace': 'ns'})
  })
})

describe('convertFieldSelector', () => {
  it('lets supported labels through and renames spec.host for pods', () => {
    const converted = convertFieldSelector(
      {group: '', kind: 'Pod'},
      parseFieldSelector('spec.host=n1,status.phase=Running'),
    )
    expect(converted.requirements.map((r) => r.field)).toEqual(['spec.nodeName', 'status.phase'])
  })

  it('refuses unsupported labels in the words of each kind', () => {
    const refuse = (group: string, kind: string, text: string): string => {
      try {
        convertFieldSelector({group, kind}, parseFieldSelector(text))
        return 'no error'
      } catch (error) {
        return error instanceof FieldSelectorError ? error.message : 'other'
      }
    }
    expect(refuse('', 'Pod', 'foo=bar')).toBe('field label not supported: foo')
    expect(refuse('', 'Node', 'metadata.namespace=x')).toBe('field label not supported: metadata.namespace')
    expect(refuse('batch', 'Job', 'status.succeeded=1')).toBe(
      'field label "status.succeeded" not supported for batchv1.Job',
    )
    expect(refuse('apps', 'ReplicaSet', 'status.replicas=0')).toBe(
      '"status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"',
    )
    expect(refuse('', 'ConfigMap', 'metadata.name=a')).toBe('no error')
    expect(refuse('', 'Service', 'spec.type=ClusterIP')).toBe('no error')
  })

  it('builds the same error on its own', () => {
    expect(unsupportedFieldError({group: '', kind: 'Secret'}, 'foo').message).toBe('field label not supported: foo')
  })
})
