/*
 * A kubeconfig as it sits in a file (clientcmd/api/v1 Config), kept loose: skiff reads the fields it needs
 * and carries every other field through unchanged, so `config view` and the files it rewrites lose nothing.
 */

/** clientcmd/api/v1 Cluster. */
export interface KubeconfigCluster {
  server?: string
  'tls-server-name'?: string
  'insecure-skip-tls-verify'?: boolean
  'certificate-authority'?: string
  'certificate-authority-data'?: string
  'proxy-url'?: string
  [field: string]: unknown
}

/** clientcmd/api/v1 ExecConfig: a credential plugin run to get a token or client certificate. */
interface KubeconfigExec {
  command: string
  args?: string[] | null
  env?: {name: string; value: string}[] | null
  apiVersion?: string
  [field: string]: unknown
}

/** clientcmd/api/v1 AuthInfo. */
export interface KubeconfigUser {
  'client-certificate'?: string
  'client-certificate-data'?: string
  'client-key'?: string
  'client-key-data'?: string
  token?: string
  tokenFile?: string
  username?: string
  password?: string
  'auth-provider'?: {name: string; config?: Record<string, string>}
  exec?: KubeconfigExec
  [field: string]: unknown
}

/** clientcmd/api/v1 Context. */
export interface KubeconfigContext {
  cluster?: string
  user?: string
  namespace?: string
  [field: string]: unknown
}

/** One `- name: ...` entry of the clusters, users or contexts list. */
export interface Named<K extends string, V> {
  name: string
  value: V
  /** the file the entry came from; relative paths inside it are relative to this file's directory */
  file: string
  /** the key the value sits under: 'cluster', 'user' or 'context' */
  key: K
}

/** The kubeconfig clientcmd builds from one or more files (the merged view kubectl works from). */
export interface Kubeconfig {
  clusters: Named<'cluster', KubeconfigCluster>[]
  users: Named<'user', KubeconfigUser>[]
  contexts: Named<'context', KubeconfigContext>[]
  currentContext: string
  preferences: Record<string, unknown>
  /** the files read, in precedence order */
  files: string[]
}
