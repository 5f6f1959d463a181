// Runs in: Vitest (Node). Start-up recovery, case by case and without killing anything: what a process
// killed between two steps leaves (evidence files without their rows, a capture's mention without its
// capture, a reply claimed for posting and never finished, a run left "running") is finished or set
// aside on the next start, audited, and work that finished normally is never touched.
import { cpSync, existsSync, readdirSync, utimesSync, writeFileSync, chmodSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { captureMentionEvidence } from '../../src-main/capture/mention'
import { recordCapture } from '../../src-main/capture/record'
import { evidenceRoot, writeEvidence } from '../../src-main/capture/evidence'
import { quarantineRoot, recoverEvidence } from '../../src-main/capture/recover'
import type { UrlCapture } from '../../src-main/capture/url'
import { recoverStore } from '../../src-main/store/recovery'
import { capturesRepo } from '../../src-main/store/repos/captures'
import { INTERRUPTED_POST } from '../../src-main/store/repos/recovery'
import { auditRows, workflowFixture, type WorkflowFixture } from '../helpers/workflow'

const page = (at: Date): UrlCapture => ({
  kind: 'url',
  requestedUrl: 'https://parents.example/post/1',
  finalUrl: 'https://parents.example/post/1',
  redirects: ['https://parents.example/post/1'],
  title: 'A parents’ group post',
  httpStatus: 200,
  capturedAtUtc: at.toISOString(),
  capturedAtLocal: at.toISOString(),
  partial: null,
  needsLogin: false,
  loginReasons: [],
  html: '<p>St Aldhelm’s head is rude</p>',
  text: 'St Aldhelm’s head is rude',
  screenshot: Buffer.from('not really a png'),
  pageHeight: 100,
  screenshotHeight: 100,
  viewport: { width: 800, height: 100 },
  browserVersion: 'test',
  bannerHeight: 0,
})

const recordDeps = (f: WorkflowFixture) => ({
  store: f.store,
  captures: capturesRepo(f.db),
  dataDir: f.dataDir,
  appVersion: '0.0.0-test',
  now: f.now,
})

const CLEAN =
  'Thank you for getting in touch, and we are sorry you are unhappy. Please contact the office ' +
  'privately on 01632 960123 so we can talk it through.\nMrs Okafor, Headteacher'

const actions = (f: WorkflowFixture) => auditRows(f).map((r) => r.action)

describe('start-up recovery of evidence', () => {
  it('finishes a capture whose mention was stored when the process died, from its capture.json', async () => {
    const f = await workflowFixture()
    const captures = capturesRepo(f.db)
    // Killed right after the mention was stored: the capture row never came.
    const dying = {
      ...captures,
      insert: () => {
        throw new Error('killed')
      },
    }
    await expect(
      recordCapture({ ...recordDeps(f), captures: dying }, f.school, page(f.now()), {}, 'Olu'),
    ).rejects.toThrow('killed')
    expect(captures.allIds()).toEqual([])
    const [uuid] = readdirSync(evidenceRoot(f.dataDir))

    const r = recoverEvidence(f.store, f.dataDir, f.now)
    expect(r).toMatchObject({ adopted: [uuid], quarantined: [] })
    const c = captures.get(captures.allIds()[0])!
    expect(c).toMatchObject({ uuid, title: 'A parents’ group post', capturedBy: 'Olu' })
    expect(c.mentionId).toBe(f.store.mentions.list({ includeHidden: true, limit: 5 }).items[0].id)
    expect(c.files.map((x) => x.name)).toEqual([
      'capture.json',
      'page.html',
      'page.txt',
      'screenshot.png',
    ])
    expect(actions(f)).toContain('capture.recovered')
    // A second start finds nothing left to do.
    expect(recoverEvidence(f.store, f.dataDir, f.now)).toEqual({
      adopted: [],
      quarantined: [],
      linked: [],
    })
  })

  it('finishes evidence for a held mention, and quarantines what no mention owns or was never finished', async () => {
    const f = await workflowFixture()
    const mentionId = f.mention('St Aldhelm’s is a disgrace', {}, { url: 'http://127.0.0.1:9/x' })
    // A finished capture elsewhere is copied in without its rows: a kill between files and rows.
    const other = await workflowFixture()
    other.mention('St Aldhelm’s is a disgrace', {}, { url: 'http://127.0.0.1:9/x' })
    const done = await captureMentionEvidence(
      recordDeps(other),
      other.store.mentions.get(mentionId)!,
      other.school,
      'Olu',
    )
    cpSync(join(evidenceRoot(other.dataDir), done.uuid), join(evidenceRoot(f.dataDir), done.uuid), {
      recursive: true,
    })
    // Files no capture owns (their mention is unknown here), and a capture still being written.
    await writeEvidence(f.dataDir, '00000000-0000-4000-8000-000000000001', [
      { name: 'capture.json', data: '{"uuid":"00000000-0000-4000-8000-000000000001"}', mime: 'x' },
    ])
    const staging = join(evidenceRoot(f.dataDir), '.incoming-00000000-0000-4000-8000-000000000002')
    cpSync(join(evidenceRoot(other.dataDir), done.uuid), staging, { recursive: true })

    const r = recoverEvidence(f.store, f.dataDir, f.now)
    expect(r.adopted).toEqual([done.uuid])
    expect(r.quarantined.sort()).toEqual([
      '.incoming-00000000-0000-4000-8000-000000000002',
      '00000000-0000-4000-8000-000000000001',
    ])
    const captures = capturesRepo(f.db)
    const c = captures.get(captures.allIds()[0])!
    expect(c).toMatchObject({ mentionId, uuid: done.uuid, error: done.error })
    expect(c.files).toEqual(done.files)
    expect(readdirSync(evidenceRoot(f.dataDir))).toEqual([done.uuid])
    expect(readdirSync(quarantineRoot(f.dataDir)).sort()).toEqual([
      '00000000-0000-4000-8000-000000000001',
      'incomplete-00000000-0000-4000-8000-000000000002',
    ])
    expect(actions(f).filter((a) => a === 'evidence.quarantined')).toHaveLength(2)
  })

  it('quarantines a folder whose files changed since capture.json, and leaves young folders alone', async () => {
    const f = await workflowFixture()
    const mentionId = f.mention('St Aldhelm’s is a disgrace', {}, { url: 'http://127.0.0.1:9/x' })
    const other = await workflowFixture()
    other.mention('St Aldhelm’s is a disgrace', {}, { url: 'http://127.0.0.1:9/x' })
    const done = await captureMentionEvidence(
      recordDeps(other),
      other.store.mentions.get(mentionId)!,
      other.school,
      'Olu',
    )
    const dir = join(evidenceRoot(f.dataDir), done.uuid)
    cpSync(join(evidenceRoot(other.dataDir), done.uuid), dir, { recursive: true })
    chmodSync(join(dir, 'mention.txt'), 0o644)
    writeFileSync(join(dir, 'mention.txt'), 'altered')
    // Just written (by the real clock): another process may be about to record it.
    const young = recoverEvidence(f.store, f.dataDir, () => new Date())
    expect(young).toEqual({ adopted: [], quarantined: [], linked: [] })
    utimesSync(dir, new Date(0), new Date(0))
    const r = recoverEvidence(f.store, f.dataDir, () => new Date())
    expect(r).toMatchObject({ adopted: [], quarantined: [done.uuid] })
    expect(existsSync(join(quarantineRoot(f.dataDir), done.uuid, 'mention.txt'))).toBe(true)
    expect(capturesRepo(f.db).allIds()).toEqual([])
  })
})

describe('start-up recovery of the database', () => {
  it('flags a reply cut off while posting, and leaves queued, failed and posted replies alone', async () => {
    const f = await workflowFixture()
    const lead = await f.signIn('orm_lead')
    const head = await f.signIn('head')
    const fb = f.source('facebook')
    const drafts: number[] = []
    for (let i = 0; i < 3; i++) {
      const mentionId = f.mention(
        `Complaint ${i}: the queue at pick-up is chaos.`,
        {
          sentiment: { label: 'negative', score: -0.5 },
        },
        { sourceId: fb.id },
      )
      const d = await f.service.call(
        'drafts.create',
        {
          mentionId,
          situation: 'complaint',
          body: CLEAN,
        },
        lead,
      )
      await f.service.call('drafts.submit', { id: d.id, version: 1 }, lead)
      await f.service.call('drafts.decide', { id: d.id, version: 1, decision: 'approved' }, head)
      await f.service.call('drafts.post', { id: d.id }, head)
      drafts.push(d.id)
    }
    // Draft 0 was claimed by the queue and the process died before the platform answered.
    expect(
      f.store.drafts.claimPost(drafts[0], new Date(f.clock.now() + 60_000).toISOString()),
    ).toBe(true)
    f.db
      .prepare(
        "INSERT INTO fetch_runs (source_id, started_at, status, items_found, items_new) VALUES (?, ?, 'running', 0, 0)",
      )
      .run(fb.id, f.now().toISOString())

    const r = recoverStore(f.store, f.now)
    expect(r).toEqual({ interruptedPosts: [drafts[0]], staleRuns: 1 })
    expect(f.store.drafts.get(drafts[0])).toMatchObject({
      status: 'approved',
      post_after: null,
      post_error: INTERRUPTED_POST,
    })
    // Still queued, untouched.
    for (const id of drafts.slice(1)) expect(f.store.drafts.get(id)!.post_after).not.toBeNull()
    expect(actions(f)).toContain('draft.post_interrupted')
    expect(
      f.db.prepare("SELECT count(*) AS n FROM fetch_runs WHERE status = 'running'").get(),
    ).toEqual({ n: 0 })
    // The head can check the platform and post it again.
    await f.service.call('drafts.post', { id: drafts[0] }, head)
    expect(f.store.drafts.get(drafts[0])!.post_error).toBeNull()
    expect(recoverStore(f.store, f.now)).toEqual({ interruptedPosts: [], staleRuns: 0 })
    expect(f.store.audit.verify().ok).toBe(true)
  })
})
