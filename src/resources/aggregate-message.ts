/** utilerrors.NewAggregate(...).Error() (apimachinery, v1.32): one message as is, several deduplicated in brackets. */
export function aggregateMessage(messages: readonly string[]): string {
  const unique = [...new Set(messages)]
  return unique.length === 1 ? (unique[0] ?? '') : `[${unique.join(', ')}]`
}
