// Label selectors as k8s.io/apimachinery/pkg/labels (selector.go, v1.32) parses, matches and prints them, and
// metav1.LabelSelector as LabelSelectorAsSelector / FormatLabelSelector (apis/meta/v1/helpers.go, v1.32) read it.
import {compareGoStrings, goQuote, goStringSlice} from './go-format.js'
import {isQualifiedName, isValidLabelValue} from './label-syntax.js'
import {aggregateMessage} from './aggregate-message.js'

/** A requirement operator, spelled as selection.Operator spells it. */
export type LabelOperator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt'

/** One requirement of a label selector (labels.Requirement). */
export interface LabelRequirement {
  readonly key: string
  readonly operator: LabelOperator
  readonly values: readonly string[]
}

/** A parsed label selector: the AND of its requirements, sorted by key. */
export interface LabelSelector {
  readonly requirements: readonly LabelRequirement[]
  /** True only for labels.Nothing(), the selector of an absent metav1.LabelSelector. */
  readonly matchesNothing: boolean
}

/** metav1.LabelSelector, as Deployments, ReplicaSets, Jobs and other workloads carry it. */
export interface LabelSelectorSpec {
  matchLabels?: Record<string, string>
  matchExpressions?: readonly {key?: string; operator?: string; values?: readonly string[]}[]
}

/** A selector that does not parse or validate; the message is the one labels.Parse returns. */
export class LabelSelectorError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LabelSelectorError'
  }
}

const BINARY_OPERATORS = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'] as const
const NOTHING: LabelSelector = {requirements: [], matchesNothing: true}

/** field.Invalid(path, value, detail).Error() with a string value. */
function invalid(path: string, value: string, detail: string): string {
  return `${path}: Invalid value: ${goQuote(value)}: ${detail}`
}

// Go's strconv.ParseInt(value, 10, 64).
function parseInt64(value: string): bigint | undefined {
  if (!/^[+-]?\d+$/.test(value)) return undefined
  const n = BigInt(value)
  return n >= -(2n ** 63n) && n < 2n ** 63n ? n : undefined
}

/** labels.NewRequirement: validates and builds a requirement; `values` undefined stands for a nil slice. */
function newRequirement(key: string, operator: LabelOperator, values: readonly string[] | undefined): LabelRequirement {
  const errors: string[] = []
  const keyErrors = isQualifiedName(key)
  if (keyErrors.length > 0) errors.push(invalid('key', key, keyErrors.join('; ')))
  const list = values ?? []
  const badList = (detail: string): string => `values: Invalid value: ${goStringSlice(values)}: ${detail}`
  switch (operator) {
    case 'in':
    case 'notin':
      if (list.length === 0) errors.push(badList("for 'in', 'notin' operators, values set can't be empty"))
      break
    case '=':
    case '==':
    case '!=':
      if (list.length !== 1) errors.push(badList('exact-match compatibility requires one single value'))
      break
    case 'exists':
    case '!':
      if (list.length !== 0) errors.push(badList('values set must be empty for exists and does not exist'))
      break
    case 'gt':
    case 'lt':
      if (list.length !== 1) errors.push(badList("for 'Gt', 'Lt' operators, exactly one value is required"))
      list.forEach((value, i) => {
        if (parseInt64(value) === undefined)
          errors.push(invalid(`values[${i}]`, value, "for 'Gt', 'Lt' operators, the value must be an integer"))
      })
      break
  }
  list.forEach((value, i) => {
    const valueErrors = isValidLabelValue(value)
    if (valueErrors.length > 0) errors.push(invalid(`values[${i}][${key}]`, value, valueErrors.join('; ')))
  })
  if (errors.length > 0) throw new LabelSelectorError(aggregateMessage(errors))
  return {key, operator, values: [...list]}
}

function sortedByKey(requirements: readonly LabelRequirement[]): LabelRequirement[] {
  return [...requirements].sort((a, b) => compareGoStrings(a.key, b.key))
}

