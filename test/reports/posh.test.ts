// The POSH escalation pack: the ZIP's manifest verified hash by hash, the summary PDF's fields read
// back with pdftotext, the .eml parsed with postal-mime with its attachments, tampered evidence refused.
import { describe, expect, it } from 'vitest'
import { createHash, randomUUID } from 'node:crypto'
import { chmodSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import PostalMime from 'postal-mime'
import { workflowFixture, auditRows, type WorkflowFixture } from '../helpers/workflow'
import { writeEvidence, evidenceDir } from '../../src-main/capture'
import { capturesRepo } from '../../src-main/store/repos/captures'
import { addMention, pdfPages, pdfText } from './seed'

const sha = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex')
const HOUR = 3_600_000
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

async function capture(f: WorkflowFixture, mentionId: number, url: string) {
  const uuid = randomUUID()
  const files = await writeEvidence(f.dataDir, uuid, [
    { name: 'screenshot.png', data: PNG, mime: 'image/png' },
    { name: 'page.txt', data: 'You are all useless. Signed, @troll_account', mime: 'text/plain' },
  ])
  const repo = capturesRepo(f.db)
  const c = repo.insert(
    {
      uuid,
      schoolId: f.school.id,
      kind: 'url',
      requestedUrl: url,
      finalUrl: url,
      title: 'Post',
      httpStatus: 200,
      capturedAtUtc: '2026-11-20T10:00:00.000Z',
      capturedAtLocal: '2026-11-20 10:00 GMT',
      capturedBy: 'head1@school.example',
      partialReason: null,
      needsLogin: false,
      error: null,
      ocrStatus: null,
      note: '',
    },
    files,
    '2026-11-20T10:00:00.000Z',
  )
  repo.linkMention(c.id, mentionId)
  return { uuid, files }
}

async function incidentCase(o: { evidence?: boolean; reportedHoursAgo?: number | null } = {}) {
  const f = await workflowFixture({ start: '2026-11-23T09:00:00.000Z' })
  const tiktok = f.source('manual', 'Manual captures')
  const url = 'https://www.tiktok.com/@troll_account/video/7311'
  const mentionId = addMention(f, {
    sourceId: tiktok.id,
    text: 'You are all useless. Signed, @troll_account',
    author: '@troll_account',
    url,
    at: '2026-11-19T21:15:00.000Z',
    meta: { platform: 'TikTok' },
    verdict: {
      sentiment: { label: 'negative', score: -0.8 },
      flags: ['abuse', 'impersonation'],
      priority: 'high',
      owner: 'head',
    },
  })
  const ev = o.evidence === false ? null : await capture(f, mentionId, url)
  const head = await f.signIn('head', { name: 'Helen Okafor' })
  const incident = await f.service.call(
    'incidents.create',
    {
      schoolId: f.school.id,
      title: 'Fake school account on TikTok',
      summary: 'An account posing as the school posts insults.',
      mentionIds: [mentionId],
    },
    head,
  )
  if (o.reportedHoursAgo !== null) {
    const at = new Date(f.now().getTime() - (o.reportedHoursAgo ?? 72) * HOUR).toISOString()
    await f.service.call(
      'incidents.addEvent',
      {
        id: incident.id,
        kind: 'reported_to_platform',
        occurredAt: at,
        reference: 'TT-REPORT-5521',
      },
      head,
    )
    await f.service.call(
      'incidents.addEvent',
      {
        id: incident.id,
        kind: 'platform_response',
        occurredAt: f.now().toISOString(),
        note: 'TikTok said it does not breach its guidelines',
      },
      head,
    )
    await f.service.call(
      'incidents.addEvent',
      {
        id: incident.id,
        kind: 'dsl_informed',
        occurredAt: f.now().toISOString(),
        note: 'DSL told',
      },
      head,
    )
  }
  return { f, head, incident, mentionId, ev, url }
}

describe('POSH pack', () => {
  it('holds the summary, the evidence, a manifest whose every hash matches, and a ready email', async () => {
    const { f, head, incident, ev, url } = await incidentCase()
    const r = await f.service.call(
      'reports.posh',
      { incidentId: incident.id, outcomeSought: 'Remove the fake account' },
      head,
    )
    console.log(`POSH pack built in ${r.buildMs} ms`)
    expect(r.warnings).toEqual([])
    expect(r.file!.fileName).toBe("St Aldhelm's C of E Primary School POSH pack incident 1.zip")
    const zip = await JSZip.loadAsync(Buffer.from(r.file!.dataBase64, 'base64'))
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'))
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir)
    // Every file but the manifest itself is listed, and every hash matches the bytes in the ZIP.
    expect(manifest.files.map((x: { path: string }) => x.path).sort()).toEqual(
      names.filter((n) => n !== 'manifest.json').sort(),
    )
    for (const entry of manifest.files as { path: string; sha256: string; bytes: number }[]) {
      const bytes = await zip.file(entry.path)!.async('nodebuffer')
      expect(sha(bytes), entry.path).toBe(entry.sha256)
      expect(bytes.length).toBe(entry.bytes)
    }
    // Evidence files are the captured bytes, with the hashes recorded at capture time.
    for (const file of ev!.files) {
      const path = `evidence/mention-${incident.mentions[0].id}/${ev!.uuid}/${file.name}`
      expect(manifest.files.find((x: { path: string }) => x.path === path)?.sha256).toBe(
        file.sha256,
      )
    }

    const summary = await zip.file('summary.pdf')!.async('nodebuffer')
    const flat = pdfText(summary, 'posh-summary').replace(/\s+/g, ' ')
    for (const field of [
      "St Aldhelm's C of E Primary School",
      'URN 990417',
      'Helen Okafor, Headteacher (approver)',
      '01632 960123',
      'TikTok',
      url,
      '@troll_account',
      'Posted 19 Nov 2026, 21:15',
      'You are all useless. Signed, @troll_account',
      'Category Abuse or insults, Fake account',
      'Safeguarding concern No',
      ev!.files[0].sha256,
      'TT-REPORT-5521',
      'TikTok said it does not breach its guidelines',
      'DSL informed',
      'Remove the fake account',
    ])
      expect(flat, field).toContain(field)
    pdfPages('posh-summary')

    const eml = await zip.file('email-to-posh.eml')!.async('nodebuffer')
    const mail = await PostalMime.parse(eml)
    expect(mail.to?.[0].address).toBe('helpline@saferinternet.org.uk')
    expect(mail.subject).toContain(
      "Escalation from St Aldhelm's C of E Primary School (URN 990417)",
    )
    expect(mail.text).toContain('Reported to the platform: 20 Nov 2026')
    expect(mail.text).toContain('Outcome sought: Remove the fake account')
    const attached = mail.attachments.map((a) => a.filename).sort()
    expect(attached).toEqual(['page.txt', 'screenshot.png', 'summary.pdf'])
    const pdfAttachment = mail.attachments.find((a) => a.filename === 'summary.pdf')!
    expect(sha(Buffer.from(pdfAttachment.content as ArrayBuffer))).toBe(sha(summary))

    expect(auditRows(f).filter((a) => a.action === 'report.posh')).toHaveLength(1)
  })

  it('warns when the platform was told under 48 hours ago, and builds once the user proceeds', async () => {
    const { f, head, incident } = await incidentCase({ reportedHoursAgo: 20 })
    const first = await f.service.call('reports.posh', { incidentId: incident.id }, head)
    expect(first.file).toBeNull()
    expect(first.warnings[0]).toMatch(/first told about this 20 hours ago.*48 hours/)
    expect(auditRows(f).some((a) => a.action === 'report.posh')).toBe(false)
    const second = await f.service.call(
      'reports.posh',
      { incidentId: incident.id, proceed: true },
      head,
    )
    expect(second.file).not.toBeNull()
    expect(second.warnings).toEqual(first.warnings)
  })

  it('no warning for a safeguarding incident, even with no platform report; others may not build it', async () => {
    const { f, head, incident, mentionId } = await incidentCase({ reportedHoursAgo: null })
    const plain = await f.service.call('reports.posh', { incidentId: incident.id }, head)
    expect(plain.warnings[0]).toMatch(/No report to the platform is recorded/)
    await f.service.call('mentions.correct', { id: mentionId, flags: ['safeguarding'] }, head)
    f.store.incidents.markSafeguarding(incident.id)
    const sg = await f.service.call('reports.posh', { incidentId: incident.id }, head)
    expect(sg.warnings).toEqual([])
    expect(sg.file).not.toBeNull()
    const orm = await f.signIn('orm_lead')
    const refused = await f.service.dispatch(
      'reports.posh',
      { incidentId: incident.id, proceed: true },
      orm,
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('a tampered evidence file stops the pack, naming the file', async () => {
    const { f, head, incident, ev } = await incidentCase()
    const dir = evidenceDir(f.dataDir, ev!.uuid)
    chmodSync(dir, 0o755)
    chmodSync(join(dir, 'page.txt'), 0o644)
    writeFileSync(join(dir, 'page.txt'), 'You are all lovely.')
    const r = await f.service.dispatch(
      'reports.posh',
      { incidentId: incident.id, proceed: true },
      head,
    )
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('conflict')
    expect(r.error.message).toContain(`Evidence file page.txt of capture ${ev!.uuid}`)
    expect(r.error.message).toContain('has changed since it was captured')
    expect(auditRows(f).some((a) => a.action === 'report.posh')).toBe(false)
  })

  it('an incident with no evidence: the pack says so and holds the text as seen', async () => {
    const { f, head, incident, mentionId } = await incidentCase({ evidence: false })
    const r = await f.service.call('reports.posh', { incidentId: incident.id }, head)
    const zip = await JSZip.loadAsync(Buffer.from(r.file!.dataBase64, 'base64'))
    expect(Object.keys(zip.files).some((n) => n.startsWith('evidence/'))).toBe(false)
    const post = await zip.file(`posts/mention-${mentionId}.txt`)!.async('string')
    expect(post).toContain('You are all useless. Signed, @troll_account')
    const flat = pdfText(
      await zip.file('summary.pdf')!.async('nodebuffer'),
      'posh-no-evidence',
    ).replace(/\s+/g, ' ')
    expect(flat).toContain('This incident has no captured evidence files')
    const mail = await PostalMime.parse(await zip.file('email-to-posh.eml')!.async('nodebuffer'))
    expect(mail.attachments.map((a) => a.filename)).toEqual(['summary.pdf'])
  })
})
