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

  it('deletes the endpoints with the service', async () => {
    await sandbox.run(['apply', '-f', '-'], {input: WEB})
    await sandbox.run(['cluster', 'advance', '1m'])
    expect((await sandbox.run(['delete', 'service', 'web'])).exitCode).toBe(0)
    await sandbox.run(['cluster', 'advance', '1s'])
    const result = await sandbox.run(['get', 'endpoints,endpointslices', '-o', 'name'])
    expect(result.stdout).toBe('endpoints/kubernetes\nendpointslice.discovery.k8s.io/kubernetes\n')
  })
})