type TokenType = 'end' | ')' | ',' | '!' | '==' | '=' | 'gt' | 'id' | 'in' | 'lt' | '!=' | 'notin' | '('
interface Token {
  type: TokenType
  literal: string
}

const SYMBOLS: Record<string, TokenType> = {
  ')': ')',
  ',': ',',
  '!': '!',
  '==': '==',
  '=': '=',
  '>': 'gt',
  '<': 'lt',
  '!=': '!=',
  '(': '(',
}
const KEYWORDS: Record<string, TokenType> = {in: 'in', notin: 'notin'}

const isWhitespace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n'
const isSpecial = (ch: string): boolean => '=!(),><'.includes(ch) && ch !== ''

/** The selector lexer; a NUL ends the input as it does in Go's byte reader. */
function lex(text: string): Token[] {
  const tokens: Token[] = []
  let pos = 0
  const peek = (): string => (pos < text.length && text[pos] !== '\0' ? (text[pos] ?? '') : '')
  for (;;) {
    while (isWhitespace(peek())) pos++
    const ch = peek()
    if (ch === '') {
      tokens.push({type: 'end', literal: ''})
      return tokens
    }
    if (isSpecial(ch)) {
      // every symbol character is a token by itself; take the longest run that still spells one
      let token: Token = {type: SYMBOLS[ch] ?? ')', literal: ch}
      pos++
      while (isSpecial(peek())) {
        const type = SYMBOLS[token.literal + peek()]
        if (type === undefined) break
        token = {type, literal: token.literal + peek()}
        pos++
      }
      tokens.push(token)
      continue
    }
    let word = ''
    while (peek() !== '' && !isSpecial(peek()) && !isWhitespace(peek())) word += text[pos++]
    tokens.push({type: KEYWORDS[word] ?? 'id', literal: word})
  }
}

/** Recursive-descent parser over the lexed tokens, as labels.Parser. */
class Parser {
  private position = 0
  constructor(private readonly tokens: Token[]) {}

  // In value position the keywords 'in' and 'notin' are plain identifiers.
  private lookahead(values = true): Token {
    const token = this.tokens[this.position] ?? {type: 'end', literal: ''}
    return values && (token.type === 'in' || token.type === 'notin') ? {type: 'id', literal: token.literal} : token
  }

  private consume(values = true): Token {
    const token = this.lookahead(values)
    this.position++
    return token
  }

  parse(): LabelRequirement[] {
    const requirements: LabelRequirement[] = []
    for (;;) {
      const {type, literal} = this.lookahead()
      if (type === 'end') return requirements
      if (type !== 'id' && type !== '!')
        throw new LabelSelectorError(`found '${literal}', expected: !, identifier, or 'end of string'`)
      try {
        requirements.push(this.parseRequirement())
      } catch (error) {
        if (error instanceof LabelSelectorError)
          throw new LabelSelectorError(`unable to parse requirement: ${error.message}`)
        throw error
      }
      const after = this.consume()
      if (after.type === 'end') return requirements
      if (after.type !== ',') throw new LabelSelectorError(`found '${after.literal}', expected: ',' or 'end of string'`)
      const next = this.lookahead()
      if (next.type !== 'id' && next.type !== '!')
        throw new LabelSelectorError(`found '${next.literal}', expected: identifier after ','`)
    }
  }

  private parseRequirement(): LabelRequirement {
    let token = this.consume()
    const negated = token.type === '!'
    if (negated) token = this.consume()
    if (token.type !== 'id') throw new LabelSelectorError(`found '${token.literal}', expected: identifier`)
    const key = token.literal
    // the parser validates the key under a nil field path, which Go prints as <nil>
    const keyErrors = isQualifiedName(key)
    if (keyErrors.length > 0) throw new LabelSelectorError(invalid('<nil>', key, keyErrors.join('; ')))
    const next = this.lookahead().type
    if (negated) return newRequirement(key, '!', [])
    if (next === 'end' || next === ',') return newRequirement(key, 'exists', [])
    const operator = this.parseOperator()
    const values = operator === 'in' || operator === 'notin' ? this.parseValues() : this.parseExactValue()
    return newRequirement(key, operator, [...new Set(values)].sort(compareGoStrings))
  }

