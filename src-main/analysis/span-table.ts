// Runs in: main process / CLI (Node). A fixed set of strings looked up by a span of another string.
//
// A Map<string, …> lookup needs the span as a string of its own: a slice per token, which V8 then
// hashes. The token walks read every word of every mention, so this table hashes the span's units
// in place and compares them with the stored key, with no string made.

const FNV0 = 0x811c9dc5
const FNV_P = 0x01000193

function hashSpan(s: string, a: number, b: number): number {
  let h = FNV0
  for (let i = a; i < b; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_P)
  return h
}

export class SpanTable {
  /** Open addressing: per slot the key's index + 1 (0: empty), and its full hash. */
  private readonly slot: Int32Array
  private readonly hash: Int32Array
  private readonly mask: number

  /** `keys` must be distinct: a key's index in it is what `find` returns. */
  constructor(private readonly keys: readonly string[]) {
    // At most a quarter full: a miss (most tokens) usually ends at the first empty slot.
    let size = 16
    while (size < keys.length * 4) size *= 2
    this.slot = new Int32Array(size)
    this.hash = new Int32Array(size)
    this.mask = size - 1
    keys.forEach((k, i) => {
      const h = hashSpan(k, 0, k.length)
      let p = h & this.mask
      while (this.slot[p] !== 0) p = (p + 1) & this.mask
      this.slot[p] = i + 1
      this.hash[p] = h
    })
  }

  /** The index of the key equal to `s.slice(a, b)`, or -1 when there is none. */
  find(s: string, a: number, b: number): number {
    const { slot, hash, mask, keys } = this
    const h = hashSpan(s, a, b)
    for (let p = h & mask; slot[p] !== 0; p = (p + 1) & mask) {
      if (hash[p] !== h) continue
      const k = keys[slot[p] - 1]
      if (k.length === b - a && s.startsWith(k, a)) return slot[p] - 1
    }
    return -1
  }
}
