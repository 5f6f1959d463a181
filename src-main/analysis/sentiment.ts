// Runs in: main process / CLI (Node). Lexicon-and-rules sentiment tuned to how people write about
// a UK primary school: phrases before words, negation, boosters, contrast clauses, sarcasm, emoji.
import { RHETORICAL } from './flags/intent'
import { mayMatchFolded } from './flags/util'
import type { Folded } from './normalize'
import { EMOJI, PHRASES } from './lexicon'
import { BOOSTER_MAP, SENTIMENT_WORDS } from './sentiment-words'
import type { EvidenceSpan, SentimentLabel } from './types'

const EMOJI_MAP = new Map(Object.entries(EMOJI))
const A_BIT_BOOST = BOOSTER_MAP.get('a_bit') ?? 0

const PHRASE_RES = PHRASES.map(([p, v, tag]) => ({
  re: new RegExp(`(?:${p})`, 'yu'),
  v,
  sarcasm: tag === 'sarcasm',
}))
const PHRASE_ANY = new RegExp(
  `(?<![a-z])(?:${PHRASES.map(([p]) => `(?:${p})`).join('|')})(?![a-z])`,
  'gu',
)
const TOKEN = /[a-z0-9]+(?:['’-][a-z0-9]+)*|\p{Extended_Pictographic}|[.!?\n]+|[,;:]/gu
/** The walk reads at most this many tokens of a text. */
const MAX_TOKENS = 200_000
const PHRASE_ANY_ASCII = new RegExp(
  `(?<![a-z])(?:${PHRASES.map(([p]) => `(?:${p.replace(/\\p\{Extended_Pictographic\}|\\u\{[0-9A-Fa-f]+\}/g, '[^\\x00-\\x7f]')})`).join('|')})(?![a-z])`,
  'g',
)

/** The phrase alternations, Unicode and ASCII: for the test that their gate hides no phrase. */
export const PHRASE_ALTERNATIONS: readonly RegExp[] = [PHRASE_ANY, PHRASE_ANY_ASCII]

export interface Item {
  start: number
  end: number
  value: number
  rule: string
  word: string
}

export interface SentimentOutcome {
  raw: number
  label: SentimentLabel
  score: number
  evidence: EvidenceSpan[]
}

export const SENTIMENT_SQUASH = 8

// Decision thresholds and source damping, fitted on the corpus dev split only. Reports (news,
// wiki edits) state facts more than views, so their wording counts for less.
export const SENTIMENT_TUNING = {
  positiveAt: 0.3,
  negativeAt: -0.3,
  reportSourceFactor: 0.3,
  questionFactor: 0.35,
}

export function scoreToLabel(score: number): SentimentLabel {
  return score >= SENTIMENT_TUNING.positiveAt
    ? 'positive'
    : score <= SENTIMENT_TUNING.negativeAt
      ? 'negative'
      : 'neutral'
}

export function squash(raw: number): number {
  return Math.max(-1, Math.min(1, raw / Math.sqrt(raw * raw + SENTIMENT_SQUASH)))
}

export function scoreSentiment(f: Folded): { raw: number; items: Item[] } {
  const s = f.lower
  const covered: [number, number][] = []
  const items: Item[] = []
  // eslint-disable-next-line no-control-regex -- an ASCII range check, not a control character
  const ascii = !/[^\x00-\x7f]/.test(s)
  const phraseRe = ascii ? PHRASE_ANY_ASCII : PHRASE_ANY
  phraseRe.lastIndex = 0
  let m: RegExpExecArray | null
  let guard = 0
  // Most texts hold no phrase. The rules' scan of this view already marked which literals occur:
  // a text with none of the phrases' skips the alternation, which otherwise tries every position.
  // Two phrases' literals are two units long ("/s", "a*"), hence the lower bar.
  const mayHold = mayMatchFolded(f, 'lower', phraseRe, 2)
  while (mayHold && (m = phraseRe.exec(s)) !== null && guard++ < 500) {
    if (m[0].length === 0) {
      phraseRe.lastIndex++
      continue
    }
    let v = 0
    let sarcasm = false
    for (const pr of PHRASE_RES) {
      pr.re.lastIndex = m.index
      const mm = pr.re.exec(s)
      if (mm && mm[0].length === m[0].length) {
        v = pr.v
        sarcasm = pr.sarcasm
        break
      }
    }
    covered.push([m.index, m.index + m[0].length])
    // Zero-valence phrases only shield their words ("fine, I guess", "ignore me").
    if (v !== 0) {
      const rule = sarcasm ? 'sentiment.sarcasm' : 'sentiment.phrase'
      items.push({ start: m.index, end: m.index + m[0].length, value: v, rule, word: m[0] })
    }
  }

  // Walk tokens: sentence and clause structure decide how much each item weighs. A token is its
  // span and its word's entry in SENTIMENT_WORDS, not a string of its own.
  const ta: number[] = []
  const tb: number[] = []
  if (ascii) tokensAscii(s, ta, tb)
  else {
    TOKEN.lastIndex = 0
    while ((m = TOKEN.exec(s)) !== null && ta.length < MAX_TOKENS) {
      ta.push(m.index)
      tb.push(m.index + m[0].length)
    }
  }
  const sw = SENTIMENT_WORDS
  const { contrast, negator, booster, concessive, value, contrastValue } = sw
  const id: number[] = []
  for (let i = 0; i < ta.length; i++) id.push(sw.entry(s, ta[i], tb[i]))
  let ci = 0 // first phrase span not wholly before the current token
  const w: Walk = {
    s,
    cased: f.cased,
    shoutingText: s.length > 0 && isShouted(f.cased),
    weighted: [],
    sentenceStart: 0,
    clauseFrom: 0,
    concessive: false,
    sentenceTok: 0,
    sentStartChar: 0,
    contrasted: false,
  }
  const weighted = w.weighted
  const shoutingText = w.shoutingText
  let pi = 0 // next phrase item to emit, in text order
  for (let i = 0; i < ta.length; i++) {
    const a = ta[i]
    const b = tb[i]
    while (pi < items.length && items[pi].start <= a) weighted.push({ item: items[pi++], w: 1 })
    const c0 = s.charCodeAt(a)
    if (c0 === 46 || c0 === 33 || c0 === 63 || c0 === 10) {
      finishSentence(w, hasUnit(s, a, b, 63), hasUnit(s, a, b, 33), b)
      continue
    }
    w.sentenceTok++
    if (c0 === 44 || c0 === 59 || c0 === 58) {
      if (w.concessive) {
        for (let k = w.sentenceStart; k < weighted.length; k++) weighted[k].w *= 0.5
        w.concessive = false
        w.clauseFrom = weighted.length
        w.contrasted = true
      }
      continue
    }
    const e = id[i]
    if (w.sentenceTok === 1 && concessive[e]) {
      w.concessive = true
      continue
    }
    // Is the token inside a phrase already scored? Tokens come in text order, so the phrase
    // cursor only moves forward.
    while (ci < covered.length && covered[ci][1] <= a) ci++
    const inPhrase = ci < covered.length && covered[ci][0] <= a
    if (contrast[e] && !inPhrase) {
      if (e === sw.still && w.sentenceTok !== 1) continue
      // Everything said so far (in this sentence, or before if the sentence opens on "But")
      // becomes the weaker side of the contrast.
      const from = w.sentenceTok === 1 ? 0 : w.sentenceStart
      for (let k = from; k < weighted.length; k++) weighted[k].w *= 0.5
      w.clauseFrom = weighted.length
      w.contrasted = true
      const cv = contrastValue[e]
      if (cv) {
        const word = s.slice(a, b)
        weighted.push({
          item: { start: a, end: b, value: cv, rule: 'sentiment.lexicon', word },
          w: 1,
        })
      }
      continue
    }
    if (inPhrase) continue
    let v: number | undefined
    let rule = 'sentiment.lexicon'
    if (c0 > 127 && b - a <= 2 && /\p{Extended_Pictographic}/u.test(s.slice(a, b))) {
      v = EMOJI_MAP.get(s.slice(a, b))
      rule = 'sentiment.emoji'
    } else if (e > 0) {
      v = value[e]
      rule = sw.rule[e]
    }
    if (!v) continue
    // Negation and boosters within the three tokens before, stopping at punctuation.
    let neg = false
    let boost = 0
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
      const p = id[k]
      if (isBreakUnit(s.charCodeAt(ta[k])) || contrast[p]) break
      if (negator[p] || endsWithNt(s, ta[k], tb[k])) neg = true
      else if (k === i - 1 && booster[p]) boost += sw.boost[p]
      else if (k === i - 1 && p === sw.bit && i >= 2 && id[i - 2] === sw.a) boost += A_BIT_BOOST
    }
    if (boost) v *= 1 + boost
    if (neg) v *= v > 0 ? -0.6 : -0.4
    if (!shoutingText && b - a >= 3) {
      const orig = f.cased.slice(a, b)
      if (orig === orig.toUpperCase() && /[A-Z]/.test(orig)) v *= 1.25
    }
    weighted.push({ item: { start: a, end: b, value: v, rule, word: s.slice(a, b) }, w: 1 })
  }
  while (pi < items.length) weighted.push({ item: items[pi++], w: 1 })
  finishSentence(w, false, false, s.length)
  // Once the text is plainly sarcastic, its stock praise words ("lovely", "thanks", "great")
  // are part of the sneer, not praise.
  const sarcastic = weighted.some(
    (x) =>
      x.item.rule === 'sentiment.sarcasm' ||
      x.item.word === '\u{1F643}' ||
      x.item.word === '\u{1F644}',
  )
  if (sarcastic) {
    for (const x of weighted) {
      if (x.item.value > 0 && x.item.rule !== 'sentiment.phrase') x.item.value = -0.5 * x.item.value
    }
  }
  let raw = 0
  const out: Item[] = []
  for (const { item, w } of weighted) {
    const v = item.value * w
    raw += v
    out.push({ ...item, value: v })
  }
  return { raw, items: out }
}

/** The token walk's running state: a record, so the sentence step below is a plain function and
 * not a closure made (and, under tsx, renamed) on every call. */
interface Walk {
  s: string
  cased: string
  shoutingText: boolean
  weighted: { item: Item; w: number }[]
  /** Index into weighted where the current sentence begins. */
  sentenceStart: number
  /** Index into weighted where the current post-contrast clause begins. */
  clauseFrom: number
  /** The sentence opened with "although", "while"... */
  concessive: boolean
  sentenceTok: number
  sentStartChar: number
  contrasted: boolean
}

/** True when upper-casing `c` leaves it unchanged; ASCII text is checked without the copy. */
function isShouted(c: string): boolean {
  for (let i = 0; i < c.length; i++) {
    const u = c.charCodeAt(i)
    if (u >= 97 && u <= 122) return false
    if (u > 127) return c === c.toUpperCase()
  }
  return true
}

const isAlnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57)

