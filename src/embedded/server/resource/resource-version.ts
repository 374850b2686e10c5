import {StatusError} from '../../../backend/status.js'
import {goQuote} from '../../../resources/go-format.js'
import {failureStatus} from '../status-response.js'

const UINT64_MAX = 2n ** 64n - 1n

// storage APIObjectVersioner.ParseResourceVersion: strconv.ParseUint(rv, 10, 64), its error wrapped as a
// field error on resourceVersion (apiserver storage/api_object_versioner.go, v1.32)
function parseProblem(resourceVersion: string): string | undefined {
  if (resourceVersion === '' || resourceVersion === '0') return undefined
  const quoted = goQuote(resourceVersion)
  let detail: string | undefined
  if (!/^\d+$/.test(resourceVersion)) detail = `strconv.ParseUint: parsing ${quoted}: invalid syntax`
  else if (BigInt(resourceVersion) > UINT64_MAX) detail = `strconv.ParseUint: parsing ${quoted}: value out of range`
  return detail === undefined ? undefined : `resourceVersion: Invalid value: ${quoted}: ${detail}`
}

/**
 * Refuses a resourceVersion that is not a number as kube-apiserver does. The watch cache returns the
 * versioner's storage.InvalidError as it is, which the handler turns into a 422 Invalid Status without
 * details (responsewriters/status.go convertStorageErrorOrNot); a list the cache hands to etcd (a limit
 * with a resourceVersion and no resourceVersionMatch, an Exact match, a continue) gets etcd3's 400
 * `invalid resource version: ...` (storage/util.go ValidateListOptions, cacher shouldDelegateList, v1.32).
 */
export function checkResourceVersion(resourceVersion: string | undefined, {fromStorage}: {fromStorage: boolean}): void {
  const problem = parseProblem(resourceVersion ?? '')
  if (problem === undefined) return
  throw new StatusError(
    fromStorage
      ? failureStatus(400, 'BadRequest', `invalid resource version: ${problem}`)
      : failureStatus(422, 'Invalid', problem),
  )
}
