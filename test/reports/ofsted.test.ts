// The pre-Ofsted snapshot, built through the service on a demo school: the PDF's text is extracted and
// checked section by section and figure by figure, its pages rendered to PNG, the snapshot frozen.
import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { workflowFixture, SYSTEM, auditRows } from '../helpers/workflow'
import { pdfPages, pdfText, seedDemo, PHONE_TEXT } from './seed'

const DAY = 86_400_000

async function demo() {
  const f = await workflowFixture({ start: '2026-11-15T09:00:00.000Z' })
  const seeded = seedDemo(f)
  const head = await f.signIn('head')
  const incident = await f.service.call(
    'incidents.create',
    {
      schoolId: f.school.id,
      title: 'Abusive posts about the head',
      mentionIds: [seeded.ids.phone],
    },
    head,
  )
  await f.service.call(
    'incidents.addEvent',
    {
      id: incident.id,
      kind: 'reported_to_platform',
      occurredAt: '2026-11-11T09:00:00Z',
      reference: 'FB-REF-7781',
    },
    head,
  )
  await f.service.call(
    'incidents.addEvent',
    {
      id: incident.id,
      kind: 'complaints_procedure',
      occurredAt: '2026-11-12T09:00:00Z',
      note: 'Parent invited to meet the head',
    },
    head,
  )
  await f.clock.advance(16 * DAY) // to 1 December: the whole of November is in the past
  // Sessions expire while the clock moves on: sign in afresh, as on the day the report is made.
  return { f, head: await f.signIn('head'), incident, ...seeded }
}