/**
 * The spans TOKEN finds in `s` when it is ASCII, /[a-z0-9]+(?:['-][a-z0-9]+)*|[.!?\n]+|[,;:]/g,
 * scanned by hand: most mentions are ASCII, and a regex call per token cost more than the walk.
 */
export function tokensAscii(s: string, ta: number[], tb: number[]): void {
  const n = s.length
  let i = 0
  while (i < n && ta.length < MAX_TOKENS) {
    const c = s.charCodeAt(i)
    const a = i++
    if (isAlnum(c)) {
      for (;;) {
        while (i < n && isAlnum(s.charCodeAt(i))) i++
        const j = s.charCodeAt(i)
        if ((j === 39 || j === 45) && i + 1 < n && isAlnum(s.charCodeAt(i + 1))) i++
        else break
      }
    } else if (c === 46 || c === 33 || c === 63 || c === 10) {
      for (let d = s.charCodeAt(i); d === 46 || d === 33 || d === 63 || d === 10;)
        d = s.charCodeAt(++i)
    } else if (c !== 44 && c !== 59 && c !== 58) continue
    ta.push(a)
    tb.push(i)
  }
}

/** True when s[a, b) holds the unit `c`. */
function hasUnit(s: string, a: number, b: number, c: number): boolean {
  for (let i = a; i < b; i++) if (s.charCodeAt(i) === c) return true
  return false
}

