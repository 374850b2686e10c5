/** Tables shaped like an API server's `as=Table` answers, served to real kubectl to record its output. */
import type {Table} from '../../../src/backend/table.js'

/** Pods in default and kube-system: a null IP and node, labels on two of them. */
export const podTable: Table = {
  kind: 'Table',
  apiVersion: 'meta.k8s.io/v1',
  metadata: {},
  columnDefinitions: [
    {name: 'Name', type: 'string', format: 'name', description: '', priority: 0},
    {name: 'Ready', type: 'string', format: '', description: '', priority: 0},
    {name: 'Status', type: 'string', format: '', description: '', priority: 0},
    {name: 'Restarts', type: 'string', format: '', description: '', priority: 0},
    {name: 'Age', type: 'string', format: '', description: '', priority: 0},
    {name: 'IP', type: 'string', format: '', description: '', priority: 1},
    {name: 'Node', type: 'string', format: '', description: '', priority: 1},
    {name: 'Nominated Node', type: 'string', format: '', description: '', priority: 1},
    {name: 'Readiness Gates', type: 'string', format: '', description: '', priority: 1},
  ],
  rows: [
    {
      cells: ['web-7d4b9c8f5-abcde', '1/1', 'Running', 0, '5m', '10.244.0.5', 'node-1', '<none>', '<none>'],
      object: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: 'web-7d4b9c8f5-abcde',
          namespace: 'default',
          labels: {app: 'web', 'pod-template-hash': '7d4b9c8f5'},
          creationTimestamp: '2024-01-01T00:00:03Z',
        },
        spec: {nodeName: 'node-1', containers: [{name: 'c', image: 'nginx'}]},
        status: {phase: 'Running', podIP: '10.244.0.5'},
      },
    },
    {
      cells: ['db-0', '1/1', 'Pending', 12, '3h4m', null, null, '<none>', '<none>'],
      object: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {name: 'db-0', namespace: 'default', labels: {}, creationTimestamp: '2024-01-01T00:00:01Z'},
        spec: {nodeName: null, containers: [{name: 'c', image: 'nginx'}]},
        status: {phase: 'Pending', podIP: null},
      },
    },
    {
      cells: ['a', '1/1', 'Running', 1, '2d', '10.0.0.1', 'node-2', '<none>', '<none>'],
      object: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: 'a',
          namespace: 'kube-system',
          labels: {tier: 'control-plane', component: 'etcd'},
          creationTimestamp: '2024-01-01T00:00:02Z',
        },
        spec: {nodeName: 'node-2', containers: [{name: 'c', image: 'nginx'}]},
        status: {phase: 'Running', podIP: '10.0.0.1'},
      },
    },
  ],
}

/** One deployment. */
export const deploymentTable: Table = {
  kind: 'Table',
  apiVersion: 'meta.k8s.io/v1',
  metadata: {},
  columnDefinitions: [
    {name: 'Name', type: 'string', format: 'name', description: '', priority: 0},
    {name: 'Ready', type: 'string', format: '', description: '', priority: 0},
    {name: 'Up-to-date', type: 'integer', format: '', description: '', priority: 0},
    {name: 'Available', type: 'integer', format: '', description: '', priority: 0},
    {name: 'Age', type: 'string', format: '', description: '', priority: 0},
    {name: 'Containers', type: 'string', format: '', description: '', priority: 1},
  ],
  rows: [
    {
      cells: ['web', '1/1', 1, 1, '5m', 'nginx'],
      object: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: {name: 'web', namespace: 'default', labels: {app: 'web'}, creationTimestamp: '2024-01-01T00:00:00Z'},
        spec: {replicas: 1},
      },
    },
  ],
}

/** Config maps whose cells hold line breaks, an escape sequence, a tab, non-string values and nulls. */
export const configMapTable: Table = {
  kind: 'Table',
  apiVersion: 'meta.k8s.io/v1',
  metadata: {},
  columnDefinitions: [
    {name: 'Name', type: 'string', format: 'name', description: '', priority: 0},
    {name: 'Data', type: 'string', format: '', description: '', priority: 0},
    {name: 'Num', type: 'number', format: '', description: '', priority: 0},
    {name: 'Last', type: 'string', format: '', description: '', priority: 0},
  ],
  rows: [
    {
      cells: ['a', 'line1\nline2', 1.5, 'x'],
      object: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {name: 'a', namespace: 'default', labels: {b: '2', 'a-b': '1', a: '3'}},
      },
    },
    {
      cells: ['bb', 'cr\rhere', null, null],
      object: {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'bb', namespace: 'default'}},
    },
    {
      cells: ['ccc', 'esc\u001b[31mred', true, {k: 'v'}],
      object: {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'ccc', namespace: 'default'}},
    },
    {
      cells: ['dddd', 'ff\fhere', [1, 'a'], ''],
      object: {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'dddd', namespace: 'default'}},
    },
    {
      cells: ['e', 'tab\there', 12345678, '日本語'],
      object: {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'e', namespace: 'default'}},
    },
  ],
}

