/**
 * An error kubectl prints exactly as worded, without its `error: ` prefix: connection failures (`The
 * connection to the server ... was refused ...`, `Unable to connect to the server: ...`) and kubeconfig
 * selection errors (`Error in configuration: ...`). render-error prints its message as is.
 */
export class VerbatimError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'VerbatimError'
  }
}
