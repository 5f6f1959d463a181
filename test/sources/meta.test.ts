// Runs in: tests (Node). The Facebook Page and Instagram connectors against the Graph stand-in
// on 127.0.0.1: posts → comments → replies with paging, the high-water mark, field mapping,
// hide/unhide/delete reaching the server with the right method and params, an expired token
// asking to reconnect, and Graph rate limits becoming rate_limited with the wait it announced.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import {
  addMetaRoutes,
  IG_USER_ID,
  META_TOKEN,
  PAGE_ID,
  type MetaSim,
} from '../fixtures/routes/meta'
import {
  COMMENT_FIELDS,
  createFacebookConnector,
  type FacebookConfig,
} from '../../src-main/sources/meta/facebook'
import {
  createInstagramConnector,
  IG_COMMENT_FIELDS,
  type InstagramConfig,
} from '../../src-main/sources/meta/instagram'
import type { Credentials } from '../../src-main/sources/meta/graph'
import type { ConnectorContext } from '../../src-main/sources/connector'
import { NOW, sourceError, testHttp } from './helpers'

let server: FixtureServer
let sim: MetaSim
beforeAll(async () => {
  server = await startFixtureServer()
})
afterAll(() => server.close())
beforeEach(() => {
  // A fresh Graph state per test; the newest route wins in the fixture server.
  sim = addMetaRoutes(server)
})

const vault = (entries: Record<string, string>): Credentials => ({
  get: async (name) => entries[name] ?? null,
})
const fbCreds = vault({ 'facebook.pageAccessToken': META_TOKEN })
const igCreds = vault({ 'instagram.accessToken': META_TOKEN })
const ctx = (): ConnectorContext => ({ http: testHttp().http, now: () => new Date(NOW) })
const actx = { http: testHttp().http }

const fb = createFacebookConnector(fbCreds)
const ig = createInstagramConnector(igCreds)
const fbConfig = (extra: Record<string, unknown> = {}): FacebookConfig =>
  fb.configSchema.parse({
    pageId: PAGE_ID,
    baseUrl: server.url,
    allowPrivateNetwork: true,
    ...extra,
  })
const igConfig = (extra: Record<string, unknown> = {}): InstagramConfig =>
  ig.configSchema.parse({
    igUserId: IG_USER_ID,
    baseUrl: server.url,
    allowPrivateNetwork: true,
    ...extra,
  })
const getsTo = (suffix: string) => sim.gets.filter((g) => g.path.endsWith(suffix))

describe('meta config schemas', () => {
  it('default the Graph version and host, and refuse non-HTTP base URLs', () => {
    const c = fb.configSchema.parse({ pageId: PAGE_ID })
    expect(c.graphVersion).toMatch(/^v\d+\.\d+$/)
    expect(c.baseUrl).toBe('https://graph.facebook.com')
    expect(() => fb.configSchema.parse({ pageId: PAGE_ID, baseUrl: 'ftp://x.example' })).toThrow()
    expect(() => ig.configSchema.parse({ igUserId: 'not digits' })).toThrow()
    expect(() => fb.configSchema.parse({ pageId: PAGE_ID, graphVersion: '26' })).toThrow()
    expect(fb.kind).toBe('facebook')
    expect(ig.kind).toBe('instagram')
  })

  it('keep the token out of the config', () => {
    const c = fb.configSchema.parse({ pageId: PAGE_ID, accessToken: 'EAAsecret' })
    expect(JSON.stringify(c)).not.toContain('EAAsecret')
  })
})

