// Runs in: main process / CLI (Node). Features for the learned layer, shared by the trainer and the
// engine so both see exactly the same thing: folded words and word pairs, crude stems, and what
// the rules decided (a stacked model learns when to trust each rule). Char n-grams were tried and
// lost in cross-validation on the training set, so they are not here.
import type { RuleOutcome } from './engine'

/** Words beyond this many folded characters add nothing a mention needs, only time. */
export const MAX_FEATURE_CHARS = 20_000

export interface Featurized {
  /** Distinct feature names, in first-seen order. */
  names: string[]
  /** For each name, [start, end) in `f.deob` of its first occurrence; -1 for non-text features. */
  starts: number[]
  ends: number[]
}

// Words, contractions and emoji on the de-obfuscated view ("sh1t" and "f u c k" already joined).
// ASCII text is tokenised by hand (tokensAscii) into the same tokens as /[a-z0-9]+(?:'[a-z]+)?|[$?!]/.
const WORD_ANY = /[\p{L}\p{N}]+(?:'\p{L}+)?|\p{Extended_Pictographic}|[£$€?!]/gu
const DIGIT = /[0-9]/

/** One word as a feature: digits keep only their shape, so phone numbers and years generalise. */
function norm(tok: string): string {
  const t = tok.endsWith("'s") ? tok.slice(0, -2) : tok
  return DIGIT.test(t) ? t.replace(/[0-9]/g, '0').slice(0, 12) : t
}

/** A feature's name as the trainer and the weights file spell it: "w:word", "b:one_two", "bias". */
export function featureName(kind: string, w1: string, w2?: string): string {
  return w2 !== undefined ? `${kind}:${w1}_${w2}` : w1 === '' ? kind : `${kind}:${w1}`
}

/** Inverse of featureName (words never contain "_" or ":"; rule ids may hold ":" after the kind). */
export function parseFeatureName(name: string): [string, string, string | undefined] {
  const c = name.indexOf(':')
  if (c < 0) return [name, '', undefined]
  const kind = name.slice(0, c)
  const rest = name.slice(c + 1)
  const u = kind === 'b' || kind === 's' ? rest.indexOf('_') : -1
  return u < 0 ? [kind, rest, undefined] : [kind, rest.slice(0, u), rest.slice(u + 1)]
}

const FNV0 = 0x811c9dc5
const FNV_P = 0x01000193
function fnv(s: string): number {
  let h = FNV0
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_P)
  return h
}

const NO_WORD = 0x5bd1e995

/** Mixes a kind's hash with one or two word hashes (NO_WORD for none) into a 32-bit key. */
function combine(hk: number, h1: number, h2: number): number {
  let h = Math.imul(hk ^ h1, 0x9e3779b1)
  h = Math.imul(h ^ h2, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) | 0
}

/** A feature's key from its parts: equal to the key emitFeatures passes for the same feature. */
export function featureKey(kind: string, w1: string, w2?: string): number {
  return combine(fnv(kind), fnv(w1), w2 === undefined ? NO_WORD : fnv(w2))
}

const [K_W, K_P, K_S, K_N, K_B, K_X] = ['w', 'p', 's', 'n', 'b', 'x'].map(fnv)
// Negators open a short scope: "not helpful" and "never replies" read differently from the words.
const NEGATORS = new Set(
  "not no never without nothing nobody hardly cannot can't don't didn't won't isn't wasn't doesn't couldn't wouldn't aren't haven't"
    .split(' ')
    .map(fnv),
)

/** One token, reused between calls so tokenising allocates nothing. */
interface Tok {
  a: number
  b: number
  /** fnv of the normalised word, and of its first five units (only when len >= 5). */
  h: number
  hp: number
  len: number
  digits: boolean
  punct: boolean
  /** The normalised word; only filled in when names are wanted (training). */
  w: string
}

// Titles say that a person is named, which the staff rules already see. As words of their own they
// learned the training writers' habits: "Miss" voted for `sexual` (a quarter of the training texts
// that hold it are labelled sexual, against 7% of all texts), so a question about Miss X's
// maternity leave was taken for innuendo. Pairs with a title ("miss_x", "told_miss") stay.
const TITLES = new Set('mr mrs miss ms mx dr sir madame'.split(' ').map(fnv))
const isAlnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57)
const isLower = (c: number): boolean => c >= 97 && c <= 122

