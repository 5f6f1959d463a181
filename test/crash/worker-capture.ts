// Runs in: the crash worker (Node, through tsx). Evidence capture, killed mid-way. A real page capture
// spends seconds in Chromium and milliseconds storing; the kills aim at the storing, so the page is
// made here (a UrlCapture with a large screenshot) and kept by the very code the service uses
// (recordCapture: files, mention, capture row), through a slow writer that makes every file a step. Every other capture is
// evidence for a mention already held (captureMentionEvidence): its page address is refused before
// any browser starts, so what is stored is the mention's own words, hashed, with the reason.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { capturesRepo } from '../../src-main/store/repos/captures'
import { recordCapture } from '../../src-main/capture/record'
import { captureMentionEvidence } from '../../src-main/capture/mention'
import { captureTimes } from '../../src-main/capture/time'
import type { UrlCapture } from '../../src-main/capture/url'
import { ensureSchool, SYSTEM, type Op, type OpContext } from './worker-ops'

let count = 0

/**
 * The slow writer: every evidence file written, and the folder renamed into place, is a step, and
 * yields a turn first. The capture code calls fs/promises through the module object, so wrapping its
 * functions here reaches it unchanged; kills then land between the files, and between the files and
 * the rows, as often as anywhere else.
 */
function slowWriter(progress: (what: string) => void): void {
  const fsp = process.getBuiltinModule('node:fs/promises')
  const { writeFile, rename, chmod } = fsp
  const turn = () => new Promise<void>((r) => setImmediate(r))
  fsp.writeFile = (async (...args: Parameters<typeof writeFile>) => {
    progress(`writing ${String(args[0]).split('/').pop()}`)
    await turn()
    return writeFile(...args)
  }) as typeof writeFile
  fsp.rename = (async (...args: Parameters<typeof rename>) => {
    await turn()
    await rename(...args)
    progress('renamed')
  }) as typeof rename
  // The folder made read-only is the last thing before the rows: a step there aims kills between.
  fsp.chmod = (async (...args: Parameters<typeof chmod>) => {
    await chmod(...args)
    if (args[1] !== 0o555) return
    progress('sealed')
    // "hold" (the aimed test): evidence for a held mention stops here, files sealed and no rows yet,
    // until the test kills it.
    if (process.argv[5] === 'hold' && existsSync(join(String(args[0]), 'mention.txt')))
      await new Promise(() => undefined)
  }) as typeof chmod
}

function page(ctx: OpContext, n: number): UrlCapture {
  const times = captureTimes(ctx.now())
  const text = `Parents' group post ${n}: St Aldhelm's head is rude and the teachers are useless.`
  return {
    kind: 'url',
    requestedUrl: `https://parents.example/post/${n}`,
    finalUrl: `https://parents.example/post/${n}`,
    redirects: [`https://parents.example/post/${n}`],
    title: `Post ${n}`,
    httpStatus: 200,
    capturedAtUtc: times.utc,
    capturedAtLocal: times.local,
    partial: null,
    needsLogin: false,
    loginReasons: [],
    html: `<html><body><p>${text}</p></body></html>`,
    text,
    // Incompressible and large: writing it is the slow phase a kill should often land in.
    screenshot: randomBytes((2 + (n % 4)) * 1024 * 1024),
    pageHeight: 900,
    screenshotHeight: 900,
    viewport: { width: 1280, height: 900 },
    browserVersion: 'crash-test',
    bannerHeight: 0,
  }
}

async function captureOnce(ctx: OpContext): Promise<void> {
  const { store } = ctx
  const school = store.schools.list()[0]
  const captures = capturesRepo(store.db)
  const n = ++count + Number(process.pid)
  ctx.progress('capture')
  if (n % 2 === 0) {
    await recordCapture(
      {
        store,
        captures,
        dataDir: ctx.dataDir,
        appVersion: '0.0.0-crash',
        now: ctx.now,
        analyze: ctx.analyze,
      },
      school,
      page(ctx, n),
      { note: `capture ${n}` },
      SYSTEM.actor,
    )
  } else {
    const ids = store.db
      .prepare(
        "SELECT id FROM mentions m WHERE external_id LIKE 'held-%' ORDER BY random() LIMIT 1",
      )
      .all() as { id: number }[]
    const mention = store.mentions.get(ids[0].id)!
    await captureMentionEvidence(
      { store, captures, dataDir: ctx.dataDir, appVersion: '0.0.0-crash', now: ctx.now },
      mention,
      school,
      SYSTEM.actor,
    )
  }
  ctx.progress('captured')
}

export const captureOp: Op = {
  async setup(ctx) {
    slowWriter(ctx.progress)
    const schoolId = await ensureSchool(ctx)
    const { store } = ctx
    if (store.db.prepare("SELECT 1 FROM mentions WHERE external_id LIKE 'held-%'").get()) return
    const source = store.sources.create(
      {
        kind: 'feed',
        name: 'Gazette',
        schoolId,
        intervalMinutes: 60,
        config: { url: 'https://gazette.example/rss' },
      },
      ctx.now().toISOString(),
    )
    const school = store.schools.list()[0]
    store.tx(() => {
      for (let i = 1; i <= 5; i++) {
        const id = store.mentions.insert(
          {
            sourceId: source.id,
            schoolId,
            externalId: `held-${i}`,
            // Loopback: refused before any browser starts, so only the mention's words are kept.
            url: `http://127.0.0.1:9/post/${i}`,
            canonicalUrl: null,
            title: `Held ${i}`,
            author: 'A parent',
            authorUrl: null,
            publishedAt: null,
            text: `St Aldhelm's is a disgrace, post ${i}. ${'More words. '.repeat(2000)}`,
            raw: null,
            meta: {},
            matchedAlias: "St Aldhelm's",
            contentHash: `held-${i}`,
            duplicateOf: null,
          },
          ctx.now().toISOString(),
        )!
        store.analyses.put(id, ctx.analyze(`post ${i}`, school), ctx.now().toISOString())
      }
    })
  },
  cycle: captureOnce,
  async finish(ctx) {
    // One more of each kind, to show capture works after whatever the kills left.
    await captureOnce(ctx)
    await captureOnce(ctx)
    const n = (sql: string) => (ctx.store.db.prepare(sql).get() as { n: number }).n
    return {
      captures: n('SELECT count(*) AS n FROM captures'),
      recovered: n("SELECT count(*) AS n FROM audit_events WHERE action = 'capture.recovered'"),
      quarantined: n(
        "SELECT count(*) AS n FROM audit_events WHERE action = 'evidence.quarantined'",
      ),
    }
  },
}
