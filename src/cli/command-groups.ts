// kubectl's root help groups (kubectl/pkg/cmd/cmd.go, v1.32), with the commands skiff has in each. Their
// order is also the order in which cobra offers "Did you mean this?" suggestions (command sorting is off).
export const COMMAND_GROUPS: ReadonlyArray<{title: string; ids: readonly string[]}> = [
  {title: 'Basic Commands (Beginner)', ids: ['create', 'expose', 'run', 'set']},
  {title: 'Basic Commands (Intermediate)', ids: ['explain', 'get', 'edit', 'delete']},
  {title: 'Deploy Commands', ids: ['rollout', 'scale', 'autoscale']},
  {
    title: 'Cluster Management Commands',
    ids: ['certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint'],
  },
  {
    title: 'Troubleshooting and Debugging Commands',
    ids: ['describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events'],
  },
  {title: 'Advanced Commands', ids: ['diff', 'apply', 'patch', 'replace', 'wait', 'kustomize']},
  {title: 'Settings Commands', ids: ['label', 'annotate', 'completion']},
  {title: 'Embedded Cluster Commands', ids: ['cluster', 'serve']},
  {title: 'Other Commands', ids: ['api-resources', 'api-versions', 'config', 'plugin', 'version']},
]

/** Command names in kubectl's order: grouped ones first, the rest after them alphabetically. */
export function commandsInKubectlOrder(names: Iterable<string>): string[] {
  const present = new Set(names)
  const grouped = COMMAND_GROUPS.flatMap((group) => group.ids).filter((id) => present.has(id))
  const placed = new Set(grouped)
  return [...grouped, ...[...present].filter((id) => !placed.has(id)).sort()]
}
