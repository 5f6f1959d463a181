// Runs in: main process and CLI (Node). A subject access request (UK GDPR, Article 15) about one author
// handle: every mention by that handle in the schools the requester acts for, with the verdict on it,
// the drafts and corrections that quote it, the incidents it is part of and the hashes of its captured
// evidence, as a ZIP holding README.txt and data.json. Safeguarding items are counted but their
// details withheld from anyone who may not read them (src-main/workflow/visibility.ts).
import JSZip from 'jszip'
import type { Store } from '../store'
import { sarRepo } from '../store/repos/sar'
import { actsFor, type Principal } from '../workflow/auth'
import { mayRead, RESTRICTED_TEXT } from '../workflow/visibility'

export interface SarExport {
  fileName: string
  data: Buffer
  mentions: number
  withheld: number
}

export async function buildSar(
  store: Store,
  p: Principal,
  o: { author: string; sourceId?: number; now: Date; appVersion: string },
): Promise<SarExport> {
  const repo = sarRepo(store.db)
  const items: unknown[] = []
  let withheld = 0
  for (const id of repo.idsByAuthor(o.author, o.sourceId ?? null)) {
    const m = store.mentions.get(id)
    if (!m || !actsFor(p, m.schoolId)) continue
    const school = store.schools.get(m.schoolId)?.name ?? `school ${m.schoolId}`
    if (!mayRead(p, m)) {
      withheld++
      items.push({
        id: m.id,
        school,
        source: m.sourceName,
        firstSeenAt: m.firstSeenAt,
        withheld: RESTRICTED_TEXT,
      })
      continue
    }
    items.push({
      id: m.id,
      school,
      source: m.sourceName,
      sourceKind: m.sourceKind,
      url: m.url,
      title: m.title,
      author: m.author,
      authorUrl: repo.authorUrl(m.id),
      publishedAt: m.publishedAt,
      firstSeenAt: m.firstSeenAt,
      text: m.text,
      verdict: m.analysis && {
        sentiment: m.analysis.sentiment,
        flags: m.analysis.flags,
        priority: m.analysis.priority,
        owner: m.analysis.owner,
      },
      corrections: repo.corrections(m.id),
      drafts: repo.drafts(m.id),
      incidents: repo.incidents(m.id),
      captures: repo.captures(m.id),
      evidence: repo.evidence(m.id),
    })
  }
  const at = o.now.toISOString()
  const data = {
    format: 'footprint-sar/1',
    author: o.author,
    sourceId: o.sourceId ?? null,
    madeAt: at,
    footprintVersion: o.appVersion,
    mentions: items.length,
    withheld,
    items,
  }
  const zip = new JSZip()
  zip.file('README.txt', readme(o.author, items.length, withheld, at))
  zip.file('data.json', JSON.stringify(data, null, 2) + '\n')
  const buf = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
  const safe = o.author.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60) || 'author'
  return {
    fileName: `subject-access-${safe}-${at.slice(0, 10)}.zip`,
    data: buf,
    mentions: items.length,
    withheld,
  }
}

function readme(author: string, n: number, withheld: number, at: string): string {
  return [
    'Subject access request: what Footprint holds about one author',
    '',
    `Author handle: ${author}`,
    `Made: ${at} (UTC)`,
    `Items: ${n}${withheld ? ` (${withheld} withheld: only the designated safeguarding lead or the head can export them)` : ''}`,
    '',
    'data.json lists every post Footprint has kept that was written under this handle, in the',
    "schools this export's maker acts for: where and when it was seen, its words, how Footprint",
    'scored it and any correction, the draft replies written to it, the incidents it is part of,',
    'and the SHA-256 of each evidence file captured from it (the files themselves stay in the',
    "school's evidence folder).",
    '',
    'Before you send this to the requester, check it for other people’s personal data (for example',
    'names in the posts or replies) and remove what the law does not require you to disclose.',
    '',
  ].join('\n')
}
