// The Volumes section of pods and pod templates (kubectl: describe.go describeVolumes (v1.32)).
import {fieldsOf} from './go-values.js'
import type {Volume} from './pod-types.js'
import {LEVEL_0, LEVEL_1, LEVEL_2, nestedPrefixWriter, type PrefixWriter} from './prefix-writer.js'
import {printPersistentVolumeClaim, type PersistentVolumeClaim} from './storage.js'
import {POD_VOLUME_SOURCES} from './pod-volume-sources.js'
import type {SourcePrinter} from './volume-sources.js'

function ephemeral(now: number): SourcePrinter {
  return (source, w) => {
    w.write(
      LEVEL_2,
      'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n',
    )
    const template = source['volumeClaimTemplate']
    if (!template) return
    const claim = fieldsOf(template)
    const pvc: PersistentVolumeClaim = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: fieldsOf(claim['metadata']),
      spec: fieldsOf(claim['spec']),
    }
    printPersistentVolumeClaim(nestedPrefixWriter(w, LEVEL_2), pvc, {isFullPVC: false, now})
  }
}

function sourcePrinters(now: number): (readonly [string, SourcePrinter])[] {
  // kubectl checks ephemeral right after persistentVolumeClaim
  const at = POD_VOLUME_SOURCES.findIndex(([field]) => field === 'persistentVolumeClaim') + 1
  return [...POD_VOLUME_SOURCES.slice(0, at), ['ephemeral', ephemeral(now)], ...POD_VOLUME_SOURCES.slice(at)]
}

/** `Volumes:` with each volume's source; `space` is the indent of pod templates. */
export function describeVolumes(volumes: Volume[] | undefined, w: PrefixWriter, space: string, now: number): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`)
    return
  }
  w.write(LEVEL_0, `${space}Volumes:\n`)
  const printers = sourcePrinters(now)
  for (const volume of volumes) {
    w.write(LEVEL_1, `${space.length > 0 ? ' ' : ''}${volume.name ?? ''}:\n`)
    const found = printers.find(([field]) => volume[field] !== undefined && volume[field] !== null)
    if (found) found[1](fieldsOf(volume[found[0]]), w)
    else w.write(LEVEL_1, '<unknown>\n')
  }
}
