// rand.SafeEncodeString's alphabet: no vowels, no look-alikes (apimachinery util/rand, v1.32)
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'
const FNV32_OFFSET = 0x811c9dc5
const FNV32_PRIME = 0x01000193

/**
 * controller.ComputeHash (pkg/controller/controller_utils.go, v1.32): FNV-32a over the pod template (and the
 * collision count as four little-endian bytes), its decimal value encoded with SafeEncodeString. Kubernetes
 * feeds the hasher a go-spew dump of the Go struct, which cannot be reproduced outside Go; skiff hashes
 * canonical JSON (sorted keys) instead, so names have the real shape and change exactly when the template does.
 */
export function computeTemplateHash(template: unknown, collisionCount?: number): string {
  const bytes: number[] = [...new TextEncoder().encode(canonicalJson(template))]
  if (collisionCount !== undefined) {
    for (let i = 0; i < 4; i++) bytes.push((collisionCount >>> (8 * i)) & 0xff)
    bytes.push(0, 0, 0, 0)
  }
  let hash = FNV32_OFFSET
  for (const byte of bytes) hash = Math.imul(hash ^ byte, FNV32_PRIME) >>> 0
  return [...String(hash)].map((c) => SAFE_ALPHABET[c.charCodeAt(0) % SAFE_ALPHABET.length]).join('')
}

/** JSON with object keys sorted, so equal objects serialise alike. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v
    return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  })
}
