// Runs in: Vitest (Node). Exports: the inbox as CSV (parsed back by an independent RFC 4180 reader) and
// JSON Lines, every page and not only the first, with the Mentions list's filters honoured; formula
// injection neutralised; safeguarding items withheld from an ORM lead but not from the DSL; evidence
// re-verified and named when tampered; the audit trail as CSV; every export an audit event; the CLI.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CaptureError } from '../../src-main/capture/errors'
import { evidenceDir } from '../../src-main/capture/evidence'
import { captureMentionEvidence } from '../../src-main/capture/mention'
import { csvCell, fileSlug } from '../../src-main/exports/csv'
import { RESTRICTED_TEXT } from '../../src-main/workflow/visibility'
import { capturesRepo } from '../../src-main/store/repos/captures'
import { auditRows, SYSTEM, workflowFixture, type WorkflowFixture } from '../helpers/workflow'
import { runFootprint } from '../helpers/cli'
import type { CallContext } from '../../src-main/services'
import { tempDir } from '../helpers/tmp'

/** RFC 4180, written separately from the exporter so a shared mistake cannot pass unseen. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const s = text.replace(/^\ufeff/, '')
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += c
  }
  if (cell || row.length) rows.push([...row, cell])
  return rows
}

const asObjects = (csv: string) => {
  const [header, ...rows] = parseCsv(csv)
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])))
}

const NEG = { sentiment: { label: 'negative' as const, score: -0.6 }, flags: ['complaint'] }
const POS = { sentiment: { label: 'positive' as const, score: 0.7 }, flags: ['praise'] }
const SAFEGUARDING = {
  sentiment: { label: 'negative' as const, score: -0.5 },
  flags: ['safeguarding'],
  priority: 'urgent' as const,
  owner: 'dsl' as const,
}

async function seeded() {
  const f = await workflowFixture()
  const formula = f.mention('=HYPERLINK("http://evil.example","click") and +1 -1 @everyone', NEG, {
    title: '@admin, "quoted", and a\nline break',
  })
  const secret = f.mention('A child in Year 4 told me something worrying about home', SAFEGUARDING)
  const praise = f.mention('Lovely nativity play, well done everyone', POS)
  return { ...f, formula, secret, praise }
}

const exportCsv = (f: WorkflowFixture, ctx: CallContext, extra: object = {}) =>
  f.service.call('exports.mentions', { schoolId: f.school.id, format: 'csv', ...extra }, ctx)

describe('csv cells', () => {
  it('quotes what needs quoting and neutralises formulas, leaving numbers alone', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    for (const bad of ['=1+1', '+44 7700', '-2', '@SUM(A1)', '\t=1', '\r=1'])
      expect(csvCell(bad).replace(/^"/, '')).toMatch(/^'/)
    expect(csvCell(-0.6)).toBe('-0.6')
    expect(csvCell(null)).toBe('')
    expect(fileSlug('St Mary’s C of E / "Infants": Hollinbury?*')).toBe(
      'st-mary-s-c-of-e-infants-hollinbury',
    )
  })
})

describe('exports.mentions', () => {
  it('round-trips through CSV, injection neutralised, and is an audit event', async () => {
    const f = await seeded()
    const lead = await f.signIn('orm_lead', { name: 'Olu Lead' })
    const file = await exportCsv(f, lead, { state: 'all' })
    expect(file.fileName).toMatch(
      /^footprint-mentions-st-aldhelm-s-c-of-e-primary-school-\d{4}-\d\d-\d\d\.csv$/,
    )
    expect(file.mime).toMatch(/^text\/csv/)
    expect(file.rows).toBe(3)
    const rows = asObjects(file.content)
    const byId = new Map(rows.map((r) => [Number(r.id), r]))
    const formula = byId.get(f.formula)!
    expect(formula.text).toBe(`'=HYPERLINK("http://evil.example","click") and +1 -1 @everyone`)
    expect(formula.title).toBe(`'@admin, "quoted", and a\nline break`)
    expect(formula.sentiment_score).toBe('-0.6')
    expect(formula.flags).toBe('complaint')
    expect(formula.state).toBe('new')
    // Nothing in any cell starts a formula.
    for (const r of rows) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+@]|^-\D/)

    const events = auditRows(f).filter((r) => r.action === 'export.mentions')
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ actor: lead.email, entity: 'school' })
    expect(JSON.parse(events[0].detail_json)).toMatchObject({
      format: 'csv',
      rows: 3,
      withheld: 1,
      filters: { schoolId: f.school.id, state: 'all' },
    })
  })

  it('withholds safeguarding details from the ORM lead, not from the DSL', async () => {
    const f = await seeded()
    const lead = await f.signIn('orm_lead')
    const dsl = await f.signIn('dsl')
    const forLead = await exportCsv(f, lead)
    expect(forLead.withheld).toBe(1)
    const hidden = asObjects(forLead.content).find((r) => Number(r.id) === f.secret)!
    expect(hidden).toMatchObject({ text: RESTRICTED_TEXT, withheld: 'yes', author: '', url: '' })
    expect(forLead.content).not.toContain('Year 4')
    const forDsl = await exportCsv(f, dsl)
    expect(forDsl.withheld).toBe(0)
    expect(forDsl.content).toContain('A child in Year 4')
  })

  it('honours the filters and reads every page, as JSON Lines too', async () => {
    const f = await seeded()
    const head = await f.signIn('head')
    for (let i = 0; i < 520; i++) f.mention(`Complaint number ${i} about parking`, NEG)
    const all = await exportCsv(f, head)
    expect(all.rows).toBe(523)
    expect(new Set(asObjects(all.content).map((r) => r.id)).size).toBe(523)
    const positive = await exportCsv(f, head, { sentiment: 'positive' })
    expect(asObjects(positive.content).map((r) => Number(r.id))).toEqual([f.praise])
    const searched = await f.service.call(
      'exports.mentions',
      { schoolId: f.school.id, format: 'jsonl', search: 'nativity' },
      head,
    )
    expect(searched.fileName).toMatch(/\.jsonl$/)
    const lines = searched.content
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ id: f.praise, flags: ['praise'], withheld: false })
    await f.service.call('mentions.triage', { ids: [f.praise], state: 'resolved' }, head)
    expect((await exportCsv(f, head, { sentiment: 'positive' })).rows).toBe(0)
    expect((await exportCsv(f, head, { sentiment: 'positive', state: 'all' })).rows).toBe(1)
  })

  it('re-verifies evidence and names a tampered file in the evidence column', async () => {
    const f = await seeded()
    const head = await f.signIn('head')
    const capture = await captureMentionEvidence(
      {
        store: f.store,
        captures: capturesRepo(f.db),
        dataDir: f.dataDir,
        appVersion: 'test',
        now: f.now,
        page: {
          lookup: async () => ['93.184.216.34'],
          launcher: async () => {
            throw new CaptureError('no_browser', 'No browser in this test')
          },
        },
      },
      f.store.mentions.get(f.formula)!,
      f.school,
      'test',
    )
    let row = asObjects((await exportCsv(f, head)).content).find((r) => Number(r.id) === f.formula)!
    expect(row.evidence).toBe('1 capture, verified')
    const dir = evidenceDir(f.dataDir, capture.uuid)
    chmodSync(dir, 0o755)
    chmodSync(join(dir, 'mention.txt'), 0o644)
    writeFileSync(join(dir, 'mention.txt'), 'changed')
    const file = await exportCsv(f, head)
    expect(file.evidenceProblems).toBe(1)
    row = asObjects(file.content).find((r) => Number(r.id) === f.formula)!
    expect(row.evidence).toBe(
      `1 capture, NOT VERIFIED: mention.txt changed in capture ${capture.id}`,
    )
  })

  it('is refused to a user of another school, and explains a bad format', async () => {
    const f = await seeded()
    const second = await f.service.call(
      'schools.create',
      { ...f.school, name: 'Hollinbury Nursery', urn: '990418' },
      SYSTEM,
    )
    const other = await f.signIn('orm_lead', { schoolIds: [second.id] })
    expect(
      await f.service.dispatch('exports.mentions', { schoolId: f.school.id }, other),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    const r = await f.service.dispatch(
      'exports.mentions',
      { schoolId: f.school.id, format: 'xlsx' },
      SYSTEM,
    )
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(JSON.stringify(r)).toContain('format must be csv or jsonl')
  })
})

describe('exports.audit', () => {
  it('is the whole trail as CSV with each hash, itself audited, heads and ORM leads only', async () => {
    const f = await seeded()
    const head = await f.signIn('head')
    const viewer = await f.signIn('viewer')
    expect(await f.service.dispatch('exports.audit', undefined, viewer)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    const before = auditRows(f)
    const file = await f.service.call('exports.audit', undefined, head)
    const rows = asObjects(file.content)
    expect(file.rows).toBe(before.length)
    expect(rows.map((r) => Number(r.id))).toEqual(before.map((r) => r.id))
    expect(rows.map((r) => r.action)).toEqual(before.map((r) => r.action))
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash))).toBe(true)
    expect(JSON.parse(rows[0].detail)).toEqual(JSON.parse(before[0].detail_json))
    const last = auditRows(f).at(-1)!
    expect(last).toMatchObject({ action: 'export.audit', actor: head.email })
    expect(JSON.parse(last.detail_json)).toMatchObject({ rows: before.length })
    expect(await f.service.call('audit.verify', undefined, head)).toMatchObject({ ok: true })
  })
})

describe('footprint export', { timeout: 60_000 }, () => {
  it('writes the mentions and the audit trail to files, and says what is wrong', async () => {
    const dir = tempDir()
    let r = runFootprint(dir, 'schools', 'add', '--name', 'St Aldhelm’s', '--town', 'Hollinbury')
    expect(r.code, r.err).toBe(0)
    const out = join(tempDir(), 'mentions.csv')
    r = runFootprint(dir, 'export', 'mentions', '--school', '1', '--format', 'csv', '--out', out)
    expect(r.code, r.err).toBe(0)
    expect(r.err).toMatch(/Wrote 0 rows to/)
    expect(parseCsv(readFileSync(out, 'utf8'))[0]).toContain('evidence')
    r = runFootprint(dir, 'export', 'mentions', '--school', '1', '--format', 'xml')
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/format must be csv or jsonl/)
    const audit = join(tempDir(), 'audit.csv')
    r = runFootprint(dir, 'export', 'audit', '--out', audit)
    expect(r.code, r.err).toBe(0)
    const rows = asObjects(readFileSync(audit, 'utf8'))
    expect(rows.map((x) => x.action)).toContain('export.mentions')
    expect(rows.every((x) => x.actor === 'cli' || x.actor)).toBe(true)
  })
})
