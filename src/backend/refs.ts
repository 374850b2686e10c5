/** Which resource a request is about: group/version/resource, as the REST path names it. */
export interface ResourceRef {
  /** '' for the core group */
  group: string
  version: string
  /** plural, lower case: 'deployments' */
  resource: string
  /** undefined for cluster-scoped resources or for all namespaces in list/watch */
  namespace?: string
  /** 'status' or 'scale' */
  subresource?: string
}

/** A namespaced name. */
export interface ObjectKey {
  namespace?: string
  name: string
}

/** What discovery says about a resource (one entry of APIResourceList, with its group/version). */
export interface ResourceInfo {
  group: string
  version: string
  kind: string
  /** plural name: 'deployments' */
  resource: string
  singular: string
  shortNames: readonly string[]
  namespaced: boolean
  verbs: readonly string[]
  categories: readonly string[]
}

/** group/version as apiVersion spells it: 'v1' for core, 'apps/v1' otherwise. */
export function apiVersionOf(ref: {group: string; version: string}): string {
  return ref.group === '' ? ref.version : `${ref.group}/${ref.version}`
}

/** Splits an apiVersion into group and version. */
export function parseApiVersion(apiVersion: string): {group: string; version: string} {
  const slash = apiVersion.indexOf('/')
  return slash < 0
    ? {group: '', version: apiVersion}
    : {group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1)}
}

/** 'deployments.apps' or 'pods': the name kubectl uses in messages. */
export function qualifiedResource(ref: {group: string; resource: string}): string {
  return ref.group === '' ? ref.resource : `${ref.resource}.${ref.group}`
}
