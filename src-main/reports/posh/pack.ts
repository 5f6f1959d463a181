// Runs in: main process and CLI (Node). Assembles the POSH pack: summary PDF, evidence files, the text
// of each post as seen, a ready-to-send email, and manifest.json with every file's SHA-256.
import { createHash } from 'node:crypto'
import JSZip from 'jszip'
import MailComposer from 'nodemailer/lib/mail-composer'
import type { PdfRenderer } from '../pdf'
import { dateTime } from '../format'
import { poshEmailText, poshSummaryHtml } from './html'
import { platformOf, type PoshCase } from './collect'

export const POSH_EMAIL = 'helpline@saferinternet.org.uk'
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')

export interface PackFile {
  path: string
  data: Buffer
}

export interface BuiltPack {
  zip: Buffer
  files: { path: string; bytes: number; sha256: string }[]
}

function mentionText(c: PoshCase, m: PoshCase['mentions'][number]): string {
  return [
    `Item ${m.id}`,
    `Platform: ${platformOf(m)}`,
    `Address: ${m.url ?? 'not recorded'}`,
    `Account or handle: ${m.author ?? 'not shown'}`,
    `Posted: ${m.publishedAt ? dateTime(m.publishedAt) : 'not shown'}`,
    `First seen: ${dateTime(m.firstSeenAt)} (${m.firstSeenAt} UTC)`,
    m.title ? `Title: ${m.title}` : '',
    '',
    'Text as seen:',
    m.text,
    '',
  ]
    .filter((l, i) => l !== '' || i > 6)
    .join('\n')
}

export async function buildPoshPack(c: PoshCase, pdf: PdfRenderer): Promise<BuiltPack> {
  const summary = await pdf.render(poshSummaryHtml(c), {
    footer: `${c.school.name} · POSH escalation · incident ${c.incident.id}`,
  })
  const files: PackFile[] = [{ path: 'summary.pdf', data: summary }]
  for (const m of c.mentions)
    files.push({ path: `posts/mention-${m.id}.txt`, data: Buffer.from(mentionText(c, m), 'utf8') })
  for (const e of c.evidence) for (const f of e.files) files.push({ path: f.path, data: f.data })

  const attachments = files.filter(
    (f) => f.path === 'summary.pdf' || f.path.startsWith('evidence/'),
  )
  const eml = await new MailComposer({
    from: c.school.email || undefined,
    to: POSH_EMAIL,
    subject: `Escalation from ${c.school.name}${c.school.urn ? ` (URN ${c.school.urn})` : ''}: ${c.incident.title}`,
    text: poshEmailText(
      c,
      attachments.map((a) => a.path.split('/').pop()!),
    ),
    // Opens as a draft in Outlook; other mail clients open it to forward or send.
    headers: { 'X-Unsent': '1' },
    attachments: attachments.map((a) => ({ filename: a.path.split('/').pop(), content: a.data })),
    disableFileAccess: true,
    disableUrlAccess: true,
  })
    .compile()
    .build()
  files.push({ path: 'email-to-posh.eml', data: eml })

  const listed = files.map((f) => ({ path: f.path, bytes: f.data.length, sha256: sha256(f.data) }))
  const manifest = {
    about:
      'POSH escalation pack made by Footprint. Every file with its SHA-256; evidence files also match the hashes recorded when they were captured.',
    school: { name: c.school.name, urn: c.school.urn },
    incident: { id: c.incident.id, title: c.incident.title, safeguarding: c.incident.safeguarding },
    generatedAt: c.generatedAt,
    evidenceCaptures: c.evidence.map((e) => ({
      mentionId: e.mentionId,
      capture: e.capture.uuid,
      capturedAtUtc: e.capture.capturedAtUtc,
      url: e.capture.finalUrl ?? e.capture.requestedUrl,
    })),
    files: listed,
  }
  const zip = new JSZip()
  // A fixed date keeps the archive's bytes a function of its contents.
  const date = new Date(c.generatedAt)
  for (const f of files) zip.file(f.path, f.data, { date })
  zip.file('manifest.json', JSON.stringify(manifest, null, 2), { date })
  const out = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
  return { zip: out, files: listed }
}
