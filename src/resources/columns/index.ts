import type {KubeObject} from '../../backend/object.js'
import type {Table} from '../../backend/table.js'
import type {ColumnSet} from './column-set.js'
import {certificateSigningRequestColumns} from './certificate-signing-request.js'
import {configMapColumns} from './config-map.js'
import {controllerRevisionColumns} from './controller-revision.js'
import {cronJobColumns} from './cron-job.js'
import {customResourceDefaultColumns} from './custom-resource.js'
import {daemonSetColumns} from './daemon-set.js'
import {defaultColumns} from './default.js'
import {deploymentColumns} from './deployment.js'
import {endpointSliceColumns} from './endpoint-slice.js'
import {endpointsColumns} from './endpoints.js'
import {eventColumns} from './event.js'
import {horizontalPodAutoscalerColumns} from './horizontal-pod-autoscaler.js'
import {ingressColumns} from './ingress.js'
import {jobColumns} from './job.js'
import {leaseColumns} from './lease.js'
import {namespaceColumns} from './namespace.js'
import {networkPolicyColumns} from './network-policy.js'
import {nodeColumns} from './node.js'
import {persistentVolumeClaimColumns} from './persistent-volume-claim.js'
import {persistentVolumeColumns} from './persistent-volume.js'
import {podDisruptionBudgetColumns} from './pod-disruption-budget.js'
import {podColumns} from './pod.js'
import {replicaSetColumns} from './replica-set.js'
import {replicationControllerColumns} from './replication-controller.js'
import {resourceQuotaColumns} from './resource-quota.js'
import {clusterRoleBindingColumns, roleBindingColumns} from './role-binding.js'
import {secretColumns} from './secret.js'
import {serviceAccountColumns} from './service-account.js'
import {serviceColumns} from './service.js'
import {statefulSetColumns} from './stateful-set.js'
import {storageClassColumns} from './storage-class.js'

export type {ColumnSet} from './column-set.js'
export {customResourceColumns, printerColumnSet, type PrinterColumn} from './custom-resource.js'

// The AddHandlers table of kube-apiserver (pkg/printers/internalversion/printers.go, v1.32), keyed `group/Kind`.
// Role, ClusterRole, LimitRange and CustomResourceDefinition have no printer there: they get the default table.
const BUILTIN_COLUMNS: ReadonlyMap<string, ColumnSet> = new Map([
  ['/ConfigMap', configMapColumns],
  ['/Endpoints', endpointsColumns],
  ['/Event', eventColumns],
  ['/LimitRange', defaultColumns],
  ['/Namespace', namespaceColumns],
  ['/Node', nodeColumns],
  ['/PersistentVolume', persistentVolumeColumns],
  ['/PersistentVolumeClaim', persistentVolumeClaimColumns],
  ['/Pod', podColumns],
  ['/ReplicationController', replicationControllerColumns],
  ['/ResourceQuota', resourceQuotaColumns],
  ['/Secret', secretColumns],
  ['/Service', serviceColumns],
  ['/ServiceAccount', serviceAccountColumns],
  ['apiextensions.k8s.io/CustomResourceDefinition', defaultColumns],
  ['apps/ControllerRevision', controllerRevisionColumns],
  ['apps/DaemonSet', daemonSetColumns],
  ['apps/Deployment', deploymentColumns],
  ['apps/ReplicaSet', replicaSetColumns],
  ['apps/StatefulSet', statefulSetColumns],
  ['autoscaling/HorizontalPodAutoscaler', horizontalPodAutoscalerColumns],
  ['batch/CronJob', cronJobColumns],
  ['batch/Job', jobColumns],
  ['certificates.k8s.io/CertificateSigningRequest', certificateSigningRequestColumns],
  ['coordination.k8s.io/Lease', leaseColumns],
  ['discovery.k8s.io/EndpointSlice', endpointSliceColumns],
  ['events.k8s.io/Event', eventColumns],
  ['networking.k8s.io/Ingress', ingressColumns],
  ['networking.k8s.io/NetworkPolicy', networkPolicyColumns],
  ['policy/PodDisruptionBudget', podDisruptionBudgetColumns],
  ['rbac.authorization.k8s.io/ClusterRole', defaultColumns],
  ['rbac.authorization.k8s.io/ClusterRoleBinding', clusterRoleBindingColumns],
  ['rbac.authorization.k8s.io/Role', defaultColumns],
  ['rbac.authorization.k8s.io/RoleBinding', roleBindingColumns],
  ['storage.k8s.io/StorageClass', storageClassColumns],
])

/**
 * The Table columns kube-apiserver serves for a kind. Anything it does not know is taken for a custom resource
 * without printer columns (NAME AGE); use customResourceColumns when the CRD is at hand.
 */
export function columnsFor(group: string, kind: string): ColumnSet {
  return BUILTIN_COLUMNS.get(`${group}/${kind}`) ?? customResourceDefaultColumns
}

/** A meta.k8s.io/v1 Table of objects: every column (wide ones flagged by priority), rows carrying whole objects. */
export function buildTable(objects: readonly KubeObject[], columnSet: ColumnSet, now: number): Table {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: {},
    columnDefinitions: columnSet.columns.map((column) => ({...column})),
    rows: objects.map((object) => ({cells: columnSet.cells(object, now), object})),
  }
}
