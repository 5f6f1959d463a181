// Runs in: main process / CLI (Node). Personal data: phones, emails, postcodes, addresses, vehicle
// registrations and named children. The school's own published contact details are not personal.
import { detectPersonalDataExtra } from './pii-extra'
import { GIVEN_NAMES } from './names'
import { staffMatcher } from './staff'
import { PERSONAL_DATA_FAMILIES } from './families-pii'
import { type Detection, type DetectorInput, runRules } from './util'

function push(
  input: DetectorInput,
  out: Detection[],
  a: number,
  b: number,
  rule: string,
  explanation: string,
): void {
  const [start, end] = input.f.span(a, b)
  out.push({ flag: 'personal_info', start, end, rule, explanation })
}

// Any run that could be a UK number in one of its usual spellings: "07700 900123",
// "+44 (0)7700-900-123", "0161 496 0000", "(01632) 960 001"; digits are checked afterwards.
export const PHONE = /(?<![\w+])(?:\+\s?44|0044|\(0\d{2,4}\)|0)[\d\s().-]{8,16}\d(?!\d)/g
// The school's (or a public body's) own line. Not "school" alone: "lost between the school gate
// and the Co-op, ring 01632 960 881" and a tradesman offering to help "school parents" are people.
export const SCHOOL_CONTACT =
  /\b(?:school(?:'s)? (?:office|number|phone|line|reception|on)|(?:ring|call|phone|contact|rang) (?:the )?school|school (?:main |new )?number|office|reception|admissions|absence line|attendance line|main (?:line|number)|switchboard|council|helpline|front desk|call us|contact us|ring us|our (?:new |main )*(?:number|phone|line)|ofsted|nspcc|childline|police|101|999)\b/

// "077OO 9OO 853", "077009OO4I2": letters standing in for digits inside a run that is mostly
// digits. Same length, so spans found in the result are spans of the text.
const DIGIT_RUN = /[\doil][\doil\s().-]{8,18}\d/g
function lettersAsDigits(lower: string): string {
  if (!/\d[oil]|[oil]\d/.test(lower)) return lower
  return lower.replace(DIGIT_RUN, (run) =>
    run.replace(/\D/g, '').length >= 5 ? run.replace(/o/g, '0').replace(/[il]/g, '1') : run,
  )
}

function ukPhoneKind(raw: string): string | null {
  let d = raw.replace(/\D/g, '')
  if (d.startsWith('0044')) d = '0' + d.slice(4)
  else if (d.startsWith('44')) d = '0' + d.slice(2)
  if (d.startsWith('00')) d = d.slice(1)
  if (/^07\d{9}$/.test(d)) return 'mobile'
  if (/^0[123]\d{8,9}$/.test(d)) return 'landline'
  return null
}

export const EMAIL =
  /\b[a-z0-9][a-z0-9._%+-]{0,63}\s?(?:@|\(at\)|\[at\]| at )\s?[a-z0-9-]+(?:(?:\.|\(dot\)|\[dot\]| dot )[a-z0-9-]+)*(?:\.|\(dot\)|\[dot\]| dot )(?:com|co\.uk|co dot uk|uk|org|net|me|io|info|biz)\b/g
const ORG_EMAIL_LOCAL =
  /^(?:info|office|admin|enquiries|enquiry|admissions|head|headteacher|bursar|finance|senco|hello|contact|sales|support|bookings|team|press|news|help|helpline|reception|marketing|noreply|no-reply|pta|ptfa|safeguarding|dsl|attendance|absence|governors|clerk)(?:[._-][a-z0-9.-]+)?$/
const ORG_EMAIL_DOMAIN =
  /(?:\.sch\.uk|\.gov\.uk|\.ac\.uk|\.police\.uk|\.nhs\.uk|saferinternet|ofsted|aldhelm)/

// The shape, not Royal Mail's letter rules: a made-up or mistyped postcode still locates a home
// to a reader, and the writer meant it as one.
export const POSTCODE = /\b(?:GIR ?0AA|[A-Z][A-Z]?\d[A-Z\d]? ?\d[A-Z]{2})\b/g
const INSTITUTION_ADDRESS =
  /\b(?:school|primary|academy|college|infants|juniors|nursery|office|find us|visit us|our address|deliveries to|postal forms?)\b(?![^]*\b(?:lives?|his|her|my home)\b)/
// Lower-case, but numbered: "lives at no. 22 calder rise".
const NUMBERED_STREET_LOWER =
  /\b(?:no\.?\s*|number\s+)\d{1,4}[a-z]?,?\s+(?:[a-z]+\s+){1,2}(?:road|rd|street|lane|avenue|close|drive|crescent|way|gardens|grove|place|terrace|court|mews|row|rise|walk|square|green|vale|parade)\b/g
const STREET =
  /\b(?:\d{1,4}[a-z]?,?\s+|(?:flat|apartment|no\.?|number)\s+\d{1,4}[a-z]?,?\s+(?:\w+\s+)?)(?:[A-Z][a-z]+\s+){1,3}(?:Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Cl|Drive|Dr|Crescent|Cres|Way|Gardens|Gdns|Grove|Place|Pl|Terrace|Court|Ct|Mews|Row|Hill|View|Walk|Rise|Park|Square|Sq|Green|Vale|Parade|Meadows?|Fields)\b/g
const LIVES_ON =
  /\b(?:lives?|living|house|home|address|moved|staying)\s+(?:is\s+|are\s+)?(?:on|at|in|down)\s+(?:\d{1,4}\s+)?(?:[A-Z][a-z]+\s+){1,3}(?:Road|Rd|Street|St|Lane|Avenue|Ave|Close|Drive|Crescent|Way|Gardens|Grove|Place|Terrace|Court|Mews|Row|Hill|View|Walk|Rise|Square|Green|Vale|Parade|Estate)\b/g
// Current (AB12 CDE), prefix (A123 BCD), Q plates and suffix (ABC 123D) registrations, in
// capitals. The shape, not the DVLA's issuing rules: a plate misread or made up in a post ("QX19
// ZZT") still points at a car and its owner.
export const REG = /\b(?:[A-Z]{2}\d{2} ?[A-Z]{3}|[A-Z]\d{1,3} ?[A-Z]{3}|[A-Z]{3} ?\d{1,3}[A-Z])\b/g
export const REG_LOWER =
  /\b(?:reg|registration|number plate|plate|numberplate)\b[^.!?\n]{0,20}?\b([a-z]{2}\d{2} ?[a-z]{3}|[a-z]\d{1,3} ?[a-z]{3}|[a-z]{3} ?\d{1,3}[a-z])\b/g

// Capitalised words that are not given names: sentence starters, months, school words.
const NOT_NAME = new Set(
  (
    'The A An My Our Your Their His Her Its This That These Those Year Yr Class Reception Nursery Key Stage Mr Mrs Ms Miss Dr Sir St Saint ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October ' +
    'November December Christmas Easter Ofsted School Primary Academy Church England God Jesus Google Facebook Instagram Twitter ' +
    'Mumsnet Reddit TikTok Whatsapp WhatsApp Snapchat Just So And But Also Now Then When Today Yesterday Last Next Every Both All ' +
    'Some Any No Not Yes Thanks Thank Hi Hello Dear Well Oh Great Lovely Absolutely Very Really Please Has Had Have Is Was Were ' +
    'Are Will Would Can Could Should Did Does Do If As At In On Of For With From By To Since After Before During Head Deputy SENCO ' +
    'PE DS DD DH AIBU SATs SATS SEN EHCP UK England Team Parents Children Kids Pupils Staff Teachers Governors PTA PTFA Hollinbury Westmarch'
  ).split(' '),
)

const NAME = '([A-Z][a-z]{1,15}(?:-[A-Z][a-z]+)?)'
const YEAR =
  '(?:(?:[Yy]ear|[Yy]r|Y|[Rr]eception|[Nn]ursery|[Cc]lass)\\s?(?:\\d{1,2}|[A-Z][a-z]+|\\d{1,2}[A-Z]{1,3})?|[A-Z][a-z]+ [Cc]lass|\\d{1,2}[A-Z]{1,3}\\b)'
export const CHILD_FULL_YEAR = new RegExp(
  `\\b${NAME}\\s+${NAME}(?:'s)?\\s*,?\\s*(?:\\(|in\\s+|from\\s+|of\\s+|-\\s*|who(?:'s| is) in\\s+|(?<=,\\s*))(?:${YEAR})\\b`,
  'g',
)
export const CHILD_FIRST_YEAR = new RegExp(
  `\\b${NAME}(?:\\s+[A-Z]\\.?)?(?:\\s+(?:in|from)\\s+|\\s*,\\s*(?:\\d{1,2},\\s*)?|\\s+\\()(?:${YEAR}|[A-Z][a-z]+ [Cc]lass|(?:Mrs|Mr|Miss|Ms) [A-Z][a-z]+'s (?:class|form))`,
  'g',
)
export const YEAR_NOUN_CHILD = new RegExp(
  `\\b(?:[Yy]ear|[Yy]r|Y|[Rr]eception)\\s?\\d?(?:'s)?\\s+(?:boy|girl|pupil|child|kid|student|lad|lass)\\s+(?:called\\s+|named\\s+)?${NAME}(?:\\s+${NAME})?`,
  'g',
)
export const YEAR_NAME = new RegExp(
  `\\b(?:[Yy]ear|[Yy]r|Y)\\s?\\d(?:'s)?\\s+${NAME}(?:\\s+${NAME})?`,
  'g',
)
export const REL_FULL = new RegExp(
  `\\b(?:my|her|his|their|our|a|the)\\s+(?:son|daughter|boy|girl|child|nephew|niece|grandson|granddaughter|DS|DD|ds|dd|stepson|stepdaughter|lad|kid|pupil|classmate|friend)(?:'s friend)?,?\\s+(?:called\\s+|named\\s+)?${NAME}\\s+${NAME}\\b`,
  'g',
)
export const NAME_THEN_YEAR = new RegExp(
  `\\b${NAME}\\s+${NAME}(?:'s\\b[^\\n]{0,25}?\\s|,?\\s+)(?:\\(|in\\s+)?(?:[Yy]ear\\s?\\d|[Yy]r\\s?\\d|Y\\d|\\d{1,2}[A-Z]{1,3}\\b|Reception)`,
  'g',
)
export const NAME_APPOSITION = new RegExp(
  `\\b${NAME}\\s+${NAME},\\s+(?:(?:a|an|the)\\s+(?:\\w+\\s+)?)?(?:pupil|student|boy|girl|child|schoolboy|schoolgirl)\\b|\\b${NAME}\\s+${NAME},\\s+(?:\\d{1,2}|aged)\\b`,
  'g',
)
export const NAME_IS = new RegExp(
  `\\b(?:his|her) name is ${NAME}(?=[\\s\\S]{0,120}\\b(?:boy|girl|kid|child|teacher|class|year|Y\\d))`,
  'g',
)
// A full name and, later in the same sentence, a year group or class ("Ruby-Mae Dawson in the
// middle of the egg and spoon!! Year 2, Maple class").
export const NAME_NEAR_YEAR = new RegExp(
  `\\b${NAME}\\s+${NAME}\\b[^\\n]{0,70}?\\b(?:Year\\s?\\d|Yr\\s?\\d|Y\\d|\\d[A-Z]\\b|[A-Z][a-z]+ [Cc]lass\\b)`,
  'g',
)
// Typed in lower case with an initial: "jake h in 6r". Only known given names.
const LOWER_NAME_CLASS = /\b([a-z]{2,15}) [a-z]\.? (?:in|from) (?:\d[a-z]\b|year ?\d|y\d|yr ?\d)/g
// Court-report style: "Daniel Hurst, 34, of Marlow Close" names a home street.
const OF_STREET =
  /\b(?:\d{1,3},\s+)?of\s+(?:\d{1,4}[a-z]?\s+)?(?:[A-Z][a-z]+\s+){1,3}(?:Road|Rd|Street|Lane|Avenue|Close|Drive|Crescent|Way|Gardens|Grove|Place|Terrace|Court|Mews|Row|Rise|Square|Green|Vale|Parade)\b/g
export const CALLED_FULL = new RegExp(
  `\\b(?:boy|girl|child|kid|pupil|lad|student)\\s+(?:called|named)\\s+${NAME}\\s+${NAME}\\b`,
  'g',
)

interface ChildRule {
  re: RegExp
  rule: string
  explanation: string
  /**
   * A cheap condition the regex cannot match without (`digits`: the text holds a digit), so
   * most mentions skip the scan: a year group written "Year 4", a word the pattern spells out.
   */
  pre?: (cased: string, digits: boolean) => boolean
}

const CHILD_RULES: ChildRule[] = [
  {
    re: CHILD_FULL_YEAR,
    rule: 'personal_info.child-name-year',
    explanation: "A child's full name with a class or year group.",
  },
  {
    re: CHILD_FIRST_YEAR,
    rule: 'personal_info.child-first-name-year',
    explanation: "A child's first name with a class or year group.",
  },
  {
    re: YEAR_NOUN_CHILD,
    rule: 'personal_info.child-name-year',
    explanation: 'A child named with a year group.',
  },
  {
    re: YEAR_NAME,
    rule: 'personal_info.child-name-year',
    explanation: 'A child named with a year group.',
    pre: (_c, digits) => digits,
  },
  { re: REL_FULL, rule: 'personal_info.child-full-name', explanation: "A child's full name." },
  {
    re: CALLED_FULL,
    rule: 'personal_info.child-full-name',
    explanation: "A child's full name.",
    pre: (c) => c.includes('called') || c.includes('named'),
  },
  {
    re: NAME_THEN_YEAR,
    rule: 'personal_info.child-name-year',
    explanation: "A child's full name with a class or year group.",
    pre: (c, digits) => digits || c.includes('Reception'),
  },
  {
    re: NAME_APPOSITION,
    rule: 'personal_info.child-full-name',
    explanation: "A child's full name.",
    pre: (c) => c.includes(','),
  },
  {
    re: NAME_NEAR_YEAR,
    rule: 'personal_info.child-name-year',
    explanation: "A child's full name with a class or year group.",
    pre: (c, digits) => digits || c.includes(' class') || c.includes(' Class'),
  },
  {
    re: NAME_IS,
    rule: 'personal_info.child-first-name',
    explanation: "A lost or described child's first name.",
    pre: (c) => c.includes(' name is '),
  },
]

function isStaffName(sm: ReturnType<typeof staffMatcher>, first: string, last?: string): boolean {
  return sm.firstNames.has(first.toLowerCase()) && (!last || sm.surnames.has(last.toLowerCase()))
}

export function detectPersonalData(input: DetectorInput, out: Detection[]): boolean {
  const before = out.length
  const { lower, cased } = input.f
  const school = input.school
  const sm = staffMatcher(school)
  let m: RegExpExecArray | null

  // Cheap gates first: most mentions hold no digits and no "@", and these scans are the costly ones.
  const hasDigits = /\d/.test(lower)
  const phoneText = hasDigits ? lettersAsDigits(lower) : lower
  PHONE.lastIndex = hasDigits ? 0 : lower.length
  while (hasDigits && (m = PHONE.exec(phoneText)) !== null) {
    const kind = ukPhoneKind(m[0])
    if (!kind) continue
    const ctx = lower.slice(Math.max(0, m.index - 50), m.index)
    if (
      SCHOOL_CONTACT.test(ctx) &&
      !/\b(?:(?:her|his|my|their) (?:\w+ )?(?:number|mobile|phone|landline)|personal|home|private|mobile is)\b/.test(
        ctx,
      )
    )
      continue
    push(
      input,
      out,
      m.index,
      m.index + m[0].trimEnd().length,
      `personal_info.phone-${kind}`,
      `A UK ${kind} phone number.`,
    )
  }
  const mayHaveEmail = /@|\(at\)|\[at\]| at [a-z0-9-]+(?: dot |\.[a-z])/.test(lower)
  EMAIL.lastIndex = 0
  while (mayHaveEmail && (m = EMAIL.exec(lower)) !== null) {
    const at = m[0].search(/@|\(at\)|\[at\]| at /)
    const local = m[0].slice(0, at).trim()
    const domain = m[0].slice(at)
    if (
      ORG_EMAIL_DOMAIN.test(domain) ||
      (ORG_EMAIL_LOCAL.test(local) &&
        !/gmail|hotmail|yahoo|outlook|icloud|btinternet|live\.|aol/.test(domain))
    )
      continue
    // "meet at the.org" is prose; a handle-like local part ("sunflower.lady62 at example.net")
    // is an address spelled to dodge scrapers.
    if (
      m[0].includes(' at ') &&
      !/(?:\.| dot )(?:com|co(?:\.| dot )uk|uk)$/.test(m[0]) &&
      !/[._\d]/.test(local)
    )
      continue
    push(
      input,
      out,
      m.index,
      m.index + m[0].length,
      'personal_info.email',
      "An email address that is not the school's own.",
    )
  }
  // Postcodes, registrations and "jake h in 6r" all hold a digit: skipped on texts without one.
  POSTCODE.lastIndex = 0
  while (hasDigits && (m = POSTCODE.exec(cased)) !== null) {
    // The school's own postcode is public; normalised only when a postcode turns up at all.
    if (m[0].replace(/\s/g, '') === (school?.postcode ?? '').replace(/\s/g, '').toUpperCase())
      continue
    // Another school's or a business's published address ("Find us at Thornbury Lane Junior
    // School, ... ZB2 4TR") locates no one's home.
    if (INSTITUTION_ADDRESS.test(lower.slice(Math.max(0, m.index - 70), m.index))) continue
    push(
      input,
      out,
      m.index,
      m.index + m[0].length,
      'personal_info.postcode',
      'A full postcode — with a name it locates a home.',
    )
  }
  for (const re of hasDigits ? [STREET, LIVES_ON] : [LIVES_ON]) {
    re.lastIndex = 0
    while ((m = re.exec(cased)) !== null) {
      // Writers giving their own street ("I live on Chapel Lane") are not exposing anyone.
      if (
        /\b(?:I|we)\s+(?:\w+\s+)?$/i.test(cased.slice(Math.max(0, m.index - 12), m.index)) &&
        !/\d/.test(m[0])
      )
        continue
      push(input, out, m.index, m.index + m[0].length, 'personal_info.address', 'A street address.')
    }
  }
  NUMBERED_STREET_LOWER.lastIndex = 0
  while (hasDigits && (m = NUMBERED_STREET_LOWER.exec(lower)) !== null) {
    if (out.some((d) => d.rule === 'personal_info.address')) break
    push(input, out, m.index, m.index + m[0].length, 'personal_info.address', 'A street address.')
  }
  REG.lastIndex = 0
  while (hasDigits && (m = REG.exec(cased)) !== null) {
    if (/^(?:SEN|SAT|PTA|KS\d|Y\d|R\d)/.test(m[0])) continue
    push(
      input,
      out,
      m.index,
      m.index + m[0].length,
      'personal_info.vehicle-reg',
      'A vehicle registration.',
    )
  }
  REG_LOWER.lastIndex = 0
  while (hasDigits && (m = REG_LOWER.exec(lower)) !== null) {
    const s = m.index + m[0].length - m[1].length
    if (!out.some((d) => d.rule === 'personal_info.vehicle-reg' && d.start <= s)) {
      push(input, out, s, s + m[1].length, 'personal_info.vehicle-reg', 'A vehicle registration.')
    }
  }
  for (const { re, rule, explanation, pre } of CHILD_RULES) {
    if (pre && !pre(cased, hasDigits)) continue
    re.lastIndex = 0
    while ((m = re.exec(cased)) !== null) {
      const first = m[1]
      const last = m[2]
      if (!first || NOT_NAME.has(first) || (last && NOT_NAME.has(last))) continue
      if (isStaffName(sm, first, last) || (last && sm.surnames.has(last.toLowerCase()))) continue
      const pre = cased.slice(Math.max(0, m.index - 6), m.index)
      if (/\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|St)\.?\s*$/.test(pre)) continue
      // Where nothing but capitalisation says "name", insist on a known given name.
      const loose =
        re === CHILD_FULL_YEAR ||
        re === CHILD_FIRST_YEAR ||
        re === YEAR_NAME ||
        re === NAME_THEN_YEAR ||
        re === NAME_APPOSITION ||
        re === NAME_NEAR_YEAR
      if (loose && !GIVEN_NAMES.has(first.toLowerCase().split('-')[0])) continue
      push(input, out, m.index, m.index + m[0].length, rule, explanation)
    }
  }
  LOWER_NAME_CLASS.lastIndex = 0
  while (hasDigits && (m = LOWER_NAME_CLASS.exec(lower)) !== null) {
    if (!GIVEN_NAMES.has(m[1]) || sm.firstNames.has(m[1])) continue
    push(
      input,
      out,
      m.index,
      m.index + m[0].length,
      'personal_info.child-first-name-year',
      "A child's first name and initial with a class.",
    )
  }
  OF_STREET.lastIndex = 0
  while (hasDigits && (m = OF_STREET.exec(cased)) !== null) {
    push(input, out, m.index, m.index + m[0].length, 'personal_info.address', 'A home street.')
  }
  runRules(input, 'personal_info', PERSONAL_DATA_FAMILIES, out)
  detectPersonalDataExtra(input, out)
  return out.length > before
}
