import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {createSandbox, type Sandbox} from './support/cli.js'

describe('skiff describe, label and annotate on the embedded cluster', () => {
  let sandbox: Sandbox
  beforeEach(() => {
    sandbox = createSandbox()
  })
  afterEach(() => sandbox.dispose())

  it('describes a deployment in kubectl layout', async () => {
    await sandbox.run(['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2'])
    await sandbox.run(['cluster', 'advance', '1m'])
    const result = await sandbox.run(['describe', 'deployment', 'web'])
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toMatch(/^Name:\s+web\nNamespace:\s+default\nCreationTimestamp:\s+\w{3}, \d{2} \w{3} \d{4} /)
    expect(result.stdout).toContain(
      'Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable\n',
    )
    expect(result.stdout).toMatch(/NewReplicaSet:\s+web-[a-z0-9]+ \(2\/2 replicas created\)\n/)
    expect(result.stdout).toMatch(
      /Normal\s+ScalingReplicaSet\s+\d+s\s+deployment-controller\s+Scaled up replica set web-[a-z0-9]+ from 0 to 2\n$/,
    )
    expect(result.stdout).toContain('RollingUpdateStrategy:  25% max unavailable, 25% max surge\n')
    expect(result.stdout).toMatch(/ {3}nginx:\n {4}Image: {9}nginx:1\.27\n/)
  })

  it('describes every object whose name starts with the given name, separated as kubectl separates them', async () => {
    await sandbox.run(['create', 'configmap', 'app-a', '--from-literal=k=v'])
    await sandbox.run(['create', 'configmap', 'app-b', '--from-literal=k=w'])
    const result = await sandbox.run(['describe', 'cm', 'app'])
    expect(result.exitCode).toBe(0)
    expect(result.stdout.match(/^Name:/gm)).toHaveLength(2)
    expect(result.stdout).toContain('\n\n\nName:         app-b\n')
    const missing = await sandbox.run(['describe', 'cm', 'zzz'])
    expect(missing).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'Error from server (NotFound): configmaps "zzz" not found\n',
    })
  })

  it('shows secret sizes and never the values', async () => {
    await sandbox.run(['create', 'secret', 'generic', 'db', '--from-literal=password=s3cr3t-value'])
    const result = await sandbox.run(['describe', 'secret', 'db'])
    expect(result.stdout).toMatch(/password:\s+12 bytes\n/)
    expect(result.stdout).not.toContain('s3cr3t-value')
    const yaml = await sandbox.run(['get', 'secret', 'db', '-o', 'yaml'])
    expect(yaml.stdout).toContain(`password: ${Buffer.from('s3cr3t-value').toString('base64')}\n`)
  })

  it('labels and annotates, refusing to overwrite without --overwrite', async () => {
    await sandbox.run(['create', 'namespace', 'team'])
    expect((await sandbox.run(['label', 'ns', 'team', 'tier=gold'])).stdout).toBe('namespace/team labeled\n')
    const clash = await sandbox.run(['label', 'ns', 'team', 'tier=silver'])
    expect(clash).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: "error: 'tier' already has a value (gold), and --overwrite is false\n",
    })
    expect((await sandbox.run(['label', 'ns', 'team', 'tier=silver', '--overwrite'])).stdout).toBe(
      'namespace/team labeled\n',
    )
    expect((await sandbox.run(['annotate', 'ns/team', 'owner=ops'])).stdout).toBe('namespace/team annotated\n')
    expect((await sandbox.run(['label', 'ns', 'team', 'tier-'])).stdout).toBe('namespace/team unlabeled\n')
    const shown = await sandbox.run([
      'get',
      'ns',
      'team',
      '-o',
      'jsonpath={.metadata.labels.tier}|{.metadata.annotations.owner}',
    ])
    expect(shown.stdout).toBe('|ops')
  })

  it('creates config maps, secrets, service accounts, deployments, cron jobs and jobs from the generators', async () => {
    sandbox.write('app.properties', 'mode=fast\n')
    expect(
      (await sandbox.run(['create', 'configmap', 'cfg', '--from-file=app.properties', '--from-literal=x=1'])).stdout,
    ).toBe('configmap/cfg created\n')
    expect((await sandbox.run(['get', 'cm', 'cfg', '-o', 'jsonpath={.data}'])).stdout).toBe(
      '{"app.properties":"mode=fast\\n","x":"1"}',
    )
    expect((await sandbox.run(['create', 'sa', 'robot'])).stdout).toBe('serviceaccount/robot created\n')
    expect(
      (await sandbox.run(['create', 'cronjob', 'tick', '--image=busybox', '--schedule=*/5 * * * *', '--', 'date']))
        .stdout,
    ).toBe('cronjob.batch/tick created\n')
    expect((await sandbox.run(['create', 'job', 'tick-now', '--from=cronjob/tick'])).stdout).toBe(
      'job.batch/tick-now created\n',
    )
    const job = await sandbox.run([
      'get',
      'job',
      'tick-now',
      '-o',
      'jsonpath={.metadata.ownerReferences[0].name} {.spec.template.spec.containers[0].command[0]}',
    ])
    expect(job.stdout).toBe('tick date')
    const bad = await sandbox.run(['create', 'cronjob', 'bad', '--image=busybox', '--schedule=not a schedule'])
    expect(bad.exitCode).toBe(1)
    expect(bad.stderr).toMatch(/^The CronJob "bad" is invalid: spec\.schedule: Invalid value: "not a schedule"/)
  })
})
