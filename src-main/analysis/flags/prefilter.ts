// Runs in: main process / CLI (Node). A cheap, exact pre-check that lets runRules skip a regex.
//
// Each rule regex is a long alternation tried at every position of the text, and most rules find
// nothing in most mentions. From the regex source we derive literals of which every match must
// contain one ("idiot", "moron", ... for the insult rule). A text is indexed once per view by its
// three-unit substrings (trigrams, hashed into a 64K-bit bitmap); when every literal has a
// trigram the text lacks, no literal is in it and the regex cannot match, so it is not run. Hash
// collisions only make the check say "maybe" more often. The literals come from literals.ts,
// which gives none when unsure, and such a rule always runs: the check may never hide a match.
import { requiredLiterals } from './literals'

export { requiredLiterals }

const BITS = 1 << 16
const hash3 = (a: number, b: number, c: number): number =>
  (Math.imul(Math.imul(a, 0x9e3779b1) ^ b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) >>> 16

/** Trigram bitmap of the last text indexed (8 KB: stays in the CPU's fastest cache). */
export interface Index {
  s: string | null
  bits: Uint32Array
}

export function newIndex(): Index {
  return { s: null, bits: new Uint32Array(BITS >>> 5) }
}

function indexText(ix: Index, s: string): void {
  if (ix.s === s) return
  ix.s = s
  const bits = ix.bits
  bits.fill(0)
  for (let i = 0; i + 2 < s.length; i++) {
    const h = hash3(s.charCodeAt(i), s.charCodeAt(i + 1), s.charCodeAt(i + 2))
    bits[h >>> 5] |= 1 << (h & 31)
  }
}

// Letters so common in English that a trigram made of them passes the test on most texts.
const COMMON = new Set([...' etaoinshrld'].map((c) => c.charCodeAt(0)))

/**
 * How good a trigram is as a group's key: shared by many literals (one test rules out all of
 * them), and unlikely in an ordinary text (the test fails, so the literals are skipped).
 */
function keyScore(shared: number, a: number, b: number, c: number): number {
  const rare = (COMMON.has(a) ? 0 : 1) + (COMMON.has(b) ? 0 : 1) + (COMMON.has(c) ? 0 : 1)
  const space = a === 32 || b === 32 || c === 32 ? 0.5 : 0
  return shared * (1 + 2 * rare - space)
}

/**
 * A rule's gate: its required literals in groups that share a trigram, each group as that
 * trigram's hash, the group's length in entries, then for each literal its count of further
 * trigrams and their hashes (null: always run). A literal can only be in the text when all its
 * trigrams are; literals multiplied out from a pattern share trigrams ("die for allah", "die for
 * the cause"), so one absent bit rules out a whole group at once. Keys are chosen greedily by
 * keyScore, to keep the groups few and their keys rare: the text is tested once per group.
 */
export function gateOf(re: RegExp): Int32Array | null {
  const lits = requiredLiterals(re)
  if (!lits) return null
  // Each literal's trigrams: hash -> where the trigram starts in the literal.
  let left = lits.map((l) => {
    const hs = new Map<number, number>()
    for (let i = 0; i + 2 < l.length; i++) {
      const [a, b, c] = [l.charCodeAt(i), l.charCodeAt(i + 1), l.charCodeAt(i + 2)]
      hs.set(hash3(a, b, c), i)
    }
    return { l, hs }
  })
  const out: number[] = []
  while (left.length > 0) {
    const count = new Map<number, number>()
    const where = new Map<number, [string, number]>()
    for (const { l, hs } of left)
      for (const [h, i] of hs) {
        count.set(h, (count.get(h) ?? 0) + 1)
        where.set(h, [l, i])
      }
    let best = 0
    let bestScore = -Infinity
    for (const [h, n] of count) {
      const [l, i] = where.get(h)!
      const sc = keyScore(n, l.charCodeAt(i), l.charCodeAt(i + 1), l.charCodeAt(i + 2))
      if (sc > bestScore) {
        best = h
        bestScore = sc
      }
    }
    const body: number[] = []
    const rest: typeof left = []
    for (const lit of left) {
      if (!lit.hs.has(best)) {
        rest.push(lit)
        continue
      }
      const others = [...lit.hs.keys()].filter((h) => h !== best)
      body.push(others.length, ...others)
    }
    out.push(best, body.length, ...body)
    left = rest
  }
  return Int32Array.from(out)
}

/** False only when `s` certainly holds none of the gate's literals. */
export function mayMatch(ix: Index, s: string, gate: Int32Array | null): boolean {
  if (!gate) return true
  indexText(ix, s)
  const bits = ix.bits
  for (let k = 0; k < gate.length;) {
    const first = gate[k]
    const groupEnd = k + 2 + gate[k + 1]
    if (((bits[first >>> 5] >>> (first & 31)) & 1) === 0) {
      k = groupEnd
      continue
    }
    for (k += 2; k < groupEnd;) {
      const end = k + 1 + gate[k]
      let all = true
      for (k++; k < end; k++) {
        const h = gate[k]
        if (((bits[h >>> 5] >>> (h & 31)) & 1) === 0) {
          all = false
          break
        }
      }
      if (all) return true
      k = end
    }
  }
  return false
}
