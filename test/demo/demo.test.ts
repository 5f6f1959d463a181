// Runs in: Vitest (Node). A small demo run (a tenth of the year) end to end: the real poller reads every
// source kind from the demo server (Mumsnet and the evidence capture through the system Chromium),
// the workflow is walked (triage, a draft sent back then approved and posted to Google, a manual post,
// an incident with its timeline and evidence), and the folder rules hold (a real school refuses the
// demo; a second run changes nothing).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POLLED_KINDS } from '../../src-main/contract'
import { DemoRefusedError, runDemo, type DemoRun } from '../../src-main/demo/run'
import { DEMO_SCHOOL_NAME, DEMO_USERS } from '../../src-main/demo/school'
import { createService } from '../../src-main/services'
import { createStore, openDataDir } from '../../src-main/store'
import { SCHOOL } from '../helpers/service'

const SYSTEM = { actor: 'test' }
const dirs: string[] = []
const freshDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'footprint-demo-'))
  dirs.push(d)
  return d
}
let dir: string
let run: DemoRun
const lines: string[] = []

beforeAll(async () => {
  dir = freshDir()
  run = await runDemo({
    dataDir: dir,
    seed: 7,
    scale: 0.1,
    version: '0.0.0-test',
    log: (l) => lines.push(l),
  })
}, 240_000)
afterAll(async () => {
  await run?.close().catch(() => {})
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

const call = <T>(name: string, input: unknown, ctx: { actor: string; session?: string } = SYSTEM) =>
  run.service.call(name as never, input, ctx) as Promise<T>

describe('footprint demo (scale 0.1)', () => {
  it('creates the documented fictional school and its four users', () => {
    const schools = run.store.schools.list()
    expect(schools.map((s) => s.name)).toEqual([DEMO_SCHOOL_NAME])
    expect(run.summary.created).toBe(true)
    expect(run.store.users.count()).toBe(DEMO_USERS.length)
    expect(run.summary.users.map((u) => u.role).sort()).toEqual([
      'dsl',
      'head',
      'orm_lead',
      'viewer',
    ])
  })

  it('polls every source kind through the real poller: runs recorded, mentions stored per kind', () => {
    const runs = run.store.db
      .prepare(
        "SELECT s.kind, COUNT(*) AS n FROM fetch_runs r JOIN sources s ON s.id = r.source_id WHERE r.status IN ('ok', 'not_modified') GROUP BY s.kind",
      )
      .all() as { kind: string; n: number }[]
    const runsByKind = new Map(runs.map((r) => [r.kind, r.n]))
    const stored = new Map<string, number>()
    for (const s of run.summary.sources) stored.set(s.kind, (stored.get(s.kind) ?? 0) + s.stored)
    for (const kind of POLLED_KINDS) {
      expect(runsByKind.get(kind), `runs for ${kind}`).toBeGreaterThan(0)
      expect(stored.get(kind), `mentions from ${kind}`).toBeGreaterThan(0)
    }
    expect(run.summary.failures).toEqual([])
    // Every source was drained: its last run found nothing new.
    const last = run.store.db
      .prepare(
        "SELECT r.items_new AS n FROM fetch_runs r JOIN sources s ON s.id = r.source_id WHERE s.kind != 'manual' AND r.id IN (SELECT MAX(id) FROM fetch_runs GROUP BY source_id)",
      )
      .all() as { n: number }[]
    expect(last.every((r) => r.n === 0)).toBe(true)
  })

  it('reads the Google listing month by month, so the rating has a history', () => {
    const row = run.store.db
      .prepare("SELECT state_json FROM sources WHERE kind = 'google_places'")
      .get() as { state_json: string }
    const history = (
      JSON.parse(row.state_json) as { ratingHistory: { averageRating: number | null }[] }
    ).ratingHistory
    expect(history.length).toBeGreaterThanOrEqual(10)
    expect(new Set(history.map((h) => h.averageRating)).size).toBeGreaterThan(2)
  })

  it('walks drafts: one sent back then approved and posted through Google, one recorded by hand, one waiting', async () => {
    const drafts = run.store.db
      .prepare(
        'SELECT d.id, d.status, d.mention_id, d.body, d.posted_url, s.kind FROM drafts d JOIN mentions m ON m.id = d.mention_id JOIN sources s ON s.id = m.source_id',
      )
      .all() as {
      id: number
      status: string
      mention_id: number
      body: string
      posted_url: string | null
      kind: string
    }[]
    const posted = drafts.filter((d) => d.status === 'posted')
    expect(posted.filter((d) => d.kind === 'google_business')).toHaveLength(2)
    expect(posted.filter((d) => d.kind === 'x')[0]?.posted_url).toMatch(/^https:\/\/x\.com\//)
    // The demo server received exactly the approved words.
    expect([...run.server!.google.replies.values()].map((r) => r.comment).sort()).toEqual(
      posted
        .filter((d) => d.kind === 'google_business')
        .map((d) => d.body)
        .sort(),
    )
    const sentBack = await Promise.all(
      posted.map((d) =>
        call<{ drafts: { decisions: { decision: string }[] }[] }>('mentions.get', {
          id: d.mention_id,
        }),
      ),
    )
    expect(
      sentBack.some((m) =>
        m.drafts.some((x) => x.decisions.map((y) => y.decision).join() === 'sent_back,approved'),
      ),
    ).toBe(true)
    const waiting = await call<unknown[]>('approvals.list', { schoolId: run.summary.schoolId })
    expect(waiting).toHaveLength(1)
  })

  it('records the autumn trolling campaign as an incident with its timeline and captured evidence', async () => {
    const [summary] = await call<{ id: number }[]>('incidents.list', {
      schoolId: run.summary.schoolId,
      status: 'all',
    })
    const incident = await call<{
      events: { kind: string }[]
      mentions: { sourceName: string; text: string }[]
    }>('incidents.get', { id: summary.id })
    expect(incident.events.map((e) => e.kind)).toEqual(
      expect.arrayContaining([
        'reported_to_platform',
        'platform_response',
        'parent_meeting_invited',
        'posh_contacted',
      ]),
    )
    expect(incident.mentions.length).toBeGreaterThanOrEqual(8)
    const evidence = incident.mentions.find((m) => m.sourceName === 'Manual captures')
    expect(evidence?.text).toMatch(/BrightwaterOut/)
    const captures = run.store.db.prepare('SELECT COUNT(*) AS n FROM capture_files').get() as {
      n: number
    }
    expect(captures.n).toBeGreaterThanOrEqual(3)
  })

  it('triages most of the year, routes the safeguarding item to the DSL and hides the namesake', async () => {
    expect(run.summary.walk!.triaged).toBeGreaterThan(
      run.summary.sources.reduce((a, s) => a + s.mentions, 0) / 2,
    )
    const viewer = DEMO_USERS.find((u) => u.role === 'viewer')!
    const ctx = { actor: 'test', session: 'viewer-test' }
    await call('auth.signIn', { email: viewer.email, password: viewer.password }, ctx)
    const page = await call<{
      items: { restricted: boolean; text: string; triage: { outcome: string | null } }[]
    }>('inbox.list', { schoolId: run.summary.schoolId, state: 'all', limit: 500 }, ctx)
    const restricted = page.items.filter((i) => i.restricted)
    expect(restricted.length).toBeGreaterThanOrEqual(1)
    expect(restricted.every((i) => !/scared to go home/.test(i.text))).toBe(true)
    expect(restricted.some((i) => i.triage.outcome === 'escalate')).toBe(true)
    const all = await call<{ items: { hiddenReason: string | null; title: string | null }[] }>(
      'mentions.list',
      { includeHidden: true, limit: 500 },
    )
    expect(all.items.find((m) => /Tasmania/.test(m.title ?? ''))?.hiddenReason).toMatch(
      /not about us/i,
    )
  })

  it('keeps an intact audit trail', async () => {
    const r = await call<{ ok: boolean }>('audit.verify', {})
    expect(r.ok).toBe(true)
  })

  it('a second run changes nothing and says so', async () => {
    const before = run.store.db.prepare('SELECT COUNT(*) AS n FROM mentions').get() as { n: number }
    await run.close()
    const again = await runDemo({ dataDir: dir, seed: 7, scale: 0.1, version: '0.0.0-test' })
    try {
      expect(again.summary.created).toBe(false)
      expect(again.store.db.prepare('SELECT COUNT(*) AS n FROM mentions').get()).toEqual(before)
      // The first run paused its sources: their demo server is gone.
      expect(
        again.store.sources
          .list()
          .filter((s) => s.kind !== 'manual')
          .every((s) => !s.enabled),
      ).toBe(true)
    } finally {
      await again.close()
    }
  })
})

describe('footprint demo refuses a real school’s folder', () => {
  it('stops before writing anything', async () => {
    const d = freshDir()
    const db = openDataDir(d)
    const store = createStore(db)
    const service = createService({
      store,
      mode: 'browser',
      dataDir: d,
      version: '0.0.0-test',
      secretKeyProvider: null,
    })
    await service.call('schools.create', SCHOOL, SYSTEM)
    db.close()
    await expect(runDemo({ dataDir: d, version: '0.0.0-test' })).rejects.toThrow(DemoRefusedError)
    await expect(runDemo({ dataDir: d, version: '0.0.0-test' })).rejects.toThrow(
      /already holds a school \(St Aldhelm/,
    )
    const after = createStore(openDataDir(d))
    expect(after.schools.list()).toHaveLength(1)
    expect(after.sources.list()).toHaveLength(0)
    after.db.close()
  })
})
