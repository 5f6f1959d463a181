// Runs in: CLI (Node). A small seeded PRNG for the demo school: the same --seed gives the same year
// of mentions, byte for byte, so a reviewer and a test see the same thing. Not for anything secret.

export interface Rng {
  /** 0 ≤ n < 1 */
  next(): number
  int(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(list: readonly T[]): T
  /** Several distinct picks, in random order. */
  sample<T>(list: readonly T[], n: number): T[]
  /** A child stream: adding content to one part of the year does not shift every other part. */
  fork(label: string): Rng
}

/** mulberry32: tiny, fast and good enough to vary phrasing. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function hash(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return h >>> 0
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed)
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    sample(list, n) {
      const copy = [...list]
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        ;[copy[i], copy[j]] = [copy[j], copy[i]]
      }
      return copy.slice(0, Math.min(n, copy.length))
    },
    fork: (label) => createRng((seed ^ hash(label)) >>> 0),
  }
  return rng
}
