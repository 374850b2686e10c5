import type {KubeObject} from '../backend/object.js'

/** Where a manifest object came from: the -f value as the user gave it (or 'STDIN', or the URL). */
export interface ManifestSource {
  readonly file: string
  /** 0-based position of the YAML document or JSON value in the source */
  readonly documentIndex: number
  /** 1-based line where the object starts in the source (0 when the source could not be read) */
  readonly line: number
  /** 0-based position in the `items` of a List the object was expanded from */
  readonly itemIndex?: number
}

/** An object read from a manifest. */
export interface ManifestObject {
  readonly object: KubeObject
  readonly source: ManifestSource
}

/** A document (or a whole source) that could not be read, in the place its objects would have had. */
export interface ManifestFailure {
  readonly error: ManifestError
  readonly source: ManifestSource
}

/** One result of reading manifests, in kubectl's visiting order. */
export type ManifestEntry = ManifestObject | ManifestFailure

/** True when an entry is an error rather than an object. */
export function isManifestFailure(entry: ManifestEntry): entry is ManifestFailure {
  return 'error' in entry
}

interface ManifestErrorOptions {
  file: string
  document?: number
  line?: number
  field?: string
  bare?: boolean
}

/** A manifest that cannot be read, parsed or decoded; the message is kubectl's, without the `error: ` prefix. */
export class ManifestError extends Error {
  readonly file: string
  /** 0-based document index, when the error belongs to one document */
  readonly document: number | undefined
  /** 1-based line in the source, when known */
  readonly line: number | undefined
  /** the object field at fault ('kind', 'metadata.name'), when known */
  readonly field: string | undefined
  /** kubectl prints this message as it is, without `error: ` (its wording for connection failures) */
  readonly bare: boolean

  constructor(message: string, options: ManifestErrorOptions) {
    super(message)
    this.name = 'ManifestError'
    this.file = options.file
    this.document = options.document
    this.line = options.line
    this.field = options.field
    this.bare = options.bare ?? false
  }
}
