import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import type {ModelAttribute, ModelSource} from './definitions.js'
import {parseModelDeclaration, type ModelDocs} from './model-docs.js'

function isAttributeList(value: unknown): value is ModelAttribute[] {
  return (
    Array.isArray(value) &&
    value.every((a) => typeof a === 'object' && a !== null && typeof (a as ModelAttribute).type === 'string')
  )
}

/**
 * The generated models of @kubernetes/client-node, as the OpenAPI builder reads them: the model classes only,
 * not the HTTP client (the package has no exports map, so the models' own entry point can be imported).
 */
export async function clientNodeModels(): Promise<ModelSource> {
  const models = (await import('@kubernetes/client-node/dist/gen/models/all.js')) as Record<string, unknown>
  const require = createRequire(import.meta.url)
  const modelsDir = join(dirname(require.resolve('@kubernetes/client-node')), 'gen', 'models')
  const docs = new Map<string, ModelDocs | undefined>()
  return {
    attributes(model) {
      const cls = Object.prototype.hasOwnProperty.call(models, model) ? models[model] : undefined
      const map = typeof cls === 'function' ? (cls as {attributeTypeMap?: unknown}).attributeTypeMap : undefined
      return isAttributeList(map) ? map : undefined
    },
    docs(model) {
      if (!docs.has(model)) {
        let parsed: ModelDocs | undefined
        try {
          parsed = parseModelDeclaration(readFileSync(join(modelsDir, `${model}.d.ts`), 'utf8'))
        } catch {
          // no declaration file: the schema goes without descriptions
          parsed = undefined
        }
        docs.set(model, parsed)
      }
      return docs.get(model)
    },
  }
}
