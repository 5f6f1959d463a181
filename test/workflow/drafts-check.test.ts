// The policy check: each reason fires on a positive example and stays quiet on a close negative one,
// and points at the offending words.
import { describe, expect, it } from 'vitest'
import { SchoolInput } from '../../src-main/contract/school'
import { type CheckIssue, type DraftSchool, checkDraft } from '../../src-main/workflow/drafts'

const profile = SchoolInput.parse({
  name: 'Hatfeild Primary School',
  town: 'Morden',
  postcode: 'SM4 5NU',
  phone: '020 7946 0000',
  email: 'admin@hatfeild.sch.uk',
  website: 'https://www.hatfeild.sch.uk',
  headName: 'Mrs Alice Waterman',
  aliases: ['Hatfeild'],
  staff: [
    { name: 'Alice Waterman', title: 'Mrs', role: 'Head of School' },
    { name: 'Sharon Fullalove', title: 'Mrs', role: 'School Business Manager' },
  ],
})
const school: DraftSchool = { ...profile, complaintsUrl: 'https://www.hatfeild.sch.uk/complaints' }

function issues(body: string, code: CheckIssue['code']): string[] {
  return checkDraft(body, { school })
    .issues.filter((i) => i.code === code)
    .map((i) => body.slice(i.start, i.end))
}

describe('names a pupil', () => {
  it('fires on a full name that is not staff', () => {
    expect(issues('Well done to Oliver Smith for a wonderful assembly.', 'pupil_named')).toEqual([
      'Oliver Smith',
    ])
  })
  it("fires on a child's first name with a year group or class", () => {
    expect(issues('Mia in Year 4 read beautifully.', 'pupil_named')).toEqual(['Mia in Year 4'])
    expect(issues('Well done to Year 6 Noah!', 'pupil_named')).toEqual(['Year 6 Noah'])
  })
  it('stays quiet on a year group, the school name or a term', () => {
    expect(
      issues('Well done to everyone in Year 6 at Hatfeild Primary School.', 'pupil_named'),
    ).toEqual([])
    expect(issues('See you at the Summer Fair!', 'pupil_named')).toEqual([])
  })
})

describe('names a member of staff', () => {
  it('fires on a staff name from the profile and on title + surname', () => {
    expect(issues('Sharon Fullalove will call you.', 'staff_named')).toEqual(['Sharon Fullalove'])
    expect(issues('Mr Patel has looked into it.', 'staff_named')).toEqual(['Mr Patel'])
  })
  // The policies have only the head answer negative posts, and Mellers asks every post to "make it
  // clear who is posting content": the head may sign by name, in the sign-off line and nowhere else.
  it("allows the head's name in the sign-off line", () => {
    const body = 'Thank you for your message.\nMrs Waterman, Head of School'
    expect(issues(body, 'staff_named')).toEqual([])
  })
  it("fires on the head's name in the body of the reply", () => {
    const body = 'Mrs Waterman, our headteacher, has looked into this.\nThe Hatfeild team'
    expect(issues(body, 'staff_named')).toEqual(['Mrs Waterman'])
  })
})

describe('contains personal data', () => {
  it('fires on a phone number that is not the office number', () => {
    expect(issues('Please ring 07700 900123 today.', 'personal_data')).toEqual(['07700 900123'])
  })
  it("allows the school's own office number, however it is written", () => {
    expect(issues('Please ring the office on 020 7946 0000.', 'personal_data')).toEqual([])
    expect(issues('Please ring the office on +44 20 7946 0000.', 'personal_data')).toEqual([])
  })
  it("fires on another email, allows the school's own", () => {
    expect(issues('Email jo.bloggs@gmail.com or admin@hatfeild.sch.uk.', 'personal_data')).toEqual([
      'jo.bloggs@gmail.com',
    ])
  })
  it("fires on another postcode, an address and a vehicle registration; allows the school's postcode", () => {
    expect(issues('Our postcode is SM4 5NU.', 'personal_data')).toEqual([])
    expect(issues('She lives at 12 Chapel Road, SM4 6AB.', 'personal_data')).toEqual([
      '12 Chapel Road',
      'SM4 6AB',
    ])
    expect(issues('The car was AB12 CDE.', 'personal_data')).toEqual(['AB12 CDE'])
  })
})

