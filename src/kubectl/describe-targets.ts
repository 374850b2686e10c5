import type {Backend} from '../backend/backend.js'
import type {KubeObject} from '../backend/object.js'
import type {ResourceInfo} from '../backend/refs.js'
import {hasReason} from '../backend/status.js'
import {refFor} from '../resources/registry.js'
import {explainListError} from './list-error.js'
import type {Visit} from './targets.js'

/** An object to describe, with its resource. */
export interface DescribeTarget {
  info: ResourceInfo
  object: KubeObject
}

/**
 * The objects `describe` shows: a name that matches nothing exactly describes every object whose name
 * starts with it (kubectl describe.go, v1.32); lists honour the selectors. Errors are kept in order.
 */
export async function findDescribeTargets(
  backend: Backend,
  visits: readonly Visit[],
  selectors: {labelSelector?: string | undefined; fieldSelector?: string | undefined},
): Promise<{targets: DescribeTarget[]; errors: unknown[]}> {
  const targets: DescribeTarget[] = []
  const errors: unknown[] = []
  for (const visit of visits) {
    const ref = refFor(visit.info, visit.namespace)
    try {
      if (visit.kind === 'list') {
        const list = await backend.list(ref, selectors).catch((error: unknown) => {
          throw explainListError(error, visit.info, selectors)
        })
        for (const object of list.items) targets.push({info: visit.info, object})
        continue
      }
      try {
        targets.push({info: visit.info, object: await backend.get(ref, visit.name)})
      } catch (error) {
        if (!hasReason(error, 'NotFound')) throw error
        const prefixed = (await backend.list(ref)).items.filter((o) => (o.metadata.name ?? '').startsWith(visit.name))
        if (prefixed.length === 0) throw error
        for (const object of prefixed) targets.push({info: visit.info, object})
      }
    } catch (error) {
      errors.push(error)
    }
  }
  return {targets, errors}
}
