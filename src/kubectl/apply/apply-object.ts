// kubectl: pkg/cmd/apply/apply.go applyOneObject and patcher.go Patch (v1.32), client-side apply.
import type {Backend, WriteOptions} from '../../backend/backend.js'
import type {KubeObject} from '../../backend/object.js'
import {isJsonObject} from '../../backend/object.js'
import type {ResourceInfo, ResourceRef} from '../../backend/refs.js'
import {apiVersionOf} from '../../backend/refs.js'
import {hasReason} from '../../backend/status.js'
import {patchSchemaFor} from '../../resources/patch/builtin-schema.js'
import {marshalGoJson} from '../../resources/go-json.js'
import {createApplyAnnotation, getModifiedConfiguration, LAST_APPLIED_CONFIG_ANNOTATION} from './last-applied.js'
import type {ApplyPatch, PatchInputs} from './patcher.js'
import {applyPatchLocally, createApplyPatch, isEmptyPatch} from './patcher.js'
import {withSource} from '../source-error.js'

// kubectl: apply.go FieldManagerClientSideApply (v1.32)
const FIELD_MANAGER_CLIENT_SIDE_APPLY = 'kubectl-client-side-apply'
// kubectl: patcher.go maxPatchRetry, backOffPeriod, triesBeforeBackOff (v1.32)
const MAX_PATCH_RETRY = 5
const BACK_OFF_PERIOD_MS = 1000
const TRIES_BEFORE_BACK_OFF = 1
// metav1.NamespaceDefault
const DEFAULT_NAMESPACE = 'default'

/** Options of applyObject, as kubectl apply's flags set them. */
export interface ApplyOptions {
  /** The namespace for namespaced objects that name none (-n or the context's namespace); default 'default'. */
  namespace?: string
  dryRun?: 'none' | 'client' | 'server'
  /** Default 'kubectl-client-side-apply'. */
  fieldManager?: string
  /** From --validate; absent leaves it to the server. */
  fieldValidation?: WriteOptions['fieldValidation']
  /** --overwrite (default true): false fails on fields changed on the server since the last apply. */
  overwrite?: boolean
  /** The file the object came from; errors then name it as kubectl's AddSourceToErr does. */
  source?: string
  /** The command name warnings speak of (kubectl's cmdBaseName); default 'kubectl'. */
  commandName?: string
  /** Waits between retries after a conflict; injectable so tests need not wait. */
  sleep?: (delayMs: number) => Promise<void>
}

/** The outcome of applying one object. */
export interface ApplyResult {
  operation: 'created' | 'configured' | 'unchanged'
  /** The object as the server returned it (or as computed locally for --dry-run=client). */
  object: KubeObject
  /** Warnings for stderr, one line each, without the newline. */
  warnings: string[]
}

function sleepFor(delayMs: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, delayMs))
}

/** resource.Info.String(): the mapping and the object's name, as kubectl prints them in errors. */
function infoString(info: ResourceInfo, name: string, namespace: string): string {
  return (
    `Resource: "${info.group}/${info.version}, Resource=${info.resource}", ` +
    `GroupVersionKind: "${info.group}/${info.version}, Kind=${info.kind}"\n` +
    `Name: ${JSON.stringify(name)}, Namespace: ${JSON.stringify(namespace)}`
  )
}

/** The object as the builder hands it to apply: namespace defaulted, or dropped for cluster-scoped kinds. */
function prepareObject(object: KubeObject, info: ResourceInfo, namespace: string | undefined): KubeObject {
  const prepared = structuredClone(object)
  if (info.namespaced) prepared.metadata.namespace = prepared.metadata.namespace ?? namespace ?? DEFAULT_NAMESPACE
  else delete prepared.metadata.namespace
  return prepared
}

/**
 * kubectl's client-side apply of one object: creates it with the last-applied-configuration annotation when
 * it does not exist, otherwise sends the three-way patch between the live object's last-applied
 * configuration, the new configuration and the live object (strategic merge for built-in kinds, JSON merge for
 * custom resources), retrying on Conflict. An empty patch is not sent and reports 'unchanged'.
 */
