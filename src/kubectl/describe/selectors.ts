/** A metav1.LabelSelector as objects carry it. */
export interface LabelSelector {
  matchLabels?: Record<string, string>
  matchExpressions?: {key?: string; operator?: string; values?: string[]}[]
}

function requirementString(key: string, operator: string | undefined, values: readonly string[]): string {
  const sorted = [...values].sort().join(',')
  switch (operator) {
    case 'In':
      return `${key} in (${sorted})`
    case 'NotIn':
      return `${key} notin (${sorted})`
    case 'Exists':
      return key
    case 'DoesNotExist':
      return `!${key}`
    default:
      return `${key} ${operator ?? ''} (${sorted})`
  }
}

/**
 * A label selector as labels.Selector.String() writes it after metav1.LabelSelectorAsSelector:
 * requirements sorted by key, `k=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`; empty for none.
 */
export function labelSelectorString(selector: LabelSelector | undefined | null): string {
  if (!selector) return ''
  const requirements: {key: string; text: string}[] = []
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    requirements.push({key, text: `${key}=${value}`})
  }
  for (const expression of selector.matchExpressions ?? []) {
    const key = expression.key ?? ''
    requirements.push({key, text: requirementString(key, expression.operator, expression.values ?? [])})
  }
  // labels.internalSelector keeps requirements sorted by key
  requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return requirements.map((r) => r.text).join(',')
}

/** metav1.FormatLabelSelector: the selector string, `<none>` when it selects everything or nothing. */
export function formatLabelSelector(selector: LabelSelector | undefined | null): string {
  return labelSelectorString(selector) || '<none>'
}

/** labels.FormatLabels: `k=v` pairs sorted by key and joined by commas, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort()
  if (keys.length === 0) return '<none>'
  return keys.map((key) => `${key}=${labels?.[key] ?? ''}`).join(',')
}
