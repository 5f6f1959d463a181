// Runs in: main process / CLI (Node). complaint, question and praise: what kind of reply the school owes.
//
// complaint and praise follow the sentiment about the school; question needs an enquiry the
// school could answer ("what time does breakfast club open?") and ignores rhetorical ones ("how is
// this acceptable?", "AIBU?").
import type { SentimentLabel } from '../types'
import { type Detection, type DetectorInput, sentenceAround } from './util'

// Words that show the text is about the school, its staff or provision.
const TARGET =
  /\b(?:school|schools|teacher|teachers|teaching|staff|head|heads|headteacher|headmistress|headmaster|deputy|senco|sendco|class|classes|classroom|pupils?|children|kids|ofsted|aldhelm'?s?|year \d|y\d|reception|nursery|term|inset|uniform|lunch(?:es|time)?|dinners?|homework|office|governors?|pta|ptfa|trip|curriculum|sats|sen|send|ehcp|nativity|sports day|pick[- ]?up|drop[- ]?off|playground|assembly|leadership|slt|ta|tas|teaching assistant|caretaker|site manager|breakfast club|after[- ]school|wraparound|detention|exclusion|behaviour|admissions?|place|places|ds|dd|dc|dcs|ds\d|dd\d|my (?:son|daughter|child|kids|boy|girl|little one)|mr|mrs|miss|ms|they|them|communication|newsletter|parents? evening|phonics|reading|maths|swimming|pe)\b/

const COMPLAINT_CUE =
  /\b(?:complain\w*|complaint|unacceptable|disappointed|disappointing|not good enough|no (?:reply|response|answer)|still waiting|nobody (?:replied|listens|cares)|ignored|let down|fobbed off|formal complaint|ofsted|governors|escalat\w*|shambles|disgrace\w*|useless|appalling|dreadful|awful|terrible|rubbish|joke|should be (?:sacked|ashamed)|avoid|worst)\b/

const ENQUIRY =
  /\b(?:does anyone know|anyone know|can anyone (?:tell|recommend|advise|help|confirm)|could (?:someone|anyone|you) (?:tell|let|confirm|advise|send)|does anybody|has anyone (?:got|had|applied|heard|been)|are there (?:any )?(?:places|spaces|spots|vacancies)|do you (?:have|offer|do|run|know|still|provide|accept)|do they (?:have|offer|do|run|still|provide|accept)|when (?:is|are|does|do|will|can)|what time|what (?:are|is) the (?:dates?|times?|uniform|policy|process|procedure|deadline|cost|price|catchment|admissions|term)|how (?:do|can|does|should) (?:i|we|you|one|parents)|where (?:do|can|is|are) (?:i|we|the)|is there (?:a|an|any)|can (?:i|we|parents|my (?:son|daughter|child)) (?:apply|visit|book|come|get|pay|join|still|order|buy|bring|have)|wondering (?:if|whether|when|what|how)|i(?:'d| would) like to know|please (?:could|can) (?:you|someone)|any (?:advice|recommendations|tips|info|information|ideas)|is it (?:true|possible|worth)|which (?:class|year|teacher|day|days)|who (?:do i|should i|is the)|how (?:many|much|long|often|early|late)|will (?:there|the school|school|it) be|are (?:you|they) (?:open|closed|taking|still)|is (?:the school|school|breakfast club|after school club) (?:open|closed|taking)|do (?:i|we) need to)\b/

export const RHETORICAL =
  /\b(?:why (?:on earth|the hell|is it (?:that|always)|do (?:they|we|i) (?:even )?bother|would (?:anyone|they|you)|does nobody|won't|can't|don't they|is nobody|are they)|how (?:hard|difficult) (?:can|is) it|what (?:is|was|'s) the point|who (?:thought|decided|came up with|on earth|in their right mind)|is (?:this|that|it) (?:a joke|acceptable|normal|legal|right|fair|ok|okay)|are (?:you|they) (?:kidding|serious|joking|having a laugh|for real)|seriously|really\?|how is (?:this|that|it) (?:acceptable|ok|allowed|fair|legal|right)|how dare|what (?:is|'s) wrong with|what kind of|aibu|am i being unreasonable|wibu|wtaf|what the (?:hell|heck|f)|is it (?:too much|so hard) to ask|anyone else (?:sick|fed up|annoyed|furious|had enough)|what did (?:they|you) expect|guess what|do they (?:even|actually) care|does anyone (?:even|actually) care|shall i|what happened to|where (?:is|was) the (?:support|communication|empathy|care)|why bother|who (?:cares|knew|signed (?:this|that|it) off)|what do they (?:actually |even )?do with|does anyone (?:at|in) (?:that|the|this) school (?:actually |even )?(?:read|answer|care|listen)|or is the \w+ just)\b/

const INTERROGATIVE_START =
  /^\W*(?:is|are|do|does|did|can|could|will|would|when|what|where|which|who|how|has|have|any|anyone|anybody|should|may)\b/

export function detectQuestion(
  input: DetectorInput,
  sentiment: SentimentLabel,
  out: Detection[],
): boolean {
  const s = input.f.lower
  let any = false
  let scanned = 0
  for (let q = s.indexOf('?'); q !== -1 && scanned < 30; q = s.indexOf('?', q + 1), scanned++) {
    const sent = sentenceAround(s, q, q)
    const a = q - sent.length >= 0 ? s.lastIndexOf(sent, q) : 0
    if (RHETORICAL.test(sent)) continue
    const enquiry = ENQUIRY.test(sent)
    if (!enquiry && (sentiment === 'negative' || !INTERROGATIVE_START.test(sent))) continue
    const [start, end] = input.f.span(Math.max(0, a), q + 1)
    out.push({
      flag: 'question',
      start,
      end,
      rule: enquiry ? 'question.enquiry' : 'question.interrogative',
      explanation: 'An enquiry the school could answer — reply within the SLA.',
    })
    any = true
  }
  if (!any) {
    const m =
      /\b(?:does anyone know|can anyone (?:tell|recommend|advise|confirm)|wondering (?:if|whether|when)|i(?:'d| would) like to know|any (?:advice|recommendations|info) (?:on|about|please))\b/.exec(
        s,
      )
    if (m && !RHETORICAL.test(sentenceAround(s, m.index, m.index + m[0].length))) {
      const [start, end] = input.f.span(m.index, m.index + m[0].length)
      out.push({
        flag: 'question',
        start,
        end,
        rule: 'question.enquiry',
        explanation: 'An enquiry the school could answer — reply within the SLA.',
      })
      any = true
    }
  }
  return any
}

export function hasSchoolTarget(input: DetectorInput): boolean {
  if (input.source === 'google_review') return true
  if (TARGET.test(input.f.lower)) return true
  const sc = input.school
  if (!sc) return false
  const names = [sc.name, ...(sc.aliases ?? [])].map((n) => n.toLowerCase())
  return names.some((n) => n.length > 3 && input.f.lower.includes(n))
}

export function complaintCue(input: DetectorInput): RegExpExecArray | null {
  return COMPLAINT_CUE.exec(input.f.lower)
}
