// Runs in: main process / CLI (Node). The built-in analysis engine: rules and lexicons, then a small
// learned layer (learned.ts) trained offline on independent texts that decides when to trust them.
import { detectExtremism } from './flags/extremism'
import { detectImpersonation } from './flags/impersonation'
import { complaintCue, detectQuestion, hasSchoolTarget } from './flags/intent'
import { detectPersonalData } from './flags/personal-data'
import { detectHateAbuseSexual, findProfanity } from './flags/profanity'
import { childTargeted, detectSafeguarding } from './flags/safeguarding'
import { detectSexual } from './flags/sexual'
import { detectCommercial, detectSpam } from './flags/spam'
import { detectStaff } from './flags/staff'
import { detectThreat } from './flags/threat'
import { type Detection, type DetectorInput, toEvidence } from './flags/util'
import { applyLearned } from './learned'
import { capEvidence } from './evidence-cap'
import { type Folded, fold } from './normalize'
import { route } from './routing'
import {
  type Item,
  SENTIMENT_TUNING,
  scoreSentiment,
  scoreToLabel,
  sentimentEvidence,
  squash,
} from './sentiment'
import {
  type AnalysisEngine,
  type AnalysisResult,
  type AnalyzeContext,
  type EvidenceSpan,
  POLICY_FLAGS,
  type PolicyFlag,
} from './types'

export const BUILTIN_ENGINE_ID = 'builtin'
export const BUILTIN_ENGINE_VERSION = '1.7.0'

// Beyond this many UTF-16 units we analyse the head of the text only: no mention is that long,
// and a pasted megabyte must not stall the morning check.
export const MAX_ANALYSED_CHARS = 100_000

// How strongly a flag pulls the sentiment: a threat or abuse is never neutral about the school.
const FLAG_PULL: Partial<Record<PolicyFlag, number>> = {
  threat: -3,
  abuse: -1.5,
  hate: -2.5,
  safeguarding: -1.5,
  sexual: -2.5,
  extremism: -1.5,
  impersonation: -0.8,
}

/** What the rules saw and decided: the learned layer uses all of it as features. */
export interface RuleOutcome {
  result: AnalysisResult
  /** The analysed (possibly truncated) text and its folding. */
  text: string
  f: Folded
  /** Lexicon sentiment before flags and source damping, and the sentiment items behind it. */
  lexRaw: number
  items: Item[]
}

/** Rules and lexicons only: the stacked model's inputs, and the engine before the model. */
export function analyzeRules(textIn: unknown, ctx: AnalyzeContext = {}): RuleOutcome {
  const full = typeof textIn === 'string' ? textIn : textIn == null ? '' : String(textIn)
  const text = breakLongRuns(
    full.length > MAX_ANALYSED_CHARS ? full.slice(0, MAX_ANALYSED_CHARS) : full,
  )
  const f = fold(text)
  const input: DetectorInput = { text, f, school: ctx.school, source: ctx.source }
  const dets: Detection[] = []
  const flags = new Set<PolicyFlag>()

  if (detectThreat(input, dets)) flags.add('threat')
  if (detectSafeguarding(input, dets)) flags.add('safeguarding')
  if (detectExtremism(input, dets)) flags.add('extremism')
  if (detectSexual(input, dets)) flags.add('sexual')
  for (const fl of detectHateAbuseSexual(input, findProfanity(input), dets))
    flags.add(fl as PolicyFlag)
  if (detectPersonalData(input, dets)) flags.add('personal_info')
  if (detectStaff(input, dets)) flags.add('staff_named')
  if (detectImpersonation(input, dets)) flags.add('impersonation')
  if (detectSpam(input, dets)) flags.add('spam')
  if (detectCommercial(input, dets)) flags.add('commercial')
  // Sexual or extremist content, or a fake staff account, that reaches children is also a
  // safeguarding matter: the DSL must see it.
  if (
    !flags.has('safeguarding') &&
    (flags.has('sexual') || flags.has('extremism') || flags.has('impersonation'))
  ) {
    const c = childTargeted(input, flags)
    if (c) {
      const [start, end] = f.span(c.index, c.index + c[0].length)
      dets.push({
        flag: 'safeguarding',
        start,
        end,
        rule: 'safeguarding.children-exposed',
        explanation: 'Sexual, extremist or impersonating content that involves children.',
      })
      flags.add('safeguarding')
    }
  }

  const { raw: lexRaw, items } = scoreSentiment(f)
  let raw = lexRaw
  if (ctx.source === 'news' || ctx.source === 'wikipedia')
    raw *= SENTIMENT_TUNING.reportSourceFactor
  for (const fl of flags) raw += FLAG_PULL[fl] ?? 0
  // Spam and adverts hold no view of the school, whatever their sales talk says.
  if (flags.has('spam')) raw = 0
  else if (flags.has('commercial')) raw *= 0.2
  const score = squash(raw)
  const label = scoreToLabel(score)

  // A complaint criticises the school. Threats, abuse and innuendo are negative without being
  // complaints unless they also carry criticism in their own words.
  const hostileOnly = flags.has('threat') || flags.has('abuse') || flags.has('impersonation')
  const isComplaint =
    label === 'negative' &&
    !flags.has('sexual') &&
    (hostileOnly ? lexRaw <= -2 : true) &&
    (lexRaw <= -2 || hasSchoolTarget(input))
  if (isComplaint) {
    flags.add('complaint')
    const cue = complaintCue(input)
    const neg = items.filter((i) => i.value < 0).sort((a, b) => a.value - b.value)[0]
    const [start, end] = cue
      ? f.span(cue.index, cue.index + cue[0].length)
      : neg
        ? f.span(neg.start, neg.end)
        : [0, 0]
    dets.push({
      flag: 'complaint',
      start,
      end,
      rule: 'complaint.negative-about-school',
      explanation: 'Criticism of the school, its staff or decisions — the head replies.',
    })
  }
  if (label === 'positive') {
    flags.add('praise')
    const pos = items.filter((i) => i.value > 0).sort((a, b) => b.value - a.value)[0]
    const [start, end] = pos ? f.span(pos.start, pos.end) : [0, 0]
    dets.push({
      flag: 'praise',
      start,
      end,
      rule: 'praise.positive-about-school',
      explanation: 'Positive feedback about the school or its staff — thank and credit the team.',
    })
  }
  if (detectQuestion(input, label, dets)) flags.add('question')

  const ordered = POLICY_FLAGS.filter((p) => flags.has(p))
  const r = route(ordered, label)
  const evidence: EvidenceSpan[] = dets
    .filter((d) => flags.has(d.flag))
    .map(toEvidence)
    .concat(sentimentEvidence(f, items, label))
    .sort((a, b) => a.start - b.start || a.end - b.end)
  const result: AnalysisResult = {
    sentiment: { label, score: Math.round(score * 1000) / 1000 },
    flags: ordered,
    priority: r.priority,
    owner: r.owner,
    evidence: capEvidence(dedupe(evidence)),
    engine: BUILTIN_ENGINE_ID,
    engineVersion: BUILTIN_ENGINE_VERSION,
  }
  return { result, text, f, lexRaw, items }
}

