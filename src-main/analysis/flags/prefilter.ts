// Runs in: main process / CLI (Node). A cheap, exact pre-check that lets runRules skip a regex.
//
// Each rule regex is a long alternation tried at every position of the text, and most rules find
// nothing in most mentions. From the regex source we derive literals of which every match must
// contain one ("idiot", "moron", ... for the insult rule). A text is indexed once per view by its
// three-unit substrings (trigrams, hashed into a 64K-bit bitmap); when every literal has a
// trigram the text lacks, no literal is in it and the regex cannot match, so it is not run. Hash
// collisions only make the check say "maybe" more often. Anything the small parser below does not
// understand gives no literals, and such a rule always runs: the check may never hide a match.

/** Literals of which every match contains one; null when no such set is known. */
type Req = string[] | null

interface Cursor {
  src: string
  i: number
}

const QUANT = /^(?:[*+?]|\{(\d+)(?:,(\d*))?\})\??/

/** Minimum repeat count of a quantifier at the cursor (1 when none), consuming it. */
function quantMin(c: Cursor): number {
  const m = QUANT.exec(c.src.slice(c.i))
  if (!m) return 1
  c.i += m[0].length
  if (m[0][0] === '+') return 1
  if (m[0][0] === '*' || m[0][0] === '?') return 0
  return Number(m[1])
}

/** Shortest literal of a set: how selective it is (0 for none). */
const strength = (r: Req): number => (r && r.length > 0 ? Math.min(...r.map((s) => s.length)) : 0)

// Escapes that stand for exactly one literal unit.
const LITERAL_ESCAPE = /^[.*+?^${}()|[\]\\/\-'"!#%&,:;<=>@`~ ]$/

/** Parses alternatives up to ')' or the end; returns their union (null if any has none). */
function parseAlt(c: Cursor): Req {
  const alts: Req[] = [parseSeq(c)]
  while (c.src[c.i] === '|') {
    c.i++
    alts.push(parseSeq(c))
  }
  if (alts.some((a) => a === null)) return null
  return [...new Set(alts.flat() as string[])]
}

/** Parses one alternative: the best of its literal runs and required groups. */
function parseSeq(c: Cursor): Req {
  let best: Req = null
  let run = ''
  const take = (r: Req): void => {
    if (strength(r) > strength(best)) best = r
  }
  const endRun = (): void => {
    if (run) take([run])
    run = ''
  }
  while (c.i < c.src.length && c.src[c.i] !== '|' && c.src[c.i] !== ')') {
    const ch = c.src[c.i]
    let lit: string | null = null
    if (ch === '(') {
      c.i++
      let look = false
      if (c.src.startsWith('?:', c.i)) c.i += 2
      else if (/^\?<?[=!]/.test(c.src.slice(c.i, c.i + 3))) {
        look = true
        c.i += c.src[c.i + 1] === '<' ? 3 : 2
      } else if (c.src.startsWith('?<', c.i)) {
        const close = c.src.indexOf('>', c.i)
        if (close < 0) throw new Error('bad group')
        c.i = close + 1
      } else if (c.src[c.i] === '?') throw new Error('unknown group')
      const inner = parseAlt(c)
      if (c.src[c.i] !== ')') throw new Error('unclosed group')
      c.i++
      const min = quantMin(c)
      endRun()
      if (!look && min >= 1) take(inner)
      continue
    }
    if (ch === '[') {
      // A class: skip to its closing bracket (escapes inside included).
      c.i++
      while (c.i < c.src.length && c.src[c.i] !== ']') c.i += c.src[c.i] === '\\' ? 2 : 1
      if (c.i >= c.src.length) throw new Error('unclosed class')
      c.i++
    } else if (ch === '\\') {
      const e = c.src[c.i + 1]
      c.i += 2
      if (e !== undefined && LITERAL_ESCAPE.test(e)) lit = e
      else if (e === 'u' || e === 'x' || e === 'p' || e === 'P' || e === 'c' || e === 'k') {
        // Unicode, hex, property or named escapes: skip them, they end the run.
        const m = /^(?:\{[^}]*\}|[0-9A-Fa-f]{4}|[0-9A-Fa-f]{2}|[A-Za-z]|<[^>]*>)/.exec(
          c.src.slice(c.i),
        )
        if (m) c.i += m[0].length
      }
      // \b \B \s \w \d \n \t \1 ...: classes, assertions and backreferences end the run.
    } else if (ch === '^' || ch === '$' || ch === '.') {
      c.i++
    } else {
      c.i++
      // Surrogate halves are left out: in 'u' mode a quantifier binds the whole pair.
      const code = ch.charCodeAt(0)
      if (code < 0xd800 || code > 0xdfff) lit = ch
    }
    const before = c.i
    const min = quantMin(c)
    if (lit === null || min === 0) endRun()
    else if (c.i > before) {
      // "ab+c": "ab" and "bc" are both required, but not "abc".
      run += lit
      endRun()
      run = lit
    } else run += lit
  }
  endRun()
  return best
}

/** Literals every match of `re` contains, or null when none are known (the rule always runs). */
export function requiredLiterals(re: RegExp): string[] | null {
  if (re.flags.includes('i') || re.flags.includes('v')) return null
  try {
    const c: Cursor = { src: re.source, i: 0 }
    const r = parseAlt(c)
    if (c.i !== c.src.length) return null
    return r && strength(r) >= 3 ? r : null
  } catch {
    return null
  }
}

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

/**
 * A rule's gate: for each required literal, its count of trigrams then their hashes (null: always
 * run). A literal can only be in the text when all its trigrams are.
 */
export function gateOf(re: RegExp): Int32Array | null {
  const lits = requiredLiterals(re)
  if (!lits) return null
  const out: number[] = []
  for (const l of lits) {
    const hs = new Set<number>()
    for (let i = 0; i + 2 < l.length; i++)
      hs.add(hash3(l.charCodeAt(i), l.charCodeAt(i + 1), l.charCodeAt(i + 2)))
    out.push(hs.size, ...hs)
  }
  return Int32Array.from(out)
}

/** False only when `s` certainly holds none of the gate's literals. */
export function mayMatch(ix: Index, s: string, gate: Int32Array | null): boolean {
  if (!gate) return true
  indexText(ix, s)
  const bits = ix.bits
  for (let k = 0; k < gate.length;) {
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
  return false
}
