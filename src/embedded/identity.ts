/** Who a request comes from, as kube-apiserver's authentication leaves it (k8s.io/apiserver user.Info). */
export interface UserInfo {
  username: string
  uid?: string
  groups: string[]
  extra?: Record<string, string[]>
}

// The embedded control plane runs in the same process as the CLI, so a command is its loopback client:
// kube-apiserver authenticates that client as system:apiserver in system:masters (server/options/authentication.go),
// a superuser every authorizer allows. skiff serve's bearer token stands for the same single user.
export const EMBEDDED_USER: UserInfo = {
  username: 'system:apiserver',
  groups: ['system:masters', 'system:authenticated'],
}

/** The group every authenticated request is in: kube-apiserver adds it unless it is there already. */
export const AUTHENTICATED_GROUP = 'system:authenticated'

/** The superuser group: the privileged-group authorizer allows its members everything. */
export const MASTERS_GROUP = 'system:masters'
