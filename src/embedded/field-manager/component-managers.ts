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

// apimachinery's validation.FieldManagerMaxLength: a manager name is at most 128 bytes
const FIELD_MANAGER_MAX_BYTES = 128

/**
 * The manager kube-apiserver records for a write that names none (managerOrUserAgent and prefixFromUserAgent
 * in apiserver's handlers, v1.32): the User-Agent up to its first '/', without unprintable characters, cut
 * to 128 bytes at a character boundary. `kubectl/v1.32.4 (linux/amd64) kubernetes/...` gives `kubectl`.
 */
export function managerFromUserAgent(userAgent: string): string {
  const prefix = userAgent.split('/')[0] ?? ''
  let manager = ''
  let bytes = 0
  for (const char of prefix) {
    if (!/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(char)) continue
    const size = Buffer.byteLength(char)
    if (bytes + size > FIELD_MANAGER_MAX_BYTES) break
    manager += char
    bytes += size
  }
  return manager
}
