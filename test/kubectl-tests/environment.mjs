// The environment a kubectl test script starts with: testscript's own variables, then what
// test/cmd/cmd_test.go's Setup adds (SOURCE.md §2). Scripts see only this, never the runner's env.

import {devNull} from 'node:os'
import {delimiter, join, sep} from 'node:path'
import process from 'node:process'

// cmd_test.go Setup: the IMAGE_* variables of hack/lib/test.sh's legacy scripts
const IMAGES = {
  IMAGE_NGINX: 'registry.k8s.io/nginx:1.7.9',
  IMAGE_DEPLOYMENT_R1: 'registry.k8s.io/nginx:test-cmd',
  IMAGE_DEPLOYMENT_R2: 'registry.k8s.io/nginx:1.7.9',
  IMAGE_PERL: 'registry.k8s.io/perl',
  IMAGE_PAUSE_V2: 'registry.k8s.io/pause:2.0',
  IMAGE_DAEMONSET_R2: 'registry.k8s.io/pause:latest',
  IMAGE_DAEMONSET_R2_2: 'registry.k8s.io/nginx:test-cmd',
  IMAGE_STATEFULSET_R1: 'registry.k8s.io/nginx-slim:0.7',
  IMAGE_STATEFULSET_R2: 'registry.k8s.io/nginx-slim:0.8',
}

/** The script environment before the cluster's own variables (KUBECONFIG, SKIFF_*) are added. */
export function scriptEnvironment({work, kubeRoot}) {
  return new Map([
    // testscript setup(): WORK first, PATH inherited, HOME=/no-home (replaced below), TMPDIR under WORK
    ['WORK', work],
    ['PATH', process.env['PATH'] ?? ''],
    ['TMPDIR', join(work, '.tmp')],
    ['devnull', devNull],
    ['/', sep],
    [':', delimiter],
    ['$', '$'],
    ['exe', ''],
    // cmd_test.go Setup
    ['KUBE_ROOT', kubeRoot],
    ['KUBECTL_PLUGINS_PATH', ''],
    ['HOME', work],
    ...Object.entries(IMAGES),
  ])
}

/**
 * The variables a child process gets from a script environment. testscript passes every entry; names
 * like `/` and `$` exist only for `${/}`-style expansion, so they are left out of the process env.
 */
export function processEnvironment(scriptEnv, cwd) {
  const env = {}
  for (const [name, value] of scriptEnv) if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) env[name] = value
  env['PWD'] = cwd
  return env
}
