import type {PeriodicLoop} from './timeline.js'

/** The run ended with `exit N` (or the last status at the end of the script). */
export class ExitSignal {
  constructor(readonly code: number) {}
}

/** The run never ends: quietly (sleep infinity, an unknown program) or as an endless loop. */
export class ForeverSignal {
  constructor(
    readonly loop: PeriodicLoop | undefined,
    readonly unsupported?: string,
  ) {}
}
