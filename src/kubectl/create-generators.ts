import type {KubeObject} from '../backend/object.js'

/** `create namespace NAME`. */
export function namespaceObject(name: string): KubeObject {
  // the typed Namespace kubectl builds serialises its empty spec and status (create_namespace.go, v1.32)
  return {apiVersion: 'v1', kind: 'Namespace', metadata: {name}, spec: {}, status: {}}
}

/** `create serviceaccount NAME`. */
export function serviceAccountObject(name: string, namespace: string): KubeObject {
  return {apiVersion: 'v1', kind: 'ServiceAccount', metadata: {name, namespace}}
}

/** A key/value source of `create configmap|secret`: --from-literal, or file content already read. */
export interface DataSource {
  key: string
  value: string
}

/** Parses `--from-literal=key=value` as kubectl does (the first `=` splits). */
export function parseLiteral(text: string): DataSource {
  const eq = text.indexOf('=')
  if (eq <= 0) throw new Error(`invalid literal source ${text}, expected key=value`)
  return {key: text.slice(0, eq), value: text.slice(eq + 1)}
}

/** Parses an env file (`--from-env-file`): KEY=VALUE lines, `#` comments and blank lines skipped. */
export function parseEnvFile(content: string, file: string): DataSource[] {
  const sources: DataSource[] = []
  content.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/^\uFEFF/, '').trimStart()
    if (line === '' || line.startsWith('#')) return
    const eq = line.indexOf('=')
    if (eq <= 0) throw new Error(`${file}: line ${index + 1}: invalid line: ${line}`)
    sources.push({key: line.slice(0, eq), value: line.slice(eq + 1)})
  })
  return sources
}

// kubectl words a duplicate key differently per kind (create_configmap.go, create_secret.go, v1.32)
function collect(sources: readonly DataSource[], duplicate: (key: string) => string): Record<string, string> {
  const data: Record<string, string> = {}
  for (const {key, value} of sources) {
    if (Object.hasOwn(data, key)) throw new Error(duplicate(key))
    data[key] = value
  }
  return data
}

/** `create configmap NAME --from-literal ... --from-file ...`. */
export function configMapObject(name: string, namespace: string, sources: readonly DataSource[]): KubeObject {
  const object: KubeObject = {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name, namespace}}
  if (sources.length > 0) {
    object['data'] = collect(
      sources,
      (key) => `cannot add key "${key}", another key by that name already exists in Data for ConfigMap "${name}"`,
    )
  }
  return object
}

/** `create secret generic NAME ...`: values base64-encoded into data, as kubectl sends them. */
export function secretObject(
  name: string,
  namespace: string,
  sources: readonly DataSource[],
  type?: string,
): KubeObject {
  const object: KubeObject = {apiVersion: 'v1', kind: 'Secret', metadata: {name, namespace}}
  const data = collect(sources, (key) => `cannot add key ${key}, another key by that name already exists`)
  if (sources.length > 0) {
    object['data'] = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v).toString('base64')]))
  }
  if (type) object['type'] = type
  return object
}

/** `create deployment NAME --image=... [--replicas] [--port]`, shaped as kubectl's generator shapes it. */
export function deploymentObject(
  name: string,
  namespace: string,
  options: {images: readonly string[]; replicas: number; port?: number | undefined},
): KubeObject {
  const labels = {app: name}
  const containers = options.images.map((image, index) => {
    const container: Record<string, unknown> = {name: containerName(image), image, resources: {}}
    // kubectl gives --port to the first container only (create_deployment.go, v1.32)
    if (index === 0 && options.port !== undefined && options.port >= 0) {
      container['ports'] = [{containerPort: options.port}]
    }
    return container
  })
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name, namespace, labels},
    spec: {
      replicas: options.replicas,
      selector: {matchLabels: labels},
      strategy: {},
      template: {metadata: {labels}, spec: {containers}},
    },
    status: {},
  }
}

// kubectl names a container after its image: the last path segment, without tag or digest (create_deployment.go)
function containerName(image: string): string {
  const last = image.split('/').pop() ?? image
  const base = (last.split('@')[0] ?? last).split(':')[0] ?? last
  return base.toLowerCase().replace(/[^a-z0-9-]/g, '-')
}

/** `create cronjob NAME --image --schedule [-- COMMAND...]`, shaped as kubectl's generator shapes it. */
export function cronJobObject(
  name: string,
  namespace: string,
  options: {image: string; schedule: string; command: readonly string[]; restart?: string | undefined},
): KubeObject {
  const container: Record<string, unknown> = {name, image: options.image, resources: {}}
  if (options.command.length > 0) container['command'] = [...options.command]
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: {name, namespace},
    spec: {
      schedule: options.schedule,
      jobTemplate: {
        metadata: {name},
        spec: {
          template: {metadata: {}, spec: {containers: [container], restartPolicy: options.restart || 'OnFailure'}},
        },
      },
    },
    status: {},
  }
}

/** `create job NAME --image [-- COMMAND...]`. */
export function jobObject(
  name: string,
  namespace: string,
  options: {image: string; command: readonly string[]},
): KubeObject {
  const container: Record<string, unknown> = {name, image: options.image, resources: {}}
  if (options.command.length > 0) container['command'] = [...options.command]
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {name, namespace},
    spec: {template: {metadata: {}, spec: {containers: [container], restartPolicy: 'Never'}}},
    status: {},
  }
}

/** `create job NAME --from=cronjob/X`: the CronJob's job template, owned by it, marked as a manual run. */
export function jobFromCronJob(name: string, cronJob: KubeObject): KubeObject {
  const template =
    (
      cronJob['spec'] as
        | {
            jobTemplate?: {
              metadata?: {labels?: Record<string, string>; annotations?: Record<string, string>}
              spec?: unknown
            }
          }
        | undefined
    )?.jobTemplate ?? {}
  const annotations = {'cronjob.kubernetes.io/instantiate': 'manual', ...template.metadata?.annotations}
  const metadata: KubeObject['metadata'] = {
    name,
    namespace: cronJob.metadata.namespace ?? 'default',
    annotations,
    ownerReferences: [
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        name: cronJob.metadata.name ?? '',
        uid: cronJob.metadata.uid ?? '',
        controller: true,
      },
    ],
  }
  if (template.metadata?.labels) metadata.labels = {...template.metadata.labels}
  return {apiVersion: 'batch/v1', kind: 'Job', metadata, spec: structuredClone(template.spec ?? {}), status: {}}
}
