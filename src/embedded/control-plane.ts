import type {Controller} from './controllers/controller.js'
import {cronJobController} from './controllers/cronjob-controller.js'
import {definitionCleanupController} from './crd/cleanup-controller.js'
import {deploymentController} from './controllers/deployment-controller.js'
import {endpointsController} from './controllers/endpoints-controller.js'
import {endpointSliceController} from './controllers/endpointslice-controller.js'
import {garbageCollector} from './controllers/garbage-collector.js'
import {jobController} from './controllers/job-controller.js'
import {kubelet} from './kubelet/kubelet-controller.js'
import {namespaceController} from './controllers/namespace-controller.js'
import {nodeLifecycleController} from './controllers/node-lifecycle-controller.js'
import {replicaSetController} from './controllers/replicaset-controller.js'
import {taintEvictionController} from './controllers/taint-eviction-controller.js'
import {scheduler} from './scheduler/scheduler.js'

/** Every controller of the embedded control plane, in the order each wave runs them. */
export const CONTROLLERS: readonly Controller[] = [
  garbageCollector,
  namespaceController,
  definitionCleanupController,
  deploymentController,
  replicaSetController,
  cronJobController,
  jobController,
  nodeLifecycleController,
  taintEvictionController,
  endpointsController,
  endpointSliceController,
  scheduler,
  kubelet,
]
