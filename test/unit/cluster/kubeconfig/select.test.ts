import {describe, expect, it} from 'vitest'
import {mergeKubeconfigs} from '../../../../src/cluster/kubeconfig/merge.js'
import {selectKubeconfig} from '../../../../src/cluster/kubeconfig/select.js'

const config = mergeKubeconfigs([
  {
    path: '/home/me/.kube/config',
    content: {
      'current-context': 'dev',
      clusters: [
        {name: 'dev-cluster', cluster: {server: 'https://dev:6443', 'certificate-authority': 'certs/ca.crt'}},
        {name: 'prod-cluster', cluster: {server: 'https://prod:6443'}},
      ],
      users: [
        {name: 'dev-user', user: {'client-certificate': 'certs/me.crt', 'client-key': '/abs/me.key'}},
        {name: 'exec-user', user: {exec: {command: './bin/token', args: []}}},
        {name: 'path-user', user: {exec: {command: 'gke-auth'}}},
      ],
      contexts: [
        {name: 'dev', context: {cluster: 'dev-cluster', user: 'dev-user', namespace: 'team'}},
        {name: 'prod', context: {cluster: 'prod-cluster', user: 'exec-user'}},
      ],
    },
  },
])

describe('selectKubeconfig', () => {
  it('uses the current context, its namespace, and resolves relative paths against the kubeconfig file', () => {
    const selection = selectKubeconfig(config)
    expect(selection).toMatchObject({contextName: 'dev', clusterName: 'dev-cluster', userName: 'dev-user'})
    expect(selection.namespace).toBe('team')
    expect(selection.cluster['certificate-authority']).toBe('/home/me/.kube/certs/ca.crt')
    expect(selection.user['client-certificate']).toBe('/home/me/.kube/certs/me.crt')
    expect(selection.user['client-key']).toBe('/abs/me.key')
  })

  it('lets --context, --cluster and --user override the current context’s choices', () => {
    const selection = selectKubeconfig(config, {context: 'prod', user: 'dev-user'})
    expect(selection).toMatchObject({contextName: 'prod', clusterName: 'prod-cluster', userName: 'dev-user'})
    expect(selection.namespace).toBe('')
    expect(selectKubeconfig(config, {cluster: 'prod-cluster'}).cluster.server).toBe('https://prod:6443')
  })

  it('resolves an exec command only when it is a relative path, not a program on $PATH', () => {
    expect(selectKubeconfig(config, {context: 'prod'}).user.exec?.command).toBe('/home/me/.kube/bin/token')
    expect(selectKubeconfig(config, {user: 'path-user'}).user.exec?.command).toBe('gke-auth')
  })

  it('words unknown names as kubectl does', () => {
    expect(() => selectKubeconfig(config, {context: 'nope'})).toThrow(
      'Error in configuration: context was not found for specified context: nope',
    )
    expect(() => selectKubeconfig(config, {cluster: 'nope'})).toThrow('error: no server found for cluster "nope"')
    expect(() => selectKubeconfig(config, {user: 'nope'})).toThrow('error: auth info "nope" does not exist')
  })

  it('falls back to http://localhost:8080 when nothing names a server, as clientcmd does', () => {
    expect(selectKubeconfig(mergeKubeconfigs([{path: '/k', content: {}}])).cluster.server).toBe('http://localhost:8080')
  })
})
