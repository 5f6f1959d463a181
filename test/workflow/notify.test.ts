// Runs in: Vitest (Node). The notification rules: quiet hours in London time across midnight and the
// clock changes, what is urgent, and what a notification may say (never a safeguarding item's words).
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  type MentionAnalysis,
  type NotificationSettings,
  type PolicyFlag,
  type SourceKind,
} from '../../src-main/contract'
import {
  desktopText,
  inQuietHours,
  isUrgent,
  mentionKey,
  mentionNotification,
  postKey,
  quietHoursEnd,
  reportKey,
  RESTRICTED_TITLE,
  type NotifiableMention,
} from '../../src-main/workflow/notify'

const NIGHT = DEFAULT_NOTIFICATION_SETTINGS // 21:00–07:00, enabled
const quiet = (start: string, end: string, enabled = true): NotificationSettings => ({
  quietHours: { enabled, start, end },
  desktop: true,
})
const at = (iso: string) => new Date(iso)

describe('quiet hours', () => {
  it('holds a window that crosses midnight, start inclusive and end exclusive (GMT, January)', () => {
    expect(inQuietHours(NIGHT, at('2025-01-15T20:59:00Z'))).toBe(false)
    expect(inQuietHours(NIGHT, at('2025-01-15T21:00:00Z'))).toBe(true)
    expect(inQuietHours(NIGHT, at('2025-01-15T23:59:00Z'))).toBe(true)
    expect(inQuietHours(NIGHT, at('2025-01-16T00:00:00Z'))).toBe(true)
    expect(inQuietHours(NIGHT, at('2025-01-16T06:59:00Z'))).toBe(true)
    expect(inQuietHours(NIGHT, at('2025-01-16T07:00:00Z'))).toBe(false)
    expect(inQuietHours(NIGHT, at('2025-01-16T12:00:00Z'))).toBe(false)
  })

  it('reads the times in London summer time in July (BST is UTC+1)', () => {
    // 19:59 UTC is 20:59 BST: not yet; 20:00 UTC is 21:00 BST: quiet.
    expect(inQuietHours(NIGHT, at('2025-07-15T19:59:00Z'))).toBe(false)
    expect(inQuietHours(NIGHT, at('2025-07-15T20:00:00Z'))).toBe(true)
    // 06:30 UTC is 07:30 BST: over, although 06:30 would be quiet in winter.
    expect(inQuietHours(NIGHT, at('2025-07-16T06:30:00Z'))).toBe(false)
    expect(inQuietHours(NIGHT, at('2025-07-16T05:59:00Z'))).toBe(true)
  })

  it('handles a window within one day', () => {
    const lunch = quiet('12:00', '13:30')
    expect(inQuietHours(lunch, at('2025-01-15T11:59:00Z'))).toBe(false)
    expect(inQuietHours(lunch, at('2025-01-15T12:45:00Z'))).toBe(true)
    expect(inQuietHours(lunch, at('2025-01-15T13:30:00Z'))).toBe(false)
    expect(quietHoursEnd(lunch, at('2025-01-15T12:45:00Z'))?.toISOString()).toBe(
      '2025-01-15T13:30:00.000Z',
    )
  })

  it('never holds anything when disabled, or when start equals end', () => {
    const off = quiet('21:00', '07:00', false)
    for (const t of ['2025-01-15T23:00:00Z', '2025-07-16T02:00:00Z']) {
      expect(inQuietHours(off, at(t))).toBe(false)
      expect(quietHoursEnd(off, at(t))).toBeNull()
    }
    expect(inQuietHours(quiet('07:00', '07:00'), at('2025-01-15T07:00:00Z'))).toBe(false)
  })

  it('says when held items go out: the next 07:00 in London time', () => {
    // Evening half: tomorrow morning. Early-morning half: this morning. Outside: null.
    expect(quietHoursEnd(NIGHT, at('2025-01-15T23:00:00Z'))?.toISOString()).toBe(
      '2025-01-16T07:00:00.000Z',
    )
    expect(quietHoursEnd(NIGHT, at('2025-01-16T03:00:00Z'))?.toISOString()).toBe(
      '2025-01-16T07:00:00.000Z',
    )
    expect(quietHoursEnd(NIGHT, at('2025-07-15T22:00:00Z'))?.toISOString()).toBe(
      '2025-07-16T06:00:00.000Z',
    )
    expect(quietHoursEnd(NIGHT, at('2025-01-15T10:00:00Z'))).toBeNull()
    // Month and year ends roll over.
    expect(quietHoursEnd(NIGHT, at('2025-12-31T22:00:00Z'))?.toISOString()).toBe(
      '2026-01-01T07:00:00.000Z',
    )
  })

  it('ends at 07:00 local on the nights the clocks change', () => {
    // Clocks go forward at 01:00 GMT on 30 March 2025: the night began in GMT, ends in BST.
    expect(quietHoursEnd(NIGHT, at('2025-03-29T22:00:00Z'))?.toISOString()).toBe(
      '2025-03-30T06:00:00.000Z',
    )
    // Clocks go back at 02:00 BST on 26 October 2025: began in BST (21:00 = 20:00Z), ends in GMT.
    expect(inQuietHours(NIGHT, at('2025-10-25T20:00:00Z'))).toBe(true)
    expect(quietHoursEnd(NIGHT, at('2025-10-25T20:00:00Z'))?.toISOString()).toBe(
      '2025-10-26T07:00:00.000Z',
    )
    expect(inQuietHours(NIGHT, at('2025-10-26T06:59:00Z'))).toBe(true)
    expect(inQuietHours(NIGHT, at('2025-10-26T07:00:00Z'))).toBe(false)
  })

  it('takes another time zone when given one', () => {
    // 23:00 UTC is 19:00 in New York in January: not quiet there.
    expect(inQuietHours(NIGHT, at('2025-01-15T23:00:00Z'), 'America/New_York')).toBe(false)
  })
})

