// Runs in: Vitest (Node). Evidence for an existing mention (capture.mention): the page captured with a
// visible banner (address and time) composited on top of the screenshot while the saved HTML stays the
// page's own; linked to the mention, no new mention; failures (never answers, sign-in wall, endless
// page) recorded with the mention's text kept; the listing with each capture re-hashed; tampering
// caught by evidence.verify and `footprint evidence verify`; automatic capture of urgent items.
import { chmodSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { evidenceDir } from '../../src-main/capture/evidence'
import { BANNER_HEIGHT } from '../../src-main/capture/banner'
import { findBrowser } from '../../src-main/core/browser'
import { createService, type ServiceDeps } from '../../src-main/services'
import { createStore, openDataDir } from '../../src-main/store'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import { CAPTURE_PAGE_TEXT } from '../fixtures/routes/capture'
import { createFakeClock } from '../sources/fake-clock'
import { runFootprint } from '../helpers/cli'
import { SCHOOL } from '../helpers/service'
import { tempDir } from '../helpers/tmp'

const ctx = { actor: 'test' }
let server: FixtureServer
beforeAll(async () => {
  server = await startFixtureServer()
})
afterAll(() => server.close())
const opened: { close(): void }[] = []
afterEach(() => {
  while (opened.length) opened.pop()!.close()
})

async function setup(captureDeps: ServiceDeps['capture'] = {}) {
  const dataDir = tempDir()
  const db = openDataDir(dataDir)
  opened.push(db)
  const store = createStore(db)
  const clock = createFakeClock(Date.parse('2026-11-23T09:00:00.000Z'))
  const logs: string[] = []
  const service = createService(
    {
      store,
      mode: 'browser',
      dataDir,
      version: '0.0.0-test',
      capture: { settleMs: 200, ...captureDeps },
      polling: { clock, analyze: undefined },
    },
    (l) => logs.push(l),
  )
  const school = await service.call('schools.create', SCHOOL, ctx)
  const feed = store.sources.create(
    {
      kind: 'feed',
      name: 'Hollinbury Gazette',
      schoolId: school.id,
      intervalMinutes: 60,
      config: { url: `${server.url}/feed.xml`, allowPrivateNetwork: true },
    },
    new Date().toISOString(),
  )
  let n = 0
  function mention(path: string, priority: 'urgent' | 'normal' = 'normal', flags: string[] = []) {
    n++
    const at = new Date().toISOString()
    const id = store.mentions.insert(
      {
        sourceId: feed.id,
        schoolId: school.id,
        externalId: `item-${n}`,
        url: `${server.url}${path}`,
        canonicalUrl: null,
        title: `Item ${n}`,
        author: 'hollinbury_mum',
        authorUrl: null,
        publishedAt: null,
        text: `What was seen ${n}: ${CAPTURE_PAGE_TEXT}`,
        raw: null,
        meta: {},
        matchedAlias: "St Aldhelm's",
        contentHash: `hash-${n}`,
        duplicateOf: null,
      },
      at,
    )!
    store.analyses.put(
      id,
      {
        engine: 'builtin',
        engineVersion: 'test',
        sentiment: { label: 'negative', score: -0.7 },
        flags,
        priority,
        owner: 'head',
        evidence: [],
      },
      at,
    )
    return id
  }
  const capture = (mentionId: number) =>
    service.call('capture.mention', { mentionId, allowPrivateNetwork: true }, ctx)
  return { dataDir, db, store, service, school, clock, logs, mention, capture }
}

/** The colour of one pixel of a PNG, read back by the browser (no image library needed). */
async function pixels(png: Buffer, points: [number, number][]): Promise<number[][]> {
  const browser = await chromium.launch({ executablePath: findBrowser() })
  try {
    const page = await browser.newPage()
    // A string, evaluated in the page: this file is typed for Node, without the DOM.
    return (await page.evaluate(`(async () => {
      const img = new Image()
      img.src = ${JSON.stringify(`data:image/png;base64,${png.toString('base64')}`)}
      await img.decode()
      const canvas = document.createElement('canvas')
      canvas.width = img.width
      canvas.height = img.height
      const g = canvas.getContext('2d')
      g.drawImage(img, 0, 0)
      return ${JSON.stringify(points)}.map(([x, y]) => Array.from(g.getImageData(x, y, 1, 1).data.slice(0, 3)))
    })()`)) as number[][]
  } finally {
    await browser.close()
  }
}

describe('capture.mention', { timeout: 90_000 }, () => {
  it('captures the page with a banner, links it to the mention and makes no new mention', async () => {
    const s = await setup()
    const id = s.mention('/capture/page')
    const before = s.store.mentions.get(id)!
    const count = () => s.db.prepare('SELECT count(*) AS n FROM mentions').get() as { n: number }
    const { n: mentionsBefore } = count()
    const item = await s.capture(id)
    expect(count().n).toBe(mentionsBefore)
    expect(item.state).toBe('complete')
    expect(item.check.ok).toBe(true)
    expect(item.capture).toMatchObject({
      mentionId: id,
      requestedUrl: before.url,
      finalUrl: before.url,
      title: 'Hollinbury parents forum: uniform row',
      capturedBy: 'test',
      error: null,
    })
    expect(item.capture.files.map((f) => f.name)).toEqual([
      'capture.json',
      'mention.txt',
      'page.html',
      'page.txt',
      'screenshot.png',
    ])
    const dir = evidenceDir(s.dataDir, item.capture.uuid)
    for (const f of item.capture.files)
      expect(statSync(join(dir, f.name)).mode & 0o222, `${f.name} is read-only`).toBe(0)
    const html = readFileSync(join(dir, 'page.html'), 'utf8')
    // The saved HTML is the page's own: the banner is only in the image.
    expect(html).toContain(CAPTURE_PAGE_TEXT)
    expect(html).not.toContain('Captured by Footprint')
    expect(readFileSync(join(dir, 'mention.txt'), 'utf8')).toContain(before.text)
    const json = JSON.parse(readFileSync(join(dir, 'capture.json'), 'utf8'))
    expect(json).toMatchObject({ mentionId: id, bannerHeight: BANNER_HEIGHT, error: null })
    expect(json.capturedAtLocal).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/)

    const png = readFileSync(join(dir, 'screenshot.png'))
    expect(png.readUInt32BE(20)).toBe(json.screenshotHeight + BANNER_HEIGHT)
    // Dark banner at the top, the page's white background right beneath it.
    const [top, below] = await pixels(png, [
      [2, 2],
      [2, BANNER_HEIGHT + 4],
    ])
    expect(top).toEqual([0x14, 0x21, 0x3d])
    expect(below).toEqual([255, 255, 255])

    const listed = await s.service.call('capture.ofMention', { mentionId: id }, ctx)
    expect(listed.items.map((i) => [i.capture.id, i.state, i.check.ok])).toEqual([
      [item.capture.id, 'complete', true],
    ])
    const audit = s.db
      .prepare("SELECT actor, detail_json FROM audit_events WHERE action = 'capture.mention'")
      .all() as { actor: string; detail_json: string }[]
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0].detail_json)).toMatchObject({ mentionId: id, error: null })
  })

  it('records why a page never answered and keeps the mention’s text as evidence', async () => {
    const s = await setup({ navigationTimeoutMs: 1500 })
    const id = s.mention('/capture/silent')
    const item = await s.capture(id)
    expect(item.state).toBe('failed')
    expect(item.capture.error).toMatch(/did not answer within 2 seconds|did not answer/)
    expect(item.capture.files.map((f) => f.name)).toEqual(['capture.json', 'mention.txt'])
    const dir = evidenceDir(s.dataDir, item.capture.uuid)
    expect(readFileSync(join(dir, 'mention.txt'), 'utf8')).toContain('What was seen 1')
    expect(item.check.ok).toBe(true)
    expect(
      s.db
        .prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'capture.mention_failed'")
        .get(),
    ).toEqual({ n: 1 })
  })

  it('flags a sign-in wall and cuts an endless page, saying so', async () => {
    const s = await setup({ maxScreenshotHeight: 3000 })
    const wall = await s.capture(s.mention('/capture/group'))
    expect(wall.state).toBe('login_wall')
    expect(wall.capture.needsLogin).toBe(true)
    expect(wall.capture.files.map((f) => f.name)).toContain('mention.txt')
    const endless = await s.capture(s.mention('/capture/endless'))
    expect(endless.state).toBe('partial')
    expect(endless.capture.partialReason).toMatch(/the screenshot shows the first 3,000/)
    const png = readFileSync(join(evidenceDir(s.dataDir, endless.capture.uuid), 'screenshot.png'))
    expect(png.readUInt32BE(20)).toBe(3000 + BANNER_HEIGHT)
  })

  it('refuses a mention with no address, and one the caller may not read', async () => {
    const s = await setup()
    const id = s.mention('/capture/page', 'urgent', ['safeguarding'])
    const kept = await s.capture(id)
    s.db.prepare('UPDATE mentions SET url = NULL WHERE id = ?').run(id)
    await expect(s.capture(id)).rejects.toThrow(/has no web address/)
    await s.service.call(
      'users.create',
      {
        displayName: 'Vera Viewer',
        email: 'v@school.example',
        role: 'viewer',
        password: 'correct horse battery',
        schoolIds: [],
      },
      ctx,
    )
    const viewer = { actor: 'window', session: 'v' }
    await s.service.call(
      'auth.signIn',
      { email: 'v@school.example', password: 'correct horse battery' },
      viewer,
    )
    expect(await s.service.dispatch('capture.ofMention', { mentionId: id }, viewer)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    for (const op of ['capture.get', 'capture.verify'])
      expect(await s.service.dispatch(op, { id: kept.capture.id }, viewer)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      })
    expect(await s.service.dispatch('capture.mention', { mentionId: id }, viewer)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
  })
})

