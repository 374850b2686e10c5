// Validation of a CustomResourceDefinition itself, worded as kube-apiserver v1.32 words it
// (apiextensions-apiserver pkg/apis/apiextensions/validation/validation.go): the mistakes people make
// when writing one by hand. Runs on the defaulted definition, after the generic ObjectMeta checks.
import {goQuote, goStringSlice} from '../../resources/go-format.js'
import {isDNS1035Label, isDNS1123Subdomain} from '../../resources/label-syntax.js'
import {invalid, notSupported, required, type FieldError} from '../admission/field-error.js'
import {FIELD_IMMUTABLE} from '../admission/object-meta.js'
import {goVersions} from './go-versions.js'
import {validateSchemaDefinition} from './validate-schema-definition.js'
import {isConditionTrue, type CustomResourceDefinition, type DefinitionNames, type DefinitionVersion} from './types.js'

const SCOPES = ['Cluster', 'Namespaced']
const COLUMN_TYPES = ['boolean', 'date', 'integer', 'number', 'string']

/** The field errors of a definition on create (no old) or update. */
export function validateDefinition(crd: CustomResourceDefinition, old?: CustomResourceDefinition): FieldError[] {
  const spec = crd.spec ?? ({} as CustomResourceDefinition['spec'])
  const errors: FieldError[] = []
  const name = crd.metadata.name ?? ''
  if (old === undefined && name !== '' && name !== `${spec.names?.plural ?? ''}.${spec.group ?? ''}`) {
    errors.push(invalid('metadata.name', goQuote(name), 'must be spec.names.plural+"."+spec.group'))
  }
  errors.push(...validateSpec(spec))
  if (old !== undefined) errors.push(...validateSpecUpdate(crd, old))
  errors.push(...validateStoredVersions(crd.status?.storedVersions, spec.versions ?? []))
  return errors
}

function validateSpec(spec: CustomResourceDefinition['spec']): FieldError[] {
  const errors: FieldError[] = []
  const group = spec.group ?? ''
  if (group === '') errors.push(required('spec.group'))
  else if (isDNS1123Subdomain(group).length > 0) {
    errors.push(invalid('spec.group', goQuote(group), isDNS1123Subdomain(group).join(',')))
  } else if (group.split('.').length < 2) {
    errors.push(invalid('spec.group', goQuote(group), 'should be a domain with at least one dot'))
  }
  const scope = spec.scope ?? ''
  if (scope === '') errors.push(required('spec.scope'))
  else if (!SCOPES.includes(scope)) errors.push(notSupported('spec.scope', goQuote(scope), SCOPES))
  const versions = spec.versions ?? []
  versions.forEach((version, i) => {
    if (version.schema?.openAPIV3Schema === undefined) {
      errors.push(required(`spec.versions[${i}].schema.openAPIV3Schema`, 'schemas are required'))
    }
  })
  versions.forEach((version, i) => errors.push(...validateVersion(version, `spec.versions[${i}]`)))
  if (new Set(versions.map((v) => v.name)).size !== versions.length) {
    errors.push(invalid('spec.versions', goVersions(versions), 'must contain unique version names'))
  }
  if (versions.filter((v) => v.storage === true).length !== 1) {
    errors.push(
      invalid('spec.versions', goVersions(versions), 'must have exactly one version marked as storage version'),
    )
  }
  const names = spec.names ?? ({} as DefinitionNames)
  if (!names.plural) errors.push(required('spec.names.plural'))
  if (!names.singular) errors.push(required('spec.names.singular'))
  if (!names.kind) errors.push(required('spec.names.kind'))
  if (!names.listKind) errors.push(required('spec.names.listKind'))
  errors.push(...validateNames(names, 'spec.names'))
  return errors
}

function validateVersion(version: DefinitionVersion, path: string): FieldError[] {
  const errors: FieldError[] = []
  const name = version.name ?? ''
  const nameErrors = isDNS1035Label(name)
  if (nameErrors.length > 0) errors.push(invalid(`${path}.name`, goQuote(name), nameErrors.join(',')))
  const schema = version.schema?.openAPIV3Schema
  if (schema !== undefined) errors.push(...validateSchemaDefinition(schema, `${path}.schema.openAPIV3Schema`))
  const scale = version.subresources?.scale
  if (scale !== undefined) errors.push(...validateScale(scale, `${path}.subresources.scale`))
  ;(version.additionalPrinterColumns ?? []).forEach((column, i) => {
    const columnPath = `${path}.additionalPrinterColumns[${i}]`
    if (!column.name) errors.push(required(`${columnPath}.name`))
    if (!column.type) errors.push(required(`${columnPath}.type`))
    else if (!COLUMN_TYPES.includes(column.type)) {
      errors.push(notSupported(`${columnPath}.type`, goQuote(column.type), COLUMN_TYPES))
    }
    if (!column.jsonPath) errors.push(required(`${columnPath}.jsonPath`))
  })
  return errors
}

