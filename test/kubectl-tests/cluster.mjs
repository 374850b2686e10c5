// Per-script cluster setup, the part of cmd_test.go's Setup that talks to the API: a fresh cluster, a
// namespace `namespace-<unix-seconds>-<nanos>` used by every command without -n, and a `default`
// ServiceAccount in it (upstream runs no controller-manager, so nobody else creates one).
//
// skiff: a fresh embedded cluster under its own SKIFF_HOME; skiff does not yet read a namespace from a
// kubeconfig context, so the namespace reaches every skiff process as SKIFF_NAMESPACE.
// --kubectl: the cluster named by --kubeconfig or $KUBECONFIG, flattened into a per-script copy whose
// current context gets the namespace (as updateKubeConfigNamespace does). That cluster is shared by all
// scripts, so it is only as fresh as the caller makes it (e.g. one `skiff serve` per run).

import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import process from 'node:process'
import {processEnvironment} from './environment.mjs'
import {displayCommand, runBinary} from './kubectl-binary.mjs'

/** A namespace name as cmd_test.go makes it: `namespace-<unix seconds>-<nanoseconds within the second>`. */
export function testNamespaceName(nowMs = Date.now(), hrtimeNs = process.hrtime.bigint()) {
  const seconds = Math.floor(nowMs / 1000)
  const nanos = (nowMs % 1000) * 1_000_000 + Number(hrtimeNs % 1_000_000n)
  return `namespace-${seconds}-${nanos}`
}

/**
 * Prepares one script's cluster and returns the variables to add to its environment, plus notes for the
 * report. Throws a SetupError (with the failing command's output) when the namespace cannot be made.
 */
export async function prepareCluster({binary, scriptEnv, root, kubeRoot, setup, kubeconfig, timeoutMs}) {
  const added = new Map()
  const notes = []
  if (binary.skiff) {
    added.set('SKIFF_HOME', join(root, 'skiff-home'))
    added.set('KUBECONFIG', '') // no kubeconfig: skiff uses its embedded cluster
    added.set('NO_COLOR', '1')
  } else {
    added.set('KUBECONFIG', kubeconfig ?? '')
  }
  if (!setup) return {env: added, notes, namespace: undefined}

  const namespace = testNamespaceName()
  const env = new Map([...scriptEnv, ...added])
  const run = (args, input) =>
    runBinary(binary, args, {env: processEnvironment(env, kubeRoot), cwd: kubeRoot, input, timeoutMs})

  if (!binary.skiff) {
    const file = join(root, 'kubeconfig')
    await writeKubeconfigCopy({binary, kubeconfig, file, kubeRoot, timeoutMs})
    env.set('KUBECONFIG', file)
    added.set('KUBECONFIG', file)
    mustSucceed('set the namespace in the kubeconfig', [
      await run(['config', 'set-context', '--current', `--namespace=${namespace}`]),
    ])
  }

  const createdNamespace = await run(['create', 'namespace', namespace])
  if (createdNamespace.exitCode !== 0) {
    const applied = await run(['apply', '-f', '-'], namespaceManifest(namespace))
    mustSucceed(`create namespace ${namespace}`, [createdNamespace, applied])
  }

  const createdAccount = await run(['create', 'serviceaccount', 'default', '-n', namespace])
  if (createdAccount.exitCode !== 0) {
    const applied = await run(['apply', '-f', '-'], serviceAccountManifest(namespace))
    if (applied.exitCode !== 0) {
      // pods may still be admitted without it; report it and let the script show what fails
      notes.push(
        `could not create ServiceAccount default in ${namespace}: ${firstLine(createdAccount)} / ${firstLine(applied)}`,
      )
    }
  }
  if (binary.skiff) added.set('SKIFF_NAMESPACE', namespace)
  return {env: added, notes, namespace}
}

/** Cluster setup failed; `results` are the commands tried, for the report. */
export class SetupError extends Error {
  constructor(message, results) {
    super(message)
    this.name = 'SetupError'
    this.results = results
  }
}

async function writeKubeconfigCopy({binary, kubeconfig, file, kubeRoot, timeoutMs}) {
  // --kubeconfig or the runner's $KUBECONFIG (possibly a list), merged into one file by kubectl itself
  const env = {PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? ''}
  if (kubeconfig) env['KUBECONFIG'] = kubeconfig
  const viewed = await runBinary(binary, ['config', 'view', '--raw', '--flatten'], {env, cwd: kubeRoot, timeoutMs})
  mustSucceed('read the kubeconfig', [viewed])
  await writeFile(file, viewed.stdout)
}

function mustSucceed(what, results) {
  const last = results[results.length - 1]
  if (last.exitCode === 0 && last.harnessError === undefined) return
  throw new SetupError(`setup could not ${what}`, results)
}

function firstLine(result) {
  const text = (result.harnessError ?? result.stderr.trim()) || `exit ${result.exitCode}`
  return `${displayCommand(result.label, result.args)}: ${text.split('\n')[0]}`
}

function namespaceManifest(name) {
  return `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`
}

function serviceAccountManifest(namespace) {
  return `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: default\n  namespace: ${namespace}\n`
}
