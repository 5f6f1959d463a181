// Runs in: main process / CLI (Node), pure. Who a draft names and what personal data it holds. The
// patterns are the analysis engine's (imported read-only); what is allowed differs: in the school's
// own reply, its own office phone, email and postcode are fine, and the head may sign.
import { GIVEN_NAMES } from '../../analysis/flags/names'
import {
  CALLED_FULL,
  CHILD_FIRST_YEAR,
  CHILD_FULL_YEAR,
  EMAIL,
  NAME_APPOSITION,
  NAME_THEN_YEAR,
  PHONE,
  POSTCODE,
  REG,
  REG_LOWER,
  REL_FULL,
  YEAR_NAME,
  YEAR_NOUN_CHILD,
} from '../../analysis/flags/personal-data'
import { staffMatcher } from '../../analysis/flags/staff'
import type { SchoolContext } from '../../analysis/types'
import { lowerSameLength } from './cues'
import { type DraftSchool, headSignoff } from './profile'

export type PeopleCode = 'pupil_named' | 'staff_named' | 'personal_data'

export interface PeopleHit {
  code: PeopleCode
  message: string
  start: number
  end: number
}

const PUPIL =
  'This names a child. Policy: never name pupils in public ("Names and photos of individuals" are not posted), and a first name with a year group or class identifies a child.'
const STAFF =
  'This names a member of staff. Replies never discuss individual staff in public; only the head, signing the reply, may be named.'
const PERSONAL = {
  phone:
    "A phone number that is not the school office's own. Personal numbers must never appear in a reply.",
  email: "An email address that is not the school office's own.",
  postcode: "A postcode that is not the school's own: with a name, it locates someone's home.",
  address: 'A street address: personal data that must not appear in a reply.',
  reg: 'A vehicle registration: personal data that must not appear in a reply.',
}

const TITLE_SURNAME = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir)\.?\s+(?:[A-Z]\.?\s+)?[A-Z][a-z'’-]+/g
const STREET =
  /\b\d{1,4}[a-z]?,?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Road|Rd|Street|Lane|Avenue|Ave|Close|Drive|Crescent|Way|Gardens|Grove|Place|Terrace|Court|Mews|Row|Hill|View|Walk|Rise|Square|Green|Vale|Parade)\b/g
// Second words that make "Grace Church" or "Joseph Hood Primary" a place, not a person.
const NOT_SURNAME =
  /^(?:Primary|School|Academy|Church|Road|Street|Lane|Park|House|Centre|Center|Trust|Hall|Court|Day|Week|Award|Team|Class|Year|Group|Club|Nursery|Federation|Infant|Infants|Junior|Juniors|College|Community|Foundation|Term|Fair|Fete|Holidays?|Concert|Show|Wikipedia|Google|Facebook|Instagram)$/