describe('Facebook Page connector', () => {
  it('walks posts → comments → replies across pages and maps the fields', async () => {
    const { items, state } = await fb.fetch(fbConfig(), {}, ctx())
    expect(items.map((i) => i.externalId)).toEqual([
      '900000003_304',
      '900000003_303',
      '900000003_302',
      '900000003_301',
      '900000002_201',
      '900000001_101',
    ])
    // Posts came in two pages and post 3's comments in two (page size 2 on the server).
    expect(getsTo(`/${PAGE_ID}/posts`)).toHaveLength(2)
    const p3 = getsTo(`/${PAGE_ID}_900000003/comments`)
    expect(p3).toHaveLength(2)
    expect(p3[1].query.after).toBeTruthy()
    expect(p3[0].query).toMatchObject({
      filter: 'stream',
      order: 'reverse_chronological',
      fields: 'id,message,created_time,from,permalink_url,parent,is_hidden',
      access_token: META_TOKEN,
    })
    expect(COMMENT_FIELDS).toBe(p3[0].query.fields)

    const reply = items.find((i) => i.externalId === '900000003_303')!
    expect(reply.text).toBe('Please message the office, Mark')
    expect(reply.author).toBe("St Aldhelm's")
    expect(reply.url).toBe(`https://www.facebook.com/${PAGE_ID}/posts/900000003?comment_id=303`)
    expect(reply.publishedAt).toBe('2025-03-04T18:00:00.000Z')
    expect(reply.title).toBe('Comment on: Year 6 trip to the coast!')
    expect(reply.meta).toMatchObject({
      platform: 'facebook',
      postId: `${PAGE_ID}_900000003`,
      parentId: '900000003_302',
      isReply: true,
      isHidden: false,
      authorId: '55500303',
    })
    const spam = items.find((i) => i.externalId === '900000003_304')!
    expect(spam.author).toBeNull()
    expect(spam.meta).toMatchObject({ isHidden: true, isReply: false })
    expect(state).toEqual({
      highWater: '2025-03-05T09:10:00.000Z',
      idsAtHighWater: ['900000003_304'],
    })
  })

  it('returns only comments newer than the high-water mark, and skips untouched posts', async () => {
    const first = await fb.fetch(fbConfig(), {}, ctx())
    const again = await fb.fetch(fbConfig(), first.state, ctx())
    expect(again.items).toEqual([])
    // Posts 1 and 2 had no comment since the mark (updated_time): their comments were not read.
    expect(getsTo(`/${PAGE_ID}_900000002/comments`)).toHaveLength(1)
    expect(getsTo(`/${PAGE_ID}_900000001/comments`)).toHaveLength(1)

    // One comment in the same second as the mark, one later on another post.
    sim.fbComments.push(
      {
        id: '900000003_305',
        postId: `${PAGE_ID}_900000003`,
        message: 'Same second',
        created_time: '2025-03-05T09:10:00+0000',
        from: { id: '1', name: 'A' },
        is_hidden: false,
      },
      {
        id: '900000002_202',
        postId: `${PAGE_ID}_900000002`,
        message: 'Is it in the hall?',
        created_time: '2025-03-05T11:00:00+0000',
        from: { id: '2', name: 'B' },
        parentId: '900000002_201',
        is_hidden: false,
      },
    )
    sim.posts[1].updated_time = '2025-03-05T11:00:00+0000'
    const third = await fb.fetch(fbConfig(), again.state, ctx())
    expect(third.items.map((i) => i.externalId).sort()).toEqual(['900000002_202', '900000003_305'])
    expect(third.state).toEqual({
      highWater: '2025-03-05T11:00:00.000Z',
      idsAtHighWater: ['900000002_202'],
    })
    expect(getsTo(`/${PAGE_ID}_900000001/comments`)).toHaveLength(1)
  })

  it('hides, unhides and deletes with POST is_hidden / DELETE, the token in the body', async () => {
    const config = fbConfig()
    await fb.hideComment(config, actx, '900000003_302', true)
    expect(sim.fbComments.find((c) => c.id === '900000003_302')!.is_hidden).toBe(true)
    await fb.hideComment(config, actx, '900000003_304', false)
    expect(sim.fbComments.find((c) => c.id === '900000003_304')!.is_hidden).toBe(false)
    await fb.deleteComment(config, actx, '900000003_301')
    expect(sim.writes.map((w) => [w.method, w.path, w.body.is_hidden])).toEqual([
      ['POST', '/v26.0/900000003_302', 'true'],
      ['POST', '/v26.0/900000003_304', 'false'],
      ['DELETE', '/v26.0/900000003_301', undefined],
    ])
    for (const w of sim.writes) {
      expect(w.body.access_token).toBe(META_TOKEN)
      expect(w.query.access_token).toBeUndefined()
    }
    const after = await fb.fetch(config, {}, ctx())
    expect(after.items.map((i) => i.externalId)).not.toContain('900000003_301')
    expect(after.items.find((i) => i.externalId === '900000003_302')!.meta?.isHidden).toBe(true)
    await expect(fb.deleteComment(config, actx, '../me/feed')).rejects.toThrow(/not a Graph/)
  })

  it('an expired token (Graph error 190) asks the school to reconnect, without leaking it', async () => {
    sim.fail = 'expired'
    const e = await sourceError(fb.fetch(fbConfig(), {}, ctx()))
    expect(e.code).toBe('auth')
    expect(e.message).toMatch(/Facebook access token expired.*190.*: reconnect$/)
    expect(e.url).not.toContain(META_TOKEN)
    expect(e.transient).toBe(false)
    const w = await sourceError(fb.hideComment(fbConfig(), actx, '900000003_302', true))
    expect(w.code).toBe('auth')
    expect(w.status).toBe(400)
    expect(w.message).toMatch(/reconnect$/)
  })

  it('a missing token is an auth error before any request', async () => {
    const none = createFacebookConnector(vault({}))
    const e = await sourceError(none.fetch(fbConfig(), {}, ctx()))
    expect(e.code).toBe('auth')
    expect(e.message).toBe('no Facebook access token saved: reconnect')
    await expect(none.deleteComment(fbConfig(), actx, '900000003_301')).rejects.toThrow(/reconnect/)
    expect(sim.gets).toHaveLength(0)
    expect(sim.writes).toHaveLength(0)
  })

  it('a Graph rate limit (code 32) is rate_limited, waiting as X-Business-Use-Case-Usage says', async () => {
    sim.fail = 'rate'
    const e = await sourceError(fb.fetch(fbConfig(), {}, ctx()))
    expect(e.code).toBe('rate_limited')
    expect(e.transient).toBe(true)
    expect(e.retryAfterMs).toBe(7 * 60_000)
    expect(e.message).toMatch(/Graph error 32.*calls 100%/)
    const w = await sourceError(fb.deleteComment(fbConfig(), actx, '900000003_301'))
    expect(w.code).toBe('rate_limited')
    expect(sim.fbComments.some((c) => c.id === '900000003_301')).toBe(true)
  })

  it('refuses a private address unless the source allows it, for reads and writes', async () => {
    const config = fbConfig({ allowPrivateNetwork: false })
    expect((await sourceError(fb.fetch(config, {}, ctx()))).code).toBe('private_address')
    expect((await sourceError(fb.hideComment(config, actx, '900000003_302', true))).code).toBe(
      'private_address',
    )
    expect(sim.gets).toHaveLength(0)
    expect(sim.writes).toHaveLength(0)
  })
})

