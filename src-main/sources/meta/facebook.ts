/**
 * Runs in: main process and CLI (Node). Facebook Page comments on the school's own Page, with a
 * Page access token from the credential store: the Page's recent posts, then each post's
 * comments and replies (filter=stream returns both, a reply carrying `parent`), newest first, and
 * only those newer than the last run's high-water mark. hideComment/deleteComment let the
 * workflow act on abuse, spam, personal data and adverts on the school's own channel, once the
 * evidence has been captured. Docs: graph-api/reference/page/feed, page-post/comments, comment.
 */
import { NO_CREDENTIALS } from '../credentials'
import type { Connector, ConnectorContext } from '../connector'
import type { FetchedItem } from '../types'
import { DEFAULT_INTERVAL_MINUTES } from '../../contract/sources'
import { FacebookConfig } from '../../contract/connectors'
import {
  graphPages,
  firstEntries,
  graphTime,
  graphUrl,
  graphWrite,
  HighWater,
  requireToken,
  type ActionContext,
  type Credentials,
  type GraphPlatform,
} from './graph'
import { httpUrlOrNull, idOrNull, objectOr, textOrNull } from '../payload'

export type { Credentials, ActionContext } from './graph'

export const FACEBOOK: GraphPlatform = {
  label: 'Facebook',
  credentialName: 'facebook.pageAccessToken',
}

export const facebookConfigSchema = FacebookConfig
export type { FacebookConfig }

/** Page-post fields we read; updated_time moves when someone comments, so old posts are skipped. */
const POST_FIELDS = 'id,message,created_time,updated_time,permalink_url'
/** The fields the brief asks for, as named on the Comment node reference. */
export const COMMENT_FIELDS = 'id,message,created_time,from,permalink_url,parent,is_hidden'
const PAGE_SIZE = '25'
const COMMENT_PAGE_SIZE = '100'
const MAX_COMMENT_PAGES = 20

interface FbPost {
  id: string
  message?: string
  created_time?: string
  updated_time?: string
  permalink_url?: string
}

export interface FbComment {
  id: string
  message?: string
  created_time?: string
  from?: { id?: string; name?: string }
  permalink_url?: string
  parent?: { id?: string }
  is_hidden?: boolean
}

export function toFacebookItem(c: FbComment, post: FbPost): FetchedItem {
  const postText = (textOrNull(post.message) ?? '').replace(/\s+/g, ' ').trim()
  const from = objectOr(c.from)
  return {
    externalId: c.id,
    url: httpUrlOrNull(c.permalink_url) ?? httpUrlOrNull(post.permalink_url),
    title: postText ? `Comment on: ${postText.slice(0, 80)}` : 'Comment on a Page post',
    text: textOrNull(c.message) ?? '',
    // `from` is missing when the commenter's privacy settings withhold it.
    author: idOrNull(from.name),
    authorUrl: null,
    publishedAt: graphTime(c.created_time),
    raw: c,
    meta: {
      platform: 'facebook',
      postId: post.id,
      postUrl: httpUrlOrNull(post.permalink_url),
      parentId: idOrNull(objectOr(c.parent).id),
      isReply: idOrNull(objectOr(c.parent).id) !== null,
      isHidden: c.is_hidden === true,
      authorId: idOrNull(from.id),
    },
  }
}

export interface FacebookConnector extends Connector<FacebookConfig> {
  /** Hide (true) or unhide (false) a comment on the Page: POST /{comment-id} is_hidden. */
  hideComment(
    config: FacebookConfig,
    actx: ActionContext,
    id: string,
    hidden: boolean,
  ): Promise<void>
  /** Delete a comment on the Page: DELETE /{comment-id}. Capture the evidence first. */
  deleteComment(config: FacebookConfig, actx: ActionContext, id: string): Promise<void>
  /** The approved reply, posted as the account: POST /{comment-id}/comments message. Answers with the new comment's id. */
  replyToComment(
    config: FacebookConfig,
    actx: ActionContext,
    id: string,
    message: string,
  ): Promise<{ id: string | null }>
}

/** A node id we splice into a path: no '/', no '..'. */
const GRAPH_ID = /^[0-9A-Za-z_-]+$/

function commentId(id: string): string {
  // The id becomes a path segment: refuse anything that could walk to another node.
  if (!/^[0-9A-Za-z_.-]+$/.test(id)) throw new Error(`not a Graph comment id: ${id}`)
  return id
}

export function createFacebookConnector(
  credentials: Credentials = NO_CREDENTIALS,
): FacebookConnector {
  async function fetchComments(
    config: FacebookConfig,
    state: Record<string, unknown>,
    ctx: ConnectorContext,
  ) {
    const postsUrl = graphUrl(config, `${config.pageId}/posts`, {
      fields: POST_FIELDS,
      limit: PAGE_SIZE,
    })
    const token = await requireToken(ctx.credentials ?? credentials, FACEBOOK, postsUrl.href)
    const mark = new HighWater(state)
    const posts = await firstEntries<FbPost>(
      postsUrl,
      token,
      config,
      ctx,
      FACEBOOK,
      config.maxPosts,
    )
    const items: FetchedItem[] = []
    for (const post of posts) {
      // A post without a usable id has no comments edge to read.
      if (!post || typeof post !== 'object' || !GRAPH_ID.test(String(post.id))) continue
      const updated = graphTime(post.updated_time)
      // No comment since the last run: updated_time is older than the mark.
      if (mark.previous !== null && updated && Date.parse(updated) < mark.previous) continue
      const url = graphUrl(config, `${post.id}/comments`, {
        filter: 'stream',
        order: 'reverse_chronological',
        fields: COMMENT_FIELDS,
        limit: COMMENT_PAGE_SIZE,
      })
      for await (const page of graphPages<FbComment>(
        url,
        token,
        config,
        ctx,
        FACEBOOK,
        MAX_COMMENT_PAGES,
      )) {
        let sawOlder = false
        for (const c of page) {
          if (!c || !idOrNull(c.id)) continue
          const at = graphTime(c.created_time)
          if (mark.admit(c.id, at)) items.push(toFacebookItem(c, post))
          else sawOlder = true
        }
        // Newest first: once a page reaches below the mark, later pages are older still.
        if (sawOlder) break
      }
    }
    return { items, state: { ...mark.toState() }, notModified: false }
  }

  async function write(
    config: FacebookConfig,
    actx: ActionContext,
    method: 'POST' | 'DELETE',
    id: string,
    params: Record<string, string>,
    edge = '',
  ) {
    const url = graphUrl(config, commentId(id) + edge, {})
    const token = await requireToken(actx.credentials ?? credentials, FACEBOOK, url.href)
    return graphWrite(method, url, params, token, config, actx, FACEBOOK)
  }

  return {
    kind: 'facebook',
    configSchema: facebookConfigSchema,
    defaultIntervalMinutes: DEFAULT_INTERVAL_MINUTES.facebook,
    fetch: fetchComments,
    async hideComment(config, actx, id, hidden) {
      await write(config, actx, 'POST', id, { is_hidden: hidden ? 'true' : 'false' })
    },
    async deleteComment(config, actx, id) {
      await write(config, actx, 'DELETE', id, {})
    },
    async replyToComment(config, actx, id, message) {
      const body = await write(config, actx, 'POST', id, { message }, '/comments')
      return { id: typeof body.id === 'string' ? body.id : null }
    },
  }
}