  private parseOperator(): LabelOperator {
    const {type, literal} = this.consume(false)
    switch (type) {
      case 'in':
      case 'notin':
      case '=':
      case '==':
      case '!=':
      case 'gt':
      case 'lt':
        return type
      default:
        throw new LabelSelectorError(`found '${literal}', expected: ${BINARY_OPERATORS.join(', ')}`)
    }
  }

  private parseValues(): string[] {
    const open = this.consume()
    if (open.type !== '(') throw new LabelSelectorError(`found '${open.literal}' expected: '('`)
    const {type, literal} = this.lookahead()
    if (type === ')') {
      this.consume()
      return ['']
    }
    if (type !== 'id' && type !== ',')
      throw new LabelSelectorError(`found '${literal}', expected: ',', ')' or identifier`)
    const values = this.parseIdentifiers()
    this.consume()
    return values
  }

  // A possibly empty, comma-separated list of possibly empty identifiers; stops before ')'.
  private parseIdentifiers(): string[] {
    const values: string[] = []
    for (;;) {
      const token = this.consume()
      if (token.type === 'id') {
        values.push(token.literal)
        const next = this.lookahead()
        if (next.type === ')') return values
        if (next.type !== ',') throw new LabelSelectorError(`found '${next.literal}', expected: ',' or ')'`)
      } else if (token.type === ',') {
        if (values.length === 0) values.push('')
        const next = this.lookahead().type
        if (next === ')') return [...values, '']
        if (next === ',') {
          // the second comma is swallowed, so ',,)' ends in an error as in Go
          this.consume()
          values.push('')
        }
      } else {
        throw new LabelSelectorError(`found '${token.literal}', expected: ',', or identifier`)
      }
    }
  }

  private parseExactValue(): string[] {
    const next = this.lookahead()
    if (next.type === 'end' || next.type === ',') return ['']
    const token = this.consume()
    if (token.type === 'id') return [token.literal]
    throw new LabelSelectorError(`found '${token.literal}', expected: identifier`)
  }
}

/** labels.Parse: `app=web,tier in (a,b),!canary`. Throws LabelSelectorError worded as labels.Parse. */
export function parseLabelSelector(text: string): LabelSelector {
  return {requirements: sortedByKey(new Parser(lex(text)).parse()), matchesNothing: false}
}

function matchesRequirement(requirement: LabelRequirement, labels: Record<string, string>): boolean {
  const has = Object.hasOwn(labels, requirement.key)
  const value = has ? labels[requirement.key] : undefined
  switch (requirement.operator) {
    case 'in':
    case '=':
    case '==':
      return value !== undefined && requirement.values.includes(value)
    case 'notin':
    case '!=':
      return value === undefined || !requirement.values.includes(value)
    case 'exists':
      return has
    case '!':
      return !has
    case 'gt':
    case 'lt': {
      const actual = value === undefined ? undefined : parseInt64(value)
      const [only, ...rest] = requirement.values
      const wanted = only === undefined || rest.length > 0 ? undefined : parseInt64(only)
      if (actual === undefined || wanted === undefined) return false
      return requirement.operator === 'gt' ? actual > wanted : actual < wanted
    }
  }
}

/** Selector.Empty(): true for the selector of an empty spec, which selects everything. */
export function isEmptySelector(selector: LabelSelector): boolean {
  return !selector.matchesNothing && selector.requirements.length === 0
}

