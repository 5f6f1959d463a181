// Runs in: main process / CLI (Node). Which literals must every match of a rule regex contain?
//
// The prefilter (prefilter.ts) skips a rule when the text holds none of them, so this may only
// ever err towards "unknown": anything the small parser below does not understand gives no
// literals, and such a rule always runs.
//
// Each piece of a pattern is described by the strings it can match, when that set is small and
// known ("exact": "colou?r" is {colour, color}, "[Yy]ear" is {Year, year}), and otherwise by a set
// of literals one of which every match contains ("req"). Exact pieces next to each other multiply
// out ("(?:boy|man) in a (?:dress|wig)" gives "boy in a dress" ...), which turns weak literals
// such as " the " into selective ones. Assertions (\b, lookarounds, ^, $) match the empty string:
// counting them as '' keeps every set a superset of what can really match, which is all the gate
// needs.

/** Literals of which every match contains one; null when no such set is known. */
export type Req = string[] | null

interface Info {
  /** Every string the piece can match (a superset), or null when unknown or too many. */
  exact: string[] | null
  /** Literals one of which every match of the piece contains, or null. */
  req: Req
}

interface Cursor {
  src: string
  i: number
  /** The regex has the `u` flag: astral characters are one atom and `\u{...}` is an escape. */
  u: boolean
}

// Beyond this many strings a set is dropped (the prefilter tests each one).
const MAX_SET = 64

// Sticky, read at the cursor: slicing the rest of a long source per atom would be quadratic.
const QUANT = /(?:[*+?]|\{(\d+)(?:,(\d*))?\})\??/y

/** Shortest literal of a set: how selective it is (0 for none). */
export const strength = (r: Req): number => {
  if (!r || r.length === 0) return 0
  let m = Infinity
  for (const s of r) if (s.length < m) m = s.length
  return m
}

/** The better (more selective) of two literal sets. */
function better(a: Req, b: Req): Req {
  const sa = strength(a)
  const sb = strength(b)
  if (sb > sa) return b
  if (sb === sa && a && b && b.length < a.length) return b
  return a
}

// Escapes that stand for exactly one literal unit.
const LITERAL_ESCAPE = /^[.*+?^${}()|[\]\\/\-'"!#%&,:;<=>@`~ ]$/

function cross(a: string[], b: string[]): string[] | null {
  if (a.length * b.length > MAX_SET) return null
  const out = new Set<string>()
  for (const x of a) for (const y of b) out.add(x + y)
  return [...out]
}

function union(sets: string[][]): string[] | null {
  const out = new Set<string>()
  for (const s of sets) for (const x of s) out.add(x)
  return out.size > MAX_SET ? null : [...out]
}

/** Parses alternatives up to ')' or the end. */
function parseAlt(c: Cursor): Info {
  const alts: Info[] = [parseSeq(c)]
  while (c.src[c.i] === '|') {
    c.i++
    alts.push(parseSeq(c))
  }
  if (alts.length === 1) return alts[0]
  const exact = alts.every((a) => a.exact) ? union(alts.map((a) => a.exact as string[])) : null
  const req = alts.some((a) => a.req === null)
    ? null
    : [...new Set(alts.flatMap((a) => a.req as string[]))]
  return { exact, req }
}

/** Reads one class `[...]` at the cursor: its members when it is a short plain list. */
function parseClass(c: Cursor): string[] | null {
  c.i++ // '['
  const members = new Set<string>()
  let ok = c.src[c.i] !== '^'
  while (c.i < c.src.length && c.src[c.i] !== ']') {
    let ch = c.src[c.i]
    if (ch === '\\') {
      const e = c.src[c.i + 1]
      c.i += 2
      if (e !== undefined && LITERAL_ESCAPE.test(e)) ch = e
      else {
        // \d, \w, \u..., \p{...}: not a short plain list. Skip a braced body so ']' inside it
        // is not taken for the end of the class.
        if (c.src[c.i] === '{') {
          const close = c.src.indexOf('}', c.i)
          if (close > 0) c.i = close + 1
        }
        ok = false
        continue
      }
    } else c.i++
    const code = ch.charCodeAt(0)
    if (code >= 0xd800 && code <= 0xdfff) ok = false
    if (c.src[c.i] === '-' && c.src[c.i + 1] !== ']' && c.i + 1 < c.src.length) {
      const hi = c.src[c.i + 1]
      c.i += 2
      if (hi === '\\') {
        c.i++
        ok = false
        continue
      }
      const to = hi.charCodeAt(0)
      if (to - code > 10 || to < code) ok = false
      else for (let k = code; k <= to; k++) members.add(String.fromCharCode(k))
      continue
    }
    members.add(ch)
  }
  if (c.i >= c.src.length) throw new Error('unclosed class')
  c.i++ // ']'
  return ok && members.size > 0 && members.size <= 10 ? [...members] : null
}

/** One atom at the cursor (not its quantifier). */
function parseAtom(c: Cursor): Info {
  const ch = c.src[c.i]
  if (ch === '(') {
    c.i++
    let look = false
    let positive = false
    if (c.src.startsWith('?:', c.i)) c.i += 2
    else if (/^\?<?[=!]/.test(c.src.slice(c.i, c.i + 3))) {
      look = true
      const k = c.src[c.i + 1] === '<' ? 2 : 1
      positive = c.src[c.i + k] === '='
      c.i += k + 1
    } else if (c.src.startsWith('?<', c.i)) {
      const close = c.src.indexOf('>', c.i)
      if (close < 0) throw new Error('bad group')
      c.i = close + 1
    } else if (c.src[c.i] === '?') throw new Error('unknown group')
    const inner = parseAlt(c)
    if (c.src[c.i] !== ')') throw new Error('unclosed group')
    c.i++
    // A lookaround consumes nothing, but what a positive one sees is in the text all the same,
    // and the gate asks only whether the text holds a literal. (A quantified lookaround may be
    // skipped: the caller keeps req only when the minimum count is at least one.)
    if (!look) return inner
    return { exact: [''], req: positive ? better(inner.req, inner.exact) : null }
  }
  if (ch === '[') {
    const m = parseClass(c)
    return { exact: m, req: null }
  }
  if (ch === '\\') {
    const e = c.src[c.i + 1]
    c.i += 2
    if (e !== undefined && LITERAL_ESCAPE.test(e)) return { exact: [e], req: null }
    if (e === 'b' || e === 'B') return { exact: [''], req: null }
    if (e !== undefined && e >= '0' && e <= '9') {
      // A backreference (or \0): its digits are one escape, never literals.
      while (c.i < c.src.length && c.src[c.i] >= '0' && c.src[c.i] <= '9') c.i++
      return { exact: null, req: null }
    }
    if (e === 'u' && c.u && c.src[c.i] === '{') {
      const m = /^\{([0-9A-Fa-f]{1,6})\}/.exec(c.src.slice(c.i))
      if (!m) throw new Error('bad escape')
      c.i += m[0].length
      const cp = parseInt(m[1], 16)
      return cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)
        ? { exact: null, req: null }
        : { exact: [String.fromCodePoint(cp)], req: null }
    }
    if (e === 'u' || e === 'x' || e === 'p' || e === 'P' || e === 'c' || e === 'k') {
      // Unicode, hex, property or named escapes: skipped, they stand for something unknown.
      const m = /^(?:\{[^}]*\}|[0-9A-Fa-f]{4}|[0-9A-Fa-f]{2}|[A-Za-z]|<[^>]*>)/.exec(
        c.src.slice(c.i),
      )
      if (m) c.i += m[0].length
    }
    // \s \w \d \n \t \1 ...: classes and backreferences.
    return { exact: null, req: null }
  }
  if (ch === '^' || ch === '$') {
    c.i++
    return { exact: [''], req: null }
  }
  if (ch === '.') {
    c.i++
    return { exact: null, req: null }
  }
  const code = ch.charCodeAt(0)
  if (code >= 0xd800 && code <= 0xdbff) {
    const lo = c.src.charCodeAt(c.i + 1)
    if (c.u && lo >= 0xdc00 && lo <= 0xdfff) {
      c.i += 2
      return { exact: [c.src.slice(c.i - 2, c.i)], req: null }
    }
    c.i++
    // A lone half in 'u' mode is its own atom; outside 'u' mode every unit is.
    return { exact: [ch], req: null }
  }
  c.i++
  return { exact: [ch], req: null }
}

