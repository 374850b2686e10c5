/**
 * intstr.GetScaledValueFromIntOrPercent (apimachinery, v1.32): an int as is, or a percentage of total,
 * rounded up or down.
 */
export function scaledValue(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0
  if (typeof value === 'number') return value
  const match = /^(-?\d+)%$/.exec(value)
  if (!match) return Number.parseInt(value, 10) || 0
  const scaled = (Number(match[1]) * total) / 100
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled)
}
