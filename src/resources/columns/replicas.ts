// kube-apiserver defaults spec.replicas to 1 on Deployments, ReplicaSets, StatefulSets and
// ReplicationControllers (pkg/apis/apps/v1/defaults.go, v1.32); an undefaulted object reads the same way
const DEFAULT_REPLICAS = 1

/** spec.replicas as kube-apiserver stores it: defaulted to 1. */
export function desiredReplicas(spec: {replicas?: number} | undefined): number {
  return spec?.replicas ?? DEFAULT_REPLICAS
}
