// Runs in: main process / CLI (Node). Personal data spelled to dodge filters (issue 4 round).
//
// People who know numbers get scraped write them out ("oh seven seven double oh nine ..."),
// and addresses come street first ("Hollinbury Way, number 41", "moved to Cedar Close"). Both
// are turned back into what they stand for, then judged by the same tests as the plain forms.
import { GIVEN_NAMES } from './names'
import type { Detection, DetectorInput } from './util'

const DIGIT: Record<string, string> = {
  oh: '0',
  o: '0',
  zero: '0',
  nought: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
}
// A run of spoken digits: number words, "double"/"treble", and digits mixed in.
const SPOKEN =
  /\b(?:(?:oh|o|zero|nought|one|two|three|four|five|six|seven|eight|nine|hundred|double|treble|triple|\d)(?:[\s,.-]+|\b|$)){9,}/g

/** Digits a spoken run stands for ("double oh" is "00"). */
function spokenDigits(run: string): string {
  let out = ''
  let times = 1
  for (const w of run.split(/[\s,.-]+/)) {
    if (!w) continue
    if (w === 'double') times = 2
    else if (w === 'treble' || w === 'triple') times = 3
    // "nine hundred" is how people say the 900 of 07700 900 123.
    else if (w === 'hundred') out += out ? '00' : ''
    else {
      const d = /^\d+$/.test(w) ? w : (DIGIT[w] ?? '')
      out += d.repeat(times)
      times = 1
    }
  }
  return out
}

// A street named first and its number after: "Hollinbury Way, number 41", "Mill Lane no. 22".
const STREET_THEN_NUMBER =
  /\b(?:[A-Z][a-z]+\s+){1,3}(?:Road|Street|Lane|Avenue|Close|Drive|Crescent|Way|Gardens|Grove|Place|Terrace|Court|Mews|Row|Rise|Walk|Square|Green|Vale|Parade)\b,?\s+(?:number|no\.?|house|flat)\s+\d{1,4}[a-z]?\b/g
// Moved or living somewhere, street named: "he's moved to Hollinbury Way".
const MOVED_TO =
  /\b(?:moved|moving|lives|living|stays|staying)\s+(?:to|into|onto|round|near)\s+(?:[A-Z][a-z]+\s+){1,3}(?:Road|Street|Lane|Avenue|Close|Drive|Crescent|Way|Gardens|Grove|Place|Terrace|Court|Mews|Row|Rise|Walk|Square|Green|Vale|Parade|Estate)\b/g

// "Ruby Kerr, year 6": a full name then a year group after a comma or in brackets.
const NAME_COMMA_YEAR =
  /\b([A-Z][a-z]{1,15}) [A-Z][a-z]{1,20}(?:-[A-Z][a-z]+)?,? \(?(?:in )?(?:year|yr|y) ?\d\b/g

export function detectPersonalDataExtra(input: DetectorInput, out: Detection[]): boolean {
  const { lower, cased } = input.f
  let found = false
  let m: RegExpExecArray | null
  // Gate: a spoken number needs several number words; "seven" alone is far cheaper to look for.
  if (/\b(?:seven|oh one|zero one|nought one)\b|\b0 [17] \d/.test(lower)) {
    SPOKEN.lastIndex = 0
    while ((m = SPOKEN.exec(lower)) !== null) {
      const d = spokenDigits(m[0])
      // "seven seven double oh nine hundred ..." often drops the leading nought.
      if (!/^0?7\d{9}$|^0[123]\d{8,9}$/.test(d)) continue
      const [start, end] = input.f.span(m.index, m.index + m[0].trimEnd().length)
      out.push({
        flag: 'personal_info',
        start,
        end,
        rule: 'personal_info.phone-spoken',
        explanation: 'A UK phone number written out in words.',
      })
      found = true
    }
  }
  // Both street forms and the name-with-year form need a digit or a moving verb: most texts
  // have neither, and these scans run on every mention.
  const digits = /\d/.test(lower)
  const moving = /\b(?:mov|liv|stay)/.test(lower)
  for (const re of digits && moving
    ? [STREET_THEN_NUMBER, MOVED_TO]
    : digits
      ? [STREET_THEN_NUMBER]
      : moving
        ? [MOVED_TO]
        : []) {
    re.lastIndex = 0
    while ((m = re.exec(cased)) !== null) {
      if (/\b(?:I|we)\s+(?:\w+\s+)?$/i.test(cased.slice(Math.max(0, m.index - 12), m.index)))
        continue
      const [start, end] = input.f.span(m.index, m.index + m[0].length)
      out.push({
        flag: 'personal_info',
        start,
        end,
        rule: 'personal_info.address',
        explanation: 'A street address.',
      })
      found = true
    }
  }
  NAME_COMMA_YEAR.lastIndex = 0
  while (digits && (m = NAME_COMMA_YEAR.exec(cased)) !== null) {
    if (!GIVEN_NAMES.has(m[1].toLowerCase())) continue
    // "Sarah Lindqvist, Year 4 teacher" is staff, not a child.
    const after = cased.slice(m.index + m[0].length, m.index + m[0].length + 16)
    if (/^\w*\s*(?:teacher|lead|leader|tutor|co-?ordinator|team|ta\b)/i.test(after)) continue
    const full = m[0].split(',')[0].toLowerCase()
    if (input.school?.staff?.some((p) => p.name.toLowerCase().includes(full))) continue
    const [start, end] = input.f.span(m.index, m.index + m[0].length)
    out.push({
      flag: 'personal_info',
      start,
      end,
      rule: 'personal_info.child-name-year',
      explanation: "A child's full name with a year group.",
    })
    found = true
  }
  return found
}