describe('pre-Ofsted snapshot', () => {
  it('says every section with its figures, anonymised, without safeguarding details', async () => {
    const { f, head } = await demo()
    const started = performance.now()
    const r = await f.service.call(
      'reports.ofsted',
      { schoolId: f.school.id, from: '2026-11-01', to: '2026-11-30' },
      head,
    )
    console.log(
      `snapshot built in ${Math.round(performance.now() - started)} ms (service says ${r.buildMs} ms)`,
    )
    const pdf = Buffer.from(r.file.dataBase64, 'base64')
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(r.file.sha256).toBe(createHash('sha256').update(pdf).digest('hex'))
    expect(r.file.fileName).toBe(
      "St Aldhelm's C of E Primary School reputation snapshot 2026-11-01 to 2026-11-30.pdf",
    )
    const text = pdfText(pdf, 'snapshot-demo')
    const flat = text.replace(/\s+/g, ' ')

    // School and period
    expect(flat).toContain("St Aldhelm's C of E Primary School · URN 990417")
    expect(flat).toContain('Period: 1 November 2026 to 30 November 2026')
    // Headline: 7 mentions in November (2 positive, 2 neutral, 2 negative, 1 unread), net 0; October 2
    expect(flat).toMatch(/Headline figures 7 0 \+5 –?/)
    expect(flat).toMatch(/This period 2 2 2 1 7/)
    expect(flat).toMatch(/Previous period \(2 October 2026 to 31 October 2026\) 1 0 1 0 2/)
    // Trend chart, sources, themes
    expect(flat).toContain('Sentiment over the period')
    expect(flat).toMatch(/Mentions per week by sentiment/)
    expect(flat).toMatch(/School Facebook Page 3/)
    expect(flat).toMatch(/Hollinbury Gazette 3/)
    expect(flat).toContain('Themes')
    expect(flat).toMatch(/Themes Theme Mentions Negative Positive/)
    expect(flat).not.toContain('No recurring themes')
    // Google rating history and Wikipedia
    expect(flat).toContain('Latest: 3.8 out of 5 from 45 reviews (20 November 2026)')
    expect(flat).toContain('Article exists and is watched')
    // A table cell wraps in the layout text: each part of the edit's row is checked on its own.
    expect(flat).toMatch(
      /14 Nov 2026, St Aldhelm's C of E Primary Unregistered -120 Removed unsourced claim \(since/,
    )
    expect(flat).toMatch(/editor reverted\)/)
    expect(flat).not.toContain('203.0.113.9')
    // Notable items: the phone number and the named head are removed; the safeguarding item is not quoted
    expect(flat).toContain('[personal details removed] at St Aldhelm')
    expect(flat).not.toContain('07700 900123')
    expect(flat).not.toContain(PHONE_TEXT.slice(0, 10))
    expect(flat).toContain('Fantastic nativity')
    expect(flat).not.toContain('SECRET-CHILD-DETAIL')
    expect(flat).toContain('1 item was passed to the designated safeguarding lead')
    // Incidents and how each was handled
    expect(flat).toContain('Abusive posts about the head')
    expect(flat).toMatch(/Reported to the platform FB-REF-7781/)
    expect(flat).toContain('Complaints procedure started')
    // SLA: the question answered in time, the complaint late; others overdue or in time
    expect(flat).toContain('Response times against the school')
    expect(flat).toContain('Responses after the due time')
    expect(flat).toMatch(/First responses within the SLA/)
    // What the school does
    expect(flat).toContain('How the school manages its online reputation')
    expect(flat).toContain('approved by the headteacher before it is posted')
    expect(flat).toContain('https://www.st-aldhelms.sch.uk/complaints')
    expect(flat).toContain('This is the first snapshot')
    expect(flat).toMatch(/Page 1 of \d/)

    const pages = pdfPages('snapshot-demo')
    expect(pages.length).toBeGreaterThanOrEqual(2)

    // Frozen, audited, listed
    const list = await f.service.call('reports.snapshots', { schoolId: f.school.id }, head)
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({ mentions: 7, pdfSha256: r.file.sha256 })
    const again = await f.service.call('reports.snapshotFile', { id: list[0].id }, head)
    expect(again.dataBase64).toBe(r.file.dataBase64)
    const actions = auditRows(f).map((a) => a.action)
    expect(actions).toContain('report.ofsted')
    expect(actions).toContain('report.download')
    expect(() => f.db.prepare('UPDATE report_snapshots SET file_name = ?').run('x.pdf')).toThrow(
      /frozen/,
    )
  })

  it('a later snapshot says what changed since the last one', async () => {
    const { f, head, fb } = await demo()
    await f.service.call(
      'reports.ofsted',
      { schoolId: f.school.id, from: '2026-11-01', to: '2026-11-30' },
      head,
    )
    const { addMention } = await import('./seed')
    addMention(f, {
      sourceId: fb.id,
      text: 'Another brilliant assembly',
      at: '2026-11-30T10:00:00.000Z',
      verdict: { sentiment: { label: 'positive', score: 0.9 }, flags: ['praise'] },
    })
    const r = await f.service.call(
      'reports.ofsted',
      { schoolId: f.school.id, from: '2026-11-01', to: '2026-11-30' },
      head,
    )
    expect(r.changes[0]).toBe(
      'Mentions: 7 in the last snapshot (1 November 2026 to 30 November 2026); 8 in this one.',
    )
    const flat = pdfText(Buffer.from(r.file.dataBase64, 'base64'), 'snapshot-second').replace(
      /\s+/g,
      ' ',
    )
    expect(flat).toContain('What changed since the last snapshot')
    expect(flat).toContain(r.changes[0])
    expect(flat).toContain('Net sentiment: 0 then, +14 now.')
  })

  it('a period with no mentions makes a calm, complete PDF that says so', async () => {
    const f = await workflowFixture({ start: '2026-12-01T09:00:00.000Z' })
    const r = await f.service.call(
      'reports.ofsted',
      { schoolId: f.school.id, from: '2026-06-01', to: '2026-06-30' },
      SYSTEM,
    )
    const flat = pdfText(Buffer.from(r.file.dataBase64, 'base64'), 'snapshot-empty').replace(
      /\s+/g,
      ' ',
    )
    for (const heading of [
      'Headline figures',
      'Sentiment over the period',
      'Sources and themes',
      'Google rating',
      'Wikipedia',
      'Notable items',
      'Incidents and how each was handled',
      'Response times against the school',
      'How the school manages its online reputation',
    ])
      expect(flat).toContain(heading)
    expect(flat).toContain('Nothing was said about the school online in this period')
    expect(flat).toContain('No incidents were open in this period.')
    expect(flat).toContain('Nothing needed a response in this period.')
    expect(flat).not.toMatch(/NaN|undefined|null/)
    pdfPages('snapshot-empty')
  })

  it('refuses a period that ends before it starts, naming the field', async () => {
    const f = await workflowFixture()
    const r = await f.service.dispatch(
      'reports.ofsted',
      { schoolId: f.school.id, from: '2026-11-30', to: '2026-11-01' },
      SYSTEM,
    )
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'to' } })
  })

  it('an odd school name and hostile text: escaped in the PDF, a safe file name', async () => {
    const f = await workflowFixture({ start: '2026-12-01T09:00:00.000Z' })
    const odd = await f.service.call(
      'schools.create',
      {
        name: 'St <b>Mary</b>\'s / "Academy" 🏫: Years 1|2',
        urn: '123456',
        town: 'Hollinbury',
        localAuthority: 'Westmarch Council',
      },
      SYSTEM,
    )
    const src = f.store.sources.create(
      {
        kind: 'feed',
        name: 'Feed <i>x</i>',
        schoolId: odd.id,
        intervalMinutes: 60,
        config: { url: 'https://gazette.example/rss' },
      },
      '2026-11-01T00:00:00.000Z',
    )
    const { addMention } = await import('./seed')
    addMention(f, {
      sourceId: src.id,
      text: '<img src=x onerror=alert(1)> awful & rude </div>',
      at: '2026-11-05T10:00:00.000Z',
      verdict: { sentiment: { label: 'negative', score: -0.7 }, flags: ['complaint'] },
    })
    f.db.prepare('UPDATE mentions SET school_id = ? WHERE source_id = ?').run(odd.id, src.id)
    const r = await f.service.call(
      'reports.ofsted',
      { schoolId: odd.id, from: '2026-11-01', to: '2026-11-30' },
      SYSTEM,
    )
    expect(r.file.fileName).toBe(
      "St-b-Mary-b-'s-Academy-Years 1-2 reputation snapshot 2026-11-01 to 2026-11-30.pdf",
    )
    const flat = pdfText(Buffer.from(r.file.dataBase64, 'base64'), 'snapshot-odd-name').replace(
      /\s+/g,
      ' ',
    )
    expect(flat).toContain('St <b>Mary</b>\'s / "Academy"')
    expect(flat).toContain('<img src=x onerror=alert(1)> awful & rude </div>')
    expect(flat).toContain('Feed <i>x</i>')
  })
})
