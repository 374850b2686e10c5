import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {createSandbox, type Sandbox} from './support/cli.js'

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
  - port: 80
    targetPort: 80
`

// readiness comes from a file the container removes 30s after it starts (the story of issue 9)
const FLAKY = `apiVersion: v1
kind: Pod
metadata:
  name: flaky
  labels: {app: flaky}
spec:
  containers:
  - name: app
    image: busybox:1.37
    command: ["sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"]
    ports:
    - containerPort: 8080
    readinessProbe:
      exec:
        command: ["cat", "/tmp/healthy"]
      initialDelaySeconds: 5
      periodSeconds: 5
---
apiVersion: v1
kind: Service
metadata:
  name: flaky
spec:
  selector: {app: flaky}
  ports:
  - port: 80
    targetPort: 8080
`

/** Ready and not-ready addresses of a Service's Endpoints, and its EndpointSlices' endpoints as `ip=ready`. */
async function serviceAddresses(
  sandbox: Sandbox,
  service: string,
): Promise<{ready: string[]; notReady: string[]; slices: string[]}> {
  const words = async (args: string[]): Promise<string[]> =>
    (await sandbox.run(args)).stdout
      .split(/\s+/)
      .filter((word) => word !== '')
      .sort()
  const endpoints = ['get', 'endpoints', service, '-o']
  return {
    ready: await words([...endpoints, 'jsonpath={.subsets[*].addresses[*].ip}']),
    notReady: await words([...endpoints, 'jsonpath={.subsets[*].notReadyAddresses[*].ip}']),
    slices: await words([
      'get',
      'endpointslices',
      '-l',
      `kubernetes.io/service-name=${service}`,
      '-o',
      'jsonpath={range .items[*].endpoints[*]}{.addresses[0]}={.conditions.ready} {end}',
    ]),
  }
}

/** The pod IPs of the web deployment, in the order the endpoint controllers list them. */
async function podIPs(sandbox: Sandbox): Promise<string[]> {
  const result = await sandbox.run(['get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[*].status.podIP}'])
  return result.stdout
    .split(' ')
    .filter((ip) => ip !== '')
    .sort()
}

describe('a Service in front of a Deployment', () => {
  let sandbox: Sandbox
  beforeEach(() => {
    sandbox = createSandbox()
  })
  afterEach(() => sandbox.dispose())

  it('gets endpoints for the ready pods, shows them in describe, and follows a scale-up', async () => {
    expect((await sandbox.run(['apply', '-f', '-'], {input: WEB})).exitCode).toBe(0)
    expect((await sandbox.run(['cluster', 'advance', '1m'])).exitCode).toBe(0)

    const ips = await podIPs(sandbox)
    expect(ips).toHaveLength(2)
    const addresses = ips.map((ip) => `${ip}:80`).join(',')
    const endpoints = await sandbox.run(['get', 'endpoints', 'web'])
    expect(endpoints.stdout).toMatch(
      new RegExp(`^NAME +ENDPOINTS +AGE\nweb +${addresses.replaceAll('.', '\\.')} +\\d+s\n$`),
    )

    const described = await sandbox.run(['describe', 'svc', 'web'])
    expect(described.stdout).toContain(`Endpoints:                ${addresses}\n`)

    const both = await sandbox.run(['get', 'endpoints,endpointslices', '--no-headers'])
    expect(both.stdout).toMatch(/^endpoints\/kubernetes +172\.18\.0\.2:6443 +\d+s\n/)
    expect(both.stdout).toMatch(/\nendpointslice\.discovery\.k8s\.io\/kubernetes +IPv4 +6443 +172\.18\.0\.2 +\d+s\n/)
    expect(both.stdout).toMatch(
      new RegExp(
        `endpointslice\\.discovery\\.k8s\\.io/web-[a-z0-9]{5} +IPv4 +80 +${ips.join(',').replaceAll('.', '\\.')} +`,
      ),
    )

    expect((await sandbox.run(['scale', 'deployment', 'web', '--replicas=3'])).exitCode).toBe(0)
    await sandbox.run(['cluster', 'advance', '1m'])
    const scaled = await podIPs(sandbox)
    expect(scaled).toHaveLength(3)
    const after = await sandbox.run(['get', 'endpoints', 'web', '--no-headers'])
    expect(after.stdout).toMatch(
      new RegExp(
        `^web +${scaled
          .map((ip) => `${ip}:80`)
          .join(',')
          .replaceAll('.', '\\.')} +`,
      ),
    )
  })

  it('takes the pods of a node that went NotReady out of the endpoints, as the node lifecycle controller marks them not ready', async () => {
    // Given two workers, each running one of the two web pods
    await sandbox.run(['cluster', 'create', 'lab', '--nodes', '2'])
    await sandbox.run(['apply', '-f', '-'], {input: WEB})
    await sandbox.run(['cluster', 'advance', '1m'])
    const rows = (await sandbox.run(['get', 'pods', '-l', 'app=web', '-o', 'wide', '--no-headers'])).stdout
      .trim()
      .split('\n')
      .map((line) => line.split(/\s+/))
    const [name = '', , , , , ip = '', node = ''] = rows[0] ?? []
    const survivor = rows[1]?.[5] ?? ''
    expect(new Set(rows.map((row) => row[6]))).toHaveProperty('size', 2)
    expect((await serviceAddresses(sandbox, 'web')).ready).toEqual([ip, survivor].sort())
    // When its node loses power and the node monitor grace period (50s) passes
    await sandbox.run(['cluster', 'node', 'crash', node])
    await sandbox.run(['cluster', 'advance', '1m'])
    // Then the pod's Ready condition is False and only the survivor serves
    expect((await sandbox.run(['get', 'node', node, '--no-headers'])).stdout).toMatch(/\sNotReady\s/)
    const ready = await sandbox.run([
      'get',
      'pod',
      name,
      '-o',
      'jsonpath={.status.conditions[?(@.type=="Ready")].status}',
    ])
    expect(ready.stdout).toBe('False')
    // READY counts containerStatuses[].ready, which only the (silent) kubelet writes: it still shows 1/1, as
    // kubectl does (pkg/printers/internalversion/printers.go printPod, v1.32)
    expect((await sandbox.run(['get', 'pod', name, '--no-headers'])).stdout).toMatch(/^\S+ +1\/1 +Running /)
    expect(await serviceAddresses(sandbox, 'web')).toEqual({
      ready: [survivor],
      notReady: [ip],
      slices: [`${ip}=false`, `${survivor}=true`].sort(),
    })
    expect((await sandbox.run(['get', 'endpoints', 'web', '--no-headers'])).stdout).toMatch(
      new RegExp(`^web +${survivor.replaceAll('.', '\\.')}:80 +`),
    )
    expect((await sandbox.run(['describe', 'pod', name])).stdout).toMatch(
      /Warning +NodeNotReady +\S+ +node-controller +Node is not ready/,
    )
  })

  it('leaves the endpoints when a readiness probe that succeeded starts failing, with Unhealthy events', async () => {
    // Given a pod whose readiness probe succeeds for its first 30 seconds
    expect((await sandbox.run(['apply', '-f', '-'], {input: FLAKY})).exitCode).toBe(0)
    await sandbox.run(['cluster', 'advance', '20s'])
    const ip = (await sandbox.run(['get', 'pod', 'flaky', '-o', 'jsonpath={.status.podIP}'])).stdout
    expect((await sandbox.run(['get', 'pod', 'flaky', '--no-headers'])).stdout).toMatch(/^flaky +1\/1 +Running /)
    expect(await serviceAddresses(sandbox, 'flaky')).toEqual({ready: [ip], notReady: [], slices: [`${ip}=true`]})
    // When the file is gone and three probes in a row have failed
    await sandbox.run(['cluster', 'advance', '40s'])
    // Then the pod is not ready, out of the Service's ready addresses, and describe shows the failures
    expect((await sandbox.run(['get', 'pod', 'flaky', '--no-headers'])).stdout).toMatch(/^flaky +0\/1 +Running +0 /)
    expect(await serviceAddresses(sandbox, 'flaky')).toEqual({ready: [], notReady: [ip], slices: [`${ip}=false`]})
    const described = (await sandbox.run(['describe', 'pod', 'flaky'])).stdout
    expect(described).toMatch(/\n {2}Ready +False *\n/)
    expect(described).toMatch(
      /Warning +Unhealthy +\S+ \(x\d+ over \S+\) +kubelet +Readiness probe failed: cat: can't open '\/tmp\/healthy': No such file or directory\n/,
    )
  })

  it('deletes the endpoints with the service', async () => {
    await sandbox.run(['apply', '-f', '-'], {input: WEB})
    await sandbox.run(['cluster', 'advance', '1m'])
    expect((await sandbox.run(['delete', 'service', 'web'])).exitCode).toBe(0)
    await sandbox.run(['cluster', 'advance', '1s'])
    const result = await sandbox.run(['get', 'endpoints,endpointslices', '-o', 'name'])
    expect(result.stdout).toBe('endpoints/kubernetes\nendpointslice.discovery.k8s.io/kubernetes\n')
  })
})
