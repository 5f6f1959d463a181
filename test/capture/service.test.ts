// capture.* through the service, as the app and the CLI call it: evidence files read-only with their
// hashes in the database, tamper detection, the "Manual captures" source (created once, never
// polled), the mention analysed like any other, and failures that leave nothing behind.
import {
  chmodSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { createHash } from 'node:crypto'
import { join, resolve } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createOcrEngine } from '../../src-main/capture/ocr'
import { evidenceDir, evidenceRoot } from '../../src-main/capture/evidence'
import { ServiceError } from '../../src-main/contract'
import { createService, type ServiceDeps } from '../../src-main/services'
import { schoolAnalyzer } from '../../src-main/services/analysis'
import { createStore, openDataDir } from '../../src-main/store'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import { CAPTURE_PAGE_TEXT } from '../fixtures/routes/capture'
import { SCHOOL } from '../helpers/service'
import { canonicalUrl } from '../../src-main/sources/canonical-url'
import { contentFingerprint } from '../../src-main/sources/dedup'
import { tempDir } from '../helpers/tmp'

const ctx = { actor: 'test' }
const IMAGES = resolve(__dirname, '../fixtures/images')
const ocr = createOcrEngine()
let server: FixtureServer
beforeAll(async () => {
  server = await startFixtureServer()
})
afterAll(async () => {
  await ocr.terminate()
  await server.close()
})

const opened: { close(): void }[] = []
afterEach(() => {
  while (opened.length) opened.pop()!.close()
})

async function setup(capture: ServiceDeps['capture'] = {}) {
  const dataDir = tempDir()
  const db = openDataDir(dataDir)
  opened.push(db)
  const store = createStore(db)
  const service = createService(
    {
      store,
      mode: 'browser',
      dataDir,
      version: '0.0.0-test',
      capture: { ocr, settleMs: 300, ...capture },
    },
    () => undefined,
  )
  const school = await service.call('schools.create', SCHOOL, ctx)
  return { dataDir, db, store, service, school }
}

type Setup = Awaited<ReturnType<typeof setup>>
/** capture.url of a fixture page for the setup's school. */
const captureFixture = (s: Setup, path: string) =>
  s.service.call(
    'capture.url',
    { schoolId: s.school.id, url: `${server.url}${path}`, allowPrivateNetwork: true },
    ctx,
  )

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')
const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure')
    },
    (e: unknown) => e as ServiceError,
  )

