// Runs in: Vitest (Node). Moderation after approval: a removal notice that hides or deletes the original
// Facebook or Instagram comment, approved by the head, waits out the same 30-second undo window and
// then reaches the Graph API (the fixture server's stand-in, with the real API's shapes) through the
// real connector poster. A delete is refused until the mention's evidence has been captured; other
// platforms get the manual route; every step is audited.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CaptureError } from '../../src-main/capture/errors'
import { captureMentionEvidence } from '../../src-main/capture/mention'
import { capturesRepo } from '../../src-main/store/repos/captures'
import { connectorPoster, EVIDENCE_FIRST, UNDO_WINDOW_MS } from '../../src-main/workflow/posting'
import {
  addMetaRoutes,
  IG_USER_ID,
  META_TOKEN,
  PAGE_ID,
  type MetaSim,
} from '../fixtures/routes/meta'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import { testHttp } from '../sources/helpers'
import { auditRows, workflowFixture, type WorkflowFixture } from '../helpers/workflow'

let server: FixtureServer
let sim: MetaSim
beforeAll(async () => {
  server = await startFixtureServer()
})
afterAll(() => server.close())
beforeEach(() => {
  sim = addMetaRoutes(server)
})

const NOTICE =
  'We have removed a comment from this post because it included personal information. Please keep ' +
  'comments kind and respectful. Any concerns: 01632 960123 or office@st-aldhelms.sch.uk.\n' +
  'The team at St Aldhelm’s'
const ABUSE = {
  sentiment: { label: 'negative' as const, score: -0.8 },
  flags: ['abuse'],
  priority: 'high' as const,
}

async function setup() {
  const credentials = {
    get: async (name: string) =>
      name === 'facebook.pageAccessToken' || name === 'instagram.accessToken' ? META_TOKEN : null,
  }
  const f = await workflowFixture({
    post: connectorPoster(() => ({ http: testHttp().http, credentials })),
  })
  const at = f.now().toISOString()
  const fb = f.store.sources.create(
    {
      kind: 'facebook',
      name: 'School Facebook Page',
      schoolId: f.school.id,
      intervalMinutes: 60,
      config: { pageId: PAGE_ID, baseUrl: server.url, allowPrivateNetwork: true },
    },
    at,
  )
  const ig = f.store.sources.create(
    {
      kind: 'instagram',
      name: 'School Instagram',
      schoolId: f.school.id,
      intervalMinutes: 60,
      config: { igUserId: IG_USER_ID, baseUrl: server.url, allowPrivateNetwork: true },
    },
    at,
  )
  const lead = await f.signIn('orm_lead', { name: 'Olu Lead' })
  const head = await f.signIn('head', { name: 'Helen Okafor' })
  return { ...f, fb, ig, lead, head }
}
type Setup = Awaited<ReturnType<typeof setup>>

/** A comment from the Graph stand-in, stored as the connector stores it. */
function comment(s: Setup, sourceId: number, externalId: string): number {
  const id = s.store.mentions.insert(
    {
      sourceId,
      schoolId: s.school.id,
      externalId,
      url: `https://www.facebook.com/${externalId}`,
      canonicalUrl: null,
      title: null,
      author: 'A commenter',
      authorUrl: null,
      publishedAt: null,
      text: 'You lot at St Aldhelms are useless idiots',
      raw: null,
      meta: {},
      matchedAlias: "St Aldhelm's",
      contentHash: `hash-${externalId}`,
      duplicateOf: null,
    },
    s.now().toISOString(),
  )!
  s.store.analyses.put(
    id,
    { engine: 'builtin', engineVersion: 'test', owner: 'head', evidence: [], ...ABUSE },
    s.now().toISOString(),
  )
  return id
}

/** A removal notice on the mention carrying `moderation`, submitted and approved by the head. */
async function approvedNotice(s: Setup, mentionId: number, moderation: 'hide' | 'delete') {
  const d = await s.service.call(
    'drafts.create',
    { mentionId, situation: 'removal_notice', body: NOTICE },
    s.lead,
  )
  const set = await s.service.call(
    'drafts.setModeration',
    { id: d.id, version: 1, moderation },
    s.lead,
  )
  expect(set.moderation).toBe(moderation)
  await s.service.call('drafts.submit', { id: d.id, version: 1 }, s.lead)
  return s.service.call('drafts.decide', { id: d.id, version: 1, decision: 'approved' }, s.head)
}

/** Evidence kept without a browser: the capture fails (none here) and keeps the mention's text. */
async function keepEvidence(s: WorkflowFixture, mentionId: number) {
  return captureMentionEvidence(
    {
      store: s.store,
      captures: capturesRepo(s.db),
      dataDir: s.dataDir,
      appVersion: 'test',
      now: s.now,
      page: {
        lookup: async () => ['93.184.216.34'],
        launcher: async () => {
          throw new CaptureError('no_browser', 'No browser in this test')
        },
      },
    },
    s.store.mentions.get(mentionId)!,
    s.school,
    'test',
  )
}

