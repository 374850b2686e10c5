// kubectl: pkg/describe/describe.go StorageClassDescriber (v1.32)
import type {KubeObject} from '../../backend/object.js'
import {printBool} from './containers.js'
import {eventsFor, type DescribeContext} from './context.js'
import {describeEvents} from './events.js'
import {LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter} from './prefix-writer.js'
import {formatLabels} from '../../resources/label-selector.js'

interface StorageClass extends KubeObject {
  provisioner?: string
  parameters?: Record<string, string>
  allowVolumeExpansion?: boolean
  mountOptions?: string[]
  reclaimPolicy?: string
  volumeBindingMode?: string
  allowedTopologies?: {matchLabelExpressions?: {key?: string; values?: string[]}[]}[]
}

// kubectl: pkg/util/storage IsDefaultAnnotationText, GA annotation then beta
function isDefaultClassText(annotations: Record<string, string> | undefined): string {
  const isDefault =
    annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true' ||
    annotations?.['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
  return isDefault ? 'Yes' : 'No'
}

function printAllowedTopologies(w: PrefixWriter, topologies: StorageClass['allowedTopologies']): void {
  w.write(LEVEL_0, 'AllowedTopologies:\t')
  if (!topologies || topologies.length === 0) {
    w.writeLine('<none>')
    return
  }
  w.writeLine('')
  topologies.forEach((term, i) => {
    w.write(LEVEL_1, `Term ${i}:\t`)
    const requirements = term.matchLabelExpressions ?? []
    if (requirements.length === 0) {
      w.writeLine('<none>')
      return
    }
    requirements.forEach((requirement, j) => {
      if (j !== 0) w.write(LEVEL_1, '\t')
      let expression = `${requirement.key ?? ''} in`
      if ((requirement.values ?? []).length > 0) expression += ` [${(requirement.values ?? []).join(', ')}]`
      w.write(LEVEL_0, `${expression}\n`)
    })
  })
}

/** Describes a StorageClass. */
export async function describeStorageClass(object: KubeObject, context: DescribeContext): Promise<string> {
  const sc = object as StorageClass
  const events = await eventsFor(context, sc)
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sc.metadata.name ?? ''}\n`)
    w.write(LEVEL_0, `IsDefaultClass:\t${isDefaultClassText(sc.metadata.annotations)}\n`)
    w.write(LEVEL_0, `Annotations:\t${formatLabels(sc.metadata.annotations)}\n`)
    w.write(LEVEL_0, `Provisioner:\t${sc.provisioner ?? ''}\n`)
    w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`)
    const expansion = sc.allowVolumeExpansion
    w.write(
      LEVEL_0,
      `AllowVolumeExpansion:\t${expansion === undefined || expansion === null ? '<unset>' : printBool(expansion)}\n`,
    )
    const mountOptions = sc.mountOptions ?? []
    if (mountOptions.length === 0) {
      w.write(LEVEL_0, 'MountOptions:\t<none>\n')
    } else {
      w.write(LEVEL_0, 'MountOptions:\n')
      for (const option of mountOptions) w.write(LEVEL_1, `${option}\n`)
    }
    if (sc.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`)
    if (sc.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`)
    if (sc.allowedTopologies) printAllowedTopologies(w, sc.allowedTopologies)
    if (events) describeEvents(events, w, context.now)
  })
}