describe('evidence verify', { timeout: 90_000 }, () => {
  it('names a tampered and a missing file, in the service and on the command line', async () => {
    const s = await setup()
    const a = await s.capture(s.mention('/capture/page'))
    const b = await s.capture(s.mention('/capture/page'))
    expect(await s.service.call('evidence.verify', undefined, ctx)).toEqual({
      checked: 2,
      ok: true,
      problems: [],
    })
    let r = runFootprint(s.dataDir, 'evidence', 'verify')
    expect(r.code, r.err).toBe(0)
    expect(r.out).toMatch(/Evidence intact: 2 captures/)

    const dirA = evidenceDir(s.dataDir, a.capture.uuid)
    const dirB = evidenceDir(s.dataDir, b.capture.uuid)
    chmodSync(dirA, 0o755)
    chmodSync(join(dirA, 'page.txt'), 0o644)
    writeFileSync(join(dirA, 'page.txt'), 'Nothing to see here.')
    chmodSync(dirB, 0o755)
    const { rmSync } = await import('node:fs')
    rmSync(join(dirB, 'screenshot.png'))

    const out = await s.service.call('evidence.verify', undefined, ctx)
    expect(out.ok).toBe(false)
    expect(out.problems).toEqual([
      expect.objectContaining({ captureId: a.capture.id, file: 'page.txt', status: 'changed' }),
      expect.objectContaining({
        captureId: b.capture.id,
        file: 'screenshot.png',
        status: 'missing',
      }),
    ])
    const listed = await s.service.call(
      'capture.ofMention',
      { mentionId: a.capture.mentionId! },
      ctx,
    )
    expect(listed.items[0].check.ok).toBe(false)

    r = runFootprint(s.dataDir, 'evidence', 'verify')
    expect(r.code).toBe(1)
    expect(r.out).toContain(
      `capture ${a.capture.id} (mention ${a.capture.mentionId}): page.txt changed`,
    )
    expect(r.out).toContain(
      `capture ${b.capture.id} (mention ${b.capture.mentionId}): screenshot.png missing`,
    )
    expect(r.err).toMatch(/2 evidence files in 2 captures no longer match/)
    r = runFootprint(s.dataDir, 'evidence', 'verify', '--json')
    expect(r.code).toBe(1)
    expect(JSON.parse(r.out).problems).toHaveLength(2)
    expect(readdirSync(dirB)).not.toContain('screenshot.png')
  })
})

