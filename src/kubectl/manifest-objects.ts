import type {KubeObject} from '../backend/object.js'
import type {ResourceInfo} from '../backend/refs.js'
import type {ManifestEntry, ManifestSource} from '../manifests/manifest.js'
import {isManifestFailure} from '../manifests/manifest.js'
import {NoKindMatchError, type ResourceRegistry} from '../resources/registry.js'

/** An object from -f, mapped to its resource, with its namespace settled. */
export interface MappedObject {
  info: ResourceInfo
  object: KubeObject
  source: ManifestSource
}

/** An object from -f that cannot be acted on, in its place. */
export interface MappingFailure {
  error: unknown
  source: ManifestSource
  /**
   * The error came from reading the source (parse, validation, decode, an unknown kind): kubectl's
   * EagerVisitorList gathers these per file and reports them after the errors of acting on objects.
   */
  duringRead: boolean
}

/** How objects from files get their namespace: -n when given explicitly, else the context's. */
export interface NamespaceOptions {
  namespace: string
  /** -n was given: an object naming another namespace is refused (kubectl's ExplicitNamespace) */
  explicit: boolean
}

/**
 * Maps manifest objects to served resources and settles their namespaces, as the resource builder's
 * mapper and namespace visitors do (cli-runtime resource/visitor.go, v1.32); failures stay in order.
 * Each object is copied as the caller reaches it, so a verb going through many holds one copy at a time.
 */
export function* mapManifestObjects(
  registry: ResourceRegistry,
  entries: readonly ManifestEntry[],
  options: NamespaceOptions,
): Generator<MappedObject | MappingFailure> {
  for (const entry of entries) yield mapEntry(registry, entry, options)
}

function mapEntry(
  registry: ResourceRegistry,
  entry: ManifestEntry,
  options: NamespaceOptions,
): MappedObject | MappingFailure {
  if (isManifestFailure(entry)) return {error: entry.error, source: entry.source, duringRead: true}
  const {object, source} = entry
  const info = registry.findKind(object.apiVersion, object.kind)
  if (!info) {
    const name = object.metadata.name ?? ''
    const namespace = object.metadata.namespace ?? ''
    const cause = new NoKindMatchError(object.kind, object.apiVersion)
    const message = `resource mapping not found for name: "${name}" namespace: "${namespace}" from "${source.file}": ${cause.message}\nensure CRDs are installed first`
    return {error: new Error(message), source, duringRead: true}
  }
  const copy = structuredClone(object)
  if (!info.namespaced) {
    delete copy.metadata.namespace
  } else if (!copy.metadata.namespace) {
    copy.metadata.namespace = options.namespace
  } else if (options.explicit && copy.metadata.namespace !== options.namespace) {
    const message = `the namespace from the provided object "${copy.metadata.namespace}" does not match the namespace "${options.namespace}". You must pass '--namespace=${copy.metadata.namespace}' to perform this operation.`
    return {error: new Error(message), source, duringRead: false}
  }
  return {info, object: copy, source}
}

/** True for entries that mapped. */
export function isMapped(entry: MappedObject | MappingFailure): entry is MappedObject {
  return 'info' in entry
}
