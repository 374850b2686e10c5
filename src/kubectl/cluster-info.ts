import type {Backend} from '../backend/backend.js'
import type {KubeObject} from '../backend/object.js'

// cluster-info lists the Services that mark themselves as cluster services (clusterinfo.go, v1.32)
const CLUSTER_SERVICE_SELECTOR = 'kubernetes.io/cluster-service=true'
// kubectl's default namespace for cluster-info when -n is not given: kube-system, not the context's
export const CLUSTER_INFO_NAMESPACE = 'kube-system'

/** One `NAME is running at LINK` line. */
interface RunningAt {
  name: string
  link: string
}

/** What cluster-info needs: the namespace of -n, and the API server's address as the client reaches it. */
interface ClusterInfoOptions {
  namespace: string
  /** the kubeconfig server (rest.Config Host); '' for an embedded cluster, which has no address */
  host: string
  /** where the control plane runs, as the first line says it: the host, or the embedded cluster's name */
  controlPlane: string
}

interface ServiceFields {
  spec?: {ports?: {name?: string; port?: number}[]}
  status?: {loadBalancer?: {ingress?: {ip?: string; hostname?: string}[]}}
}

// utilnet.JoinSchemeNamePort: `https:name:port`, the scheme and port name left out when empty
function schemeNamePort(scheme: string, name: string, port: string): string {
  if (scheme !== '') return `${scheme}:${name}:${port}`
  return port !== '' ? `${name}:${port}` : name
}

function serviceLink(service: KubeObject, host: string): string {
  const {spec, status} = service as KubeObject & ServiceFields
  const ports = spec?.ports ?? []
  const ingress = status?.loadBalancer?.ingress?.[0]
  if (ingress) {
    const ip = ingress.ip || ingress.hostname || ''
    return ports.map((p) => `http://${ip}:${p.port ?? 0} `).join('')
  }
  let name = service.metadata.name ?? ''
  const [port] = ports
  if (port) {
    // guess https from the port's name or number, as kubectl does
    const scheme = port.name === 'https' || port.port === 443 ? 'https' : ''
    name = schemeNamePort(scheme, name, port.name ?? '')
  }
  return `${host}/api/v1/namespaces/${service.metadata.namespace ?? ''}/services/${name}/proxy`
}

/** The control plane's address and each cluster service's proxy link (kubectl cluster-info, v1.32). */
export async function clusterInfo(backend: Backend, options: ClusterInfoOptions): Promise<RunningAt[]> {
  const services = await backend.list(
    {group: '', version: 'v1', resource: 'services', namespace: options.namespace},
    {labelSelector: CLUSTER_SERVICE_SELECTOR},
  )
  return [
    {name: 'Kubernetes control plane', link: options.controlPlane},
    ...services.items.map((service) => ({
      name: service.metadata.labels?.['kubernetes.io/name'] || (service.metadata.name ?? ''),
      link: serviceLink(service, options.host),
    })),
  ]
}