export async function applyObject(
  backend: Backend,
  info: ResourceInfo,
  object: KubeObject,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const prepared = prepareObject(object, info, options.namespace)
  const name = prepared.metadata.name ?? ''
  const generateName = prepared.metadata.generateName ?? ''
  if (name === '' && generateName !== '') throw new Error(`from ${generateName}: cannot use generate name with apply`)
  const namespace = prepared.metadata.namespace ?? ''
  const ref: ResourceRef = {group: info.group, version: info.version, resource: info.resource}
  if (info.namespaced) ref.namespace = namespace
  const writeOptions = {
    dryRun: options.dryRun === 'server',
    fieldManager: options.fieldManager ?? FIELD_MANAGER_CLIENT_SIDE_APPLY,
    ...(options.fieldValidation ? {fieldValidation: options.fieldValidation} : {}),
  }
  const modifiedText = getModifiedConfiguration(prepared, {annotate: true})
  const modified: unknown = JSON.parse(modifiedText)
  if (!isJsonObject(modified)) throw new Error(`the object to apply is not a JSON object: ${modifiedText}`)
  const inputs: PatchInputs = {
    schema: patchSchemaFor(apiVersionOf(info), info.kind),
    modified,
    modifiedText,
    overwrite: options.overwrite ?? true,
  }

  let live: KubeObject
  try {
    live = await backend.get(ref, name)
  } catch (error) {
    if (!hasReason(error, 'NotFound')) {
      const verb = `retrieving current configuration of:\n${infoString(info, name, namespace)}\nfrom server for:`
      throw withSource(verb, options.source, error)
    }
    const toCreate = createApplyAnnotation(prepared)
    if (options.dryRun === 'client') return {operation: 'created', object: toCreate, warnings: []}
    try {
      return {operation: 'created', object: await backend.create(toCreate, writeOptions), warnings: []}
    } catch (createError) {
      throw withSource('creating', options.source, createError)
    }
  }

  if (options.dryRun === 'client') {
    // kubectl 1.32 sends nothing and reports 'configured'; the object shown is the patch applied locally.
    const patch = createApplyPatch(live, inputs)
    const object = isEmptyPatch(patch) ? live : applyPatchLocally(live, patch, inputs.schema)
    return {operation: 'configured', object, warnings: []}
  }

  const warnings: string[] = []
  if (live.metadata.annotations?.[LAST_APPLIED_CONFIG_ANNOTATION] === undefined) {
    const command = options.commandName ?? 'kubectl'
    warnings.push(
      `Warning: resource ${info.resource}/${name} is missing the ${LAST_APPLIED_CONFIG_ANNOTATION} annotation which is required by ${command} apply. ${command} apply should only be used on resources created declaratively by either ${command} create --save-config or ${command} apply. The missing annotation will be patched automatically.`,
    )
  }
  const sent = await patchWithRetries(backend, ref, name, live, inputs, writeOptions, options).catch(
    (failure: unknown) => {
      const {patch, error} = failure instanceof PatchFailure ? failure : {patch: undefined, error: failure}
      const patchText = patch === undefined ? '' : marshalGoJson(patch.body)
      const verb = `applying patch:\n${patchText}\nto:\n${infoString(info, name, namespace)}\nfor:`
      throw withSource(verb, options.source, error)
    },
  )
  if (sent.object.metadata.deletionTimestamp !== undefined) {
    warnings.push(
      `Warning: Detected changes to resource ${sent.object.metadata.name ?? name} which is currently being deleted.`,
    )
  }
  return {operation: sent.unchanged ? 'unchanged' : 'configured', object: sent.object, warnings}
}

/** A failed patch request, with the patch that was sent (kubectl prints it). */
class PatchFailure {
  constructor(
    readonly patch: ApplyPatch | undefined,
    readonly error: unknown,
  ) {}
}

interface SentPatch {
  unchanged: boolean
  object: KubeObject
}

async function patchOnce(
  backend: Backend,
  ref: ResourceRef,
  name: string,
  current: KubeObject,
  inputs: PatchInputs,
  writeOptions: WriteOptions,
): Promise<SentPatch> {
  const patch = createApplyPatch(current, inputs)
  if (isEmptyPatch(patch)) return {unchanged: true, object: current}
  try {
    return {unchanged: false, object: await backend.patch(ref, name, patch, writeOptions)}
  } catch (error) {
    throw new PatchFailure(patch, error)
  }
}

/** Patcher.Patch: on Conflict, fetch the object again and recompute the patch, up to five times. */
async function patchWithRetries(
  backend: Backend,
  ref: ResourceRef,
  name: string,
  live: KubeObject,
  inputs: PatchInputs,
  writeOptions: WriteOptions,
  options: ApplyOptions,
): Promise<SentPatch> {
  const sleep = options.sleep ?? sleepFor
  const attempt = async (current: KubeObject): Promise<SentPatch | PatchFailure> => {
    try {
      return await patchOnce(backend, ref, name, current, inputs, writeOptions)
    } catch (error) {
      if (error instanceof PatchFailure) return error
      throw new PatchFailure(undefined, error)
    }
  }
  let outcome = await attempt(live)
  for (
    let i = 1;
    i <= MAX_PATCH_RETRY && outcome instanceof PatchFailure && hasReason(outcome.error, 'Conflict');
    i++
  ) {
    if (i > TRIES_BEFORE_BACK_OFF) await sleep(BACK_OFF_PERIOD_MS)
    let current: KubeObject
    try {
      current = await backend.get(ref, name)
    } catch (error) {
      // kubectl returns a failed re-read as is, without the patch or the 'patching' prefix.
      throw new PatchFailure(undefined, error)
    }
    outcome = await attempt(current)
  }
  if (outcome instanceof PatchFailure) {
    throw new PatchFailure(outcome.patch, withSource('patching', options.source, outcome.error))
  }
  return outcome
}
