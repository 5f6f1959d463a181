import { describe, expect, it } from 'vitest'
import { analyze, spansFor } from './helpers'

describe('threat', () => {
  it.each([
    'we know which car is yours',
    "I'll be waiting at the gates",
    'Mr Pryce, if you read this, watch your back',
    "If he does that again I'll break his fingers",
    'Someone should torch that place',
    'Keep it up and see what happens.',
  ])('fires on %s', (t) => expect(analyze(t).flags).toContain('threat'))

  it.each([
    'this homework is killing me',
    'I could murder a coffee after drop-off',
    'They smashed their SATs this year',
    "I'm still waiting for a reply from the office",
    'The nativity was the bomb 💣',
  ])('stays quiet on the idiom %s', (t) => expect(analyze(t).flags).not.toContain('threat'))
})

describe('personal data', () => {
  it.each([
    ['Call her on 07700 900123', '07700 900123'],
    ['ring +44 (0)7700-900-123 after 6', '+44 (0)7700-900-123'],
    ['his landline is 0161 496 0000', '0161 496 0000'],
    ['email jo.bloggs@gmail.com', 'jo.bloggs@gmail.com'],
    ['she lives at 22 Orchard Rise, HB4 3LN', 'HB4 3LN'],
    ['she lives at 22 Orchard Rise, HB4 3LN', '22 Orchard Rise'],
    ['silver Astra AB12 CDE parked on the zigzags', 'AB12 CDE'],
    ['Jayden Marsh in Year 5 punched my son', 'Jayden Marsh in Year 5'],
  ])('%s → highlights %s', (text, span) => {
    const r = analyze(text)
    expect(r.flags).toContain('personal_info')
    expect(spansFor(r, text, 'personal_info')).toContain(span)
  })

  it('does not treat the school postcode, an office number or a year-group event as personal', () => {
    for (const t of [
      'St Aldhelm’s, HB4 2QT',
      'Call the school office on 01632 960000',
      'Year 6 Leavers Assembly is on Friday',
      'Mrs Okafor in Year 4 today',
    ]) {
      expect(analyze(t).flags).not.toContain('personal_info')
    }
  })
})

describe('staff named', () => {
  it.each([
    ['Mrs Okafor never replies', 'Mrs Okafor'],
    ['Helen Okafor is the head', 'Helen Okafor'],
    ['Miss L is lovely', 'Miss L'],
    ['Dr Smith came to assembly', 'Dr Smith'],
  ])('%s → %s', (text, span) => {
    const r = analyze(text)
    expect(r.flags).toContain('staff_named')
    expect(spansFor(r, text, 'staff_named')).toContain(span)
  })
  it('ignores "Mr Men" and plain "miss"', () => {
    expect(analyze('We read Mr Men books').flags).not.toContain('staff_named')
    expect(analyze('I miss the old uniform').flags).not.toContain('staff_named')
  })
})

describe('profanity, abuse and hate', () => {
  it('sees through asterisks, leetspeak, spacing and zero-width characters', () => {
    for (const t of [
      'f*ck you',
      'f u c k you',
      'sh1t head teacher, f u',
      'f\u200Buck you',
      'Pryce is a p r i c k',
    ]) {
      expect(analyze(t).flags, t).toContain('abuse')
    }
  })
  it('does not call swearing at nothing abuse', () => {
    const r = analyze('Drop-off traffic is f***ing awful')
    expect(r.flags).not.toContain('abuse')
    expect(r.sentiment.label).toBe('negative')
  })
  it('flags slurs and "go back" as hate', () => {
    expect(analyze('Send her back where she came from').flags).toContain('hate')
    expect(analyze('the teacher is a r3tard').flags).toContain('hate')
  })
  it('leaves Scunthorpe, class and assessments alone', () => {
    for (const t of [
      'We moved from Scunthorpe',
      'The class assessment went well',
      'Sex education starts in Year 6',
    ]) {
      const f = analyze(t).flags
      expect(f, t).not.toContain('abuse')
      expect(f, t).not.toContain('sexual')
    }
  })
})

describe('safeguarding, extremism, sexual, impersonation, spam', () => {
  it('routes a child at risk to safeguarding', () => {
    const t = 'My son came home with bruises on his arm and nobody could tell me why'
    expect(analyze(t).flags).toContain('safeguarding')
  })
  it('treats a policy grumble as no safeguarding concern', () => {
    expect(analyze('The anti-bullying policy on the website is out of date').flags).not.toContain(
      'safeguarding',
    )
  })
  it('flags staff-pupil private messages', () => {
    expect(analyze('A teacher has been DMing a Year 6 girl on Instagram').flags).toContain(
      'safeguarding',
    )
  })
  it('flags extremist recruitment but not a Prevent training evening', () => {
    expect(analyze('White parents, wake up. Join the Westmarch Defence League').flags).toContain(
      'extremism',
    )
    expect(
      analyze('The council runs an online safety evening on extremist content').flags,
    ).not.toContain('extremism')
  })
  it('flags innuendo but not sex education', () => {
    expect(analyze('Miss Lindqvist is hot and single, apply within').flags).toContain('sexual')
    expect(analyze('Relationships and sex education consultation tonight').flags).not.toContain(
      'sexual',
    )
  })
  it('flags a fake account and a phishing post', () => {
    expect(
      analyze('Someone has set up a fake Facebook page pretending to be the school').flags,
    ).toContain('impersonation')
    const phish = analyze('Click here to claim your free iPhone 👉 bit.ly/win-now')
    expect(phish.flags).toContain('spam')
    expect(phish.sentiment.label).toBe('neutral')
  })
  it('flags adverts and donation requests as commercial', () => {
    expect(analyze('11+ tutoring available, £25 per hour, book now').flags).toContain('commercial')
    expect(analyze('Please donate to our GoFundMe for the minibus').flags).toContain('commercial')
  })
  it('asks questions the school could answer, not rhetorical ones', () => {
    expect(analyze('Does anyone know when the autumn term starts?').flags).toContain('question')
    expect(analyze('How is this acceptable?').flags).not.toContain('question')
  })
})

describe('evidence spans', () => {
  it('point into the original text even after folding homoglyphs and HTML', () => {
    const text = '<p>Hello</p> we know which саr is yours &amp; more'
    const r = analyze(text)
    expect(r.flags).toContain('threat')
    const span = spansFor(r, text, 'threat')[0]
    expect(span).toBe('we know which саr is yours')
  })
  it('every span is inside the text and has a rule and an explanation', () => {
    const text = 'Mrs Okafor is a f*cking idiot. Call 07700 900123. 😡'
    const r = analyze(text)
    expect(r.evidence.length).toBeGreaterThan(2)
    for (const e of r.evidence) {
      expect(e.start).toBeGreaterThanOrEqual(0)
      expect(e.end).toBeLessThanOrEqual(text.length)
      expect(e.end).toBeGreaterThan(e.start)
      expect(e.rule).toMatch(/\S/)
      expect(e.explanation).toMatch(/\S/)
    }
  })
})
