import {isStatusError, StatusError} from '../backend/status.js'
import {goQuote} from '../resources/go-format.js'

/**
 * kubectl's AddSourceToErr (pkg/cmd/util/helpers.go, v1.32): names the file an error came from, inside the
 * server's message when it is an API error, so it still renders as one:
 * `Error from server (AlreadyExists): error when creating "web.yaml": deployments.apps "web" already exists`.
 */
export function withSource(verb: string, source: string | undefined, error: unknown): unknown {
  if (source === undefined || source === '') return error
  const prefix = `error when ${verb} ${goQuote(source)}: `
  if (isStatusError(error)) return new StatusError({...error.status, message: prefix + error.status.message})
  const message = error instanceof Error ? error.message : String(error)
  return new Error(prefix + message, {cause: error})
}