describe('automatic evidence for urgent mentions', { timeout: 90_000 }, () => {
  it('captures urgent mentions with an address one at a time, after start, never twice', async () => {
    const s = await setup({ navigationTimeoutMs: 1500 })
    const urgent = s.mention('/capture/page', 'urgent', ['threat'])
    const normal = s.mention('/capture/page', 'normal')
    const failing = s.mention('/capture/silent', 'urgent', ['threat'])
    s.service.evidenceJob.mentionsAdded([urgent, normal, failing])
    expect(s.service.evidenceJob.pending()).toEqual([urgent, failing])
    // Created idle: nothing runs until the jobs start.
    await s.clock.advance(1000)
    expect(s.db.prepare('SELECT count(*) AS n FROM captures').get()).toEqual({ n: 0 })

    expect(await s.service.evidenceJob.runDue()).toBe(2)
    const rows = s.db
      .prepare('SELECT mention_id, captured_by, error FROM captures ORDER BY id')
      .all() as { mention_id: number; captured_by: string; error: string | null }[]
    expect(rows.map((r) => [r.mention_id, r.captured_by, r.error === null])).toEqual([
      [urgent, 'system:evidence', true],
      [failing, 'system:evidence', false],
    ])
    expect(s.logs.some((l) => l.includes(`mention ${failing}`))).toBe(true)
    // Already captured: not again.
    s.service.evidenceJob.mentionsAdded([urgent, failing])
    expect(s.service.evidenceJob.pending()).toEqual([])
  })

  it('after start, picks up the backlog and new arrivals on its own timer', async () => {
    const s = await setup()
    const waiting = s.mention('/capture/page', 'urgent', ['threat'])
    s.service.evidenceJob.start()
    expect(s.service.evidenceJob.pending()).toEqual([waiting])
    await s.clock.advance(0)
    await s.service.evidenceJob.runDue()
    await s.service.evidenceJob.dispose()
    expect(
      (s.db.prepare('SELECT mention_id FROM captures').all() as { mention_id: number }[]).map(
        (r) => r.mention_id,
      ),
    ).toEqual([waiting])
  })
})
