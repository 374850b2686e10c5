/** The container fields the workload tables read. */
interface ContainerFields {
  name?: string
  image?: string
}

/** A pod template as workload specs hold it (only the parts tables read). */
export interface PodTemplateFields {
  metadata?: {labels?: Record<string, string>}
  spec?: {containers?: ContainerFields[]; nodeSelector?: Record<string, string>}
}

/**
 * The CONTAINERS and IMAGES cells: names and images joined with commas.
 * kubectl: pkg/printers/internalversion/printers.go layoutContainerCells (v1.32)
 */
export function layoutContainerCells(containers: ContainerFields[] | undefined): [string, string] {
  const list = containers ?? []
  return [list.map((c) => c.name ?? '').join(','), list.map((c) => c.image ?? '').join(',')]
}
