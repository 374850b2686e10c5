import type {NodeSelectorRequirement, NodeSelectorTerm} from './types.js'

function parseInteger(text: string | undefined): number | undefined {
  if (text === undefined || !/^-?\d+$/.test(text)) return undefined
  return Number.parseInt(text, 10)
}

function matchesRequirement(requirement: NodeSelectorRequirement, values: Record<string, string>): boolean {
  const actual = values[requirement.key]
  const wanted = requirement.values ?? []
  switch (requirement.operator) {
    case 'In':
      return actual !== undefined && wanted.includes(actual)
    case 'NotIn':
      return actual === undefined || !wanted.includes(actual)
    case 'Exists':
      return actual !== undefined
    case 'DoesNotExist':
      return actual === undefined
    case 'Gt':
    case 'Lt': {
      const left = parseInteger(actual)
      const right = parseInteger(wanted[0])
      if (left === undefined || right === undefined) return false
      return requirement.operator === 'Gt' ? left > right : left < right
    }
    default:
      return false
  }
}

/**
 * Whether a node matches one NodeSelectorTerm: all its label expressions and field expressions hold; a term
 * with neither matches nothing (component-helpers/scheduling/corev1/nodeaffinity, v1.32).
 */
export function matchesNodeSelectorTerm(
  term: NodeSelectorTerm,
  nodeName: string,
  labels: Record<string, string>,
): boolean {
  const expressions = term.matchExpressions ?? []
  const fields = term.matchFields ?? []
  if (expressions.length === 0 && fields.length === 0) return false
  return (
    expressions.every((r) => matchesRequirement(r, labels)) &&
    fields.every((r) => r.key === 'metadata.name' && matchesRequirement(r, {'metadata.name': nodeName}))
  )
}

/** Whether a node matches any of the terms (they are ORed). */
export function matchesNodeSelectorTerms(
  terms: readonly NodeSelectorTerm[],
  nodeName: string,
  labels: Record<string, string>,
): boolean {
  return terms.some((term) => matchesNodeSelectorTerm(term, nodeName, labels))
}