describe('capture.url', () => {
  it('stores read-only evidence with its hashes and a mention analysed like any other', async () => {
    const { dataDir, db, service, school } = await setup()
    const out = await service.call(
      'capture.url',
      {
        schoolId: school.id,
        url: `${server.url}/capture/page`,
        note: 'Seen by the office',
        platform: 'Parents forum',
        allowPrivateNetwork: true,
      },
      ctx,
    )
    const { capture, mention } = out
    expect(capture).toMatchObject({
      kind: 'url',
      schoolId: school.id,
      mentionId: mention.id,
      title: 'Hollinbury parents forum: uniform row',
      httpStatus: 200,
      capturedBy: 'test',
      needsLogin: false,
      partialReason: null,
      note: 'Seen by the office',
    })
    expect(capture.files.map((f) => f.name)).toEqual([
      'capture.json',
      'page.html',
      'page.txt',
      'screenshot.png',
    ])
    const dir = evidenceDir(dataDir, capture.uuid)
    for (const f of capture.files) {
      const path = join(dir, f.name)
      expect(sha(path), f.name).toBe(f.sha256)
      expect(statSync(path).size).toBe(f.bytes)
      expect(statSync(path).mode & 0o222, `${f.name} is read-only`).toBe(0)
    }
    expect(statSync(dir).mode & 0o222).toBe(0)
    const json = JSON.parse(readFileSync(join(dir, 'capture.json'), 'utf8'))
    expect(json).toMatchObject({ uuid: capture.uuid, finalUrl: `${server.url}/capture/page` })
    expect(json.files.find((f: { name: string }) => f.name === 'screenshot.png').sha256).toBe(
      capture.files.find((f) => f.name === 'screenshot.png')!.sha256,
    )

    expect(mention.sourceKind).toBe('manual')
    expect(mention.sourceName).toBe('Manual captures')
    expect(mention.text).toContain(CAPTURE_PAGE_TEXT)
    expect(mention.url).toBe(`${server.url}/capture/page`)
    expect(mention.matchedAlias).toBeTruthy()
    expect(mention.meta).toMatchObject({ platform: 'Parents forum', note: 'Seen by the office' })
    // Analysed by the same engine, on the same text, as a polled item would be.
    const verdict = schoolAnalyzer()(`${mention.title}\n${mention.text}`, school)
    expect(mention.analysis).toMatchObject({
      sentiment: { label: verdict.sentiment.label },
      priority: verdict.priority,
    })
    const audit = db
      .prepare("SELECT action, entity_id AS entityId FROM audit_events WHERE entity = 'capture'")
      .all()
    expect(audit).toEqual([{ action: 'capture.url', entityId: String(capture.id) }])

    expect(await service.call('capture.get', { id: capture.id }, ctx)).toEqual(capture)
    const check = await service.call('capture.verify', { id: capture.id }, ctx)
    expect(check.ok).toBe(true)
    expect(check.files.every((f) => f.status === 'ok')).toBe(true)
  }, 90_000)

  it('detects a changed, a missing and an added file', async () => {
    const s = await setup()
    const { dataDir } = s
    const { capture } = await captureFixture(s, '/capture/page')
    const { service } = s
    const dir = evidenceDir(dataDir, capture.uuid)
    // Someone with enough rights works around read-only: verify still catches it.
    chmodSync(dir, 0o755)
    chmodSync(join(dir, 'page.txt'), 0o644)
    writeFileSync(join(dir, 'page.txt'), 'Nothing to see here')
    rmSync(join(dir, 'screenshot.png'), { force: true })
    writeFileSync(join(dir, 'extra.png'), 'x')
    const check = await service.call('capture.verify', { id: capture.id }, ctx)
    expect(check.ok).toBe(false)
    const by = Object.fromEntries(check.files.map((f) => [f.name, f]))
    expect(by['page.txt']).toMatchObject({ status: 'changed' })
    expect(by['page.txt'].actual).not.toBe(by['page.txt'].expected)
    expect(by['screenshot.png']).toMatchObject({ status: 'missing', actual: null })
    expect(by['extra.png']).toMatchObject({ status: 'unexpected', expected: null })
    expect(by['page.html'].status).toBe('ok')
  }, 90_000)

  it('records the hashes as evidence that cannot be edited in the database either', async () => {
    const s = await setup()
    const { db } = s
    const { capture } = await captureFixture(s, '/capture/page')
    expect(() =>
      db
        .prepare('UPDATE capture_files SET sha256 = ? WHERE capture_id = ?')
        .run('0'.repeat(64), capture.id),
    ).toThrow(/evidence and never change/)
    expect(() =>
      db
        .prepare('UPDATE captures SET final_url = ? WHERE id = ?')
        .run('https://elsewhere', capture.id),
    ).toThrow(/its facts never change/)
  }, 90_000)

  it('keeps one "Manual captures" source per school, which the poller never runs', async () => {
    const { store, service, school } = await setup()
    const url = `${server.url}/capture/group`
    const first = await service.call(
      'capture.url',
      { schoolId: school.id, url, allowPrivateNetwork: true },
      ctx,
    )
    expect(first.capture.needsLogin).toBe(true)
    expect(first.loginReasons).toContain('the page shows a password box')
    const second = await service.call(
      'capture.url',
      { schoolId: school.id, url: `${server.url}/capture/page`, allowPrivateNetwork: true },
      ctx,
    )
    expect(second.mention.sourceId).toBe(first.mention.sourceId)
    const sourceId = first.mention.sourceId
    expect(store.sources.list().filter((s) => s.kind === 'manual')).toHaveLength(1)
    const runsBefore = store.runs.recent(sourceId, 50).length
    expect(runsBefore).toBe(2) // one per capture, both ok

    expect(await service.poller.pollNow(sourceId)).toEqual([])
    expect(await service.poller.pollNow()).toEqual([])
    // Started on schedule, a never-run source is due at once: the manual one must still be skipped.
    service.poller.start()
    await service.poller.stop()
    const source = store.sources.get(sourceId)!
    expect(store.runs.recent(sourceId, 50)).toHaveLength(runsBefore)
    expect(source.health).toMatchObject({ status: 'ok', lastError: null, consecutiveFailures: 0 })
  }, 90_000)

  it('is deduplicated like a polled item: a page another source already holds is linked, counted once', async () => {
    const s = await setup()
    const at = new Date().toISOString()
    const feed = s.store.sources.create(
      {
        kind: 'feed',
        name: 'Google Alert',
        schoolId: s.school.id,
        intervalMinutes: 30,
        config: { url: 'https://alerts.example/feed' },
      },
      at,
    )
    const url = `${server.url}/capture/page`
    const first = s.store.mentions.insert(
      {
        sourceId: feed.id,
        schoolId: s.school.id,
        externalId: 'alert-1',
        url,
        canonicalUrl: canonicalUrl(url),
        title: 'Uniform row',
        author: null,
        authorUrl: null,
        publishedAt: null,
        text: CAPTURE_PAGE_TEXT,
        raw: null,
        meta: {},
        matchedAlias: "St Aldhelm's",
        contentHash: contentFingerprint(CAPTURE_PAGE_TEXT, 'Uniform row'),
        duplicateOf: null,
      },
      at,
    )
    const { mention, capture } = await captureFixture(s, '/capture/page')
    expect(mention.duplicateOf).toBe(first)
    // The evidence is kept all the same: it is what was seen, when.
    expect(capture.mentionId).toBe(mention.id)
    const visible = s.store.mentions.list({
      schoolId: s.school.id,
      includeHidden: false,
      limit: 10,
    })
    expect(visible.items.map((m) => m.id)).toEqual([first])
  }, 90_000)

  it('a capture that fails says why and stores nothing at all', async () => {
    const { dataDir, store, service, school } = await setup({ navigationTimeoutMs: 1500 })
    const e = await failure(
      service.call(
        'capture.url',
        { schoolId: school.id, url: `${server.url}/capture/silent`, allowPrivateNetwork: true },
        ctx,
      ),
    )
    expect(e).toMatchObject({ code: 'unavailable', field: 'url' })
    expect(e.message).toMatch(/did not answer within 2 seconds/)
    const noBrowser = await setup({
      launcher: async () => {
        const { NoBrowserError } = await import('../../src-main/core/browser')
        const { CaptureError } = await import('../../src-main/capture/errors')
        throw new CaptureError('no_browser', new NoBrowserError(['/x']).message)
      },
    })
    const nb = await failure(
      noBrowser.service.call(
        'capture.url',
        { schoolId: noBrowser.school.id, url: 'https://example.org/', allowPrivateNetwork: true },
        ctx,
      ),
    )
    expect(nb.code).toBe('unavailable')
    expect(nb.message).toMatch(/No Chrome, Edge or Chromium browser was found/)
    for (const s of [
      { dataDir, store },
      { dataDir: noBrowser.dataDir, store: noBrowser.store },
    ]) {
      expect(
        existsSync(evidenceRoot(s.dataDir)) ? readdirSync(evidenceRoot(s.dataDir)) : [],
      ).toEqual([])
      expect(s.store.mentions.list({ includeHidden: true, limit: 10 }).items).toEqual([])
    }
  }, 90_000)

  it('undoes the files and the capture row when the mention cannot be stored', async () => {
    const { dataDir, db, service, school } = await setup()
    db.exec(`CREATE TRIGGER no_room BEFORE INSERT ON mentions BEGIN
      SELECT RAISE(ABORT, 'database or disk is full'); END`)
    const e = await failure(
      service.call(
        'capture.url',
        { schoolId: school.id, url: `${server.url}/capture/page`, allowPrivateNetwork: true },
        ctx,
      ),
    )
    expect(e.message).toMatch(/could not be stored as a mention: .*disk is full.*Nothing was kept/)
    expect(readdirSync(evidenceRoot(dataDir))).toEqual([])
    expect(db.prepare('SELECT count(*) AS n FROM captures').get()).toEqual({ n: 0 })
    expect(db.prepare('SELECT count(*) AS n FROM capture_files').get()).toEqual({ n: 0 })
  }, 90_000)

  it('names the field for bad input', async () => {
    const { service, school } = await setup()
    const e = await failure(
      service.call('capture.url', { schoolId: school.id, url: 'file:///etc/passwd' }, ctx),
    )
    expect(e).toMatchObject({ code: 'invalid_input', field: 'url' })
    const noSchool = await failure(service.call('capture.url', { url: 'https://example.org' }, ctx))
    expect(noSchool).toMatchObject({ code: 'invalid_input', field: 'schoolId' })
    const unknown = await failure(service.call('capture.get', { id: 999 }, ctx))
    expect(unknown).toMatchObject({ code: 'not_found', field: 'id' })
  })
})

