import {AggregateErrors} from './errors.js'

/**
 * kubectl's order for the errors of a verb over objects from -f (cli-runtime visitor.go, v1.32): the errors of
 * acting on objects come as they happen, and the errors of reading the sources (parse, validation, decode,
 * unknown kinds) follow as one aggregate, because EagerVisitorList gathers those until every source is read.
 */
export function withReadErrorsLast(visitErrors: readonly unknown[], readErrors: readonly unknown[]): unknown[] {
  if (readErrors.length === 0) return [...visitErrors]
  return [...visitErrors, readErrors.length === 1 ? readErrors[0] : new AggregateErrors(readErrors)]
}