/** Parses one alternative: the best of its literal runs and required groups. */
function parseSeq(c: Cursor): Info {
  let best: Req = null
  // The strings the run of exact pieces since the last unknown one can match.
  let run: string[] = ['']
  let allExact = true
  const endRun = (next: string[]): void => {
    best = better(best, run)
    run = next
    allExact = false
  }
  while (c.i < c.src.length && c.src[c.i] !== '|' && c.src[c.i] !== ')') {
    const atom = parseAtom(c)
    QUANT.lastIndex = c.i
    const q = QUANT.exec(c.src)
    let min = 1
    let max = 1
    if (q) {
      c.i += q[0].length
      const k = q[0][0]
      if (k === '+') max = Infinity
      else if (k === '*') {
        min = 0
        max = Infinity
      } else if (k === '?') min = 0
      else {
        min = Number(q[1])
        max = q[2] === undefined ? min : q[2] === '' ? Infinity : Number(q[2])
      }
    }
    if (min >= 1) best = better(best, atom.req)
    if (atom.exact && min === 1 && max === 1) {
      const next = cross(run, atom.exact)
      if (next) run = next
      else endRun(atom.exact)
    } else if (atom.exact && min === 0 && max === 1) {
      const opt = atom.exact.includes('') ? atom.exact : [...atom.exact, '']
      const next = cross(run, opt)
      if (next) run = next
      else endRun([''])
    } else if (atom.exact && min >= 1) {
      // "ab+c": "ab" ends here and "bc" starts here; what lies between is unknown.
      const head = cross(run, atom.exact)
      if (head) run = head
      endRun(atom.exact)
    } else endRun([''])
  }
  if (allExact) return { exact: run, req: better(best, run) }
  endRun([''])
  return { exact: null, req: best }
}

/**
 * Literals every match of `re` contains, or null when none are known (the rule always runs). A
 * set whose shortest literal is under `minLength` units counts as none: a rule's gate on "a" would
 * pass almost every text and only cost its check.
 */
export function requiredLiterals(re: RegExp, minLength = 3): string[] | null {
  if (re.flags.includes('i') || re.flags.includes('v')) return null
  try {
    const c: Cursor = { src: re.source, i: 0, u: re.flags.includes('u') }
    const r = parseAlt(c).req
    if (c.i !== c.src.length) return null
    return r && strength(r) >= minLength ? r : null
  } catch {
    return null
  }
}
