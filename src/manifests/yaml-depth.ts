// Measures how deeply a YAML document nests before anything recursive reads it. go-yaml v2 counts block
// indentation levels and flow levels apart and stops past 10,000 of either (scannerc.go max_indents and
// max_flow_level; a sequence written at its key's column adds no level); skiff stops sooner, counting every
// collection, because the yaml package composes documents recursively. The walk keeps its own stack.
import type {CST} from 'yaml'
import {KUBECTL_MAX_DEPTH, MAX_DEPTH} from './depth-limits.js'

/** The first collection nested past a limit: the limit, and where the collection starts in the text. */
export interface DepthExcess {
  readonly limit: number
  readonly offset: number
}

interface Frame {
  readonly token: CST.Token
  /** go-yaml's block levels and flow levels around the token, and all collections around it */
  readonly block: number
  readonly flow: number
  readonly total: number
  /** the column of the block mapping whose value the token is */
  readonly mapColumn: number | undefined
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1)
}

function children(token: CST.Token): readonly CST.Token[] {
  if (token.type === 'document') return token.value === undefined ? [] : [token.value]
  if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') return []
  const nodes: CST.Token[] = []
  for (const item of token.items) {
    if (item.key) nodes.push(item.key)
    if (item.value) nodes.push(item.value)
  }
  return nodes
}

/**
 * The first collection (in document order) nested deeper than kubectl allows, or else the first nested deeper
 * than skiff allows; undefined when the document is within both limits.
 */
export function findDepthExcess(document: CST.Document, text: string): DepthExcess | undefined {
  let beyondSkiff: DepthExcess | undefined
  const stack: Frame[] = [{token: document, block: 0, flow: 0, total: 0, mapColumn: undefined}]
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const {token} = frame
    let {block, flow, total} = frame
    let mapColumn: number | undefined
    if (token.type === 'flow-collection') {
      flow++
      total++
    } else if (token.type === 'block-map' || token.type === 'block-seq') {
      const column = columnOf(text, token.offset)
      const indentless = token.type === 'block-seq' && column === frame.mapColumn
      if (!indentless) block++
      total++
      if (token.type === 'block-map') mapColumn = column
    }
    if (block > KUBECTL_MAX_DEPTH || flow > KUBECTL_MAX_DEPTH) return {limit: KUBECTL_MAX_DEPTH, offset: token.offset}
    if (total > MAX_DEPTH && beyondSkiff === undefined) beyondSkiff = {limit: MAX_DEPTH, offset: token.offset}
    // pushed last first, so that the walk goes in document order
    const next = children(token)
    for (let i = next.length - 1; i >= 0; i--) {
      const child = next[i]
      if (child !== undefined) stack.push({token: child, block, flow, total, mapColumn})
    }
  }
  return beyondSkiff
}