/** A cluster-scoped resource. */
export const nodeTable: Table = {
  kind: 'Table',
  apiVersion: 'meta.k8s.io/v1',
  metadata: {},
  columnDefinitions: [
    {name: 'Name', type: 'string', format: 'name', description: '', priority: 0},
    {name: 'Status', type: 'string', format: '', description: '', priority: 0},
  ],
  rows: [
    {
      cells: ['node-1', 'Ready'],
      object: {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: {name: 'node-1', labels: {'kubernetes.io/hostname': 'node-1'}},
      },
    },
  ],
}

/** What `kubectl get ...` v1.32 printed for these tables. */
export const kubectlOutput = {
  /** kubectl get pods */
  podsDefault:
    'NAME                  READY   STATUS    RESTARTS   AGE\nweb-7d4b9c8f5-abcde   1/1     Running   0          5m\ndb-0                  1/1     Pending   12         3h4m\n',
  /** kubectl get pods -o wide */
  podsWide:
    'NAME                  READY   STATUS    RESTARTS   AGE    IP           NODE     NOMINATED NODE   READINESS GATES\nweb-7d4b9c8f5-abcde   1/1     Running   0          5m     10.244.0.5   node-1   <none>           <none>\ndb-0                  1/1     Pending   12         3h4m                         <none>           <none>\n',
  /** kubectl get pods -A -L app -L x/tier --show-labels */
  podsAllLabels:
    'NAMESPACE     NAME                  READY   STATUS    RESTARTS   AGE    APP   TIER   LABELS\ndefault       web-7d4b9c8f5-abcde   1/1     Running   0          5m     web          app=web,pod-template-hash=7d4b9c8f5\ndefault       db-0                  1/1     Pending   12         3h4m                <none>\nkube-system   a                     1/1     Running   1          2d                  component=etcd,tier=control-plane\n',
  /** kubectl get pods --no-headers -L app */
  podsNoHeadersLabel:
    'web-7d4b9c8f5-abcde   1/1   Running   0     5m     web\ndb-0                  1/1   Pending   12    3h4m   \n',
  /** kubectl get pods,deploy */
  podsAndDeployments:
    'NAME                      READY   STATUS    RESTARTS   AGE\npod/web-7d4b9c8f5-abcde   1/1     Running   0          5m\npod/db-0                  1/1     Pending   12         3h4m\n\nNAME                  READY   UP-TO-DATE   AVAILABLE   AGE\ndeployment.apps/web   1/1     1            1           5m\n',
  /** kubectl get pods,deploy --no-headers */
  podsAndDeploymentsNoHeaders:
    'pod/web-7d4b9c8f5-abcde   1/1   Running   0     5m\npod/db-0                  1/1   Pending   12    3h4m\ndeployment.apps/web   1/1   1     1     5m\n',
  /** kubectl get cm --show-labels -L a-b */
  configMapsLabels:
    'NAME   DATA           NUM     LAST       A-B   LABELS\na      line1...       1.5     x          1     a-b=1,a=3,b=2\nbb     cr...                                   <none>\nccc    esc^[[31mred   true    map[k:v]         <none>\ndddd   ff...          [1 a]                    <none>\ne      tab            here    12345678   日本語         <none>\n',
  /** kubectl get no,pods -A */
  nodesAndPodsAll:
    'NAME          STATUS\nnode/node-1   Ready\n\nNAMESPACE     NAME                      READY   STATUS    RESTARTS   AGE\ndefault       pod/web-7d4b9c8f5-abcde   1/1     Running   0          5m\ndefault       pod/db-0                  1/1     Pending   12         3h4m\nkube-system   pod/a                     1/1     Running   1          2d\n',
  /** kubectl get pods --show-kind */
  podsShowKind:
    'NAME                      READY   STATUS    RESTARTS   AGE\npod/web-7d4b9c8f5-abcde   1/1     Running   0          5m\npod/db-0                  1/1     Pending   12         3h4m\n',
}
