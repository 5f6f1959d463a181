// Reply drafts: every template fills from the profile, fits its platforms and passes the policy check;
// missing profile fields leave visible gaps that the check reports; situations follow the flags.
import { describe, expect, it } from 'vitest'
import {
  type DraftMention,
  type DraftPlatform,
  type DraftSchool,
  GAP,
  TEMPLATES,
  checkDraft,
  generateDrafts,
  headSignoff,
  situationsFor,
} from '../../src-main/workflow/drafts'

const school: DraftSchool = {
  name: 'Meadlands Primary School',
  phone: '01632 960123',
  email: 'office@meadlands.sch.uk',
  website: 'https://www.meadlands.sch.uk',
  headName: 'Mrs Helen Okafor',
  staff: [
    { name: 'Helen Okafor', title: 'Mrs', role: 'Headteacher' },
    { name: 'Sarah Gee', title: 'Mrs', role: 'Office manager' },
  ],
  postcode: 'HB4 2QT',
  town: 'Hollinbury',
  aliases: ['Meadlands'],
  complaintsUrl: 'https://www.meadlands.sch.uk/complaints-procedure',
}

const details = {
  fact: 'The school is open as usual this week.',
  currentText: 'The school was rated Requires Improvement.',
  proposedChange: 'The school was rated Good by Ofsted in 2024.',
  changeReason: 'The article is out of date.',
  reference: 'https://reports.ofsted.gov.uk/provider/21/100000',
}

const KIND: Record<DraftPlatform, string> = {
  google: 'google_business',
  facebook: 'facebook',
  instagram: 'instagram',
  x: 'x',
  wikipedia: 'wikipedia',
  other: 'feed',
}

function mention(platform: DraftPlatform, flags: string[] = [], label = 'neutral'): DraftMention {
  return {
    text: 'Mrs Gee never rings back. Call me on 07700 900123.',
    url: 'https://example.com/posts/123',
    title: 'Meadlands Primary School',
    sourceKind: KIND[platform],
    analysis: { sentiment: { label: label as 'neutral', score: 0 }, flags },
  }
}

const pairs = TEMPLATES.flatMap((t) => t.platforms.map((p) => [t.id, p] as const))

describe('every template, filled from a complete profile', () => {
  it.each(pairs)('%s on %s passes the policy check', (id, platform) => {
    const t = TEMPLATES.find((x) => x.id === id)!
    const drafts = generateDrafts(mention(platform, ['abuse']), school, t.situation, details)
    const draft = drafts.find((d) => d.template === id)
    expect(draft, `${id} is offered on ${platform}`).toBeDefined()
    const result = checkDraft(draft!.body, { school, platform, situation: t.situation })
    expect(result.issues).toEqual([])
    expect(result.ok).toBe(true)
  })

  it.each(TEMPLATES.map((t) => [t.id, t] as const))(
    '%s leaves no placeholder unfilled and no gap',
    (_id, t) => {
      const [draft] = generateDrafts(
        mention(t.platforms[0], ['abuse']),
        school,
        t.situation,
        details,
      ).filter((d) => d.template === t.id)
      expect(draft.body).not.toMatch(/(?<!\{)\{\w+\}(?!\})/)
      expect(draft.body).not.toContain('[')
      if (t.text.includes('{phone}')) expect(draft.body).toContain('01632 960123')
      if (t.text.includes('{email}')) expect(draft.body).toContain('office@meadlands.sch.uk')
      if (t.text.includes('{complaintsUrl}')) expect(draft.body).toContain(school.complaintsUrl)
    },
  )
})

describe('what each situation says', () => {
  const bodies = (platform: DraftPlatform, flags: string[], label = 'neutral') =>
    generateDrafts(mention(platform, flags, label), school, undefined, details)

  it('a complaint invites private contact, points to the procedure and is signed by the head', () => {
    const drafts = bodies('google', ['complaint'], 'negative')
    expect(drafts.map((d) => d.template)).toEqual(['complaint.full', 'complaint.short'])
    for (const d of drafts) {
      expect(d.body).toMatch(/privately|in private/)
      expect(d.body).toContain(school.complaintsUrl)
      expect(d.body.trim().split('\n').pop()).toBe('Mrs Okafor, Headteacher')
      // Never the case itself: nothing of the post is repeated.
      expect(d.body).not.toMatch(/Gee|07700/)
    }
  })

  it('praise thanks and credits the team, names no one and is not signed by the head', () => {
    const drafts = bodies('facebook', ['praise'], 'positive')
    expect(drafts.map((d) => d.situation)).toEqual(['praise', 'praise'])
    for (const d of drafts) {
      expect(d.body).toMatch(/^Thank you/)
      expect(d.body).toContain('team')
      expect(d.body).not.toContain('Okafor')
    }
  })

  it('a question points to the office phone, email and website', () => {
    const [full] = bodies('instagram', ['question'])
    expect(full.body).toContain('01632 960123')
    expect(full.body).toContain('office@meadlands.sch.uk')
    expect(full.body).toContain('https://www.meadlands.sch.uk')
  })

  it('a removal notice tells the audience why, from the flags', () => {
    const removal = bodies('facebook', ['personal_info']).filter(
      (d) => d.situation === 'removal_notice',
    )
    expect(removal).toHaveLength(2)
    for (const d of removal) expect(d.body).toContain('because it shared personal information')
  })

  it('a report links to the post, names the rules broken and never quotes the post', () => {
    const [report] = bodies('instagram', ['personal_info', 'abuse'])
    expect(report.template).toBe('report_to_platform.full')
    expect(report.body).toContain('https://example.com/posts/123')
    expect(report.body).toContain("Instagram's Community Guidelines")
    expect(report.body).toMatch(/What is wrong: The post shares personal information/)
    expect(report.body).not.toMatch(/Gee|07700/)
  })

  it('a Wikipedia mention gets a talk-page {{edit COI}} request, never a reply', () => {
    const drafts = bodies('wikipedia', ['complaint'], 'negative')
    expect(drafts.map((d) => d.situation)).toEqual([
      'wikipedia_edit_request',
      'wikipedia_edit_request',
    ])
    const [full, diff] = drafts
    expect(full.body.split('\n')[1]).toBe('{{edit COI}}')
    expect(full.body).toContain('* Specific text to be added or removed: The school was rated Good')
    expect(full.body).toContain('* Reason for the change: The article is out of date.')
    expect(full.body).toContain('* References supporting change: https://reports.ofsted.gov.uk')
    expect(full.body).toMatch(/conflict of interest/)
    expect(full.body.endsWith('~~~~')).toBe(true)
    expect(diff.body).toContain(
      '{{TextDiff|1=The school was rated Requires Improvement.|2=The school was rated Good by Ofsted in 2024.}}',
    )
  })

  it('on X, only the short variants are offered, each within 280', () => {
    const drafts = bodies('x', ['complaint', 'question'], 'negative')
    expect(drafts.map((d) => d.template)).toEqual(['complaint.short', 'question.short'])
  })
})

