// kubectl auth whoami (pkg/cmd/auth/whoami.go, v1.32): create a SelfSubjectReview and show what the server
// says the caller is.
import type {Backend} from '../backend/backend.js'
import type {KubeObject} from '../backend/object.js'
import {hasReason} from '../backend/status.js'
import {TabWriter} from '../output/tabwriter.js'

interface ReviewedUser {
  username?: string
  uid?: string
  groups?: string[]
  extra?: Record<string, string[]>
}

/** Asks the server who the caller is (authentication.k8s.io/v1 SelfSubjectReview). */
export async function selfSubjectReview(backend: Backend): Promise<KubeObject> {
  try {
    return await backend.create({apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview', metadata: {}})
  } catch (error) {
    // what kubectl says when the API is not served (v1.32 falls back through v1beta1 and v1alpha1 first)
    if (hasReason(error, 'NotFound') || (error instanceof Error && /no kind "SelfSubjectReview"/.test(error.message)))
      throw new Error(
        'the selfsubjectreviews API is not enabled in the cluster\nenable APISelfSubjectReview feature gate and authentication.k8s.io/v1alpha1 or authentication.k8s.io/v1beta1 API',
      )
    throw error
  }
}

// Go's %v of a []string: [a b c]
function goList(values: readonly string[]): string {
  return `[${values.join(' ')}]`
}

/** The ATTRIBUTE/VALUE table kubectl prints without -o. */
export function whoamiTable(review: KubeObject): string {
  const user = ((review['status'] as {userInfo?: ReviewedUser} | undefined)?.userInfo ?? {}) as ReviewedUser
  const writer = new TabWriter()
  writer.write('ATTRIBUTE\tVALUE\n')
  if (user.username) writer.write(`Username\t${user.username}\n`)
  if (user.uid) writer.write(`UID\t${user.uid}\n`)
  if (user.groups && user.groups.length > 0) writer.write(`Groups\t${goList(user.groups)}\n`)
  for (const key of Object.keys(user.extra ?? {}).sort())
    writer.write(`Extra: ${key}\t${goList(user.extra?.[key] ?? [])}\n`)
  return writer.flush()
}
