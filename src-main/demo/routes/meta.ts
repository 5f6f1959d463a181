// Runs in: CLI (Node). The school's own Facebook Page and Instagram account on a small Graph API:
// edges paged as {data, paging: {cursors: {before, after}, next}}, Page posts with updated_time
// moving when someone comments, comments with from / parent / is_hidden, Instagram comments with
// replies{...} expanded inline, replies posted as the account ({id}), hide/delete answering
// {success: true}, and errors as {error: {message, type, code, fbtrace_id}}.
import { DEMO_SECRETS } from '../credentials'
import { DEMO_ACCOUNTS } from '../school'
import type { DemoContent } from '../types'
import { json, published, readBody, type DemoRoute, type DemoView } from './http'

const MAX_PAGE = 25
const fbTime = (iso: string) => iso.replace(/\.\d{3}Z$/, '+0000').replace(/Z$/, '+0000')
const cursor = (i: number) => Buffer.from(`idx:${i}`).toString('base64')
const uncursor = (c: string | null) => {
  const m = c ? /^idx:(\d+)$/.exec(Buffer.from(c, 'base64').toString('utf8')) : null
  return m ? Number(m[1]) : 0
}

function page<T>(all: T[], url: URL, origin: string) {
  const limit = Math.min(Number(url.searchParams.get('limit') ?? '25') || 25, MAX_PAGE)
  const start = uncursor(url.searchParams.get('after'))
  const data = all.slice(start, start + limit)
  const paging: Record<string, unknown> = {
    cursors: { before: cursor(start), after: cursor(start + data.length) },
  }
  if (start + data.length < all.length) {
    const next = new URL(url.pathname + url.search, origin)
    next.searchParams.set('after', cursor(start + data.length))
    paging.next = next.href
  }
  return data.length ? { data, paging } : { data }
}

const fbLink = (postId: string, commentId?: string) =>
  `https://www.facebook.com/${postId.replace('_', '/posts/')}${commentId ? `?comment_id=${commentId.split('_')[1]}` : ''}`

export interface MetaState {
  /** Replies the school posted through the demo, in order. */
  replies: Array<{ to: string; message: string }>
}

export function metaRoutes(
  c: DemoContent,
  view: DemoView,
  origin: () => string,
  state: MetaState,
): DemoRoute[] {
  const fb = c.facebook
  const ig = c.instagram
  const error = (res: Parameters<DemoRoute['handler']>[1], message: string, code: number) =>
    json(res, 400, { error: { message, type: 'OAuthException', code, fbtrace_id: 'DemoTrace42' } })
  return [
    {
      match: /^\/v\d+\.\d+\//,
      handler: async (req, res, url) => {
        const method = req.method ?? 'GET'
        const [, , node, edge] = url.pathname.split('/')
        const form =
          method === 'GET' ? {} : Object.fromEntries(new URLSearchParams(await readBody(req)))
        const token =
          url.searchParams.get('access_token') ?? (form as Record<string, string>).access_token
        if (token !== DEMO_SECRETS['facebook.pageAccessToken'])
          return error(res, 'Error validating access token: The session is invalid.', 190)
        const now = view.now
        const fbComments = published(fb.comments, now)
        const igComments = published(ig.comments, now)

        if (
          method === 'GET' &&
          node === DEMO_ACCOUNTS.facebookPageId &&
          (edge === 'posts' || edge === 'feed')
        ) {
          const posts = published(fb.posts, now)
            .map((p) => {
              const last = fbComments
                .filter((k) => k.postId === p.id)
                .reduce((m, k) => (k.at > m ? k.at : m), p.at)
              return {
                id: p.id,
                message: p.message,
                created_time: fbTime(p.at),
                updated_time: fbTime(last),
                permalink_url: fbLink(p.id),
              }
            })
            .sort((a, b) => b.created_time.localeCompare(a.created_time))
          return json(res, 200, page(posts, url, origin()))
        }
        const post = fb.posts.find((p) => p.id === node)
        if (method === 'GET' && post && edge === 'comments') {
          const stream = url.searchParams.get('filter') === 'stream'
          const list = fbComments
            .filter((k) => k.postId === post.id && (stream || !k.parentId))
            .sort((a, b) => a.at.localeCompare(b.at))
          if (url.searchParams.get('order') === 'reverse_chronological') list.reverse()
          const out = list.map((k) => ({
            id: k.id,
            message: k.message,
            created_time: fbTime(k.at),
            ...(k.from ? { from: k.from } : {}),
            permalink_url: fbLink(k.postId, k.id),
            ...(k.parentId ? { parent: { id: k.parentId, created_time: fbTime(k.at) } } : {}),
            is_hidden: k.hidden,
          }))
          return json(res, 200, page(out, url, origin()))
        }
        if (method === 'GET' && node === DEMO_ACCOUNTS.instagramUserId && edge === 'media') {
          const media = published(ig.media, now)
            .sort((a, b) => b.at.localeCompare(a.at))
            .map((m) => ({
              id: m.id,
              caption: m.caption,
              timestamp: fbTime(m.at),
              permalink: `https://www.instagram.com/p/demo${m.id.slice(-6)}/`,
              comments_count: igComments.filter((k) => k.mediaId === m.id).length,
            }))
          return json(res, 200, page(media, url, origin()))
        }
        const igOut = (k: (typeof igComments)[number], withReplies: boolean) => {
          const out: Record<string, unknown> = {
            id: k.id,
            text: k.text,
            timestamp: fbTime(k.at),
            username: k.username,
            hidden: k.hidden,
          }
          if (k.parentId) out.parent_id = k.parentId
          const replies = igComments.filter((r) => r.parentId === k.id)
          if (withReplies && replies.length)
            out.replies = { data: replies.map((r) => igOut(r, false)) }
          return out
        }
        const media = ig.media.find((m) => m.id === node)
        if (method === 'GET' && media && edge === 'comments') {
          const top = igComments.filter((k) => k.mediaId === media.id && !k.parentId)
          const fields = url.searchParams.get('fields') ?? ''
          return json(
            res,
            200,
            page(
              top.map((k) => igOut(k, fields.includes('replies{'))),
              url,
              origin(),
            ),
          )
        }
        if (method === 'GET' && edge === 'replies') {
          return json(
            res,
            200,
            page(
              igComments.filter((k) => k.parentId === node).map((k) => igOut(k, false)),
              url,
              origin(),
            ),
          )
        }
        const fbc = fb.comments.find((k) => k.id === node)
        const igc = ig.comments.find((k) => k.id === node)
        if ((fbc || igc) && method === 'POST' && (edge === 'comments' || edge === 'replies')) {
          const message = (form as Record<string, string>).message ?? ''
          state.replies.push({ to: node, message })
          return json(res, 200, { id: `${node}_reply${state.replies.length}` })
        }
        if ((fbc || igc) && !edge && (method === 'POST' || method === 'DELETE')) {
          const f = form as Record<string, string>
          if (method === 'DELETE') return json(res, 200, { success: true })
          if (fbc && f.is_hidden !== undefined) fbc.hidden = f.is_hidden === 'true'
          else if (igc && f.hide !== undefined) igc.hidden = f.hide === 'true'
          else return error(res, '(#100) No fields to update', 100)
          return json(res, 200, { success: true })
        }
        return error(res, `(#100) Tried accessing nonexisting field (${edge ?? node})`, 100)
      },
    },
  ]
}
