import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {createSandbox, type Sandbox} from './support/cli.js'

const WEB =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels: {app: web}\nspec:\n  replicas: 3\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.25\n'

describe('skiff cluster', () => {
  let sandbox: Sandbox
  beforeEach(() => {
    sandbox = createSandbox()
  })
  afterEach(() => sandbox.dispose())

  it('creates a cluster, makes it current, lists it, and deletes it', async () => {
    const created = await sandbox.run(['cluster', 'create', 'dev', '--nodes', '2'])
    expect(created).toEqual({exitCode: 0, stdout: 'cluster "dev" created\nSwitched to cluster "dev".\n', stderr: ''})
    const nodes = await sandbox.run(['get', 'nodes', '-o', 'name'])
    expect(nodes.stdout).toBe('node/dev-control-plane\nnode/dev-worker\nnode/dev-worker2\n')
    await sandbox.run(['cluster', 'create', 'other'])
    expect((await sandbox.run(['cluster', 'use', 'dev'])).stdout).toBe('Switched to cluster "dev".\n')
    expect((await sandbox.run(['cluster', 'list'])).stdout).toBe('CURRENT   NAME\n*         dev\n          other\n')
    expect((await sandbox.run(['cluster', 'delete', 'other'])).stdout).toBe('cluster "other" deleted\n')
    expect((await sandbox.run(['cluster', 'list'])).stdout).toBe('CURRENT   NAME\n*         dev\n')
  })

  it('refuses to use a cluster that does not exist', async () => {
    const result = await sandbox.run(['cluster', 'use', 'nope'])
    expect(result).toEqual({exitCode: 1, stdout: '', stderr: 'error: no cluster exists with the name: "nope"\n'})
  })

  it('advances the clock and says what time the cluster has reached', async () => {
    const result = await sandbox.run(['cluster', 'advance', '1h30m'])
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toMatch(
      /^cluster "default" advanced 1h30m: the cluster time is now \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n$/,
    )
    const bad = await sandbox.run(['cluster', 'advance', 'soon'])
    expect(bad).toEqual({exitCode: 1, stdout: '', stderr: 'error: time: invalid duration "soon"\n'})
  })

  it('resets the cluster to fresh', async () => {
    await sandbox.run(['create', 'namespace', 'scratch'])
    expect((await sandbox.run(['cluster', 'reset'])).stdout).toBe('cluster "default" reset\n')
    const result = await sandbox.run(['get', 'namespace', 'scratch'])
    expect(result.stderr).toBe('Error from server (NotFound): namespaces "scratch" not found\n')
  })

  it('adds, crashes and restores nodes', async () => {
    expect((await sandbox.run(['cluster', 'node', 'add', 'skiff-worker4'])).stdout).toBe('node/skiff-worker4 created\n')
    const nodes = await sandbox.run(['get', 'node', 'skiff-worker4', '--no-headers'])
    expect(nodes.stdout).toMatch(/^skiff-worker4 +Ready +<none>/)
    expect((await sandbox.run(['cluster', 'node', 'crash', 'skiff-worker4'])).stdout).toBe(
      'node/skiff-worker4 crashed\n',
    )
    await sandbox.run(['cluster', 'advance', '1m'])
    expect((await sandbox.run(['get', 'node', 'skiff-worker4', '--no-headers'])).stdout).toMatch(
      /^skiff-worker4 +NotReady/,
    )
    expect((await sandbox.run(['cluster', 'node', 'restore', 'skiff-worker4'])).stdout).toBe(
      'node/skiff-worker4 restored\n',
    )
    const missing = await sandbox.run(['cluster', 'node', 'crash', 'nope'])
    expect(missing).toEqual({exitCode: 1, stdout: '', stderr: 'Error from server (NotFound): nodes "nope" not found\n'})
  })
})