const FULL_NAME = /\b([A-Z][a-z]{1,15})\s+([A-Z][a-z'’-]{1,20})\b/g

function digits(s: string): string {
  return s.replace(/\D/g, '').replace(/^44/, '0')
}

function fresh(re: RegExp): RegExp {
  // Copies, so our scans never move the analysis engine's shared lastIndex.
  return new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g')
}

/** Ranges where names are the school's own (its name, aliases, town): not people. */
function placeRanges(text: string, school: DraftSchool): [number, number][] {
  const out: [number, number][] = []
  const lower = lowerSameLength(text)
  for (const n of [school.name, school.town, school.localAuthority, ...(school.aliases ?? [])]) {
    const t = (n ?? '').trim().toLowerCase()
    if (t.length < 3) continue
    for (let i = lower.indexOf(t); i !== -1; i = lower.indexOf(t, i + t.length))
      out.push([i, i + t.length])
  }
  return out
}

/** The last non-empty line, when short: the sign-off, where the head may be named. */
function signoffRange(text: string): [number, number] | null {
  const trimmed = text.replace(/\s+$/, '')
  const start = trimmed.lastIndexOf('\n') + 1
  return trimmed.length - start <= 80 ? [start, trimmed.length] : null
}

function schoolContext(school: DraftSchool): SchoolContext {
  return { name: school.name, staff: school.staff, postcode: school.postcode, town: school.town }
}

const contextCache = new WeakMap<DraftSchool, SchoolContext>()

export function findPeople(text: string, school: DraftSchool): PeopleHit[] {
  const out: PeopleHit[] = []
  const push = (code: PeopleCode, message: string, start: number, end: number) => {
    if (!out.some((h) => h.code === code && h.start < end && start < h.end))
      out.push({ code, message, start, end })
  }
  const lower = lowerSameLength(text)
  const places = placeRanges(text, school)
  const inPlace = (a: number, b: number) => places.some(([s, e]) => a >= s && b <= e)

  // Staff: the head may sign — the policies have only the head answer negative posts, and Mellers
  // asks that posts "make it clear who is posting content" — but only in the sign-off line.
  let ctx = contextCache.get(school)
  if (!ctx) contextCache.set(school, (ctx = schoolContext(school)))
  const sm = staffMatcher(ctx)
  const head = headSignoff(school)
  const headSurname = head.name?.split(/\s+/).pop()?.toLowerCase()
  const sign = signoffRange(text)
  const staffSpans: [number, number][] = []
  if (sm.re)
    for (const m of lower.matchAll(fresh(sm.re))) staffSpans.push([m.index, m.index + m[0].length])
  for (const m of text.matchAll(TITLE_SURNAME)) staffSpans.push([m.index, m.index + m[0].length])
  for (const [a, b] of staffSpans) {
    if (inPlace(a, b)) continue
    const isHead = !!headSurname && lower.slice(a, b).includes(headSurname)
    if (isHead && sign && a >= sign[0] && b <= sign[1]) continue
    push('staff_named', STAFF, a, b)
  }

  // Pupils: a full name that is not staff, or a first name with a year group or class.
  const rules = [
    CHILD_FULL_YEAR,
    CHILD_FIRST_YEAR,
    YEAR_NOUN_CHILD,
    YEAR_NAME,
    REL_FULL,
    CALLED_FULL,
    NAME_THEN_YEAR,
    NAME_APPOSITION,
  ]
  for (const re of rules) {
    for (const m of text.matchAll(fresh(re))) {
      const first = m[1]
      if (!first || !GIVEN_NAMES.has(first.toLowerCase()) || sm.firstNames.has(first.toLowerCase()))
        continue
      push('pupil_named', PUPIL, m.index, m.index + m[0].length)
    }
  }
  for (const m of text.matchAll(FULL_NAME)) {
    const [, first, last] = m
    const a = m.index
    const b = a + m[0].length
    if (!GIVEN_NAMES.has(first.toLowerCase()) || NOT_SURNAME.test(last) || inPlace(a, b)) continue
    if (sm.surnames.has(last.toLowerCase()) || staffSpans.some(([s, e]) => a < e && s < b)) continue
    push('pupil_named', PUPIL, a, b)
  }

  // Personal data, except the school's own published contact details.
  const ownPhone = digits(school.phone)
  for (const m of lower.matchAll(fresh(PHONE))) {
    const raw = m[0].trimEnd()
    if (ownPhone && digits(raw) === ownPhone) continue
    if (digits(raw).length < 10) continue
    push('personal_data', PERSONAL.phone, m.index, m.index + raw.length)
  }
  const ownEmail = school.email.trim().toLowerCase()
  for (const m of lower.matchAll(fresh(EMAIL))) {
    if (ownEmail && m[0] === ownEmail) continue
    // "write to us at school dot org" style spellings count only on the usual personal domains.
    if (m[0].includes(' at ') && !/\.(?:com|co\.uk|uk)$/.test(m[0])) continue
    push('personal_data', PERSONAL.email, m.index, m.index + m[0].length)
  }
  const ownPostcode = (school.postcode ?? '').replace(/\s/g, '').toUpperCase()
  for (const m of text.matchAll(fresh(POSTCODE))) {
    if (ownPostcode && m[0].replace(/\s/g, '') === ownPostcode) continue
    push('personal_data', PERSONAL.postcode, m.index, m.index + m[0].length)
  }
  for (const m of text.matchAll(STREET))
    push('personal_data', PERSONAL.address, m.index, m.index + m[0].length)
  for (const m of text.matchAll(fresh(REG))) {
    if (/^(?:SEN|SAT|PTA|KS\d|Y\d|R\d)/.test(m[0])) continue
    push('personal_data', PERSONAL.reg, m.index, m.index + m[0].length)
  }
  for (const m of lower.matchAll(fresh(REG_LOWER))) {
    const s = m.index + m[0].length - m[1].length
    push('personal_data', PERSONAL.reg, s, s + m[1].length)
  }
  return out.sort((x, y) => x.start - y.start)
}
