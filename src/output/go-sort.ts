/**
 * Go's sort.Sort (pattern-defeating quicksort, insertion sort up to 12 elements; Go 1.23, which
 * builds kubectl v1.32). kubectl's --sort-by is not stable and its Less is not a strict order (an
 * item without the field is "less" than every other, itself included), so the order of ties and
 * missing values is whatever this exact algorithm produces; a stable JavaScript sort would differ.
 */

/** The two operations sort.Interface gives Sort, over indices 0..length-1. */
export interface GoSortable {
  readonly length: number
  less(i: number, j: number): boolean
  swap(i: number, j: number): void
}

const MAX_INSERTION = 12
const SHORTEST_NINTHER = 50
const MAX_SWAPS = 4 * 3
const MAX_PARTIAL_STEPS = 5
const SHORTEST_SHIFTING = 50
const UINT64_MASK = (1n << 64n) - 1n

type Hint = 'unknown' | 'increasing' | 'decreasing'

/** sort.Sort(data). */
export function goSort(data: GoSortable): void {
  const length = data.length
  if (length <= 1) return
  pdqsort(data, 0, length, bitLength(length))
}

function insertionSort(data: GoSortable, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) {
    for (let j = i; j > a && data.less(j, j - 1); j--) data.swap(j, j - 1)
  }
}

function siftDown(data: GoSortable, lo: number, hi: number, first: number): void {
  let root = lo
  for (;;) {
    let child = 2 * root + 1
    if (child >= hi) return
    if (child + 1 < hi && data.less(first + child, first + child + 1)) child++
    if (!data.less(first + root, first + child)) return
    data.swap(first + root, first + child)
    root = child
  }
}

function heapSort(data: GoSortable, a: number, b: number): void {
  const hi = b - a
  for (let i = Math.trunc((hi - 1) / 2); i >= 0; i--) siftDown(data, i, hi, a)
  for (let i = hi - 1; i >= 0; i--) {
    data.swap(a, a + i)
    siftDown(data, 0, i, a)
  }
}

function pdqsort(data: GoSortable, start: number, end: number, initialLimit: number): void {
  let [a, b, limit] = [start, end, initialLimit]
  let wasBalanced = true
  let wasPartitioned = true
  for (;;) {
    const length = b - a
    if (length <= MAX_INSERTION) {
      insertionSort(data, a, b)
      return
    }
    if (limit === 0) {
      heapSort(data, a, b)
      return
    }
    if (!wasBalanced) {
      breakPatterns(data, a, b)
      limit--
    }
    let [pivot, hint] = choosePivot(data, a, b)
    if (hint === 'decreasing') {
      reverseRange(data, a, b)
      pivot = b - 1 - (pivot - a)
      hint = 'increasing'
    }
    if (wasBalanced && wasPartitioned && hint === 'increasing' && partialInsertionSort(data, a, b)) return
    if (a > 0 && !data.less(a - 1, pivot)) {
      a = partitionEqual(data, a, b, pivot)
      continue
    }
    const [mid, alreadyPartitioned] = partition(data, a, b, pivot)
    wasPartitioned = alreadyPartitioned
    const [leftLength, rightLength] = [mid - a, b - mid]
    const balanceThreshold = Math.trunc(length / 8)
    if (leftLength < rightLength) {
      wasBalanced = leftLength >= balanceThreshold
      pdqsort(data, a, mid, limit)
      a = mid + 1
    } else {
      wasBalanced = rightLength >= balanceThreshold
      pdqsort(data, mid + 1, b, limit)
      b = mid
    }
  }
}

function partition(data: GoSortable, a: number, b: number, pivot: number): [number, boolean] {
  data.swap(a, pivot)
  let [i, j] = [a + 1, b - 1]
  while (i <= j && data.less(i, a)) i++
  while (i <= j && !data.less(j, a)) j--
  if (i > j) {
    data.swap(j, a)
    return [j, true]
  }
  data.swap(i, j)
  i++
  j--
  for (;;) {
    while (i <= j && data.less(i, a)) i++
    while (i <= j && !data.less(j, a)) j--
    if (i > j) break
    data.swap(i, j)
    i++
    j--
  }
  data.swap(j, a)
  return [j, false]
}

