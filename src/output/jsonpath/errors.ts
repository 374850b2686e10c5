/** A template that kubectl's JSONPath parser rejects; the message is the parser's own ("unclosed action"). */
export class JsonPathParseError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'JsonPathParseError'
  }
}

/** A failure while evaluating a template on an object; the message is the engine's own ("x is not found"). */
export class JsonPathExecuteError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'JsonPathExecuteError'
  }
}

/**
 * A failing evaluation step, carrying what the step returned alongside its error: Go's evaluator
 * returns both, and a filter's existence test (`[?(@.x[3])]`) looks only at the values.
 */
export class JsonPathStepError extends JsonPathExecuteError {
  constructor(
    message: string,
    readonly values: readonly unknown[],
  ) {
    super(message)
    this.name = 'JsonPathStepError'
  }
}
