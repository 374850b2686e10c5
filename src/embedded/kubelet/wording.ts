/** The small formatting helpers kubelet's messages use. */

/** Go's time.Duration String() of a whole number of milliseconds: `523ms`, `1.2s`, `1m5.25s`, `0s`. */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s'
  if (ms < 1000) return `${ms}ms`
  const hours = Math.floor(ms / 3_600_000)
  const minutes = Math.floor((ms % 3_600_000) / 60_000)
  const seconds = ((ms % 60_000) / 1000).toFixed(3).replace(/\.?0+$/, '')
  return `${hours > 0 ? `${hours}h` : ''}${hours > 0 || minutes > 0 ? `${minutes}m` : ''}${seconds}s`
}

/** kubelet's format.Pod: `name_namespace(uid)`. */
export function formatPod(pod: {metadata: {name?: string; namespace?: string; uid?: string}}): string {
  return `${pod.metadata.name ?? ''}_${pod.metadata.namespace ?? ''}(${pod.metadata.uid ?? ''})`
}

/** The fieldPath of a container's events: `spec.containers{nginx}` or `spec.initContainers{init}`. */
export function containerFieldPath(name: string, init: boolean): string {
  return `spec.${init ? 'initContainers' : 'containers'}{${name}}`
}