describe('scale, rollout, set image and wait', () => {
  let sandbox: Sandbox
  beforeEach(async () => {
    sandbox = createSandbox()
    await sandbox.run(['apply', '-f', '-'], {input: WEB})
  })
  afterEach(() => sandbox.dispose())

  it('scales a deployment and honours --current-replicas', async () => {
    expect(await sandbox.run(['scale', 'deployment/web', '--replicas=5'])).toEqual({
      exitCode: 0,
      stdout: 'deployment.apps/web scaled\n',
      stderr: '',
    })
    const refused = await sandbox.run(['scale', 'deploy', 'web', '--replicas=2', '--current-replicas=3'])
    expect(refused).toEqual({exitCode: 1, stdout: '', stderr: 'error: Expected replicas to be 3, was 5\n'})
    expect((await sandbox.run(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'])).stdout).toBe('5')
    expect((await sandbox.run(['scale', '--replicas=1', 'deploy', '-l', 'app=web', '-o', 'name'])).stdout).toBe(
      'deployment.apps/web\n',
    )
  })

  it("refuses a negative replica count with kubectl's words", async () => {
    const result = await sandbox.run(['scale', 'deploy/web', '--replicas=-1'])
    expect(result.stderr).toBe(
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
    )
  })

  it('rolls out, updates the image, keeps history, and rolls back', async () => {
    await sandbox.run(['cluster', 'advance', '1m'])
    expect((await sandbox.run(['rollout', 'status', 'deployment/web'])).stdout).toBe(
      'deployment "web" successfully rolled out\n',
    )
    expect((await sandbox.run(['wait', '--for=condition=Available', 'deploy/web'])).stdout).toBe(
      'deployment.apps/web condition met\n',
    )
    expect((await sandbox.run(['set', 'image', 'deployment/web', 'nginx=nginx:1.27'])).stdout).toBe(
      'deployment.apps/web image updated\n',
    )
    await sandbox.run(['cluster', 'advance', '2m'])
    expect((await sandbox.run(['rollout', 'status', 'deploy/web', '--timeout=10s'])).stdout).toBe(
      'deployment "web" successfully rolled out\n',
    )
    expect((await sandbox.run(['rollout', 'history', 'deployment/web'])).stdout).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
    )
    expect((await sandbox.run(['rollout', 'undo', 'deployment/web'])).stdout).toBe('deployment.apps/web rolled back\n')
    expect(
      (await sandbox.run(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}'])).stdout,
    ).toBe('nginx:1.25')
  })

  it('pauses, refuses to pause twice, resumes and restarts', async () => {
    expect((await sandbox.run(['rollout', 'pause', 'deployment/web'])).stdout).toBe('deployment.apps/web paused\n')
    expect(await sandbox.run(['rollout', 'pause', 'deployment/web'])).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'error: deployments.apps "web" is already paused\n',
    })
    expect((await sandbox.run(['rollout', 'resume', 'deployment/web'])).stdout).toBe('deployment.apps/web resumed\n')
    expect((await sandbox.run(['rollout', 'restart', 'deployment/web'])).stdout).toBe('deployment.apps/web restarted\n')
    const stamp = await sandbox.run([
      'get',
      'deploy',
      'web',
      '-o',
      "jsonpath={.spec.template.metadata.annotations['kubectl\\.kubernetes\\.io/restartedAt']}",
    ])
    expect(stamp.stdout).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/)
  })

  it("refuses an unknown container in set image with kubectl's words", async () => {
    expect(await sandbox.run(['set', 'image', 'deploy/web', 'foo=busybox'])).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'error: unable to find container named "foo"\n',
    })
  })

  it('times out waiting for a condition that never comes', async () => {
    const result = await sandbox.run(['wait', '--for=condition=Nope', 'deploy/web', '--timeout=1s'])
    expect(result).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'error: timed out waiting for the condition on deployments/web\n',
    })
  })

  it('waits for deletion, and for a jsonpath value', async () => {
    expect((await sandbox.run(['wait', '--for=jsonpath={.spec.replicas}=3', 'deployment/web'])).stdout).toBe(
      'deployment.apps/web condition met\n',
    )
    await sandbox.run(['create', 'configmap', 'cfg'])
    await sandbox.run(['delete', 'configmap', 'cfg'])
    expect(await sandbox.run(['wait', '--for=delete', 'configmap/cfg'])).toEqual({exitCode: 0, stdout: '', stderr: ''})
  })
})