describe('capture.image', () => {
  it('reads the screenshot offline and analyses its words as a mention', async () => {
    const { dataDir, service, school } = await setup()
    const data = readFileSync(join(IMAGES, 'whatsapp-chat.png'))
    const progress: number[] = []
    const stop = service.events.subscribe((e) => {
      if (e.type === 'capture.progress' && e.progressId === 'p-1') progress.push(e.fraction)
    })
    const out = await service.call(
      'capture.image',
      {
        schoolId: school.id,
        fileName: 'IMG_2041.PNG',
        mime: 'image/png',
        dataBase64: data.toString('base64'),
        platform: 'WhatsApp',
        author: 'Year 4 Parents group',
        progressId: 'p-1',
      },
      ctx,
    )
    stop()
    // The asking window heard how far OCR got, ending at 100%.
    expect(progress.length).toBeGreaterThan(1)
    expect(progress.at(-1)).toBe(1)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
    expect(out.capture).toMatchObject({ kind: 'image', ocrStatus: 'text', title: 'IMG_2041.PNG' })
    expect(out.capture.files.map((f) => f.name)).toEqual([
      'capture.json',
      'ocr.txt',
      'original.png',
    ])
    const original = out.capture.files.find((f) => f.name === 'original.png')!
    expect(original.sha256).toBe(createHash('sha256').update(data).digest('hex'))
    expect(
      readFileSync(join(evidenceDir(dataDir, out.capture.uuid), 'original.png')).equals(data),
    ).toBe(true)
    expect(out.mention.text).toContain('disgraceful')
    expect(out.mention.author).toBe('Year 4 Parents group')
    const verdict = schoolAnalyzer()(`${out.mention.title}\n${out.mention.text}`, school)
    expect(out.mention.analysis?.sentiment.label).toBe(verdict.sentiment.label)
    expect(out.ocrNote).toBeNull()
  }, 120_000)

  it('keeps an image with no text as evidence, with the note as its text', async () => {
    const { service, school } = await setup()
    const data = readFileSync(join(IMAGES, 'blank.png'))
    const out = await service.call(
      'capture.image',
      {
        schoolId: school.id,
        fileName: 'blank.png',
        dataBase64: data.toString('base64'),
        note: 'Photo of the school gates posted in the group',
      },
      ctx,
    )
    expect(out.capture.ocrStatus).toBe('no_text')
    expect(out.ocrNote).toMatch(/No text was found in this image/)
    expect(out.mention.text).toBe('Photo of the school gates posted in the group')
    expect(out.mention.meta.textFrom).toBe('note')
  }, 120_000)

  it('refuses a file that is not an image, naming the field', async () => {
    const { service, school } = await setup()
    const pdf = readFileSync(join(IMAGES, 'not-an-image.png'))
    const e = await failure(
      service.call(
        'capture.image',
        { schoolId: school.id, fileName: 'not-an-image.png', dataBase64: pdf.toString('base64') },
        ctx,
      ),
    )
    expect(e).toMatchObject({ code: 'invalid_input', field: 'dataBase64' })
    expect(e.message).toMatch(/is a PDF/)
  })
})
