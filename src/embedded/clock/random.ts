import {randomBytes, randomUUID} from 'node:crypto'

// apiserver's generateName alphabet: no vowels (no accidental words) and no look-alike characters (v1.32 util/rand)
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'

/** A fresh object uid. */
export function newUid(): string {
  return randomUUID()
}

/** The random suffix apiserver appends to generateName: five characters. */
export function randomNameSuffix(length = 5): string {
  const bytes = randomBytes(length)
  return Array.from(bytes, (b) => NAME_ALPHABET[b % NAME_ALPHABET.length]).join('')
}
