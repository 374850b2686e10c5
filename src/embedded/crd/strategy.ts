// The registry strategies of apiextensions-apiserver that the generic admission in admit.ts does not know:
// custom resources (pkg/registry/customresource/strategy.go) and CustomResourceDefinitions themselves
// (pkg/registry/customresourcedefinition/strategy.go), v1.32.
import {isJsonObject, type KubeObject} from '../../backend/object.js'
import type {ResourceInfo} from '../../backend/refs.js'
import {methodNotAllowed, notFound, type StatusCause} from '../../backend/status.js'
import {toStatusCauses} from '../admission/field-error.js'
import type {Clock} from '../clock/clock.js'
import type {Store} from '../store/store.js'
import {defaultDefinition, definitionStatus} from './definition-status.js'
import {findDefinition, isDefinitionResource} from './lookup.js'
import {validateAgainstSchema} from './schema-validation.js'
import {applySchemaDefaults, pruneUnknownFields} from './structural.js'
import {DEFINITIONS_RESOURCE, versionNamed, type CustomResourceDefinition} from './types.js'
import {validateDefinition} from './validate-definition.js'

/** What a kind's own strategy adds to admission, after the generic defaulting and before storing. */
interface WriteStrategy {
  /** objects of the kind carry metadata.generation */
  readonly tracksGeneration: boolean
  /** PrepareForCreate/PrepareForUpdate plus defaulting: returns the object to validate and store */
  prepare(object: KubeObject, old: KubeObject | undefined, subresource: string | undefined): KubeObject
  /** Validate/ValidateUpdate beyond ObjectMeta */
  validate(object: KubeObject, old: KubeObject | undefined, subresource: string | undefined): StatusCause[]
}

/** The strategy of a custom resource or of CustomResourceDefinitions; undefined for the other built-in kinds. */
export function writeStrategyFor(store: Store, clock: Clock, info: ResourceInfo): WriteStrategy | undefined {
  if (isDefinitionResource(info)) return definitionStrategy(store, clock)
  const crd = findDefinition(store, info)
  return crd ? customResourceStrategy(crd, info) : undefined
}

function customResourceStrategy(crd: CustomResourceDefinition, info: ResourceInfo): WriteStrategy {
  const served = versionNamed(crd, info.version)
  const schema = served?.schema?.openAPIV3Schema
  const statusEnabled = served?.subresources?.status !== undefined
  return {
    tracksGeneration: true,
    prepare(object, old, subresource) {
      if (old === undefined && crd.metadata.deletionTimestamp !== undefined) {
        // customresource_handler.go: a terminating definition takes no new objects (NewMethodNotSupported)
        throw methodNotAllowed('create not allowed while custom resource definition is terminating', {
          group: info.group,
          kind: info.resource,
        })
      }
      // without a declared status subresource there is no .../status path to write to
      if (subresource === 'status' && !statusEnabled) throw notFound(info, object.metadata.name ?? '')
      let next = structuredClone(object)
      if (statusEnabled && subresource === undefined) {
        // with a status subresource, create drops status and the main resource keeps the stored one
        if (old === undefined || old['status'] === undefined) delete next['status']
        else next['status'] = structuredClone(old['status'])
      }
      if (schema) next = applySchemaDefaults(pruneUnknownFields(next, schema), schema) as KubeObject
      return next
    },
    validate(object) {
      return schema ? toStatusCauses(validateAgainstSchema(object, schema)) : []
    },
  }
}

function definitionStrategy(store: Store, clock: Clock): WriteStrategy {
  return {
    tracksGeneration: true,
    prepare(object, old, subresource) {
      if (subresource === 'status') return object
      const crd = defaultDefinition(object as CustomResourceDefinition)
      if (!isJsonObject(crd.spec) || !isJsonObject(crd.spec.names)) return crd
      const others = store
        .list(DEFINITIONS_RESOURCE)
        .map(({object: other}) => other as CustomResourceDefinition)
        .filter((other) => other.spec?.group === crd.spec.group && other.metadata.name !== crd.metadata.name)
      const previous = (old as CustomResourceDefinition | undefined)?.status
      crd.status = definitionStatus(crd, {others, previous, timestamp: clock.timestamp()})
      return crd
    },
    validate(object, old, subresource) {
      if (subresource === 'status') return []
      return toStatusCauses(validateDefinition(object as CustomResourceDefinition, old as CustomResourceDefinition))
    },
  }
}
