// How field.Invalid prints spec.versions: Go's %#v of the internal []apiextensions.CustomResourceDefinitionVersion
// (v1.32 field order). Pointers print as addresses, which differ on every real server too.
import {goQuote} from '../../resources/go-format.js'
import type {PrinterColumn} from '../../resources/columns/index.js'
import type {DefinitionVersion} from './types.js'

const BASE_ADDRESS = 0xc000a1c000
const POINTER_STRIDE = 0x8

/** %#v of the versions, with made-up heap addresses where the server prints pointers. */
export function goVersions(versions: readonly DefinitionVersion[]): string {
  let next = BASE_ADDRESS
  const pointer = (type: string, present: boolean): string => {
    if (!present) return `(*apiextensions.${type})(nil)`
    next += POINTER_STRIDE
    return `(*apiextensions.${type})(0x${next.toString(16)})`
  }
  const entries = versions.map((v) => {
    const warning = v.deprecationWarning === undefined ? '(*string)(nil)' : pointer('string', true)
    const columns = v.additionalPrinterColumns?.length
      ? `[]apiextensions.CustomResourceColumnDefinition{${v.additionalPrinterColumns.map(goColumn).join(', ')}}`
      : '[]apiextensions.CustomResourceColumnDefinition(nil)'
    return (
      `apiextensions.CustomResourceDefinitionVersion{Name:${goQuote(v.name ?? '')}, Served:${v.served === true}, ` +
      `Storage:${v.storage === true}, Deprecated:${v.deprecated === true}, DeprecationWarning:${warning}, ` +
      `Schema:${pointer('CustomResourceValidation', v.schema !== undefined)}, ` +
      `Subresources:${pointer('CustomResourceSubresources', v.subresources !== undefined)}, ` +
      `AdditionalPrinterColumns:${columns}, SelectableFields:[]apiextensions.SelectableField(nil)}`
    )
  })
  return `[]apiextensions.CustomResourceDefinitionVersion{${entries.join(', ')}}`
}

function goColumn(column: PrinterColumn): string {
  return (
    `apiextensions.CustomResourceColumnDefinition{Name:${goQuote(column.name ?? '')}, Type:${goQuote(column.type ?? '')}, ` +
    `Format:${goQuote(column.format ?? '')}, Description:${goQuote(column.description ?? '')}, ` +
    `Priority:${column.priority ?? 0}, JSONPath:${goQuote(column.jsonPath ?? '')}}`
  )
}