/**
 * ASCII texts (almost all) are tokenised by hand, hashing each word as it is read, exactly as
 * `fnv(norm(word))` would: same tokens as WORD_ASCII, no regex and no strings at run time.
 */
function tokensAscii(s: string, names: boolean, t: Tok, each: TokenSink): void {
  const n = s.length
  let i = 0
  while (i < n) {
    const c = s.charCodeAt(i)
    if (c === 63 || c === 33 || c === 36) {
      t.a = i
      t.b = i + 1
      t.h = Math.imul(FNV0 ^ c, FNV_P)
      t.len = 1
      t.digits = false
      t.punct = c !== 36
      t.w = names ? s[i] : ''
      i++
      each.token(t)
      continue
    }
    if (!isAlnum(c)) {
      i++
      continue
    }
    const a = i
    let h = FNV0
    let hp = 0
    let h12 = 0
    let len = 0
    let digits = false
    // Inline FNV steps (no closure per word); snapshots at 5 units (stems) and 12 (digit cap).
    for (; i < n && isAlnum(s.charCodeAt(i)); i++) {
      const u = s.charCodeAt(i)
      if (u <= 57) digits = true
      h = Math.imul(h ^ (u <= 57 ? 48 : u), FNV_P)
      if (++len === 5) hp = h
      if (len === 12) h12 = h
    }
    if (i + 1 < n && s.charCodeAt(i) === 39 && isLower(s.charCodeAt(i + 1))) {
      let j = i + 1
      while (j < n && isLower(s.charCodeAt(j))) j++
      // "'s" is dropped ("school's" is "school"); other endings stay ("can't").
      if (!(j - i === 2 && s.charCodeAt(i + 1) === 115)) {
        for (let k = i; k < j; k++) {
          h = Math.imul(h ^ s.charCodeAt(k), FNV_P)
          if (++len === 5) hp = h
          if (len === 12) h12 = h
        }
      }
      i = j
    }
    if (digits && len > 12) {
      h = h12
      len = 12
    }
    t.a = a
    t.b = i
    t.h = h
    t.hp = hp
    t.len = len
    t.digits = digits
    t.punct = false
    t.w = names ? norm(s.slice(a, i)) : ''
    each.token(t)
  }
}

function tokensAny(s: string, t: Tok, each: TokenSink): void {
  WORD_ANY.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = WORD_ANY.exec(s)) !== null) {
    const w = norm(m[0])
    t.a = m.index
    t.b = m.index + m[0].length
    t.w = w
    t.h = fnv(w)
    t.hp = w.length >= 5 ? fnv(w.slice(0, 5)) : 0
    t.len = w.length
    t.digits = DIGIT.test(w)
    t.punct = w === '?' || w === '!'
    each.token(t)
  }
}

function lexBuckets(raw: number): string[] {
  const out: string[] = []
  if (raw <= -4) out.push('<=-4')
  if (raw <= -2) out.push('<=-2')
  if (raw < 0) out.push('<0')
  if (raw === 0) out.push('0')
  if (raw > 0) out.push('>0')
  if (raw >= 2) out.push('>=2')
  if (raw >= 4) out.push('>=4')
  return out
}

/** Receives each feature with its key and its span in `f.deob` ([-1, -1] for non-text ones). */
export type Emit = (
  kind: string,
  w1: string,
  w2: string | undefined,
  key: number,
  start: number,
  end: number,
) => void

/** True when s[a, b) holds a sentence break: word pairs never straddle one. */
function hasBreak(s: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i)
    if (c === 46 || c === 33 || c === 63 || c === 10 || c === 59 || c === 58) return true
  }
  return false
}

// Rule-outcome features repeat from text to text (the same rule ids, flags and labels): their keys
// are remembered instead of hashed again. Bounded, in case some caller passes endless sources.
const metaKeys = new Map<string, Map<string, number>>()

function meta(put: Emit, kind: string, w1: string): void {
  let byWord = metaKeys.get(kind)
  if (!byWord) metaKeys.set(kind, (byWord = new Map()))
  let key = byWord.get(w1)
  if (key === undefined) {
    key = featureKey(kind, w1)
    if (byWord.size < 10_000) byWord.set(w1, key)
  }
  put(kind, w1, undefined, key, -1, -1)
}

/** Receives the tokens of a text in order. */
interface TokenSink {
  token(t: Tok): void
}