describe('Instagram connector', () => {
  it('walks media → comments → inline and paged replies and maps the fields', async () => {
    const { items, state } = await ig.fetch(igConfig(), {}, ctx())
    expect(items.map((i) => i.externalId)).toEqual([
      '17900000000001001',
      '17900000000001002',
      '17900000000001003',
      '17900000000001004',
      '17900000000001005',
      '17900000000001006',
    ])
    const comments = getsTo('/18000000000000002/comments')
    expect(comments).toHaveLength(2)
    expect(comments[0].query.fields).toBe(
      'id,text,timestamp,username,hidden,parent_id,replies{id,text,timestamp,username,hidden,parent_id}',
    )
    expect(IG_COMMENT_FIELDS).toBe(comments[0].query.fields)
    // The third reply did not fit inline: it came from /{comment-id}/replies.
    expect(getsTo('/17900000000001001/replies')).toHaveLength(1)
    // Media with no comments is not asked.
    expect(getsTo('/18000000000000001/comments')).toHaveLength(0)

    const reply = items.find((i) => i.externalId === '17900000000001004')!
    expect(reply.author).toBe('@mum_of_3')
    expect(reply.authorUrl).toBe('https://www.instagram.com/mum_of_3/')
    expect(reply.url).toBe('https://www.instagram.com/p/000002/')
    expect(reply.publishedAt).toBe('2025-03-04T13:00:00.000Z')
    expect(reply.meta).toMatchObject({ parentId: '17900000000001001', isReply: true })
    const spam = items.find((i) => i.externalId === '17900000000001005')!
    expect(spam.meta).toMatchObject({ isHidden: true, isReply: false, platform: 'instagram' })
    expect(state).toMatchObject({ highWater: '2025-03-04T15:00:00.000Z' })
  })

  it('returns only comments newer than the high-water mark', async () => {
    const first = await ig.fetch(igConfig(), {}, ctx())
    expect((await ig.fetch(igConfig(), first.state, ctx())).items).toEqual([])
    sim.igComments.push({
      id: '17900000000001007',
      mediaId: '18000000000000002',
      text: 'Well done all',
      timestamp: '2025-03-05T08:00:00+0000',
      username: 'head_of_pta',
      hidden: false,
      parentId: '17900000000001006',
    })
    const next = await ig.fetch(igConfig(), first.state, ctx())
    expect(next.items.map((i) => i.externalId)).toEqual(['17900000000001007'])
    expect(next.items[0].meta?.parentId).toBe('17900000000001006')
  })

  it('hides with POST hide=true|false and deletes with DELETE', async () => {
    const config = igConfig()
    await ig.hideComment(config, actx, '17900000000001006', true)
    expect(sim.igComments.find((c) => c.id === '17900000000001006')!.hidden).toBe(true)
    await ig.hideComment(config, actx, '17900000000001005', false)
    expect(sim.igComments.find((c) => c.id === '17900000000001005')!.hidden).toBe(false)
    await ig.deleteComment(config, actx, '17900000000001001')
    expect(sim.writes.map((w) => [w.method, w.path, w.body.hide])).toEqual([
      ['POST', '/v26.0/17900000000001006', 'true'],
      ['POST', '/v26.0/17900000000001005', 'false'],
      ['DELETE', '/v26.0/17900000000001001', undefined],
    ])
    expect(sim.igComments.some((c) => c.id === '17900000000001001')).toBe(false)
  })

  it('expired token → auth reconnect; rate limit → rate_limited', async () => {
    sim.fail = 'expired'
    const e = await sourceError(ig.fetch(igConfig(), {}, ctx()))
    expect(e.code).toBe('auth')
    expect(e.message).toMatch(/^Instagram access token expired.*: reconnect$/)
    sim.fail = 'rate'
    const r = await sourceError(ig.hideComment(igConfig(), actx, '17900000000001006', true))
    expect(r.code).toBe('rate_limited')
    expect(r.retryAfterMs).toBe(7 * 60_000)
  })
})
