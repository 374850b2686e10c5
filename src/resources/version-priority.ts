/**
 * Kubernetes' order of API versions (apimachinery version.CompareKubeAwareVersionStrings, v1.32): GA before
 * beta before alpha, higher numbers first (v2 > v1, v1beta2 > v1beta1), names of no such shape last and
 * alphabetically. A group's preferred version is the first in this order.
 */
export function compareVersionPriority(a: string, b: string): number {
  const [ra, rb] = [versionRank(a), versionRank(b)]
  for (let i = 0; i < ra.length; i++) {
    const diff = (ra[i] ?? 0) - (rb[i] ?? 0)
    if (diff !== 0) return diff
  }
  return a < b ? -1 : a > b ? 1 : 0
}

function versionRank(version: string): [number, number, number] {
  const match = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(version)
  if (!match) return [3, 0, 0]
  const stability = match[2] === undefined ? 0 : match[2] === 'beta' ? 1 : 2
  return [stability, -Number(match[1]), -Number(match[3] ?? 0)]
}