describe('hiding a comment after approval', () => {
  it('goes through the undo window, then hides the Facebook comment once, audited', async () => {
    const s = await setup()
    const mentionId = comment(s, s.fb.id, '900000003_302')
    const draft = await approvedNotice(s, mentionId, 'hide')
    expect(draft.route).toMatchObject({ kind: 'connector' })
    expect(draft.route.label).toMatch(/hides the comment on Facebook/)

    const queued = await s.service.call('drafts.post', { id: draft.id }, s.lead)
    expect(queued.postAfter).toBe(new Date(s.clock.now() + UNDO_WINDOW_MS).toISOString())
    await s.clock.advance(UNDO_WINDOW_MS - 1000)
    expect(await s.service.postQueue.runDue()).toBe(0)
    expect(sim.writes).toEqual([])
    await s.clock.advance(1000)
    expect(await s.service.postQueue.runDue()).toBe(1)
    expect(sim.writes.map((w) => [w.method, w.path, w.body.is_hidden])).toEqual([
      ['POST', '/v26.0/900000003_302', 'true'],
    ])
    expect(sim.writes[0].body.access_token).toBe(META_TOKEN)
    expect(sim.fbComments.find((c) => c.id === '900000003_302')!.is_hidden).toBe(true)
    const done = (await s.service.call('mentions.get', { id: mentionId }, s.lead)).drafts[0]
    expect(done).toMatchObject({ status: 'posted', moderation: 'hide', postError: null })

    const actions = auditRows(s).map((r) => r.action)
    expect(actions).toEqual(
      expect.arrayContaining([
        'draft.moderation',
        'draft.approved',
        'draft.posted',
        'comment.hidden',
      ]),
    )
    const hidden = auditRows(s).find((r) => r.action === 'comment.hidden')!
    expect(hidden).toMatchObject({ entity: 'mention', entity_id: String(mentionId) })
  })

  it('hides an Instagram comment with hide=true', async () => {
    const s = await setup()
    const mentionId = comment(s, s.ig.id, '17900000000001006')
    const draft = await approvedNotice(s, mentionId, 'hide')
    await s.service.call('drafts.post', { id: draft.id }, s.lead)
    await s.clock.advance(UNDO_WINDOW_MS)
    expect(await s.service.postQueue.runDue()).toBe(1)
    expect(sim.writes.map((w) => [w.method, w.path, w.body.hide])).toEqual([
      ['POST', '/v26.0/17900000000001006', 'true'],
    ])
  })
})

describe('deleting a comment after approval', () => {
  it('is refused until the evidence is captured, then deletes after the undo window', async () => {
    const s = await setup()
    const mentionId = comment(s, s.fb.id, '900000003_301')
    const draft = await approvedNotice(s, mentionId, 'delete')
    expect(await s.service.dispatch('drafts.post', { id: draft.id }, s.lead)).toEqual({
      ok: false,
      error: { code: 'conflict', message: EVIDENCE_FIRST, field: 'moderation' },
    })
    await keepEvidence(s, mentionId)
    // Undone inside the window: nothing reaches Facebook.
    await s.service.call('drafts.post', { id: draft.id }, s.lead)
    await s.service.call('drafts.undoPost', { id: draft.id }, s.lead)
    await s.clock.advance(UNDO_WINDOW_MS)
    expect(await s.service.postQueue.runDue()).toBe(0)
    expect(sim.writes).toEqual([])

    await s.service.call('drafts.post', { id: draft.id }, s.lead)
    await s.clock.advance(UNDO_WINDOW_MS)
    expect(await s.service.postQueue.runDue()).toBe(1)
    expect(sim.writes.map((w) => [w.method, w.path])).toEqual([['DELETE', '/v26.0/900000003_301']])
    expect(sim.fbComments.some((c) => c.id === '900000003_301')).toBe(false)
    expect(auditRows(s).filter((r) => r.action === 'comment.deleted')).toHaveLength(1)
  })

  it('is refused when the evidence no longer matches its hashes', async () => {
    const s = await setup()
    const mentionId = comment(s, s.fb.id, '900000003_301')
    const capture = await keepEvidence(s, mentionId)
    const { chmodSync, writeFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { evidenceDir } = await import('../../src-main/capture/evidence')
    const dir = evidenceDir(s.dataDir, capture.uuid)
    chmodSync(dir, 0o755)
    chmodSync(join(dir, 'mention.txt'), 0o644)
    writeFileSync(join(dir, 'mention.txt'), 'edited')
    const draft = await approvedNotice(s, mentionId, 'delete')
    const r = await s.service.dispatch('drafts.post', { id: draft.id }, s.lead)
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(!r.ok && r.error.message).toMatch(/mention.txt changed/)
    expect(sim.writes).toEqual([])
  })
})

describe('what a moderation may be set on', () => {
  it('only removal notices, only before submission', async () => {
    const s = await setup()
    const mentionId = comment(s, s.fb.id, '900000003_302')
    const reply = await s.service.call(
      'drafts.create',
      { mentionId, situation: 'complaint', body: NOTICE },
      s.lead,
    )
    expect(
      await s.service.dispatch(
        'drafts.setModeration',
        { id: reply.id, version: 1, moderation: 'hide' },
        s.lead,
      ),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'moderation' } })
    const approved = await approvedNotice(s, mentionId, 'hide')
    const r = await s.service.dispatch(
      'drafts.setModeration',
      { id: approved.id, version: 1, moderation: 'delete' },
      s.lead,
    )
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(!r.ok && r.error.message).toMatch(/only while it is a draft/)
    const viewer = await s.signIn('viewer')
    expect(
      await s.service.dispatch(
        'drafts.setModeration',
        { id: reply.id, version: 1, moderation: null },
        viewer,
      ),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('other platforms get the manual route: open the post, act, record it done', async () => {
    const s = await setup()
    const mentionId = s.mention('Nasty comment about St Aldhelms staff', ABUSE)
    const draft = await approvedNotice(s, mentionId, 'hide')
    expect(draft.route).toMatchObject({
      kind: 'manual',
      openUrl: s.store.mentions.get(mentionId)!.url,
    })
    expect(draft.route.label).toMatch(/hide the comment on the platform/)
    expect(await s.service.dispatch('drafts.post', { id: draft.id }, s.lead)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
    const done = await s.service.call(
      'drafts.recordPosted',
      { id: draft.id, url: 'https://gazette.example/comments/1' },
      s.lead,
    )
    expect(done.status).toBe('posted')
    expect(sim.writes).toEqual([])
  })
})