function analysis(
  flags: PolicyFlag[],
  priority: MentionAnalysis['priority'],
  owner: MentionAnalysis['owner'] = 'head',
): MentionAnalysis {
  const verdict = { sentiment: { label: 'negative' as const, score: -0.6 }, flags, priority, owner }
  return {
    ...verdict,
    evidence: [],
    explanations: {},
    engine: 'test',
    machine: verdict,
    correction: null,
  }
}

function mention(
  flags: PolicyFlag[],
  o: {
    kind?: SourceKind
    owner?: MentionAnalysis['owner']
    text?: string
    title?: string | null
  } = {},
): NotifiableMention {
  return {
    sourceKind: o.kind ?? 'google_business',
    sourceName: 'Our Google listing',
    title: o.title ?? null,
    text: o.text ?? 'I will be waiting outside the gates for that teacher.',
    analysis: analysis(flags, 'urgent', o.owner),
  }
}

describe('what is urgent, and what it says', () => {
  it('goes by the effective priority only', () => {
    expect(isUrgent({ analysis: analysis(['threat'], 'urgent') })).toBe(true)
    expect(isUrgent({ analysis: analysis(['complaint'], 'normal') })).toBe(false)
    // A correction that took the urgent flag away is the effective verdict.
    expect(
      isUrgent({ analysis: { ...analysis([], 'low'), machine: analysis(['threat'], 'urgent') } }),
    ).toBe(false)
    expect(isUrgent({ analysis: null })).toBe(false)
  })

  it('names the concern and the place, and quotes the item', () => {
    const n = mentionNotification(mention(['threat', 'staff_named']))
    expect(n).toEqual({
      title: 'Urgent: possible threat on Google reviews',
      body: 'I will be waiting outside the gates for that teacher.',
      restricted: false,
    })
    expect(mentionNotification(mention(['threat'], { kind: 'mumsnet' })).title).toBe(
      'Urgent: possible threat on Mumsnet',
    )
    expect(mentionNotification(mention(['threat'], { kind: 'feed' })).title).toBe(
      'Urgent: possible threat on Our Google listing',
    )
  })

  it('shortens a long item and never repeats personal data or sexual content', () => {
    const long = mentionNotification(mention(['threat'], { text: 'x '.repeat(200) }))
    expect(long.body.length).toBeLessThanOrEqual(140)
    expect(long.body.endsWith('…')).toBe(true)
    const phone = mentionNotification(
      mention(['personal_info'], { text: 'Her number is 07700 900123' }),
    )
    expect(phone.title).toBe('Urgent: personal information posted on Google reviews')
    expect(phone.body).not.toContain('07700')
  })

  it('keeps a safeguarding item generic and restricted, however it was flagged', () => {
    const text = 'Jamie in Year 4 told me what happens at home'
    for (const m of [
      mention(['safeguarding'], { text }),
      mention(['extremism', 'threat'], { text }),
      mention(['personal_info'], { text, owner: 'dsl' }),
    ]) {
      const n = mentionNotification(m)
      expect(n).toEqual({ title: RESTRICTED_TITLE, body: '', restricted: true })
      expect(RESTRICTED_TITLE).toBe('Urgent safeguarding item for the DSL')
      expect(JSON.stringify(n)).not.toContain('Jamie')
    }
  })

  it('puts only generic words on the desktop for a restricted notification', () => {
    expect(desktopText({ title: 'Anything', body: 'Jamie', restricted: true })).toEqual({
      title: RESTRICTED_TITLE,
      body: '',
    })
    expect(desktopText({ title: 'T', body: 'B', restricted: false })).toEqual({
      title: 'T',
      body: 'B',
    })
  })

  it('gives one key per thing announced', () => {
    expect(mentionKey(12)).toBe('mention:12')
    expect(reportKey(7)).toBe('report:7')
    expect(postKey(3)).toBe('post:3')
  })
})
