/**
 * What a model's TypeScript declaration says besides its attribute types: the type's description, each field's
 * description, and which fields are required (declared without `?`). @kubernetes/client-node generates its
 * `.d.ts` files from Kubernetes' OpenAPI document and keeps its descriptions there as doc comments.
 */
export interface ModelDocs {
  description?: string
  fields: Map<string, {description?: string; required: boolean}>
}

// the text of a doc comment's lines, without the comment markers
function commentText(lines: readonly string[]): string {
  return lines
    .map((line) => line.replace(/^\s*\/?\*+\/?\s?/, '').trimEnd())
    .filter((line) => line !== '')
    .join('\n')
}

const FIELD = /^\s*'([^']+)'(\?)?\s*:/
const CLASS = /^\s*export\s+declare\s+class\s/

/** Reads a client-node model declaration (`export declare class V1Foo { /** doc *\/ 'field'?: T; }`). */
export function parseModelDeclaration(text: string): ModelDocs {
  const docs: ModelDocs = {fields: new Map()}
  let comment: string[] | undefined
  let pending: string | undefined
  for (const line of text.split('\n')) {
    if (comment !== undefined) {
      comment.push(line)
      if (line.includes('*/')) {
        pending = commentText(comment)
        comment = undefined
      }
      continue
    }
    if (/^\s*\/\*\*/.test(line)) {
      comment = [line]
      if (line.includes('*/')) {
        pending = commentText(comment)
        comment = undefined
      }
      continue
    }
    if (CLASS.test(line)) {
      if (pending) docs.description = pending
      pending = undefined
      continue
    }
    const field = FIELD.exec(line)
    if (field?.[1] !== undefined) {
      docs.fields.set(field[1], {...(pending ? {description: pending} : {}), required: field[2] === undefined})
      pending = undefined
    } else if (line.trim() !== '') pending = undefined
  }
  return docs
}
