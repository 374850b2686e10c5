/**
 * The order go-yaml v2 writes map keys in (sorter.go keyList.Less, as kubectl v1.32 vendors it): a
 * natural order where runs of digits compare as numbers ("a2" < "a10") and non-letters sort before
 * letters. Not plain byte order: `-o yaml` and `-o json` list keys differently.
 */

const LETTER = /^\p{L}$/u
const DIGIT = /^\p{Nd}$/u

/** Negative when key a is written before key b. */
export function compareYamlKeys(a: string, b: string): number {
  if (a === b) return 0
  return keyLess([...a], [...b]) ? -1 : 1
}

function keyLess(a: string[], b: string[]): boolean {
  for (let index = 0; index < a.length && index < b.length; index++) {
    const charA = a[index] ?? ''
    const charB = b[index] ?? ''
    if (charA === charB) continue
    const letterA = LETTER.test(charA)
    const letterB = LETTER.test(charB)
    if (letterA && letterB) return codePoint(charA) < codePoint(charB)
    if (letterA || letterB) return letterB
    return digitRunLess(a, b, index)
  }
  return a.length < b.length
}

// Both characters differ and neither is a letter: compare the digit runs starting here as numbers.
function digitRunLess(a: string[], b: string[], index: number): boolean {
  let numberA = 0
  let numberB = 0
  if (a[index] === '0' || b[index] === '0') {
    // a zero inside a larger number is a digit like the others, not a leading zero
    for (let back = index - 1; back >= 0 && DIGIT.test(a[back] ?? ''); back--) {
      if (a[back] !== '0') {
        numberA = 1
        numberB = 1
        break
      }
    }
  }
  let endA = index
  for (; endA < a.length && DIGIT.test(a[endA] ?? ''); endA++) numberA = numberA * 10 + digitValue(a[endA])
  let endB = index
  for (; endB < b.length && DIGIT.test(b[endB] ?? ''); endB++) numberB = numberB * 10 + digitValue(b[endB])
  if (numberA !== numberB) return numberA < numberB
  if (endA !== endB) return endA < endB
  return codePoint(a[index] ?? '') < codePoint(b[index] ?? '')
}

function digitValue(char: string | undefined): number {
  return codePoint(char ?? '0') - codePoint('0')
}

function codePoint(char: string): number {
  return char.codePointAt(0) ?? 0
}
