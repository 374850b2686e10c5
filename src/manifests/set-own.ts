/**
 * Sets a key of an object read from a manifest as its own property, `__proto__` included: assigning that key
 * would replace the object's prototype instead, and the key and its value would be lost.
 */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(object, key, {value, writable: true, enumerable: true, configurable: true})
  else object[key] = value
}
