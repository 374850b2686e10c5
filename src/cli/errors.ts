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

/** Several errors from one multi-object command, reported one per line in order (utilerrors.Aggregate). */
export class AggregateErrors extends Error {
  constructor(readonly errors: readonly unknown[]) {
    super(errors.map((e) => (e instanceof Error ? e.message : String(e))).join('\n'))
    this.name = 'AggregateErrors'
  }
}

/** An invariant of skiff itself broke; the stack is shown only with SKIFF_DEBUG. */
export class BugError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BugError'
  }
}
