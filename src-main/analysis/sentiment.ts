// Runs in: main process / CLI (Node). Lexicon-and-rules sentiment tuned to how people write about
// a UK primary school: phrases before words, negation, boosters, contrast clauses, sarcasm, emoji.
import afinnRaw from 'sentiment/languages/en/labels.json'
import { RHETORICAL } from './flags/intent'
import type { Folded } from './normalize'
import { AFINN_IGNORE, BOOSTERS, CONTRAST, EMOJI, NEGATORS, PHRASES, WORDS } from './lexicon'
import type { EvidenceSpan, SentimentLabel } from './types'

// Maps, not object lookups: a token like "constructor" must not find Object.prototype.
const toMap = (o: Record<string, number>): Map<string, number> => new Map(Object.entries(o))
const AFINN = toMap(afinnRaw as Record<string, number>)
const WORD_MAP = toMap(WORDS)
const EMOJI_MAP = toMap(EMOJI)
const BOOSTER_MAP = toMap(BOOSTERS)
// Module-local references for the token loop, which reads them per token: under the CommonJS
// transform the CLI runs with (tsx), a re-exported binding costs a getter call or two per read.
const CONTRAST_WORDS: ReadonlySet<string> = CONTRAST
const NEGATOR_WORDS: ReadonlySet<string> = NEGATORS

// One lookup per token instead of three (school lexicon, then AFINN unless ignored): each word's
// value and rule, resolved once at load exactly as the token loop used to resolve them.
const LEXICON = new Map<string, { v: number; rule: string }>()
for (const [t, af] of AFINN)
  if (!AFINN_IGNORE.has(t)) LEXICON.set(t, { v: af * 0.6, rule: 'sentiment.afinn' })
for (const [t, v] of WORD_MAP) LEXICON.set(t, { v, rule: 'sentiment.lexicon' })

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
// Most mentions are plain ASCII; a non-Unicode regex is markedly faster on them.
const TOKEN_ASCII = /[a-z0-9]+(?:['-][a-z0-9]+)*|[.!?\n]+|[,;:]/g
const PHRASE_ANY_ASCII = new RegExp(
  `(?<![a-z])(?:${PHRASES.map(([p]) => `(?:${p.replace(/\\p\{Extended_Pictographic\}|\\u\{[0-9A-Fa-f]+\}/g, '[^\\x00-\\x7f]')})`).join('|')})(?![a-z])`,
  'g',
)

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
  while ((m = phraseRe.exec(s)) !== null && guard++ < 500) {
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

  // Walk tokens: sentence and clause structure decide how much each item weighs.
  const tokenRe = ascii ? TOKEN_ASCII : TOKEN
  tokenRe.lastIndex = 0
  const toks: { t: string; a: number }[] = []
  while ((m = tokenRe.exec(s)) !== null && toks.length < 200_000) toks.push({ t: m[0], a: m.index })
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
  for (let i = 0; i < toks.length; i++) {
    const { t, a } = toks[i]
    while (pi < items.length && items[pi].start <= a) weighted.push({ item: items[pi++], w: 1 })
    const c0 = t.charCodeAt(0)
    if (c0 === 46 || c0 === 33 || c0 === 63 || c0 === 10) {
      finishSentence(w, t, a + t.length)
      continue
    }
    w.sentenceTok++
    if (t === ',' || t === ';' || t === ':') {
      if (w.concessive) {
        for (let k = w.sentenceStart; k < weighted.length; k++) weighted[k].w *= 0.5
        w.concessive = false
        w.clauseFrom = weighted.length
        w.contrasted = true
      }
      continue
    }
    if (
      w.sentenceTok === 1 &&
      /^(?:although|though|while|whilst|despite|even though|aside)$/.test(t)
    ) {
      w.concessive = true
      continue
    }
    // Is the token inside a phrase already scored? Tokens come in text order, so the phrase
    // cursor only moves forward.
    while (ci < covered.length && covered[ci][1] <= a) ci++
    const inPhrase = ci < covered.length && covered[ci][0] <= a
    if (CONTRAST_WORDS.has(t) && !inPhrase) {
      if (t === 'still' && w.sentenceTok !== 1) continue
      // Everything said so far (in this sentence, or before if the sentence opens on "But")
      // becomes the weaker side of the contrast.
      const from = w.sentenceTok === 1 ? 0 : w.sentenceStart
      for (let k = from; k < weighted.length; k++) weighted[k].w *= 0.5
      w.clauseFrom = weighted.length
      w.contrasted = true
      const cv = WORD_MAP.get(t)
      if (cv)
        weighted.push({
          item: { start: a, end: a + t.length, value: cv, rule: 'sentiment.lexicon', word: t },
          w: 1,
        })
      continue
    }
    if (inPhrase) continue
    let v: number | undefined
    let rule = 'sentiment.lexicon'
    if (c0 > 127 && t.length <= 2 && /\p{Extended_Pictographic}/u.test(t)) {
      v = EMOJI_MAP.get(t)
      rule = 'sentiment.emoji'
    } else {
      const e = LEXICON.get(t)
      if (e) {
        v = e.v
        rule = e.rule
      }
    }
    if (!v) continue
    // Negation and boosters within the three tokens before, stopping at punctuation.
    let neg = false
    let boost = 0
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
      const p = toks[k].t
      if (isBreakToken(p) || CONTRAST_WORDS.has(p)) break
      if (NEGATOR_WORDS.has(p) || p.endsWith("n't")) neg = true
      else if (k === i - 1 && BOOSTER_MAP.has(p)) boost += BOOSTER_MAP.get(p) ?? 0
      else if (k === i - 1 && p === 'bit' && i >= 2 && toks[i - 2].t === 'a')
        boost += BOOSTER_MAP.get('a_bit') ?? 0
    }
    if (boost) v *= 1 + boost
    if (neg) v *= v > 0 ? -0.6 : -0.4
    const orig = f.cased.slice(a, a + t.length)
    if (!shoutingText && t.length >= 3 && orig === orig.toUpperCase() && /[A-Z]/.test(orig))
      v *= 1.25
    weighted.push({ item: { start: a, end: a + t.length, value: v, rule, word: t }, w: 1 })
  }
  while (pi < items.length) weighted.push({ item: items[pi++], w: 1 })
  finishSentence(w, '', s.length)
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

/** A token that ends a clause or sentence: what /^[.!?\n,;:]/ tested per look-back token. */
function isBreakToken(p: string): boolean {
  const c = p.charCodeAt(0)
  return c === 46 || c === 33 || c === 63 || c === 10 || c === 44 || c === 59 || c === 58
}

function finishSentence(w: Walk, endTok: string, endChar: number): void {
  const { s, weighted } = w
  const q = endTok.includes('?')
  const bang = endTok.includes('!')
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