function partitionEqual(data: GoSortable, a: number, b: number, pivot: number): number {
  data.swap(a, pivot)
  let [i, j] = [a + 1, b - 1]
  for (;;) {
    while (i <= j && !data.less(a, i)) i++
    while (i <= j && data.less(a, j)) j--
    if (i > j) break
    data.swap(i, j)
    i++
    j--
  }
  return i
}

function partialInsertionSort(data: GoSortable, a: number, b: number): boolean {
  let i = a + 1
  for (let step = 0; step < MAX_PARTIAL_STEPS; step++) {
    while (i < b && !data.less(i, i - 1)) i++
    if (i === b) return true
    if (b - a < SHORTEST_SHIFTING) return false
    data.swap(i, i - 1)
    if (i - a >= 2) {
      for (let j = i - 1; j >= 1; j--) {
        if (!data.less(j, j - 1)) break
        data.swap(j, j - 1)
      }
    }
    if (b - i >= 2) {
      for (let j = i + 1; j < b; j++) {
        if (!data.less(j, j - 1)) break
        data.swap(j, j - 1)
      }
    }
  }
  return false
}

function breakPatterns(data: GoSortable, a: number, b: number): void {
  const length = b - a
  if (length < 8) return
  let random = BigInt(length)
  const modulus = BigInt(nextPowerOfTwo(length))
  const middle = a + Math.trunc(length / 4) * 2
  for (let index = middle - 1; index <= middle + 1; index++) {
    // xorshift (sort.go): r ^= r << 13; r ^= r >> 17; r ^= r << 5, on a uint64
    random ^= (random << 13n) & UINT64_MASK
    random ^= random >> 17n
    random ^= (random << 5n) & UINT64_MASK
    let other = Number(random & (modulus - 1n))
    if (other >= length) other -= length
    data.swap(index, a + other)
  }
}

function choosePivot(data: GoSortable, a: number, b: number): [number, Hint] {
  const length = b - a
  const swaps = {count: 0}
  let i = a + Math.trunc(length / 4)
  let j = a + Math.trunc(length / 4) * 2
  let k = a + Math.trunc(length / 4) * 3
  if (length >= 8) {
    if (length >= SHORTEST_NINTHER) {
      i = median(data, i - 1, i, i + 1, swaps)
      j = median(data, j - 1, j, j + 1, swaps)
      k = median(data, k - 1, k, k + 1, swaps)
    }
    j = median(data, i, j, k, swaps)
  }
  if (swaps.count === 0) return [j, 'increasing']
  if (swaps.count === MAX_SWAPS) return [j, 'decreasing']
  return [j, 'unknown']
}

function median(data: GoSortable, a0: number, b0: number, c0: number, swaps: {count: number}): number {
  let [a, b, c] = [a0, b0, c0]
  ;[a, b] = order2(data, a, b, swaps)
  ;[b, c] = order2(data, b, c, swaps)
  ;[a, b] = order2(data, a, b, swaps)
  return b
}

function order2(data: GoSortable, a: number, b: number, swaps: {count: number}): [number, number] {
  if (data.less(b, a)) {
    swaps.count++
    return [b, a]
  }
  return [a, b]
}

function reverseRange(data: GoSortable, a: number, b: number): void {
  for (let i = a, j = b - 1; i < j; i++, j--) data.swap(i, j)
}

function nextPowerOfTwo(length: number): number {
  return 2 ** bitLength(length)
}

// bits.Len: the number of bits needed to represent n.
function bitLength(n: number): number {
  return n === 0 ? 0 : n.toString(2).length
}
