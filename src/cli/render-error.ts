import {isStatusError, type StatusError, type StatusCause} from '../backend/status.js'
import {VerbatimError} from '../cluster/verbatim-error.js'
import {AggregateErrors, PlainError} from './errors.js'

/**
 * Words an error as kubectl's checkErr does (kubectl/pkg/cmd/util/helpers.go, v1.32) and returns the
 * text for stderr, ending with a newline. Invalid errors list their causes; other API errors read
 * `Error from server (Reason): message`; anything else `error: message`.
 */
export function renderError(error: unknown): string {
  const single = error instanceof AggregateErrors && error.errors.length === 1 ? error.errors[0] : error
  if (single instanceof AggregateErrors) return single.errors.map((e) => `${messageForError(e)}\n`).join('')
  if (isStatusError(single) && single.status.reason === 'Invalid') return renderInvalid(single)
  const standard = standardMessage(single)
  if (standard !== undefined) return withFinalNewline(standard)
  if (single instanceof PlainError || single instanceof VerbatimError) return withFinalNewline(single.message)
  const message = single instanceof Error ? single.message : String(single)
  return withFinalNewline(message.startsWith('error: ') ? message : `error: ${message}`)
}

// kubectl's fatal() adds the final newline only when the message has none (cmd/util/helpers.go, v1.32)
function withFinalNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`
}

function renderInvalid(error: StatusError): string {
  const details = error.status.details
  if (!details) return 'The request is invalid\n'
  const head =
    details.kind || details.name
      ? `The ${details.kind ?? ''} "${details.name ?? ''}" is invalid`
      : 'The request is invalid'
  const causes = uniqueCauses(details.causes ?? [])
  if (causes.length === 0) return `${head}\n`
  if (causes.length === 1) return `${head}: ${causes[0]}\n`
  return `${head}: \n${causes.map((c) => `* ${c}\n`).join('')}`
}

function uniqueCauses(causes: readonly StatusCause[]): string[] {
  return [...new Set(causes.map((c) => `${c.field}: ${c.message}`))]
}

function standardMessage(error: unknown): string | undefined {
  if (!isStatusError(error)) return undefined
  const {reason, message} = error.status
  if (reason === 'Unauthorized') return `error: You must be logged in to the server (${message})`
  return reason ? `Error from server (${reason}): ${message}` : `Error from server: ${message}`
}

// inside an aggregate kubectl prints plain errors without the `error: ` prefix, and API errors, Invalid
// included, as `Error from server (Reason): ...` (MultipleErrors -> messageForError -> StandardErrorMessage)
function messageForError(error: unknown): string {
  return standardMessage(error) ?? (error instanceof Error ? error.message : String(error))
}

// test/unit/cli/render-error.test.ts imports withSource from here; the function lives with the kubectl verbs.
export {withSource} from '../kubectl/source-error.js'