/** A token opening on this unit ends a clause or sentence (/^[.!?\n,;:]/). */
function isBreakUnit(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 10 || c === 44 || c === 59 || c === 58
}

/** The token s[a, b) ends in "n't". */
function endsWithNt(s: string, a: number, b: number): boolean {
  return (
    b - a >= 3 &&
    s.charCodeAt(b - 3) === 110 &&
    s.charCodeAt(b - 2) === 39 &&
    s.charCodeAt(b - 1) === 116
  )
}

/** Closes the sentence ending at `endChar`, on a token holding "?" (`q`) or "!" (`bang`). */
function finishSentence(w: Walk, q: boolean, bang: boolean, endChar: number): void {
  const { s, weighted } = w
  const sentText = s.slice(w.sentStartChar, endChar)
  w.sentStartChar = endChar
  // A rhetorical question is a complaint in question form ("Why does it take three weeks to
  // answer an email?"); it counts as a negative item of its own.
  if (
    q &&
    (RHETORICAL.test(sentText) ||
      /^\W*(?:why|who (?:is|on earth|actually)|what exactly|is it too much)\b/.test(sentText))
  ) {
    weighted.push({
      item: {
        start: endChar - 1,
        end: endChar,
        value: -2.2,
        rule: 'sentiment.rhetorical',
        word: '?',
      },
      w: 1,
    })
  }
  // One praise word shouted as its own sentence after a grievance is sarcasm ("BRILLIANT.").
  const caps = w.cased.slice(w.sentStartChar - sentText.length, endChar).trim()
  if (
    (!w.shoutingText &&
      /^(?:OH |JUST )?(?:WONDERFUL|BRILLIANT|GREAT|FANTASTIC|LOVELY|PERFECT|AMAZING|MARVELLOUS|SUPER|GOOD)\W*$/.test(
        caps,
      )) ||
    (/^(?:oh )?(?:brilliant|convenient|lovely|great|fab|perfect|marvellous|classic|nice|super|wonderful|fantastic|charming|priceless|genius|smashing)\W*$/i.test(
      caps,
    ) &&
      weighted.some((x) => x.item.value < 0))
  ) {
    weighted.push({
      item: {
        start: endChar - caps.length,
        end: endChar,
        value: -2.5,
        rule: 'sentiment.sarcasm',
        word: caps,
      },
      w: 1,
    })
    for (let k = w.sentenceStart; k < weighted.length; k++)
      if (weighted[k].item.value > 0) weighted[k].item.value = -2.5
  }
  for (let k = w.sentenceStart; k < weighted.length; k++) {
    const it = weighted[k]
    if (q) it.w *= it.item.value > 0 ? SENTIMENT_TUNING.questionFactor : 0.8
    if (bang) it.w *= 1.15
  }
  if (w.contrasted) for (let k = w.clauseFrom; k < weighted.length; k++) weighted[k].w *= 1.5
  w.contrasted = false
  w.sentenceStart = weighted.length
  w.clauseFrom = weighted.length
  w.concessive = false
  w.sentenceTok = 0
}

export function sentimentEvidence(f: Folded, items: Item[], label: SentimentLabel): EvidenceSpan[] {
  const wanted = label === 'positive' ? 1 : label === 'negative' ? -1 : 0
  const chosen = items
    .filter((it) => (wanted === 0 ? true : Math.sign(it.value) === wanted))
    .sort((x, y) => Math.abs(y.value) - Math.abs(x.value))
    .slice(0, 4)
  return chosen.map((it) => {
    const [start, end] = f.span(it.start, it.end)
    const tone = it.value > 0 ? 'Positive' : 'Negative'
    const why =
      it.rule === 'sentiment.phrase'
        ? `${tone} expression (phrase rules: sarcasm, understatement, school idiom).`
        : it.rule === 'sentiment.emoji'
          ? `${tone} emoji.`
          : `${tone} wording${it.rule === 'sentiment.afinn' ? ' (general lexicon)' : ' (school lexicon)'}.`
    return {
      start,
      end,
      signal: 'sentiment' as const,
      rule: it.rule,
      explanation: `${why} Weight ${it.value.toFixed(2)}.`,
    }
  })
}
