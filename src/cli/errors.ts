import {aggregateMessage} from '../resources/aggregate-message.js'

/** Bad flags or arguments; the message ends with kubectl's pointer to the command's help. */
export class UsageError extends Error {
  constructor(message: string, commandPath: string) {
    super(`${message}\nSee '${commandPath} -h' for help and examples`)
    this.name = 'UsageError'
  }
}

/** An error whose message is printed as is, without kubectl's `error: ` prefix. */
export class PlainError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PlainError'
  }
}

/**
 * Several errors from one multi-object command, reported one per line in order (utilerrors.Aggregate). Inside
 * another aggregate it is one line, as Go's aggregate words itself there: `[first, second]`.
 */
export class AggregateErrors extends Error {
  constructor(readonly errors: readonly unknown[]) {
    const messages = flatMessages(errors)
    super(messages.length === 0 ? '' : aggregateMessage(messages))
    this.name = 'AggregateErrors'
  }
}

// aggregate.visit: the messages of nested aggregates count one by one
function flatMessages(errors: readonly unknown[]): string[] {
  return errors.flatMap((e) =>
    e instanceof AggregateErrors ? flatMessages(e.errors) : [e instanceof Error ? e.message : String(e)],
  )
}

/** An invariant of skiff itself broke; the stack is shown only with SKIFF_DEBUG. */
export class BugError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BugError'
  }
}