/** Selector.Matches: true when every requirement holds for the labels (undefined labels = none). */
export function matchesLabels(selector: LabelSelector, labels: Record<string, string> | undefined): boolean {
  if (selector.matchesNothing) return false
  return selector.requirements.every((r) => matchesRequirement(r, labels ?? {}))
}

const SPEC_OPERATORS: Record<string, LabelOperator> = {In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!'}

/**
 * metav1.LabelSelectorAsSelector: an absent spec selects nothing, an empty one everything.
 * Throws LabelSelectorError worded as the Go function.
 */
export function labelSelectorFromSpec(spec: LabelSelectorSpec | null | undefined): LabelSelector {
  if (spec === null || spec === undefined) return NOTHING
  const requirements: LabelRequirement[] = []
  // Go ranges over the map in random order; sorted keys make the first error deterministic.
  const matchLabels = spec.matchLabels ?? {}
  for (const key of Object.keys(matchLabels).sort(compareGoStrings))
    requirements.push(newRequirement(key, '=', [matchLabels[key] ?? '']))
  for (const expression of spec.matchExpressions ?? []) {
    const operator = SPEC_OPERATORS[expression.operator ?? '']
    if (operator === undefined)
      throw new LabelSelectorError(`${goQuote(expression.operator ?? '')} is not a valid label selector operator`)
    const values = expression.values === undefined || expression.values.length === 0 ? undefined : expression.values
    requirements.push(newRequirement(expression.key ?? '', operator, values))
  }
  return {requirements: sortedByKey(requirements), matchesNothing: false}
}

/** labelSelectorFromSpec, or undefined when the spec does not convert (admission refuses such selectors). */
export function tryLabelSelectorFromSpec(spec: LabelSelectorSpec | null | undefined): LabelSelector | undefined {
  try {
    return labelSelectorFromSpec(spec)
  } catch (error) {
    if (error instanceof LabelSelectorError) return undefined
    throw error
  }
}

const OPERATOR_TEXT: Record<LabelOperator, string> = {
  '=': '=',
  '==': '==',
  '!=': '!=',
  in: ' in ',
  notin: ' notin ',
  gt: '>',
  lt: '<',
  exists: '',
  '!': '',
}

function requirementString(requirement: LabelRequirement): string {
  const {key, operator, values} = requirement
  if (operator === '!') return `!${key}`
  if (operator === 'exists') return key
  const list = values.length === 1 ? (values[0] ?? '') : [...values].sort(compareGoStrings).join(',')
  const shown = operator === 'in' || operator === 'notin' ? `(${list})` : list
  return `${key}${OPERATOR_TEXT[operator]}${shown}`
}

/** Selector.String(): requirements joined by ',' ('' for everything and for nothing). */
export function labelSelectorString(selector: LabelSelector): string {
  return selector.requirements.map(requirementString).join(',')
}

/**
 * LabelSelectorAsSelector(spec).String(): `app=web,tier in (a,b)`; '' for an absent or empty spec, undefined when
 * the spec does not convert.
 */
export function labelSelectorSpecString(spec: LabelSelectorSpec | null | undefined): string | undefined {
  const selector = tryLabelSelectorFromSpec(spec)
  return selector === undefined ? undefined : labelSelectorString(selector)
}

/** metav1.FormatLabelSelector: `app=web,tier in (a,b)`, `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(spec: LabelSelectorSpec | null | undefined): string {
  const text = labelSelectorSpecString(spec)
  if (text === undefined) return '<error>'
  return text === '' ? '<none>' : text
}

/** labels.FormatLabels: the `key=value` pairs sorted (as strings, so `a.b=2` precedes `a=1`), or `<none>`. */
export function formatLabels(labels: Readonly<Record<string, string>> | null | undefined): string {
  const pairs = Object.entries(labels ?? {})
    .map(([key, value]) => `${key}=${value}`)
    .sort(compareGoStrings)
  return pairs.length === 0 ? '<none>' : pairs.join(',')
}
