import type {KubeObject} from '../../backend/object.js'
import {translateTimestampSince} from './age.js'
import {ageColumn, column, nameColumn, type ColumnSet} from './column-set.js'

interface ConfigMapFields extends KubeObject {
  data?: Record<string, string>
  binaryData?: Record<string, string>
}

// kubectl: pkg/printers/internalversion/printers.go configMapColumnDefinitions + printConfigMap (v1.32)
/** NAME DATA AGE. */
export const configMapColumns: ColumnSet = {
  columns: [nameColumn(), column('Data', 'string', 'The number of keys in data and binaryData.'), ageColumn()],
  cells(object: KubeObject, now: number): unknown[] {
    const configMap = object as ConfigMapFields
    return [
      configMap.metadata.name ?? '',
      Object.keys(configMap.data ?? {}).length + Object.keys(configMap.binaryData ?? {}).length,
      translateTimestampSince(configMap.metadata.creationTimestamp, now),
    ]
  },
}
