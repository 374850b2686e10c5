// The manager names kube-apiserver derives from each component's User-Agent (prefixFromUserAgent, v1.32):
// every controller of kube-controller-manager writes as `kube-controller-manager`.
const COMPONENT_OF_CONTROLLER: Readonly<Record<string, string>> = {
  scheduler: 'kube-scheduler',
  kubelet: 'kubelet',
}

const CONTROLLER_MANAGER = 'kube-controller-manager'

/** The field manager a control-plane controller's writes are recorded under. */
export function componentManager(controllerName: string): string {
  return COMPONENT_OF_CONTROLLER[controllerName] ?? CONTROLLER_MANAGER
}

// A write that names no manager and comes from no controller is a skiff command's: kubectl's User-Agent
// (`kubectl/v1.32.0 ...`) gives `kubectl`, the name kubectl's own commands without --field-manager get.
export const DEFAULT_FIELD_MANAGER = 'kubectl'
