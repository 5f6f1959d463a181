// Runs in: Vitest (Node). A demo school for report tests: a month of mentions across sources with
// known verdicts (one with a phone number and a named member of staff, one safeguarding item), a
// Wikipedia source with edits, a Google rating history, an incident with a timeline, and responses.
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AnalysisRow } from '../../src-main/store/repos/analyses'
import type { WorkflowFixture } from '../helpers/workflow'

export const OUT_DIR = join(__dirname, '../../test-results/reports')

let n = 0
export function addMention(
  f: WorkflowFixture,
  o: {
    sourceId: number
    text: string
    at: string
    verdict?: Partial<AnalysisRow> | null
    title?: string | null
    author?: string | null
    url?: string | null
    meta?: Record<string, unknown>
  },
): number {
  n++
  const id = f.store.mentions.insert(
    {
      sourceId: o.sourceId,
      schoolId: f.school.id,
      externalId: `seed-${n}`,
      url: o.url === undefined ? `https://example.net/post/${n}` : o.url,
      canonicalUrl: null,
      title: o.title ?? null,
      author: o.author === undefined ? 'A parent' : o.author,
      authorUrl: null,
      publishedAt: o.at,
      text: o.text,
      raw: null,
      meta: o.meta ?? {},
      matchedAlias: "St Aldhelm's",
      contentHash: `seed-hash-${n}`,
      duplicateOf: null,
    },
    o.at,
  )!
  if (o.verdict !== null)
    f.store.analyses.put(
      id,
      {
        engine: 'builtin',
        engineVersion: 'test',
        sentiment: { label: 'neutral', score: 0 },
        flags: [],
        priority: 'normal',
        owner: 'orm_lead',
        evidence: [],
        ...o.verdict,
      },
      o.at,
    )
  return id
}

export const PHONE_TEXT =
  "Mrs Okafor at St Aldhelm's ignored us again. Ring her on 07700 900123 and tell her what you think."

/** November 2026 for St Aldhelm's: what the snapshot tests check figure by figure. */
export function seedDemo(f: WorkflowFixture) {
  const feed = f.source('feed', 'Hollinbury Gazette')
  const fb = f.source('facebook', 'School Facebook Page')
  const wiki = f.store.sources.create(
    {
      kind: 'wikipedia',
      name: 'Wikipedia',
      schoolId: f.school.id,
      intervalMinutes: 60,
      config: { pages: ["St Aldhelm's C of E Primary School"] },
    },
    '2026-10-01T00:00:00.000Z',
  )
  f.db
    .prepare('UPDATE sources SET state_json = ? WHERE id = ?')
    .run(
      JSON.stringify({ pages: { "St Aldhelm's C of E Primary School": { lastRevId: 99 } } }),
      wiki.id,
    )
  const places = f.source('google_places', 'Google rating')
  f.db.prepare('UPDATE sources SET state_json = ? WHERE id = ?').run(
    JSON.stringify({
      ratingHistory: [
        { averageRating: 4.1, totalReviewCount: 40, observedAt: '2026-11-02T06:00:00.000Z' },
        { averageRating: 4.0, totalReviewCount: 42, observedAt: '2026-11-12T06:00:00.000Z' },
        { averageRating: 3.8, totalReviewCount: 45, observedAt: '2026-11-20T06:00:00.000Z' },
      ],
    }),
    places.id,
  )
  const ids = {
    // Previous period (October): two mentions, one positive, one negative.
    octPos: addMention(f, {
      sourceId: feed.id,
      text: 'Lovely harvest festival',
      at: '2026-10-10T10:00:00.000Z',
      verdict: { sentiment: { label: 'positive', score: 0.8 }, flags: ['praise'] },
    }),
    octNeg: addMention(f, {
      sourceId: feed.id,
      text: 'Parking chaos again',
      at: '2026-10-12T10:00:00.000Z',
      verdict: { sentiment: { label: 'negative', score: -0.5 }, flags: ['complaint'] },
    }),
    praise: addMention(f, {
      sourceId: fb.id,
      text: 'Fantastic nativity, well done to all the staff!',
      at: '2026-11-03T18:00:00.000Z',
      verdict: { sentiment: { label: 'positive', score: 0.9 }, flags: ['praise'] },
    }),
    praise2: addMention(f, {
      sourceId: feed.id,
      text: 'St Aldhelm’s pupils win county chess cup',
      at: '2026-11-05T09:00:00.000Z',
      verdict: { sentiment: { label: 'positive', score: 0.7 }, flags: ['praise'] },
    }),
    question: addMention(f, {
      sourceId: fb.id,
      text: 'When does the Christmas fair start?',
      at: '2026-11-09T10:00:00.000Z',
      verdict: { flags: ['question'] },
    }),
    phone: addMention(f, {
      sourceId: fb.id,
      text: PHONE_TEXT,
      at: '2026-11-10T20:00:00.000Z',
      verdict: {
        sentiment: { label: 'negative', score: -0.9 },
        flags: ['personal_info', 'staff_named', 'complaint'],
        priority: 'urgent',
        owner: 'head',
        evidence: [
          {
            field: 'text',
            start: 0,
            end: 10,
            signal: 'staff_named',
            rule: 'staff',
            explanation: 'Names a member of staff',
          },
          {
            field: 'text',
            start: PHONE_TEXT.indexOf('07700'),
            end: PHONE_TEXT.indexOf('07700') + 12,
            signal: 'personal_info',
            rule: 'phone',
            explanation: 'A mobile number',
          },
        ],
      },
    }),
    safeguarding: addMention(f, {
      sourceId: feed.id,
      text: 'SECRET-CHILD-DETAIL about a pupil at the school',
      at: '2026-11-11T10:00:00.000Z',
      verdict: {
        sentiment: { label: 'negative', score: -0.6 },
        flags: ['safeguarding'],
        priority: 'urgent',
        owner: 'dsl',
      },
    }),
    wikiEdit: addMention(f, {
      sourceId: wiki.id,
      text: 'Removed unsourced claim',
      title: "Edit: St Aldhelm's C of E Primary School",
      author: '203.0.113.9',
      at: '2026-11-14T12:00:00.000Z',
      meta: {
        pageTitle: "St Aldhelm's C of E Primary School",
        anonymous: true,
        sizeDelta: -120,
        reverted: true,
        comment: 'Removed unsourced claim',
      },
    }),
    unanalysed: addMention(f, {
      sourceId: feed.id,
      text: 'Road closed near the school',
      at: '2026-11-20T08:00:00.000Z',
      verdict: null,
    }),
  }
  // The question was answered the next morning (in time); the complaint two days later (late).
  f.store.triage.markResponded(ids.question, '2026-11-09T15:00:00.000Z')
  f.store.triage.markResponded(ids.phone, '2026-11-13T12:00:00.000Z')
  return { feed, fb, wiki, places, ids }
}

/** `pdftotext -layout`: the PDF's words, as a reader (or a screen reader) gets them. */
export function pdfText(pdf: Buffer, name: string): string {
  mkdirSync(OUT_DIR, { recursive: true })
  const path = join(OUT_DIR, `${name}.pdf`)
  writeFileSync(path, pdf)
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })
}

/** Renders every page to PNG (test-results/reports/<name>-N.png) and answers how many there were. */
export function pdfPages(name: string): string[] {
  const path = join(OUT_DIR, `${name}.pdf`)
  execFileSync('pdftoppm', ['-png', '-r', '60', path, join(OUT_DIR, name)])
  const out = execFileSync('ls', [OUT_DIR], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.startsWith(`${name}-`) && l.endsWith('.png'))
  return out
}
