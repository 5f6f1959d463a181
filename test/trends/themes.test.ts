// Runs in: Vitest (Node). Themes: seed themes matched on stems and variants (never on look-alikes),
// emerging themes from words the seeds do not cover, counts and sentiment per theme, and the inbox
// filters that open the mentions behind a point or a theme (from/to, source, theme), with safeguarding
// items still withheld.
import { afterEach, describe, expect, it } from 'vitest'
import { workflowFixture, SYSTEM, type WorkflowFixture } from '../helpers/workflow'
import { addMention } from './helpers'
import { seedThemesOf, stem } from '../../src-main/trends/themes/match'

let f: WorkflowFixture
afterEach(() => f?.db.close())

describe('seed themes', () => {
  it('match stems and variants, phrases, prefixes and acronyms', () => {
    expect(stem('bullying')).toBe(stem('bullied'))
    expect(stem('lunches')).toBe(stem('lunch'))
    expect(stem('parked')).toBe(stem('parking'))
    const t = seedThemesOf(
      'My child was BULLIED; his SEND needs ignored, and the communication is poor',
    )
    expect([...t.keys()].sort()).toEqual(['bullying', 'communication', 'sen'])
    expect(t.get('bullying')).toEqual(['bullied'])
    expect(seedThemesOf('Ofsted rated them requires improvement').has('ofsted')).toBe(true)
    expect(seedThemesOf('Parking at pick up is chaos').get('transport')).toEqual([
      'parking',
      'pick up',
    ])
  })

  it('do not match look-alikes', () => {
    expect(seedThemesOf('Please send me the form').has('sen')).toBe(false)
    expect(seedThemesOf('Heading to the seaside').has('leadership')).toBe(false)
    expect(seedThemesOf('').size).toBe(0)
  })
})

async function fixture() {
  f = await workflowFixture({ start: '2026-11-23T09:00:00.000Z' })
  const feed = f.source('feed', 'Gazette')
  const mumsnet = f.source('mumsnet', 'Mumsnet')
  const add = (
    text: string,
    day: string,
    label: 'negative' | 'neutral' | 'positive',
    o: { sourceId?: number; flags?: string[]; owner?: string } = {},
  ) =>
    addMention(f.store, {
      schoolId: f.school.id,
      sourceId: o.sourceId ?? feed.id,
      text,
      firstSeenAt: `${day}T10:00:00.000Z`,
      verdict: {
        sentiment: { label, score: 0 },
        flags: o.flags ?? [],
        owner: o.owner ?? 'orm_lead',
      },
    })
  return { feed, mumsnet, add }
}

const themes = (q: Record<string, unknown> = {}) =>
  f.service.call(
    'trends.themes',
    { schoolId: f.school.id, from: '2026-11-01', to: '2026-11-30', ...q },
    SYSTEM,
  )

describe('trends.themes', () => {
  it('counts seed themes with sentiment and terms, and finds emerging ones', async () => {
    const { add } = await fixture()
    add('My son is being bullied at break', '2026-11-02', 'negative')
    add('Bullying is ignored by staff', '2026-11-03', 'negative')
    add('They dealt with the bullies quickly, well done', '2026-11-04', 'positive')
    add('Lovely lunches this term', '2026-11-05', 'positive')
    add('Bullying again', '2026-10-05', 'negative') // before the range
    for (let i = 0; i < 4; i++)
      add(`The new cycle lane on Mill Road is a worry ${i}`, '2026-11-1' + i, 'neutral')
    add('Nothing much to say', '2026-11-20', 'neutral')
    const list = await themes()
    const bullying = list.find((t) => t.key === 'bullying')!
    expect(bullying.counts).toMatchObject({ total: 3, negative: 2, positive: 1, net: -1 / 3 })
    expect(new Set(bullying.terms)).toEqual(new Set(['bullied', 'bullying', 'bullies']))
    const totals = list.map((t) => t.counts.total)
    expect(totals).toEqual([...totals].sort((x, y) => y - x)) // most talked-about first
    expect(list.find((t) => t.key === 'food')!.counts.total).toBe(1)
    const emerging = list.filter((t) => t.key.startsWith('term:'))
    expect(emerging.length).toBeGreaterThan(0)
    expect(emerging[0].key).toMatch(/^term:(cycle|cycle lane|lane|mill road|mill)$/)
    expect(emerging[0].counts.total).toBe(4)
    // Nothing emerges from words everybody uses, or from the school's own name.
    expect(list.some((t) => /term:(the|aldhelm)/i.test(t.key))).toBe(false)
  })

  it('never names a theme after the words of safeguarding items', async () => {
    const { add } = await fixture()
    for (let i = 0; i < 5; i++)
      add(`Concern about Jayden Smith ${i}`, '2026-11-0' + (i + 1), 'negative', {
        flags: ['safeguarding'],
        owner: 'dsl',
      })
    const list = await themes()
    expect(list.some((t) => /jayden|smith/i.test(t.key + t.label + t.terms.join(' ')))).toBe(false)
  })

  it('answers an empty range with no themes', async () => {
    await fixture()
    expect(await themes({ from: '2001-01-01', to: '2001-12-31' })).toEqual([])
  })
})

describe('inbox filters behind the charts', () => {
  it('open the mentions of a day range, a source and a theme', async () => {
    const { add, mumsnet } = await fixture()
    const a = add('Bullying at the school gate', '2026-11-02', 'negative')
    const b = add('Bullying on the bus home', '2026-11-09', 'negative', { sourceId: mumsnet.id })
    const c = add('Great lunches', '2026-11-09', 'positive')
    const d = add('A new cycle lane by the school', '2026-11-10', 'neutral')
    await themes() // indexes what is waiting
    const ids = async (q: Record<string, unknown>) =>
      (
        await f.service.call('inbox.list', { schoolId: f.school.id, state: 'all', ...q }, SYSTEM)
      ).items.map((i) => i.id)
    expect(await ids({ from: '2026-11-09', to: '2026-11-09' })).toEqual([c, b])
    expect(await ids({ from: '2026-11-03' })).toEqual([d, c, b])
    expect(await ids({ to: '2026-11-02' })).toEqual([a])
    expect(await ids({ sourceId: mumsnet.id })).toEqual([b])
    expect(await ids({ theme: 'bullying' })).toEqual([b, a])
    expect(await ids({ theme: 'bullying', from: '2026-11-05' })).toEqual([b])
    expect(await ids({ theme: 'term:cycle lane' })).toEqual([d])
    expect(await ids({ theme: 'term:cycle' })).toEqual([d])
    expect(await ids({ theme: 'no-such-theme' })).toEqual([])
    const bad = await f.service.dispatch(
      'inbox.list',
      { schoolId: f.school.id, from: '9 November' },
      SYSTEM,
    )
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'from' } })
  })

  it('keep safeguarding items withheld from a viewer', async () => {
    const { add } = await fixture()
    const s = add('Bullying and a pupil at risk', '2026-11-02', 'negative', {
      flags: ['safeguarding'],
      owner: 'dsl',
    })
    await themes()
    const viewer = await f.signIn('viewer')
    const page = await f.service.call(
      'inbox.list',
      { schoolId: f.school.id, state: 'all', theme: 'bullying', from: '2026-11-01' },
      viewer,
    )
    expect(page.items.map((i) => i.id)).toEqual([s])
    expect(page.items[0].restricted).toBe(true)
    expect(page.items[0].text).not.toMatch(/pupil at risk/)
  })
})
