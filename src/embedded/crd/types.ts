// The apiextensions.k8s.io/v1 shapes the embedded API server reads from a stored CustomResourceDefinition.
import type {KubeObject} from '../../backend/object.js'
import type {PrinterColumn} from '../../resources/columns/index.js'

/** The store resource of CustomResourceDefinitions. */
export const DEFINITIONS_RESOURCE = 'apiextensions.k8s.io/customresourcedefinitions'

/** One node of an openAPIV3Schema (JSONSchemaProps), the subset the API server acts on. */
export interface JsonSchemaProps {
  type?: string
  format?: string
  description?: string
  properties?: Record<string, JsonSchemaProps>
  additionalProperties?: JsonSchemaProps | boolean
  items?: JsonSchemaProps
  required?: string[]
  enum?: unknown[]
  default?: unknown
  nullable?: boolean
  minimum?: number
  maximum?: number
  exclusiveMinimum?: boolean
  exclusiveMaximum?: boolean
  multipleOf?: number
  minLength?: number
  maxLength?: number
  pattern?: string
  minItems?: number
  maxItems?: number
  minProperties?: number
  maxProperties?: number
  uniqueItems?: boolean
  anyOf?: JsonSchemaProps[]
  allOf?: JsonSchemaProps[]
  oneOf?: JsonSchemaProps[]
  not?: JsonSchemaProps
  'x-kubernetes-preserve-unknown-fields'?: boolean
  'x-kubernetes-int-or-string'?: boolean
  'x-kubernetes-embedded-resource'?: boolean
}

/** spec.versions[].subresources.scale */
export interface ScaleSubresource {
  specReplicasPath: string
  statusReplicasPath: string
  labelSelectorPath?: string
}

/** One entry of spec.versions. */
export interface DefinitionVersion {
  name: string
  served: boolean
  storage: boolean
  deprecated?: boolean
  deprecationWarning?: string
  schema?: {openAPIV3Schema?: JsonSchemaProps}
  subresources?: {status?: Record<string, never>; scale?: ScaleSubresource}
  additionalPrinterColumns?: PrinterColumn[]
}

/** spec.names and status.acceptedNames. */
export interface DefinitionNames {
  plural: string
  singular?: string
  kind: string
  listKind?: string
  shortNames?: string[]
  categories?: string[]
}

/** A condition of status.conditions. */
export interface DefinitionCondition {
  type: string
  status: 'True' | 'False' | 'Unknown'
  lastTransitionTime?: string
  reason?: string
  message?: string
}

/** A CustomResourceDefinition as stored. */
export interface CustomResourceDefinition extends KubeObject {
  spec: {
    group: string
    scope: string
    names: DefinitionNames
    versions: DefinitionVersion[]
    conversion?: {strategy: string}
    preserveUnknownFields?: boolean
  }
  status?: {
    acceptedNames?: DefinitionNames
    conditions?: DefinitionCondition[]
    storedVersions?: string[]
  }
}

/** True when a condition of the definition is True. */
export function isConditionTrue(crd: CustomResourceDefinition, type: string): boolean {
  return (crd.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True')
}

/** The definition's entry for a version name. */
export function versionNamed(crd: CustomResourceDefinition, name: string): DefinitionVersion | undefined {
  return (crd.spec.versions ?? []).find((v) => v.name === name)
}
