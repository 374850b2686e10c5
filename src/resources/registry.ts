import type {ResourceInfo, ResourceRef} from '../backend/refs.js'
import {parseApiVersion} from '../backend/refs.js'

/** Thrown when a resource type names nothing the server serves (kubectl's wording). */
export class ResourceTypeError extends Error {
  constructor(readonly type: string) {
    super(`the server doesn't have a resource type "${type}"`)
    this.name = 'ResourceTypeError'
  }
}

/** Thrown when an object's apiVersion/kind is not served (meta.NoKindMatchError as kubectl words it). */
export class NoKindMatchError extends Error {
  constructor(
    readonly kind: string,
    readonly apiVersion: string,
  ) {
    super(`no matches for kind "${kind}" in version "${apiVersion}"`)
    this.name = 'NoKindMatchError'
  }
}

/**
 * The RESTMapper: finds resources by the names kubectl accepts (plural, singular, short name, kind,
 * optionally qualified by group or version.group) and by apiVersion/kind.
 */
export class ResourceRegistry {
  constructor(readonly resources: readonly ResourceInfo[]) {}

  /** Resolves 'po', 'pods', 'Pod', 'deployments.apps', 'deploy.v1.apps' to one resource. */
  resolve(type: string): ResourceInfo {
    const found = this.find(type)
    if (!found) throw new ResourceTypeError(type)
    return found
  }

  /** Like resolve, but undefined when nothing matches. */
  find(type: string): ResourceInfo | undefined {
    const lower = type.toLowerCase()
    const dot = lower.indexOf('.')
    const name = dot < 0 ? lower : lower.slice(0, dot)
    const qualifier = dot < 0 ? undefined : lower.slice(dot + 1)
    const matchesQualifier = (r: ResourceInfo): boolean =>
      qualifier === undefined || r.group === qualifier || `${r.version}.${r.group}` === qualifier
    const byName = (pick: (r: ResourceInfo) => boolean): ResourceInfo | undefined =>
      this.resources.find((r) => matchesQualifier(r) && pick(r))
    // kubectl tries the plural and singular resource names first, then short names, then kinds.
    return (
      byName((r) => r.resource === name || r.singular === name) ??
      byName((r) => r.shortNames.includes(name)) ??
      byName((r) => r.kind.toLowerCase() === name)
    )
  }

  /** The resource serving an object's apiVersion and kind. */
  forKind(apiVersion: string, kind: string): ResourceInfo {
    const found = this.findKind(apiVersion, kind)
    if (!found) throw new NoKindMatchError(kind, apiVersion)
    return found
  }

  /** Like forKind, but undefined when nothing serves the kind. */
  findKind(apiVersion: string, kind: string): ResourceInfo | undefined {
    const {group, version} = parseApiVersion(apiVersion)
    return this.resources.find((r) => r.group === group && r.version === version && r.kind === kind)
  }

  /** Every resource in a category ('all'), in discovery order. */
  category(name: string): ResourceInfo[] {
    return this.resources.filter((r) => r.categories.includes(name))
  }
}

/** The ResourceRef for a resource in a namespace (dropped for cluster-scoped resources). */
export function refFor(info: ResourceInfo, namespace?: string): ResourceRef {
  const ref: ResourceRef = {group: info.group, version: info.version, resource: info.resource}
  if (info.namespaced && namespace !== undefined) ref.namespace = namespace
  return ref
}

/** 'deployment.apps' or 'pod': the type prefix of kubectl's `-o name` and of its messages. */
export function kindPrefix(info: {group: string; kind: string}): string {
  const kind = info.kind.toLowerCase()
  return info.group === '' ? kind : `${kind}.${info.group}`
}
