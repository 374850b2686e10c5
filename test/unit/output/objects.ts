/** Objects the printer tests share, shaped like what an API server returns. */
import type {KubeObject} from '../../../src/backend/object.js'

/** A pod with two containers, annotations with a dotted key and HTML characters, and numeric lists. */
export const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'web-1',
    namespace: 'default',
    labels: {app: 'web', tier: 'fe'},
    annotations: {'a.b/c': 'x<y>&z'},
  },
  spec: {
    containers: [
      {name: 'nginx', image: 'nginx:1.25', ports: [{containerPort: 80}, {containerPort: 443}]},
      {name: 'side', image: 'busybox', resources: {limits: {cpu: '1'}}},
    ],
    nodeName: 'n1',
  },
  status: {
    phase: 'Running',
    conditions: [
      {type: 'Ready', status: 'True'},
      {type: 'PodScheduled', status: 'True'},
      {type: 'Initialized', status: 'False'},
    ],
    podIP: '10.0.0.1',
    nums: [3, 1, 2],
    f: [1.5, 2.5],
  },
}

/** A config map whose fields hold every JSON type, nulls and nested lists. */
export const configMap: KubeObject = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: {name: 'x', namespace: 'ns1', labels: {b: '2', a: '1'}},
  data: {k: 'v'},
  extra: {list: [1, 2.5, 's', true, null, {z: 1, a: 2}], num: 10000000, f: 1.5e20, small: 0.000001},
}
