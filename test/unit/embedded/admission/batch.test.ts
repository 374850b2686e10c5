import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../src/backend/object.js'
import type {ResourceInfo} from '../../../../src/backend/refs.js'
import {defaultObject} from '../../../../src/embedded/admission/defaults.js'
import {validateObject} from '../../../../src/embedded/admission/validate.js'
import {BUILTIN_RESOURCES} from '../../../../src/resources/builtin.js'

const JOB = BUILTIN_RESOURCES.find((r) => r.kind === 'Job') as ResourceInfo
const CRONJOB = BUILTIN_RESOURCES.find((r) => r.kind === 'CronJob') as ResourceInfo
const POD_SPEC = {restartPolicy: 'Never', containers: [{name: 'pi', image: 'perl'}]}

function job(spec: Record<string, unknown>): KubeObject {
  return {apiVersion: 'batch/v1', kind: 'Job', metadata: {name: 'pi', namespace: 'default', uid: 'u-1'}, spec}
}

function cronJob(spec: Record<string, unknown>, name = 'hello'): KubeObject {
  return {apiVersion: 'batch/v1', kind: 'CronJob', metadata: {name, namespace: 'default'}, spec}
}

function errors(resource: ResourceInfo, object: KubeObject, old?: KubeObject): string[] {
  return validateObject(resource, defaultObject(resource, object, old), old).map((c) => `${c.field}: ${c.message}`)
}

describe('Job validation', () => {
  it('accepts a job once its selector is generated', () => {
    expect(errors(JOB, job({template: {spec: POD_SPEC}}))).toEqual([])
  })

  it('requires OnFailure or Never as the template restartPolicy', () => {
    expect(errors(JOB, job({template: {spec: {containers: POD_SPEC.containers}}}))).toEqual([
      'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    ])
  })

  it('rejects a manual selector that the generated labels do not satisfy', () => {
    const spec = {manualSelector: false, selector: {matchLabels: {a: 'b'}}, template: {spec: POD_SPEC}}
    expect(errors(JOB, job(spec))).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"a":"b", "batch.kubernetes.io/controller-uid":"u-1"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` not auto-generated',
      'spec.template.metadata.labels: Invalid value: map[string]string{"batch.kubernetes.io/controller-uid":"u-1", "batch.kubernetes.io/job-name":"pi", "controller-uid":"u-1", "job-name":"pi"}: `selector` does not match template `labels`',
    ])
  })

  it('requires a uid for the generated selector', () => {
    const object = job({template: {spec: POD_SPEC}})
    const defaulted = defaultObject(JOB, object)
    delete defaulted.metadata.uid
    expect(validateObject(JOB, defaulted).map((c) => `${c.field}: ${c.message}`)).toContain(
      'metadata.uid: Required value',
    )
  })

  it('makes the template immutable on update', () => {
    const old = defaultObject(JOB, job({template: {spec: POD_SPEC}}))
    const next = structuredClone(old)
    const template = (next['spec'] as {template: {spec: {containers: {image: string}[]}}}).template
    template.spec.containers[0]!.image = 'perl:5'
    expect(errors(JOB, next, old)).toEqual([
      'spec.template: Invalid value: core.PodTemplateSpec{...}: field is immutable',
    ])
  })

  it('rejects negative counts', () => {
    expect(errors(JOB, job({backoffLimit: -1, template: {spec: POD_SPEC}}))).toEqual([
      'spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0',
    ])
  })
})

describe('CronJob validation', () => {
  const jobTemplate = {spec: {template: {spec: POD_SPEC}}}

  it('accepts a valid schedule', () => {
    expect(errors(CRONJOB, cronJob({schedule: '*/5 * * * *', jobTemplate}))).toEqual([])
  })

  it('reports robfig/cron errors for a bad schedule', () => {
    expect(errors(CRONJOB, cronJob({schedule: 'every minute', jobTemplate}))).toEqual([
      'spec.schedule: Invalid value: "every minute": expected exactly 5 fields, found 2: [every minute]',
    ])
    expect(errors(CRONJOB, cronJob({schedule: '61 * * * *', jobTemplate}))).toEqual([
      'spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61',
    ])
  })

  it('forbids TZ in the schedule on create', () => {
    expect(errors(CRONJOB, cronJob({schedule: 'TZ=UTC 0 * * * *', jobTemplate}))).toEqual([
      'spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    ])
  })

  it('limits CronJob names to 52 characters', () => {
    const name = 'a'.repeat(53)
    expect(errors(CRONJOB, cronJob({schedule: '@hourly', jobTemplate}, name))).toEqual([
      `metadata.name: Invalid value: "${name}": must be no more than 52 characters`,
    ])
  })

  it('rejects an unknown time zone and a selector in the job template', () => {
    const spec = {
      schedule: '@daily',
      timeZone: 'Mars/Olympus',
      jobTemplate: {spec: {...jobTemplate.spec, selector: {matchLabels: {a: 'b'}}}},
    }
    expect(errors(CRONJOB, cronJob(spec))).toEqual([
      'spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus',
      'spec.jobTemplate.spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"a":"b"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` will be auto-generated',
    ])
  })

  it('checks the job template restartPolicy', () => {
    const spec = {schedule: '@daily', jobTemplate: {spec: {template: {spec: {containers: POD_SPEC.containers}}}}}
    expect(errors(CRONJOB, cronJob(spec))).toEqual([
      'spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    ])
  })
})
