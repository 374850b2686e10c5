/**
 * libyaml's yaml_emitter_analyze_scalar as go-yaml v2 has it: which styles may write a string.
 * A leading `- `, `: `, `#`, `*`, `&`... rules out plain; a break after a space rules out block
 * and single quotes; a tab or any non-printable character leaves only double quotes.
 */
import {isBlank, isBlankOrEnd, isBreak, isPrintable, isSpace} from './characters.js'

/**
 * What yaml_emitter_analyze_scalar finds out about a scalar. Only the block-context answers are
 * kept: skiff writes no scalar inside a flow collection (only empty `[]` and `{}` are flow).
 */
export interface ScalarAnalysis {
  multiline: boolean
  blockPlainAllowed: boolean
  singleQuotedAllowed: boolean
  blockAllowed: boolean
}

const FIRST_CHARACTER_INDICATORS = '#,[]{}&*!|>\'"%@`'

/** Analyzes a scalar's characters (a list of code points). */
export function analyzeScalar(chars: readonly string[]): ScalarAnalysis {
  if (chars.length === 0) {
    return {multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false}
  }
  const text = chars.join('')
  let blockIndicators = text.startsWith('---') || text.startsWith('...')
  let lineBreaks = false
  let specialCharacters = false
  let leadingSpace = false
  let leadingBreak = false
  let trailingSpace = false
  let trailingBreak = false
  let breakSpace = false
  let spaceBreak = false
  let precededByWhitespace = true
  let previousSpace = false
  let previousBreak = false

  chars.forEach((char, index) => {
    const followedByWhitespace = index + 1 >= chars.length || isBlank(chars[index + 1])
    if (index === 0) {
      if (FIRST_CHARACTER_INDICATORS.includes(char)) blockIndicators = true
      else if ((char === '?' || char === ':' || char === '-') && followedByWhitespace) blockIndicators = true
    } else if ((char === ':' && followedByWhitespace) || (char === '#' && precededByWhitespace)) {
      blockIndicators = true
    }

    if (!isPrintable(char)) specialCharacters = true
    const last = index + 1 === chars.length
    if (isSpace(char)) {
      if (index === 0) leadingSpace = true
      if (last) trailingSpace = true
      if (previousBreak) breakSpace = true
      previousSpace = true
      previousBreak = false
    } else if (isBreak(char)) {
      lineBreaks = true
      if (index === 0) leadingBreak = true
      if (last) trailingBreak = true
      if (previousSpace) spaceBreak = true
      previousSpace = false
      previousBreak = true
    } else {
      previousSpace = false
      previousBreak = false
    }
    precededByWhitespace = isBlankOrEnd(char)
  })

  const plainAllowed = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || breakSpace || spaceBreak)
  const quotedOnly = spaceBreak || specialCharacters
  return {
    multiline: lineBreaks,
    blockPlainAllowed: plainAllowed && !quotedOnly && !lineBreaks && !blockIndicators,
    singleQuotedAllowed: !breakSpace && !quotedOnly,
    blockAllowed: !trailingSpace && !quotedOnly,
  }
}