/**
 * One "word" thousands of units long (a pasted blob, "aaaa…") made the elongation-tolerant
 * profanity patterns backtrack quadratically: 100,000 letters took over a minute (found by the fuzz
 * suite). No word is that long, so a space replaces every MAX_RUN-th unit of such a run; the length,
 * and so every evidence offset into the original text, stays the same.
 */
const MAX_RUN = 200
const LONG_RUN = new RegExp(`\\S{${MAX_RUN},}`, 'g')
function breakLongRuns(text: string): string {
  // The regex tries \S{200,} at every position of every mention; a hand count finds that almost
  // none has such a run, and only those pay for the replace.
  if (!mayHaveLongRun(text)) return text
  return text.replace(LONG_RUN, (run) => {
    const parts: string[] = []
    for (let i = 0; i < run.length; i += MAX_RUN)
      parts.push(run.slice(i + (i ? 1 : 0), i + MAX_RUN))
    return parts.join(' ')
  })
}

/**
 * False only when `text` certainly has no MAX_RUN units in a row outside \s. Only ASCII
 * whitespace ends a run here: counting a rarer space as part of the run can only send a text to
 * the exact regex, never keep one from it.
 */
function mayHaveLongRun(text: string): boolean {
  if (text.length < MAX_RUN) return false
  let run = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 32 || (c >= 9 && c <= 13)) run = 0
    else if (++run >= MAX_RUN) return true
  }
  return false
}

/** The shipped engine: the rules, then the learned layer (a no-op when no weights are shipped). */
export function analyzeBuiltin(textIn: unknown, ctx: AnalyzeContext = {}): AnalysisResult {
  return applyLearned(analyzeRules(textIn, ctx), ctx)
}

function dedupe(ev: EvidenceSpan[]): EvidenceSpan[] {
  const seen = new Set<string>()
  return ev.filter((e) => {
    const k = `${e.start}:${e.end}:${e.signal}:${e.rule}`
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

/** A result that is always valid, for when something unforeseen throws. */
export function fallbackResult(engine: string, version: string): AnalysisResult {
  return {
    sentiment: { label: 'neutral', score: 0 },
    flags: [],
    priority: 'low',
    owner: 'orm_lead',
    evidence: [],
    engine,
    engineVersion: version,
  }
}

let warned = false

export function createBuiltinEngine(): AnalysisEngine {
  return {
    id: BUILTIN_ENGINE_ID,
    version: BUILTIN_ENGINE_VERSION,
    analyze(text: string, ctx?: AnalyzeContext): AnalysisResult {
      try {
        return analyzeBuiltin(text, ctx)
      } catch (e) {
        // Never crash the poller on one odd mention; the item stays visible for a human.
        if (!warned) {
          warned = true
          console.warn(
            `analysis engine failed on one mention, returned a neutral result: ${(e as Error).message}`,
          )
        }
        return fallbackResult(BUILTIN_ENGINE_ID, BUILTIN_ENGINE_VERSION)
      }
    },
  }
}