describe('logs', () => {
  let sandbox: Sandbox
  beforeEach(() => {
    sandbox = createSandbox()
  })
  afterEach(() => sandbox.dispose())

  it('prints what a finished container wrote', async () => {
    await sandbox.run(['apply', '-f', '-'], {
      input:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello\nspec:\n  restartPolicy: Never\n  containers:\n  - name: sh\n    image: busybox\n    command: ["sh", "-c", "echo hello; echo world"]\n',
    })
    await sandbox.run(['cluster', 'advance', '1m'])
    expect(await sandbox.run(['logs', 'hello'])).toEqual({exitCode: 0, stdout: 'hello\nworld\n', stderr: ''})
    expect((await sandbox.run(['logs', 'hello', '--tail=1'])).stdout).toBe('world\n')
    expect((await sandbox.run(['logs', 'hello', '--prefix'])).stdout).toBe(
      '[pod/hello/sh] hello\n[pod/hello/sh] world\n',
    )
  })

  it('resolves deploy/NAME to one of its pods and says which', async () => {
    await sandbox.run(['apply', '-f', '-'], {input: WEB})
    await sandbox.run(['cluster', 'advance', '1m'])
    const result = await sandbox.run(['logs', 'deploy/web'])
    expect(result.exitCode).toBe(0)
    expect(result.stderr).toMatch(/^Found 3 pods, using pod\/web-[a-z0-9]+-[a-z0-9]{5}\n$/)
  })

  it('asks for a pod when given none', async () => {
    const result = await sandbox.run(['logs'])
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toBe(
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'skiff logs -h' for help and examples\n",
    )
  })
})

describe('cordon, uncordon, taint and drain', () => {
  let sandbox: Sandbox
  beforeEach(() => {
    sandbox = createSandbox()
  })
  afterEach(() => sandbox.dispose())

  it('cordons and uncordons a node, once', async () => {
    expect((await sandbox.run(['cordon', 'skiff-worker'])).stdout).toBe('node/skiff-worker cordoned\n')
    expect((await sandbox.run(['cordon', 'skiff-worker'])).stdout).toBe('node/skiff-worker already cordoned\n')
    expect((await sandbox.run(['get', 'node', 'skiff-worker', '--no-headers'])).stdout).toMatch(
      /^skiff-worker +Ready,SchedulingDisabled/,
    )
    expect((await sandbox.run(['uncordon', 'skiff-worker'])).stdout).toBe('node/skiff-worker uncordoned\n')
  })

  it('taints and untaints a node', async () => {
    expect((await sandbox.run(['taint', 'nodes', 'skiff-worker', 'dedicated=gpu:NoSchedule'])).stdout).toBe(
      'node/skiff-worker tainted\n',
    )
    expect((await sandbox.run(['taint', 'nodes', 'skiff-worker', 'dedicated=cpu:NoSchedule'])).stderr).toBe(
      'error: node skiff-worker already has dedicated taint(s) with same effect(s) and --overwrite is false\n',
    )
    expect((await sandbox.run(['taint', 'node/skiff-worker', 'dedicated:NoSchedule-'])).stdout).toBe(
      'node/skiff-worker untainted\n',
    )
    expect((await sandbox.run(['taint', 'nodes', 'skiff-worker', 'dedicated-'])).stderr).toBe(
      'error: taint "dedicated" not found\n',
    )
  })

  it('refuses to drain a node holding a bare pod, then drains it with --force', async () => {
    await sandbox.run(['apply', '-f', '-'], {
      input:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bare\nspec:\n  nodeName: skiff-worker\n  containers:\n  - name: c\n    image: nginx\n',
    })
    const refused = await sandbox.run(['drain', 'skiff-worker'])
    expect(refused).toEqual({
      exitCode: 1,
      stdout: 'node/skiff-worker cordoned\n',
      stderr:
        'error: unable to drain node "skiff-worker" due to error: cannot delete Pods declare no controller (use --force to override): default/bare, continuing command...\nThere are pending nodes to be drained:\n skiff-worker\ncannot delete Pods declare no controller (use --force to override): default/bare\n',
    })
    const forced = await sandbox.run(['drain', 'skiff-worker', '--force', '--timeout=30s'])
    expect(forced.stdout).toBe('node/skiff-worker already cordoned\npod/bare evicted\nnode/skiff-worker drained\n')
    expect(forced.stderr).toBe(
      'Warning: deleting Pods that declare no controller: default/bare\nevicting pod default/bare\n',
    )
  })
})
