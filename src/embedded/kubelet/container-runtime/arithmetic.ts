import {UnsupportedScriptError} from './shell-syntax.js'

/**
 * `$(( ... ))`: integer arithmetic with + - * / % ** comparisons, && || ! and parentheses, where names
 * read shell variables (unset or not a number is 0), as POSIX shells do.
 */
export function evaluateArithmetic(expression: string, lookup: (name: string) => string): number {
  const tokens = expression.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<=|>=|==|!=|&&|\|\||[-+*/%()<>!]|\S/g) ?? []
  let position = 0
  const peek = (): string => tokens[position] ?? ''
  const next = (): string => tokens[position++] ?? ''

  const binary =
    (operators: readonly string[], operand: () => number, apply: (op: string, a: number, b: number) => number) =>
    (): number => {
      let value = operand()
      while (operators.includes(peek())) {
        const op = next()
        value = apply(op, value, operand())
      }
      return value
    }
  const primary = (): number => {
    const token = next()
    if (token === '(') {
      const value = or()
      if (next() !== ')') throw new UnsupportedScriptError(`arithmetic "${expression}"`)
      return value
    }
    if (token === '-') return -primary()
    if (token === '+') return primary()
    if (token === '!') return primary() === 0 ? 1 : 0
    if (/^\d+$/.test(token)) return Number(token)
    if (/^[A-Za-z_]/.test(token)) return Math.trunc(Number(lookup(token))) || 0
    throw new UnsupportedScriptError(`arithmetic "${expression}"`)
  }
  const power = binary(['**'], primary, (_, a, b) => a ** b)
  const product = binary(['*', '/', '%'], power, (op, a, b) => {
    if (op === '*') return a * b
    if (b === 0) throw new UnsupportedScriptError('division by zero')
    return op === '/' ? Math.trunc(a / b) : a % b
  })
  const sum = binary(['+', '-'], product, (op, a, b) => (op === '+' ? a + b : a - b))
  const compare = binary(['<', '>', '<=', '>=', '==', '!='], sum, (op, a, b) => {
    const result = {'<': a < b, '>': a > b, '<=': a <= b, '>=': a >= b, '==': a === b, '!=': a !== b}[op]
    return result ? 1 : 0
  })
  const and = binary(['&&'], compare, (_, a, b) => (a !== 0 && b !== 0 ? 1 : 0))
  const or = binary(['||'], and, (_, a, b) => (a !== 0 || b !== 0 ? 1 : 0))
  const value = or()
  if (position < tokens.length) throw new UnsupportedScriptError(`arithmetic "${expression}"`)
  return value
}