// Wording cues: for each reason, examples that must fire (with the words highlighted) and a close
// negative that must not.
const CUE_CASES: [CheckIssue['code'], [string, string][], string][] = [
  [
    'argues',
    [
      ['You are wrong about the trip.', 'You are wrong'],
      ["Clearly you didn't read the letter.", "Clearly you didn't"],
      ['We have spoken to your child about it.', 'your child'],
      ['You should have checked the newsletter.', 'You should have'],
    ],
    'We are sorry you were unhappy about the trip. All our children loved it.',
  ],
  [
    'individual_case',
    [
      ["We cannot comment on your son's exclusion.", "your son's exclusion"],
      ['We have reviewed the incident on Tuesday.', 'the incident on'],
      ["Last Friday's accident was upsetting.", "Last Friday's accident"],
    ],
    'Our behaviour policy explains how exclusions work.',
  ],
  [
    'promises_outcome',
    [
      ['We will dismiss the teacher.', 'We will dismiss'],
      ['We guarantee a place.', 'guarantee'],
      ['This will never happen again.', 'will never happen again'],
    ],
    'We will be in touch to arrange a time to talk.',
  ],
  [
    'sarcasm',
    [
      ['With all due respect, the letter went out on time.', 'With all due respect'],
      ['Oh great, another complaint.', 'Oh great, another'],
      ['Thanks for the notice.', 'Thanks for the notice'],
    ],
    'Thank you for your kind words. Great to hear!',
  ],
]

describe.each(CUE_CASES)('%s', (code, positives, negative) => {
  it.each(positives)('fires on %j', (body, hit) => {
    expect(issues(body, code)).toEqual([hit])
  })
  it(`stays quiet on ${JSON.stringify(negative)}`, () => {
    expect(issues(negative, code)).toEqual([])
  })
})

describe('spelling', () => {
  it('fires on a misspelling, with a suggestion', () => {
    const result = checkDraft('We will recieve the forms on Monday.', { school })
    const spelling = result.issues.filter((i) => i.code === 'spelling')
    expect(spelling).toHaveLength(1)
    expect(spelling[0].message).toContain('"receive"')
    expect(spelling[0].start).toBe(8)
  })
  it('holds replies to British spelling', () => {
    expect(issues('Our new colour scheme.', 'spelling')).toEqual([])
    expect(issues('Our new color scheme.', 'spelling')).toEqual(['color'])
  })
  it("allows school words and the school's own names", () => {
    const body =
      'Our SENCO can talk through EHCP questions; Ofsted visited Hatfeild in Morden before the INSET day. Mrs Fullalove, School Business Manager'
    expect(issues(body, 'spelling')).toEqual([])
  })
})

describe('pasted rich text', () => {
  it('fires on HTML tags and entities, not on a plain "<"', () => {
    expect(issues('<p>Thank you&nbsp;so much</p>', 'markup')).toEqual(['<p>', '&nbsp;', '</p>'])
    expect(issues('Classes of fewer than 30 (so 29 < 30) pupils.', 'markup')).toEqual([])
  })
})

it('reports an empty draft', () => {
  expect(checkDraft('  \n ', { school })).toEqual({
    ok: false,
    issues: [{ code: 'empty', message: 'The draft is empty.' }],
  })
})

it('a clean reply passes', () => {
  const body =
    'Thank you for your message. Please contact the office on 020 7946 0000 or at admin@hatfeild.sch.uk.\nMrs Waterman, Head of School'
  expect(checkDraft(body, { school, platform: 'x' })).toEqual({ ok: true, issues: [] })
})

it('a pasted run of letters is reported without asking the speller for suggestions', () => {
  // Suggestions grow with word length: a 5,000-letter "word" must not stall the check.
  const [hit] = checkDraft('z'.repeat(5000), { school }).issues.filter((i) => i.code === 'spelling')
  expect(hit.message).not.toContain('Did you mean')
  expect([hit.start, hit.end]).toEqual([0, 5000])
})
