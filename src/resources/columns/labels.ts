/** A label selector as metav1.LabelSelector spells it in JSON. */
export interface LabelSelector {
  matchLabels?: Record<string, string>
  matchExpressions?: {key?: string; operator?: string; values?: string[]}[]
}

interface Requirement {
  key: string
  text: string
}

/**
 * A label map as `a=b,c=d` with sorted keys, or `<none>` when empty.
 * kubectl: k8s.io/apimachinery/pkg/labels FormatLabels (v1.32)
 */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const text = Object.keys(labels ?? {})
    .sort()
    .map((key) => `${key}=${labels?.[key] ?? ''}`)
    .join(',')
  return text === '' ? '<none>' : text
}

/**
 * A label selector as a selector string (`app=web,tier in (a,b),!canary`); '' for a missing or empty selector,
 * undefined when the selector is invalid.
 * kubectl: k8s.io/apimachinery/pkg/apis/meta/v1 LabelSelectorAsSelector + labels.Selector String (v1.32)
 */
export function labelSelectorString(selector: LabelSelector | undefined | null): string | undefined {
  if (!selector) return ''
  const requirements: Requirement[] = []
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    requirements.push({key, text: `${key}=${value}`})
  }
  for (const expression of selector.matchExpressions ?? []) {
    const requirement = expressionRequirement(expression)
    if (!requirement) return undefined
    requirements.push(requirement)
  }
  // labels.NewSelector().Add keeps requirements sorted by key
  return requirements
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => r.text)
    .join(',')
}

/**
 * A label selector for a table cell: `<none>` when it selects everything, `<error>` when it is invalid.
 * kubectl: k8s.io/apimachinery/pkg/apis/meta/v1 FormatLabelSelector (v1.32)
 */
export function formatLabelSelector(selector: LabelSelector | undefined | null): string {
  const text = labelSelectorString(selector)
  if (text === undefined) return '<error>'
  return text === '' ? '<none>' : text
}

function expressionRequirement(expression: {
  key?: string
  operator?: string
  values?: string[]
}): Requirement | undefined {
  const key = expression.key ?? ''
  const values = [...(expression.values ?? [])].sort()
  if (key === '') return undefined
  switch (expression.operator) {
    case 'In':
      return values.length === 0 ? undefined : {key, text: `${key} in (${values.join(',')})`}
    case 'NotIn':
      return values.length === 0 ? undefined : {key, text: `${key} notin (${values.join(',')})`}
    case 'Exists':
      return values.length > 0 ? undefined : {key, text: key}
    case 'DoesNotExist':
      return values.length > 0 ? undefined : {key, text: `!${key}`}
    default:
      return undefined
  }
}
