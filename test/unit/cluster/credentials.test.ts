import {chmodSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {connect} from '../../../src/cluster/credentials.js'
import type {KubeconfigSelection} from '../../../src/cluster/kubeconfig/select.js'
import type {KubeconfigUser} from '../../../src/cluster/kubeconfig/types.js'

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'skiff-credentials-'))
})

afterEach(() => {
  rmSync(dir, {recursive: true, force: true})
})

function selection(user: KubeconfigUser, server = 'https://127.0.0.1:6443'): KubeconfigSelection {
  return {
    contextName: 'ctx',
    clusterName: 'c',
    userName: 'u',
    cluster: {server, 'insecure-skip-tls-verify': true},
    user,
    namespace: '',
  }
}

async function authorization(user: KubeconfigUser): Promise<string | undefined> {
  const connection = await connect(selection(user))
  connection.agent.destroy()
  return connection.headers['Authorization']
}

describe('connect', () => {
  it('sends a bearer token, from the kubeconfig or from a token file', async () => {
    expect(await authorization({token: 'abc'})).toBe('Bearer abc')
    const file = join(dir, 'token')
    writeFileSync(file, 'from-file\n')
    expect(await authorization({tokenFile: file})).toBe('Bearer from-file')
  })

  it('sends basic auth for a username and password', async () => {
    expect(await authorization({username: 'admin', password: 'pw'})).toBe(
      `Basic ${Buffer.from('admin:pw').toString('base64')}`,
    )
  })

  it('runs an exec credential plugin and sends the token it prints', async () => {
    // Given: a plugin that prints an ExecCredential, as client.authentication.k8s.io/v1 defines it
    const plugin = join(dir, 'plugin.mjs')
    writeFileSync(
      plugin,
      `#!/usr/bin/env node\nprocess.stdout.write(JSON.stringify({apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: {token: 'from-' + process.env.WHO}}))\n`,
    )
    chmodSync(plugin, 0o755)
    const exec = {
      apiVersion: 'client.authentication.k8s.io/v1',
      command: plugin,
      args: [],
      env: [{name: 'WHO', value: 'plugin'}],
    }
    expect(await authorization({exec})).toBe('Bearer from-plugin')
  })

  it('uses a plain HTTP agent for an http:// server', async () => {
    const connection = await connect(selection({}, 'http://127.0.0.1:8080'))
    expect(connection.server.host).toBe('127.0.0.1:8080')
    expect(connection.agent.constructor.name).toBe('Agent')
    expect(connection.headers).toEqual({})
    connection.agent.destroy()
  })
})
