import {readFileSync} from 'node:fs'
import {resolve} from 'node:path'
import {startingKubeconfig, type KubeconfigAccess} from './access.js'
import {withEntry} from './entries.js'
import {modifyKubeconfig} from './modify.js'
import type {KubeconfigCluster} from './types.js'

/** What `config set-cluster` was asked to change; undefined for a flag not given (cliflag's Provided). */
interface ClusterChanges {
  server?: string | undefined
  tlsServerName?: string | undefined
  insecureSkipTlsVerify?: boolean | undefined
  certificateAuthority?: string | undefined
  embedCerts?: boolean | undefined
  proxyUrl?: string | undefined
}

function errnoText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  return code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : String(error)
}

/** set-cluster's checks (kubectl/pkg/cmd/config/create_cluster.go validate, v1.32). */
function validateClusterChanges(name: string, changes: ClusterChanges): void {
  if (name === '') throw new Error('you must specify a non-empty cluster name')
  const ca = changes.certificateAuthority ?? ''
  if (changes.insecureSkipTlsVerify === true && ca !== '')
    throw new Error('you cannot specify a certificate authority and insecure mode at the same time')
  if (changes.embedCerts === true) {
    if (ca === '') throw new Error('you must specify a --certificate-authority to embed')
    try {
      readFileSync(ca)
    } catch (error) {
      throw new Error(`could not stat certificate-authority file ${ca}: stat ${ca}: ${errnoText(error)}`)
    }
  }
}

/** The cluster entry after the changes, as createClusterOptions.modifyCluster makes it. */
function modifiedCluster(existing: KubeconfigCluster, changes: ClusterChanges): KubeconfigCluster {
  const cluster: KubeconfigCluster = {...existing}
  if (changes.server !== undefined) cluster.server = changes.server
  if (changes.tlsServerName !== undefined) cluster['tls-server-name'] = changes.tlsServerName
  if (changes.insecureSkipTlsVerify !== undefined) {
    cluster['insecure-skip-tls-verify'] = changes.insecureSkipTlsVerify
    // insecure mode clears any certificate authority
    if (changes.insecureSkipTlsVerify) {
      delete cluster['certificate-authority']
      delete cluster['certificate-authority-data']
    }
  }
  if (changes.proxyUrl !== undefined) cluster['proxy-url'] = changes.proxyUrl
  const ca = changes.certificateAuthority
  if (ca !== undefined) {
    if (changes.embedCerts === true) {
      cluster['certificate-authority-data'] = readFileSync(ca).toString('base64')
      delete cluster['insecure-skip-tls-verify']
      delete cluster['certificate-authority']
    } else {
      cluster['certificate-authority'] = ca === '' ? '' : resolve(ca)
      // a certificate authority file clears embedded data and insecure mode
      if (ca !== '') {
        delete cluster['insecure-skip-tls-verify']
        delete cluster['certificate-authority-data']
      }
    }
  }
  return cluster
}

/** `config set-cluster NAME`: creates or changes the cluster entry and writes it where clientcmd would. */
export async function setCluster(access: KubeconfigAccess, name: string, changes: ClusterChanges): Promise<void> {
  validateClusterChanges(name, changes)
  const starting = startingKubeconfig(access)
  const clusters = withEntry(starting.clusters, name, 'cluster', (old) => modifiedCluster(old ?? {}, changes))
  await modifyKubeconfig(access, starting, {...starting, clusters}, {relativizePaths: true})
}
