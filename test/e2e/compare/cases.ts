/**
 * The scripted sequence the comparison runs through real kubectl and through skiff's cluster backend,
 * against the same `skiff serve`. Each command runs with both, one right after the other, and their
 * stdout, stderr and exit code must match (ages aside, see normalize.ts). Add a case by adding a line.
 */

/** Objects the sequence works on, applied (with kubectl) before any comparison. */
export const SETUP_MANIFEST = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels: {team: shop}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: {app: web}
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web, tier: front}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports: [{containerPort: 80}]
        resources: {requests: {cpu: 50m, memory: 64Mi}}
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 80}]
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: shop
  annotations: {owner: shop-team}
# one key only: kubectl's describe ranges over a Go map, so several keys come out in a random order
data:
  mode: fast
---
apiVersion: v1
kind: Secret
metadata:
  name: creds
  namespace: shop
stringData:
  password: hunter2
`

/** Commands compared as they are; `-n shop` is added to every one that names no namespace flag. */
export const COMPARED_COMMANDS: readonly (readonly string[])[] = [
  // get, every output format
  ['get', 'pods'],
  ['get', 'pods', '-o', 'wide'],
  ['get', 'pods', '-o', 'name'],
  ['get', 'pods', '--show-labels'],
  ['get', 'pods', '-l', 'app=web', '-o', 'name'],
  ['get', 'pods', '-l', 'tier in (front,back)', '--no-headers'],
  ['get', 'deploy', 'web'],
  ['get', 'deploy', 'web', '-o', 'wide'],
  ['get', 'deploy', 'web', '-o', 'json'],
  ['get', 'deploy', 'web', '-o', 'yaml'],
  ['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas} {.metadata.labels.app}'],
  ['get', 'deploy', '-o', 'custom-columns=NAME:.metadata.name,IMAGE:.spec.template.spec.containers[0].image'],
  ['get', 'deployments.apps,svc'],
  ['get', 'svc', 'web', '-o', 'yaml'],
  ['get', 'cm', 'settings', '-o', 'json'],
  ['get', 'secret', 'creds', '-o', 'jsonpath={.data.password}'],
  ['get', 'configmaps', '--sort-by', '.metadata.name'],
  ['get', 'all'],
  ['get', 'rs', '-o', 'name'],
  ['get', 'ns', 'shop', '--show-labels'],
  ['get', 'nodes'],
  ['get', 'nodes', '-o', 'wide'],
  ['get', 'ns', 'default', 'kube-system'],
  ['get', 'pods', '-A', '-l', 'app=web'],
  // describe
  ['describe', 'deploy', 'web'],
  ['describe', 'svc', 'web'],
  ['describe', 'cm', 'settings'],
  ['describe', 'secret', 'creds'],
  ['describe', 'ns', 'shop'],
  ['describe', 'node', 'skiff-worker'],
  // errors: wording and exit code
  ['get', 'pods', 'nosuch'],
  ['get', 'nosuchkind'],
  ['get', 'deploy', 'web', 'nosuch'],
  ['describe', 'deploy', 'nosuch'],
  ['delete', 'pod', 'nosuch'],
  ['get', 'pods', '-o', 'nosuchformat'],
  ['get', 'pods', '-l', 'a in b'],
  ['get', 'pods', '--field-selector', 'spec.nosuch=1'],
  ['scale', 'deploy', 'nosuch', '--replicas=1'],
  // what the server serves
  ['api-resources'],
  ['api-resources', '-o', 'wide', '--sort-by=kind'],
  ['api-resources', '-o', 'name', '--namespaced=false', '--verbs=list'],
  ['api-resources', '--api-group=apps', '--no-headers'],
  ['api-resources', '--sort-by=age'],
  ['api-resources', '-o', 'json'],
  ['api-versions'],
  ['cluster-info'],
  ['explain', 'pods'],
  ['explain', 'deployment.spec.template.spec.containers'],
  ['explain', 'svc', '--recursive'],
  ['explain', 'deploy', '--api-version=apps/v1'],
  ['explain', 'pods.spec.nosuch'],
  ['explain', 'nosuchkind'],
  ['explain', 'pods', '--output=yaml'],
  // shell completion (the namespace given first, so it is no word being completed)
  ['__complete', '-n', 'shop', 'get', 'de'],
  ['__complete', '-n', 'shop', 'get', 'deploy', ''],
  ['__complete', '-n', 'shop', 'get', 'pods,svc', ''],
  ['__complete', '-n', 'shop', 'describe', 'deploy/'],
  ['__complete', '-n', 'shop', 'logs', 'deployments/'],
  ['__complete', '-n', 'shop', 'scale', ''],
  ['__complete', '-n', 'shop', 'rollout', 'status', ''],
  ['__complete', '-n', 'shop', 'get', 'cm', '--namespace', 'sh'],
  ['__complete', '-n', 'shop', 'get', 'pods', '-o', 'js'],
  ['__completeNoDesc', '-n', 'shop', 'cordon', 'skiff-w'],
  // writes that answer the same the second time as the first
  ['apply', '-f', 'setup.yaml'],
  ['scale', 'deploy', 'web', '--replicas=2'],
  ['label', 'ns', 'shop', 'team=shop', '--overwrite'],
]
