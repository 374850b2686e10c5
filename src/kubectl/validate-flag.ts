import type {WriteOptions} from '../backend/backend.js'

/**
 * kubectl's --validate as the fieldValidation it sends (cmdutil.GetValidationDirective, v1.32):
 * strict or true, warn, ignore or false; anything else is refused before any request.
 */
export function fieldValidationOf(flag: string): NonNullable<WriteOptions['fieldValidation']> {
  switch (flag.toLowerCase()) {
    case 'strict':
    case 'true':
      return 'Strict'
    case 'warn':
      return 'Warn'
    case 'ignore':
    case 'false':
      return 'Ignore'
    default:
      throw new Error(`invalid - validate option "${flag}"; must be one of: strict (or true), warn, ignore (or false)`)
  }
}
