import type {Backend} from '../../backend/backend.js'
import type {KubeObject} from '../../backend/object.js'
import {describePodTemplate} from '../describe/pod-template.js'
import type {PodTemplateSpec} from '../describe/pod-types.js'
import {tabbedString} from '../describe/prefix-writer.js'
import {ownedReplicaSets, revisionOf} from './owned-replica-sets.js'

// the annotation `--record` and users set to say why a revision exists
const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause'

/**
 * kubectl rollout history for a Deployment: the REVISION / CHANGE-CAUSE table of its ReplicaSets, or one
 * revision's pod template (kubectl/pkg/polymorphichelpers/history.go DeploymentHistoryViewer, v1.32).
 */
export async function deploymentHistory(
  backend: Backend,
  deployment: KubeObject,
  options: {revision: number; now: number},
): Promise<string> {
  const templates = new Map<number, PodTemplateSpec>()
  for (const rs of await ownedReplicaSets(backend, deployment)) {
    const revision = revisionOf(rs)
    if (revision === undefined) continue
    const template = structuredClone((rs['spec'] as {template?: PodTemplateSpec} | undefined)?.template ?? {})
    const cause = rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION]
    if (cause !== undefined) {
      template.metadata = {
        ...template.metadata,
        annotations: {...template.metadata?.annotations, [CHANGE_CAUSE_ANNOTATION]: cause},
      }
    }
    templates.set(revision, template)
  }
  if (options.revision > 0) {
    const template = templates.get(options.revision)
    if (!template) throw new Error('unable to find the specified revision')
    return tabbedString((w) => describePodTemplate(template, w, options.now))
  }
  if (templates.size === 0) return 'No rollout history found.'
  const revisions = [...templates.keys()].sort((a, b) => a - b)
  return tabbedString((w) => {
    w.write(0, 'REVISION\tCHANGE-CAUSE\n')
    for (const revision of revisions) {
      const cause = templates.get(revision)?.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION] ?? ''
      w.write(0, `${revision}\t${cause === '' ? '<none>' : cause}\n`)
    }
  })
}
