/*
 * What server-side apply says of an apply configuration whose values have the wrong type. The field manager turns
 * the configuration into a typed value against the kind's structured-merge-diff schema before merging
 * (sigs.k8s.io/structured-merge-diff/v4 typed/validate.go, as kube-apiserver v1.32 uses it), which knows numbers,
 * strings, booleans and "untyped" scalars (int-or-string, quantities, timestamps), maps and lists, and reports
 * every mismatch with its field path: `.spec.replicas: expected numeric (int or float), got string`.
 */
import {isJsonObject} from '../../../backend/object.js'
import {goSharpV, goSprint, goTypeName, sortedGoKeys} from '../../../resources/go-format.js'
import {fieldElement, formatPath, type PathElementKey} from '../../../resources/field-manager/path-element.js'
import {FieldPathError, itemElement, type TypeNode} from '../../../resources/field-manager/type-node.js'
import type {GoType} from './go-type.js'

// %v of structured-merge-diff's value wrapper (a pointer to a struct holding the value)
function wrapped(value: unknown): string {
  return `&{${goSprint(value)}}`
}

/** The validation errors of an apply configuration, `path: message`, fields in sorted order. */
export function applyConfigurationErrors(type: GoType, node: TypeNode, value: unknown): string[] {
  const errors: string[] = []
  validate(type, node, value, [], errors)
  return errors
}

function validate(type: GoType, node: TypeNode, value: unknown, path: PathElementKey[], errors: string[]): void {
  // null is a valid value of every type
  if (value === null || value === undefined) return
  const fail = (message: string): void => {
    errors.push(path.length === 0 ? message : `${formatPath(path)}: ${message}`)
  }
  const isScalar = !Array.isArray(value) && !isJsonObject(value)
  switch (type.kind) {
    case 'struct':
    case 'map': {
      if (!isJsonObject(value)) return fail(`expected map, got ${wrapped(value)}`)
      for (const key of sortedGoKeys(value)) {
        // a field the type does not declare is left to field validation
        const field = type.kind === 'struct' ? type.fields.get(key) : type.elem
        if (field !== undefined) validate(field, node.field(key), value[key], [...path, fieldElement(key)], errors)
      }
      return
    }
    case 'slice': {
      // []byte is a base64 string to the schema
      if (type.elem.kind === 'uint' && type.elem.bits === 8) {
        return typeof value === 'string'
          ? undefined
          : fail(`expected string, got &value.valueUnstructured{Value:${goSharpV(value)}}`)
      }
      if (!Array.isArray(value)) return fail(`expected list, got ${wrapped(value)}`)
      const element = node.element()
      for (const [index, item] of value.entries()) {
        let at: PathElementKey
        try {
          at = itemElement(node.list, item, index)
        } catch (error) {
          // an item without its keys is reported by the field manager, which builds the same path elements
          if (error instanceof FieldPathError) return
          throw error
        }
        validate(type.elem, element, item, [...path, at], errors)
      }
      return
    }
    case 'int':
    case 'uint':
    case 'float':
      return typeof value === 'number' ? undefined : fail(`expected numeric (int or float), got ${goTypeName(value)}`)
    case 'string':
      return typeof value === 'string'
        ? undefined
        : fail(`expected string, got &value.valueUnstructured{Value:${goSharpV(value)}}`)
    case 'bool':
      return typeof value === 'boolean' ? undefined : fail(`expected boolean, got ${wrapped(value)}`)
    case 'quantity':
    case 'int-or-string':
    case 'time':
      return isScalar ? undefined : fail(`expected any scalar, got ${wrapped(value)}`)
    case 'raw':
    case 'schema-or':
      // untyped in the OpenAPI schema: anything goes
      return undefined
  }
}
