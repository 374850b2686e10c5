// What kube-apiserver adds to a CustomResourceDefinition: its defaults (SetDefaults_CustomResourceDefinitionSpec),
// storedVersions (the strategy's PrepareForCreate/Update), and the conditions that the naming and establishing
// controllers set within moments of the write (apiextensions-apiserver pkg/controller/status, establish; v1.32).
import type {CustomResourceDefinition, DefinitionCondition, DefinitionNames} from './types.js'

/** The definition with the API server's defaults filled in. */
export function defaultDefinition(crd: CustomResourceDefinition): CustomResourceDefinition {
  const next = structuredClone(crd)
  const spec = next.spec
  if (spec === undefined || spec === null) return next
  const names = spec.names
  if (names) {
    if (!names.singular && names.kind) names.singular = names.kind.toLowerCase()
    if (!names.listKind && names.kind) names.listKind = `${names.kind}List`
  }
  spec.conversion ??= {strategy: 'None'}
  return next
}

/** Options for definitionStatus. */
interface DefinitionStatusOptions {
  /** the other definitions of the same group, whose accepted names are taken */
  others: readonly CustomResourceDefinition[]
  /** the status before this write (undefined on create) */
  previous: CustomResourceDefinition['status']
  timestamp: string
}

/** status after a write of the definition's spec: acceptedNames, NamesAccepted, Established, storedVersions. */
export function definitionStatus(
  crd: CustomResourceDefinition,
  options: DefinitionStatusOptions,
): NonNullable<CustomResourceDefinition['status']> {
  const previous = options.previous ?? {}
  const conflict = nameConflict(crd.spec.names, options.others)
  const wasEstablished = (previous.conditions ?? []).some((c) => c.type === 'Established' && c.status === 'True')
  const namesAccepted: DefinitionCondition = conflict
    ? {type: 'NamesAccepted', status: 'False', ...conflict}
    : {type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found'}
  const established: DefinitionCondition =
    conflict && !wasEstablished
      ? {type: 'Established', status: 'False', reason: 'NotAccepted', message: 'not all names are accepted'}
      : {
          type: 'Established',
          status: 'True',
          reason: 'InitialNamesAccepted',
          message: 'the initial names have been accepted',
        }
  const kept = (previous.conditions ?? []).filter((c) => c.type !== 'NamesAccepted' && c.type !== 'Established')
  const conditions = [namesAccepted, established, ...kept].map((c) =>
    withTransitionTime(c, previous.conditions, options.timestamp),
  )
  const storage = (crd.spec.versions ?? []).find((v) => v.storage)?.name
  const storedVersions = [...(previous.storedVersions ?? [])]
  if (storage !== undefined && !storedVersions.includes(storage)) storedVersions.push(storage)
  const emptyNames: DefinitionNames = {plural: '', kind: ''}
  const acceptedNames = conflict ? (previous.acceptedNames ?? emptyNames) : acceptedFrom(crd.spec.names)
  return {acceptedNames, conditions, storedVersions}
}

function acceptedFrom(names: DefinitionNames): DefinitionNames {
  const {plural, singular, shortNames, kind, listKind, categories} = names
  return {
    ...(categories?.length ? {categories} : {}),
    kind,
    ...(listKind ? {listKind} : {}),
    plural,
    ...(shortNames?.length ? {shortNames} : {}),
    ...(singular ? {singular} : {}),
  }
}

// NamingConditionController.calculateNamesAndConditions: names already accepted by another definition in the group
function nameConflict(
  names: DefinitionNames,
  others: readonly CustomResourceDefinition[],
): {reason: string; message: string} | undefined {
  const taken = {resources: new Set<string>(), kinds: new Set<string>()}
  for (const other of others) {
    const accepted = other.status?.acceptedNames
    if (!accepted) continue
    for (const name of [accepted.plural, accepted.singular, ...(accepted.shortNames ?? [])]) {
      if (name) taken.resources.add(name)
    }
    for (const kind of [accepted.kind, accepted.listKind]) if (kind) taken.kinds.add(kind)
  }
  const used = (value: string): {message: string} => ({message: `"${value}" is already in use`})
  if (taken.resources.has(names.plural)) return {reason: 'PluralConflict', ...used(names.plural)}
  if (names.singular && taken.resources.has(names.singular))
    return {reason: 'SingularConflict', ...used(names.singular)}
  for (const shortName of names.shortNames ?? []) {
    if (taken.resources.has(shortName)) return {reason: 'ShortNamesConflict', ...used(shortName)}
  }
  if (taken.kinds.has(names.kind)) return {reason: 'KindConflict', ...used(names.kind)}
  if (names.listKind && taken.kinds.has(names.listKind)) return {reason: 'ListKindConflict', ...used(names.listKind)}
  return undefined
}

function withTransitionTime(
  condition: DefinitionCondition,
  before: readonly DefinitionCondition[] | undefined,
  timestamp: string,
): DefinitionCondition {
  const old = (before ?? []).find((c) => c.type === condition.type)
  const lastTransitionTime =
    old && old.status === condition.status && old.lastTransitionTime ? old.lastTransitionTime : timestamp
  const {type, status, reason, message} = condition
  return {lastTransitionTime, message, reason, status, type}
}
