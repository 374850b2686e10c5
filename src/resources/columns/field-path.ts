import {isJsonObject} from '../../backend/object.js'

type Literal = string | number | boolean
type Operator = '==' | '!=' | '<' | '>' | '<=' | '>='

/** One step of a field path. */
type Step =
  | {kind: 'field'; name: string}
  | {kind: 'wildcard'}
  | {kind: 'slice'; start: number | undefined; end: number | undefined; single: boolean}
  | {kind: 'filter'; path: Step[]; operator: Operator | undefined; literal: Literal | undefined}

/** A parsed field path, ready to evaluate. */
export interface FieldPath {
  readonly steps: readonly Step[]
}

const OPERATORS: readonly Operator[] = ['==', '!=', '<=', '>=', '<', '>']

/**
 * Parses the JSONPath subset CRD printer columns use: `.status.replicas`, `.spec.containers[0].image`,
 * `.items[*].name`, `.metadata.labels['app.kubernetes.io/name']`, `.status.conditions[?(@.type=="Ready")].status`,
 * `.status.conditions[-1:].type`. Undefined when the path is outside that subset; the full kubectl dialect lives in
 * src/output/jsonpath.
 */
export function parseFieldPath(path: string): FieldPath | undefined {
  const steps = new PathParser(path.trim()).parseSteps(false)
  return steps === undefined ? undefined : {steps}
}

/** Every value a field path reaches in a JSON value; missing keys and out-of-range indexes reach nothing. */
export function evaluateFieldPath(path: FieldPath, root: unknown): unknown[] {
  return evaluate(path.steps, [root])
}

function evaluate(steps: readonly Step[], start: unknown[]): unknown[] {
  let values = start
  for (const step of steps) values = values.flatMap((value) => apply(step, value))
  return values
}

function apply(step: Step, value: unknown): unknown[] {
  switch (step.kind) {
    case 'field':
      return isJsonObject(value) && Object.hasOwn(value, step.name) ? [value[step.name]] : []
    case 'wildcard':
      if (Array.isArray(value)) return value
      return isJsonObject(value)
        ? Object.keys(value)
            .sort()
            .map((key) => value[key])
        : []
    case 'slice':
      return Array.isArray(value) ? slice(step, value) : []
    case 'filter':
      return Array.isArray(value) ? value.filter((item) => matches(step, item)) : []
  }
}

// client-go jsonpath evalArray: negative bounds count from the end, out-of-range bounds reach nothing
function slice(
  step: {start: number | undefined; end: number | undefined; single: boolean},
  items: unknown[],
): unknown[] {
  const length = items.length
  let start = step.start ?? 0
  if (start < 0) start += length
  let end = step.single ? start + 1 : (step.end ?? length)
  if (!step.single && end < 0) end += length
  if (start === end) return []
  if (start < 0 || start >= length || end < 0 || end > length || start > end) return []
  return items.slice(start, end)
}

function matches(
  step: {path: Step[]; operator: Operator | undefined; literal: Literal | undefined},
  item: unknown,
): boolean {
  const found = evaluate(step.path, [item])
  if (step.operator === undefined || step.literal === undefined) return found.length > 0
  const left = found[0]
  const right = step.literal
  if (found.length === 0 || typeof left !== typeof right) return false
  switch (step.operator) {
    case '==':
      return left === right
    case '!=':
      return left !== right
    default:
      return typeof left === 'number' && typeof right === 'number' && compareNumbers(step.operator, left, right)
  }
}

function compareNumbers(operator: '<' | '>' | '<=' | '>=', left: number, right: number): boolean {
  if (operator === '<') return left < right
  if (operator === '>') return left > right
  if (operator === '<=') return left <= right
  return left >= right
}

class PathParser {
  private position = 0

  constructor(private readonly text: string) {}

  /** Steps up to the end of the text, or, inside a filter, up to the first character no step starts with. */
  parseSteps(inFilter: boolean): Step[] | undefined {
    const steps: Step[] = []
    while (this.position < this.text.length) {
      const char = this.text[this.position]
      let step: Step | undefined
      if (char === '.') step = this.parseDotted()
      else if (char === '[') step = this.parseBracket()
      else if (inFilter) break
      else return undefined
      if (step === undefined) return undefined
      steps.push(step)
    }
    return steps
  }

  private parseDotted(): Step | undefined {
    this.position++
    if (this.text[this.position] === '*') {
      this.position++
      return {kind: 'wildcard'}
    }
    let name = ''
    while (this.position < this.text.length) {
      const char = this.text[this.position] ?? ''
      if (char === '\\' && this.text[this.position + 1] === '.') {
        name += '.'
        this.position += 2
        continue
      }
      if (char === '.' || char === '[' || /[\s)=!<>]/.test(char)) break
      name += char
      this.position++
    }
    return name === '' ? undefined : {kind: 'field', name}
  }

  private parseBracket(): Step | undefined {
    const close = this.text.indexOf(']', this.position)
    if (this.text.startsWith('[?(', this.position)) return this.parseFilter()
    if (close < 0) return undefined
    const inside = this.text.slice(this.position + 1, close).trim()
    this.position = close + 1
    if (inside === '*') return {kind: 'wildcard'}
    const quoted = /^'([^']*)'$|^"([^"]*)"$/.exec(inside)
    if (quoted) return {kind: 'field', name: quoted[1] ?? quoted[2] ?? ''}
    const single = /^-?\d+$/.exec(inside)
    if (single) return {kind: 'slice', start: Number(inside), end: undefined, single: true}
    const range = /^(-?\d+)?:(-?\d+)?$/.exec(inside)
    if (!range) return undefined
    const start = range[1] === undefined ? undefined : Number(range[1])
    const end = range[2] === undefined ? undefined : Number(range[2])
    return {kind: 'slice', start, end, single: false}
  }

  private parseFilter(): Step | undefined {
    this.position += 3
    this.skipSpaces()
    if (this.text[this.position] !== '@') return undefined
    this.position++
    const path = this.parseSteps(true)
    if (path === undefined) return undefined
    this.skipSpaces()
    let operator: Operator | undefined
    let literal: Literal | undefined
    const found = OPERATORS.find((op) => this.text.startsWith(op, this.position))
    if (found) {
      operator = found
      this.position += found.length
      this.skipSpaces()
      literal = this.parseLiteral()
      if (literal === undefined) return undefined
      this.skipSpaces()
    }
    if (!this.text.startsWith(')]', this.position)) return undefined
    this.position += 2
    return {kind: 'filter', path, operator, literal}
  }

  private parseLiteral(): Literal | undefined {
    const rest = this.text.slice(this.position)
    const match = /^'([^']*)'|^"([^"]*)"|^(-?\d+(?:\.\d+)?)|^(true|false)/.exec(rest)
    if (!match) return undefined
    this.position += match[0].length
    if (match[3] !== undefined) return Number(match[3])
    if (match[4] !== undefined) return match[4] === 'true'
    return match[1] ?? match[2] ?? ''
  }

  private skipSpaces(): void {
    while (this.text[this.position] === ' ') this.position++
  }
}