/**
 * The word features of one text. The token stream's running state (previous words, negation
 * scope) lives in fields: a closure per text cost more than the features (tsx renames each one).
 */
class TextFeatures implements TokenSink {
  private prev = ''
  private prev2 = ''
  private hPrev = 0
  private hPrev2 = 0
  private has1 = false
  private has2 = false
  private prevStart = 0
  private prevEnd = 0
  private negLeft = 0

  constructor(
    private readonly s: string,
    private readonly put: Emit,
  ) {}

  token(t: Tok): void {
    const { a, b, h, w } = t
    const put = this.put
    // Punctuation marks are features of their own ("?" asks, "!" shouts) but never pair up.
    if (t.punct) {
      put('x', w, undefined, combine(K_X, h, NO_WORD), a, b)
      this.has1 = this.has2 = false
      this.negLeft = 0
      return
    }
    if (!TITLES.has(h)) put('w', w, undefined, combine(K_W, h, NO_WORD), a, b)
    if (t.len >= 7 && !t.digits)
      put('p', w.slice(0, 5), undefined, combine(K_P, t.hp, NO_WORD), a, b)
    // Skip-grams ("know ... car") catch phrasing with a word swapped in the middle.
    if (this.has2) put('s', this.prev2, w, combine(K_S, this.hPrev2, h), a, b)
    if (this.negLeft > 0) {
      put('n', w, undefined, combine(K_N, h, NO_WORD), a, b)
      this.negLeft--
    }
    if (NEGATORS.has(h)) this.negLeft = 3
    if (this.has1 && !hasBreak(this.s, this.prevEnd, a))
      put('b', this.prev, w, combine(K_B, this.hPrev, h), this.prevStart, b)
    this.prev2 = this.prev
    this.hPrev2 = this.hPrev
    this.has2 = this.has1
    this.prev = w
    this.hPrev = h
    this.has1 = true
    this.prevStart = a
    this.prevEnd = b
  }
}

/**
 * Streams the features of one analysed text, possibly repeating one. The engine looks them up by
 * key as they come (`names` false: no strings built); `featurize` collects names for the trainer.
 */
export function emitFeatures(
  o: RuleOutcome,
  source: string | undefined,
  put: Emit,
  names = false,
): void {
  const s = o.f.deob.length > MAX_FEATURE_CHARS ? o.f.deob.slice(0, MAX_FEATURE_CHARS) : o.f.deob
  const walk = new TextFeatures(s, put)
  const tok: Tok = { a: 0, b: 0, h: 0, hp: 0, len: 0, digits: false, punct: false, w: '' }
  // eslint-disable-next-line no-control-regex -- an ASCII range check, not a control character
  if (/[^\x00-\x7f]/.test(s)) tokensAny(s, tok, walk)
  else tokensAscii(s, names, tok, walk)
  // No length features: in training they learnt the writers' habits (short = rude), not meaning.
  if (/https?:|www\./.test(s)) meta(put, 'x', 'url')

  // What the rules said: each flag, each rule that fired, the lexicon's verdict and its strength.
  const r = o.result
  for (const fl of r.flags) meta(put, 'r', fl)
  for (const e of r.evidence) meta(put, 'rr', e.rule)
  // The lexicon's items with their polarity: a curated phrase ("special measures") is evidence a
  // bag of words trained on a few thousand texts may not have seen used that way.
  for (const it of o.items)
    if (it.value !== 0) meta(put, 'ri', `${it.rule}${it.value < 0 ? '-' : '+'}`)
  meta(put, 'rs', r.sentiment.label)
  for (const b of lexBuckets(o.lexRaw)) meta(put, 'rl', b)
  meta(put, 'src', source ?? 'none')
  meta(put, 'bias', '')
}

/** Distinct features in first-seen order, with spans: what the trainer counts and fits. */
export function featurize(o: RuleOutcome, source?: string): Featurized {
  const names: string[] = []
  const starts: number[] = []
  const ends: number[] = []
  const seen = new Set<string>()
  emitFeatures(
    o,
    source,
    (kind, w1, w2, _key, a, b) => {
      const name = featureName(kind, w1, w2)
      if (seen.has(name)) return
      seen.add(name)
      names.push(name)
      starts.push(a)
      ends.push(b)
    },
    true,
  )
  return { names, starts, ends }
}