// ValidateCustomResourceDefinitionSubresources: the scale paths must point into spec and status
function validateScale(
  scale: Partial<NonNullable<DefinitionVersion['subresources']>['scale']>,
  path: string,
): FieldError[] {
  const errors: FieldError[] = []
  const specPath = scale?.specReplicasPath ?? ''
  if (specPath === '') errors.push(required(`${path}.specReplicasPath`))
  else if (!specPath.startsWith('.spec.')) {
    errors.push(invalid(`${path}.specReplicasPath`, goQuote(specPath), 'should be a json path under .spec'))
  }
  const statusPath = scale?.statusReplicasPath ?? ''
  if (statusPath === '') errors.push(required(`${path}.statusReplicasPath`))
  else if (!statusPath.startsWith('.status.')) {
    errors.push(invalid(`${path}.statusReplicasPath`, goQuote(statusPath), 'should be a json path under .status'))
  }
  const selectorPath = scale?.labelSelectorPath
  if (selectorPath !== undefined && !selectorPath.startsWith('.spec.') && !selectorPath.startsWith('.status.')) {
    errors.push(
      invalid(
        `${path}.labelSelectorPath`,
        goQuote(selectorPath),
        'should be a json path under either .spec or .status',
      ),
    )
  }
  return errors
}

function validateNames(names: DefinitionNames, path: string): FieldError[] {
  const errors: FieldError[] = []
  const label = (field: string, value: string | undefined, prefix = ''): void => {
    if (!value) return
    const problems = isDNS1035Label(prefix ? value.toLowerCase() : value)
    if (problems.length > 0) errors.push(invalid(`${path}.${field}`, goQuote(value), prefix + problems.join(',')))
  }
  const mixedCase = 'may have mixed case, but should otherwise match: '
  label('plural', names.plural)
  label('singular', names.singular)
  label('kind', names.kind, mixedCase)
  label('listKind', names.listKind, mixedCase)
  ;(names.shortNames ?? []).forEach((shortName, i) => label(`shortNames[${i}]`, shortName))
  if (names.kind && names.kind === names.listKind) {
    errors.push(invalid(`${path}.listKind`, goQuote(names.listKind), 'kind and listKind may not be the same'))
  }
  ;(names.categories ?? []).forEach((category, i) => label(`categories[${i}]`, category))
  return errors
}

// once established, the kind and scope decide where objects are stored; the plural and group name the definition
function validateSpecUpdate(crd: CustomResourceDefinition, old: CustomResourceDefinition): FieldError[] {
  const errors: FieldError[] = []
  const immutable = (path: string, now: string | undefined, before: string | undefined): void => {
    if (now !== before) errors.push(invalid(path, goQuote(now ?? ''), FIELD_IMMUTABLE))
  }
  if (isConditionTrue(old, 'Established')) {
    immutable('spec.scope', crd.spec.scope, old.spec.scope)
    immutable('spec.names.kind', crd.spec.names?.kind, old.spec.names?.kind)
  }
  immutable('spec.group', crd.spec.group, old.spec.group)
  immutable('spec.names.plural', crd.spec.names?.plural, old.spec.names?.plural)
  return errors
}

function validateStoredVersions(
  storedVersions: string[] | undefined,
  versions: readonly DefinitionVersion[],
): FieldError[] {
  if (!storedVersions || storedVersions.length === 0) {
    return [
      invalid(
        'status.storedVersions',
        goStringSlice(storedVersions?.length ? storedVersions : undefined),
        'must have at least one stored version',
      ),
    ]
  }
  const errors: FieldError[] = []
  const remaining = new Map(storedVersions.map((v, i) => [v, i]))
  for (const version of versions) {
    if (version.storage && !remaining.has(version.name)) {
      errors.push(forbiddenStorage(version))
    }
    remaining.delete(version.name)
  }
  for (const [version, i] of remaining) {
    errors.push(invalid(`status.storedVersions[${i}]`, goQuote(version), 'must appear in spec.versions'))
  }
  return errors
}

function forbiddenStorage(version: DefinitionVersion): FieldError {
  const shown = goVersions([version]).replace(/^\[\]apiextensions\.CustomResourceDefinitionVersion\{(.*)\}$/, '$1')
  return invalid('status.storedVersions', shown, `must have the storage version ${version.name}`)
}
