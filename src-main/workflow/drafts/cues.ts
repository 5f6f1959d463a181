// Runs in: main process / CLI (Node), pure. Wording a school reply must not use, as data: arguing or
// blaming, discussing one person's case, promising an outcome, sarcasm. Each cue says why in plain
// English, quoting the policy it comes from, so the person drafting can fix it.
import { PHRASES } from '../../analysis/lexicon/phrases'

export type CueCode = 'argues' | 'individual_case' | 'promises_outcome' | 'sarcasm'

export interface Cue {
  code: CueCode
  re: RegExp
  message: string
}

const ARGUES =
  'This argues with or blames the reader. The policies say "avoid entering into debate/argument" and never retaliate: acknowledge instead.'
const CASE =
  'This discusses an individual case in public. The school never discusses individual pupils, staff or incidents online: invite private contact instead.'
const PROMISE =
  'This promises an outcome the school cannot commit to in public (staffing decisions, guarantees). Say what will happen next, not how it will end.'
const SARCASM =
  'This reads as sarcastic. Replies must be professional and friendly: sarcasm is read as retaliation.'

const CHILD = '(?:child|son|daughter|kid|boy|girl|children|sons|daughters|kids)'
const DAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|last week)'
const EVENT =
  '(?:incident|accident|altercation|fight|exclusion|suspension|detention|injury|assault|allegation|investigation|meeting|complaint)'

const rx = (s: string): RegExp => new RegExp(s, 'gi')

export const CUES: readonly Cue[] = [
  {
    code: 'argues',
    re: rx("\\byou(?:'re|’re| are) (?:simply |just )?(?:wrong|mistaken|incorrect|lying)\\b"),
    message: ARGUES,
  },
  {
    code: 'argues',
    re: rx(
      "\\b(?:clearly|obviously|evidently) you (?:didn't|didn’t|did not|haven't|haven’t|have not|don't|don’t|do not|weren't|were not)\\b",
    ),
    message: ARGUES,
  },
  { code: 'argues', re: rx(`\\byour ${CHILD}\\b`), message: ARGUES },
  {
    code: 'argues',
    re: rx(
      '\\byou (?:should|ought to|must|could) have\\b|\\bif you had (?:bothered|read|listened|checked)\\b',
    ),
    message: ARGUES,
  },
  {
    code: 'argues',
    re: rx(
      "\\b(?:that|this|it)(?:'s|’s| is) (?:simply |just )?(?:not true|untrue|false|a lie|nonsense|ridiculous)\\b",
    ),
    message: ARGUES,
  },
  {
    code: 'argues',
    re: rx(
      '\\b(?:your|their) (?:own )?fault\\b|\\bto blame\\b|\\byou (?:failed|refused|ignored|chose not)\\b',
    ),
    message: ARGUES,
  },
  {
    code: 'argues',
    re: rx('\\bas you (?:well )?know\\b|\\bfalse (?:claims?|allegations?|accusations?)\\b'),
    message: ARGUES,
  },
  {
    code: 'individual_case',
    re: rx(
      `\\b(?:your|his|her|their|the) ${CHILD}(?:'s|’s|s'|s’)? (?:${EVENT}|behaviour|ehcp|sen|needs|diagnosis|attendance|grades|results|teacher|class)\\b`,
    ),
    message: CASE,
  },
  {
    code: 'individual_case',
    re: rx(
      `\\b(?:the|this|that|your) ${EVENT} (?:on|last|yesterday|this morning|at|in|involving|with)\\b`,
    ),
    message: CASE,
  },
  {
    code: 'individual_case',
    re: rx(`\\b(?:on|last) ${DAY}(?:'s|’s)? ${EVENT}\\b|\\b${DAY}(?:'s|’s) ${EVENT}\\b`),
    message: CASE,
  },
  {
    code: 'individual_case',
    re: rx('\\bin (?:your|his|her|their) (?:case|situation)\\b'),
    message: CASE,
  },
  {
    code: 'promises_outcome',
    re: rx(
      "\\bwe(?: will|'ll|’ll| shall| are going to) (?:dismiss|sack|fire|discipline|exclude|expel|suspend|punish|refund|compensate|remove (?:the|that|this) (?:teacher|member of staff))\\b",
    ),
    message: PROMISE,
  },
  {
    code: 'promises_outcome',
    re: rx('\\bguarantee(?:d|s)?\\b|\\bwe promise\\b|\\bi promise\\b'),
    message: PROMISE,
  },
  {
    code: 'promises_outcome',
    re: rx('\\b(?:will|shall) never happen again\\b|\\bnever (?:ever )?happen again\\b'),
    message: PROMISE,
  },
  {
    code: 'promises_outcome',
    re: rx(
      '\\b(?:will|shall) be (?:dismissed|sacked|disciplined|excluded|expelled|suspended|punished)\\b',
    ),
    message: PROMISE,
  },
  {
    code: 'sarcasm',
    re: rx(
      '\\bwith (?:all )?(?:due )?respect\\b|\\bif you say so\\b|\\bgood luck with that\\b|\\bnice try\\b',
    ),
    message: SARCASM,
  },
  {
    code: 'sarcasm',
    re: rx('\\bsome of us\\b|\\bnot that (?:anyone|you)\\b|\\bheaven forbid\\b|\\bhow dare\\b'),
    message: SARCASM,
  },
  // The analysis engine's own sarcasm phrases (read-only import): what it finds in parents' posts is
  // what a parent would read into ours.
  ...PHRASES.filter(([, , tag]) => tag === 'sarcasm').map(([p]) => ({
    code: 'sarcasm' as const,
    re: new RegExp(`(?<![a-z])(?:${p})(?![a-z])`, 'gu'),
    message: SARCASM,
  })),
]

/** Lower-cases without changing length, so offsets found in the copy are offsets in the original. */
export function lowerSameLength(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const l = text[i].toLowerCase()
    out += l.length === 1 ? l : text[i]
  }
  return out
}

export interface CueHit {
  code: CueCode
  message: string
  start: number
  end: number
}

export function findCues(text: string): CueHit[] {
  const lower = lowerSameLength(text)
  const out: CueHit[] = []
  for (const cue of CUES) {
    // The engine's phrases are written for lower-cased text; ours are case-insensitive anyway.
    cue.re.lastIndex = 0
    for (const m of lower.matchAll(cue.re)) {
      if (!m[0]) continue
      out.push({ code: cue.code, message: cue.message, start: m.index, end: m.index + m[0].length })
    }
  }
  // Several cues can catch the same words ("oh great" and "oh great, another"): keep the widest.
  out.sort((a, b) => a.start - b.start || b.end - a.end)
  return out.filter(
    (h, i) => !out.slice(0, i).some((k) => k.code === h.code && k.start < h.end && h.start < k.end),
  )
}
