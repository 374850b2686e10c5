// kubectl: pkg/describe/describe.go DeploymentDescriber (v1.32)
import type {KubeObject} from '../../backend/object.js'
import {isStatusError} from '../../backend/status.js'
import {eventsFor, type DescribeContext} from './context.js'
import {isControlledBy} from './controlled-pods.js'
import {describeEvents} from './events.js'
import {listAll} from '../list-all.js'
import {printAnnotationsMultiline, printLabelsMultiline} from './multiline.js'
import {describePodTemplate} from './pod-template.js'
import {LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter} from './prefix-writer.js'
import {labelSelectorSpecString} from '../../resources/label-selector.js'
import {equalIgnoreHash} from './template-equality.js'
import {parseTimestamp} from '../../resources/columns/age.js'
import {formatRFC1123Z} from './time.js'
import {intOrString, type Deployment, type ReplicaSet, type WorkloadCondition} from './workload-types.js'
import {compareGoStrings} from '../../resources/go-format.js'

/** The new ReplicaSet (same template) and the old ones of a deployment. */
interface DeploymentReplicaSets {
  newRS: ReplicaSet | undefined
  oldRSs: ReplicaSet[]
}

// ReplicaSetsByCreationTimestamp: oldest first, names break ties
function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const ta = parseTimestamp(a.metadata.creationTimestamp) ?? Number.NEGATIVE_INFINITY
  const tb = parseTimestamp(b.metadata.creationTimestamp) ?? Number.NEGATIVE_INFINITY
  if (ta === tb) return compareGoStrings(a.metadata.name ?? '', b.metadata.name ?? '')
  return ta < tb ? -1 : 1
}

/**
 * The ReplicaSets a deployment controls, found by its selector and controller reference
 * (kubectl: pkg/util/deployment GetAllReplicaSetsInChunks (v1.32)). The new one is the oldest
 * whose template matches the deployment's; every other is old, zero-sized ones included.
 */
async function deploymentReplicaSets(deployment: Deployment, context: DescribeContext): Promise<DeploymentReplicaSets> {
  const ref = {group: 'apps', version: 'v1', resource: 'replicasets', namespace: deployment.metadata.namespace ?? ''}
  const labelSelector = labelSelectorSpecString(deployment.spec?.selector) ?? ''
  const all = (await listAll(context.backend, ref, {labelSelector}, context.chunkSize)) as ReplicaSet[]
  const owned = all.filter((rs) => isControlledBy(rs, deployment.metadata.uid)).sort(byCreation)
  const newRS = owned.find((rs) => equalIgnoreHash(rs.spec?.template, deployment.spec?.template))
  return {newRS, oldRSs: owned.filter((rs) => rs !== newRS)}
}

function replicaSetsByLabels(replicaSets: ReplicaSet[]): string {
  const list = replicaSets
    .map((rs) => `${rs.metadata.name ?? ''} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`)
    .join(', ')
  return list === '' ? '<none>' : list
}

/** The `Conditions:` table of Deployments, ReplicaSets and ReplicationControllers. */
export function writeConditions(w: PrefixWriter, conditions: WorkloadCondition[] | undefined): void {
  if (!conditions || conditions.length === 0) return
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n')
  w.write(LEVEL_1, '----\t------\t------\n')
  for (const c of conditions) w.write(LEVEL_1, `${c.type ?? ''} \t${c.status ?? ''}\t${c.reason ?? ''}\n`)
}

/** Describes a deployment, its ReplicaSets and the events about it. */
export async function describeDeployment(object: KubeObject, context: DescribeContext): Promise<string> {
  const d = object as Deployment
  const events = await eventsFor(context, d)
  let replicaSets: DeploymentReplicaSets = {newRS: undefined, oldRSs: []}
  try {
    replicaSets = await deploymentReplicaSets(d, context)
  } catch (error) {
    // kubectl leaves the ReplicaSet lines out when they cannot be listed
    if (!isStatusError(error)) throw error
  }
  const spec = d.spec ?? {}
  const status = d.status ?? {}
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${d.metadata.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace ?? ''}\n`)
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(d.metadata.creationTimestamp)}\n`)
    printLabelsMultiline(w, 'Labels', d.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations)
    w.write(LEVEL_0, `Selector:\t${labelSelectorSpecString(spec.selector) ?? ''}\n`)
    w.write(
      LEVEL_0,
      `Replicas:\t${spec.replicas ?? 1} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ` +
        `${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
    )
    w.write(LEVEL_0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`)
    w.write(LEVEL_0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`)
    const rollingUpdate = spec.strategy?.rollingUpdate
    if (rollingUpdate) {
      const unavailable = intOrString(rollingUpdate.maxUnavailable)
      w.write(
        LEVEL_0,
        `RollingUpdateStrategy:\t${unavailable} max unavailable, ${intOrString(rollingUpdate.maxSurge)} max surge\n`,
      )
    }
    describePodTemplate(spec.template, w, context.now)
    writeConditions(w, status.conditions)
    const {newRS, oldRSs} = replicaSets
    if (newRS || oldRSs.length > 0) {
      w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsByLabels(oldRSs)}\n`)
      w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsByLabels(newRS ? [newRS] : [])}\n`)
    }
    if (events) describeEvents(events, w, context.now)
  })
}