describe('choosing situations', () => {
  it.each([
    [['complaint'], 'negative', 'google', ['complaint']],
    [['question'], 'neutral', 'facebook', ['question']],
    [['praise'], 'positive', 'google', ['praise']],
    [['complaint', 'question'], 'negative', 'x', ['complaint', 'question']],
    [[], 'negative', 'other', ['complaint', 'correction']],
    [[], 'positive', 'other', ['praise']],
    [['abuse'], 'negative', 'facebook', ['report_to_platform', 'removal_notice']],
    [['personal_info'], 'neutral', 'google', ['report_to_platform']],
    [['safeguarding'], 'negative', 'facebook', []],
    [['complaint'], 'negative', 'wikipedia', ['wikipedia_edit_request']],
  ] as const)('%j (%s) on %s → %j', (flags, label, platform, expected) => {
    expect(situationsFor(mention(platform, [...flags], label))).toEqual(expected)
  })

  it('a situation asked for explicitly wins over the flags', () => {
    const drafts = generateDrafts(
      mention('google', ['praise'], 'positive'),
      school,
      'correction',
      details,
    )
    expect(drafts.map((d) => d.situation)).toEqual(['correction', 'correction'])
  })
})

describe('missing profile fields', () => {
  const bare: DraftSchool = {
    ...school,
    phone: '',
    email: '',
    headName: '',
    complaintsUrl: undefined,
  }

  it('leave a visible gap instead of invented data, and the check reports each one', () => {
    const [full] = generateDrafts(mention('google', ['complaint'], 'negative'), bare)
    expect(full.body).toContain(GAP.phone)
    expect(full.body).toContain(GAP.email)
    expect(full.body).toContain(GAP.complaintsUrl)
    expect(full.body).toContain(`${GAP.head}, Headteacher`)
    const result = checkDraft(full.body, { school: bare, platform: 'google' })
    expect(result.ok).toBe(false)
    const gaps = result.issues.filter((i) => i.code === 'missing_field')
    expect(gaps.map((g) => full.body.slice(g.start, g.end))).toEqual([
      GAP.phone,
      GAP.email,
      GAP.complaintsUrl,
      GAP.head,
    ])
    expect(gaps[0].message).toMatch(/no office phone number/)
  })

  it('details only the drafter knows (the facts, the post link) are gaps too', () => {
    const m = { ...mention('other', []), url: null }
    const [correction] = generateDrafts(m, school, 'correction')
    const [report] = generateDrafts(m, school, 'report_to_platform')
    expect(checkDraft(correction.body, { school }).issues.map((i) => i.code)).toEqual([
      'missing_field',
    ])
    const reportGaps = checkDraft(report.body, { school, situation: 'report_to_platform' })
    expect(reportGaps.issues.map((i) => report.body.slice(i.start, i.end))).toEqual([
      GAP.postUrl,
      GAP.reportReason,
    ])
  })
})

describe('the head signs as the profile says', () => {
  it('title and surname from the head name, role from the staff list', () => {
    expect(headSignoff(school)).toEqual({ name: 'Mrs Okafor', role: 'Headteacher' })
  })

  it('takes the title from the staff list when the head name has none', () => {
    const s = {
      ...school,
      headName: 'Anita Saville',
      staff: [{ name: 'Anita Saville', title: 'Ms', role: 'Executive Headteacher' }],
    }
    expect(headSignoff(s)).toEqual({ name: 'Ms Saville', role: 'Executive Headteacher' })
  })

  it('uses the full name when no title is known', () => {
    expect(headSignoff({ ...school, headName: 'Gail Clemens', staff: [] }).name).toBe(
      'Gail Clemens',
    )
  })
})
