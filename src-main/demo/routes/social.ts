// Runs in: CLI (Node). X API v2 recent search and a Bluesky PDS, in their real shapes.
// X: GET /2/tweets/search/recent → {data, includes.users, meta{newest_id, oldest_id, result_count,
// next_token}} with x-rate-limit-* headers, newest first, since_id honoured; the query's quoted
// phrases are what is searched for. Bluesky: com.atproto.server.createSession / refreshSession and
// app.bsky.feed.searchPosts (q, since, limit, cursor) → {cursor?, hitsTotal, posts[]}.
import { DEMO_SECRETS } from '../credentials'
import type { DemoContent } from '../types'
import { bearer, json, published, readBody, type DemoRoute, type DemoView } from './http'

/** The quoted phrases of an X or Bluesky query ("a" OR "b" -"c"), lower-cased; exclusions apart. */
export function phrasesOf(query: string): { want: string[]; not: string[] } {
  const want: string[] = []
  const not: string[] = []
  for (const m of query.matchAll(/(-?)"([^"]+)"/g)) (m[1] ? not : want).push(m[2].toLowerCase())
  if (!want.length && !/"/.test(query)) {
    const bare = query
      .replace(/\s-\S+/g, '')
      .trim()
      .toLowerCase()
    if (bare) want.push(bare)
  }
  return { want, not }
}

const hits = (text: string, q: { want: string[]; not: string[] }) => {
  const t = text.toLowerCase()
  return q.want.some((w) => t.includes(w)) && !q.not.some((n) => t.includes(n))
}

export function xRoutes(c: DemoContent, view: DemoView): DemoRoute[] {
  const reset = () => String(Math.floor(Date.now() / 1000) + 900)
  return [
    {
      match: '/2/tweets/search/recent',
      handler: (req, res, url) => {
        const limits = {
          'x-rate-limit-limit': '450',
          'x-rate-limit-remaining': '449',
          'x-rate-limit-reset': reset(),
        }
        if (bearer(req) !== DEMO_SECRETS['x.bearerToken'])
          return json(
            res,
            401,
            { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' },
            limits,
          )
        const q = url.searchParams
        const query = q.get('query') ?? ''
        if (!query)
          return json(
            res,
            400,
            {
              title: 'Invalid Request',
              detail: 'query is required',
              errors: [{ message: 'query is required' }],
            },
            limits,
          )
        const phrases = phrasesOf(query)
        const sinceId = q.get('since_id')
        const matching = published(c.x, view.now)
          .filter((t) => hits(t.text, phrases) && (!sinceId || BigInt(t.id) > BigInt(sinceId)))
          .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
        const size = Math.min(100, Math.max(10, Number(q.get('max_results') ?? 10)))
        const offset = Number(/^n(\d+)$/.exec(q.get('next_token') ?? '')?.[1] ?? 0)
        const page = matching.slice(offset, offset + size)
        if (!page.length) return json(res, 200, { meta: { result_count: 0 } }, limits)
        const users = new Map(
          page.map((t) => [
            t.username,
            { id: `u-${t.username}`, username: t.username, name: t.name },
          ]),
        )
        json(
          res,
          200,
          {
            data: page.map((t) => ({
              id: t.id,
              text: t.text,
              created_at: t.at,
              author_id: `u-${t.username}`,
              lang: 'en',
              conversation_id: t.id,
              public_metrics: {
                retweet_count: 0,
                reply_count: 0,
                like_count: t.text.length % 7,
                quote_count: 0,
              },
            })),
            includes: { users: [...users.values()] },
            meta: {
              newest_id: page[0].id,
              oldest_id: page[page.length - 1].id,
              result_count: page.length,
              ...(offset + size < matching.length ? { next_token: `n${offset + size}` } : {}),
            },
          },
          limits,
        )
      },
    },
  ]
}

export function blueskyRoutes(c: DemoContent, view: DemoView): DemoRoute[] {
  let issued = 0
  const tokens = new Set<string>()
  const session = () => {
    issued++
    const pair = { accessJwt: `demo-access-${issued}`, refreshJwt: `demo-refresh-${issued}` }
    tokens.add(pair.accessJwt)
    tokens.add(pair.refreshJwt)
    return {
      did: 'did:plc:hollowmeredemo',
      handle: DEMO_SECRETS['bluesky.handle'],
      ...pair,
      active: true,
    }
  }
  return [
    {
      match: '/xrpc/com.atproto.server.createSession',
      handler: async (req, res) => {
        let body: Record<string, unknown> = {}
        try {
          body = JSON.parse(await readBody(req)) as Record<string, unknown>
        } catch {
          // An empty or broken body is a wrong password, as far as the PDS is concerned.
        }
        if (
          body.identifier !== DEMO_SECRETS['bluesky.handle'] ||
          body.password !== DEMO_SECRETS['bluesky.appPassword']
        )
          return json(res, 401, {
            error: 'AuthenticationRequired',
            message: 'Invalid identifier or password',
          })
        json(res, 200, session())
      },
    },
    {
      match: '/xrpc/com.atproto.server.refreshSession',
      handler: (req, res) => {
        if (!tokens.has(bearer(req)))
          return json(res, 401, { error: 'InvalidToken', message: 'Token could not be verified' })
        json(res, 200, session())
      },
    },
    {
      match: '/xrpc/app.bsky.feed.searchPosts',
      handler: (req, res, url) => {
        if (!tokens.has(bearer(req)))
          return json(res, 401, { error: 'AuthenticationRequired', message: 'Invalid token' })
        const q = url.searchParams
        const phrases = phrasesOf(q.get('q') ?? '')
        if (!phrases.want.length)
          return json(res, 400, { error: 'BadQueryString', message: 'q is required' })
        const since = q.get('since')
        const limit = Math.min(100, Math.max(1, Number(q.get('limit') ?? 25)))
        const offset = Number(q.get('cursor') ?? 0)
        const all = published(c.bluesky, view.now)
          .filter((p) => hits(p.text, phrases) && (!since || p.at >= since))
          .sort((a, b) => b.at.localeCompare(a.at))
        const posts = all.slice(offset, offset + limit).map((p) => ({
          uri: `at://did:plc:${p.handle.split('.')[0]}/app.bsky.feed.post/${p.rkey}`,
          cid: `bafydemo${p.rkey}`,
          author: {
            did: `did:plc:${p.handle.split('.')[0]}`,
            handle: p.handle,
            displayName: p.displayName,
          },
          record: { $type: 'app.bsky.feed.post', text: p.text, createdAt: p.at },
          indexedAt: p.at,
        }))
        json(res, 200, {
          ...(offset + limit < all.length ? { cursor: String(offset + limit) } : {}),
          hitsTotal: all.length,
          posts,
        })
      },
    },
  ]
}
