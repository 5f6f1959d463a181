/**
 * Runs in: main process and CLI (Node). Instagram comments on the school's own professional
 * account (Instagram API with Facebook Login, graph.facebook.com): the account's recent media,
 * then each media's comments with their replies expanded inline, only those newer than the last
 * run's high-water mark. hideComment/deleteComment act on abuse, spam, personal data and adverts
 * once the evidence has been captured. Docs: instagram-platform comment-moderation, ig-comment,
 * ig-comment/replies, ig-user/media.
 */
import { NO_CREDENTIALS } from '../credentials'
import type { Connector, ConnectorContext } from '../connector'
import type { FetchedItem } from '../types'
import { DEFAULT_INTERVAL_MINUTES } from '../../contract/sources'
import { InstagramConfig } from '../../contract/connectors'
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
  type GraphPage,
  type GraphPlatform,
} from './graph'
import { arrayOr, encodePart, httpUrlOrNull, idOrNull, objectOr, textOrNull } from '../payload'

export type { Credentials, ActionContext } from './graph'

export const INSTAGRAM: GraphPlatform = {
  label: 'Instagram',
  credentialName: 'instagram.accessToken',
}

export const instagramConfigSchema = InstagramConfig
export type { InstagramConfig }

const MEDIA_FIELDS = 'id,caption,permalink,timestamp,comments_count'
const REPLY_FIELDS = 'id,text,timestamp,username,hidden,parent_id'
export const IG_COMMENT_FIELDS = `${REPLY_FIELDS},replies{${REPLY_FIELDS}}`
const PAGE_SIZE = '25'
const COMMENT_PAGE_SIZE = '50'
const MAX_COMMENT_PAGES = 20

interface IgMedia {
  id: string
  caption?: string
  permalink?: string
  timestamp?: string
  comments_count?: number
}

export interface IgComment {
  id: string
  text?: string
  timestamp?: string
  username?: string
  hidden?: boolean
  parent_id?: string
  replies?: GraphPage<IgComment>
}

export function toInstagramItem(
  c: IgComment,
  media: IgMedia,
  parentId: string | null,
): FetchedItem {
  const caption = (textOrNull(media.caption) ?? '').replace(/\s+/g, ' ').trim()
  const { replies: _replies, ...own } = c
  const username = idOrNull(c.username)
  return {
    externalId: c.id,
    // Instagram gives comments no permalink of their own: the media's is the closest link.
    url: httpUrlOrNull(media.permalink),
    title: caption ? `Comment on: ${caption.slice(0, 80)}` : 'Comment on an Instagram post',
    text: textOrNull(c.text) ?? '',
    author: username ? `@${username}` : null,
    authorUrl: username ? `https://www.instagram.com/${encodePart(username)}/` : null,
    publishedAt: graphTime(c.timestamp),
    raw: own,
    meta: {
      platform: 'instagram',
      mediaId: media.id,
      mediaUrl: httpUrlOrNull(media.permalink),
      parentId: parentId ?? idOrNull(c.parent_id),
      isReply: Boolean(parentId ?? idOrNull(c.parent_id)),
      isHidden: c.hidden === true,
    },
  }
}

export interface InstagramConnector extends Connector<InstagramConfig> {
  /** Hide (true) or unhide (false): POST /{ig-comment-id} hide. */
  hideComment(
    config: InstagramConfig,
    actx: ActionContext,
    id: string,
    hidden: boolean,
  ): Promise<void>
  /** DELETE /{ig-comment-id}. Capture the evidence first. */
  deleteComment(config: InstagramConfig, actx: ActionContext, id: string): Promise<void>
  /** The approved reply, posted as the account: POST /{ig-comment-id}/replies message (top-level comments only). Answers with the new comment's id. */
  replyToComment(
    config: InstagramConfig,
    actx: ActionContext,
    id: string,
    message: string,
  ): Promise<{ id: string | null }>
}

function commentId(id: string): string {
  if (!/^[0-9]+$/.test(id)) throw new Error(`not an Instagram comment id: ${id}`)
  return id
}

export function createInstagramConnector(
  credentials: Credentials = NO_CREDENTIALS,
): InstagramConnector {
  async function fetchComments(
    config: InstagramConfig,
    state: Record<string, unknown>,
    ctx: ConnectorContext,
  ) {
    const mediaUrl = graphUrl(config, `${config.igUserId}/media`, {
      fields: MEDIA_FIELDS,
      limit: PAGE_SIZE,
    })
    const token = await requireToken(ctx.credentials ?? credentials, INSTAGRAM, mediaUrl.href)
    const mark = new HighWater(state)
    const media = await firstEntries<IgMedia>(
      mediaUrl,
      token,
      config,
      ctx,
      INSTAGRAM,
      config.maxMedia,
    )
    const items: FetchedItem[] = []
    const take = (c: IgComment, m: IgMedia, parentId: string | null) => {
      if (!c || !idOrNull(c.id)) return
      if (mark.admit(c.id, graphTime(c.timestamp))) items.push(toInstagramItem(c, m, parentId))
    }
    for (const m of media) {
      // A media without a usable id has no comments edge to read.
      if (!m || typeof m !== 'object' || !/^[0-9A-Za-z_-]+$/.test(String(m.id))) continue
      if (m.comments_count === 0) continue
      const url = graphUrl(config, `${m.id}/comments`, {
        fields: IG_COMMENT_FIELDS,
        limit: COMMENT_PAGE_SIZE,
      })
      for await (const page of graphPages<IgComment>(
        url,
        token,
        config,
        ctx,
        INSTAGRAM,
        MAX_COMMENT_PAGES,
      )) {
        for (const c of page) {
          take(c, m, null)
          if (!c || !idOrNull(c.id)) continue
          const replies = objectOr(c.replies) as GraphPage<IgComment>
          for (const r of arrayOr(replies.data) as IgComment[]) take(r, m, c.id)
          // More replies than fit inline: page the comment's own /replies edge.
          const after = textOrNull(replies.paging?.cursors?.after)
          if (replies.paging?.next && after && /^[0-9A-Za-z_-]+$/.test(c.id)) {
            const more = graphUrl(config, `${c.id}/replies`, {
              fields: REPLY_FIELDS,
              limit: COMMENT_PAGE_SIZE,
              after,
            })
            for await (const rp of graphPages<IgComment>(
              more,
              token,
              config,
              ctx,
              INSTAGRAM,
              MAX_COMMENT_PAGES,
            )) {
              for (const r of rp) take(r, m, c.id)
            }
          }
        }
      }
    }
    return { items, state: { ...mark.toState() }, notModified: false }
  }

  async function write(
    config: InstagramConfig,
    actx: ActionContext,
    method: 'POST' | 'DELETE',
    id: string,
    params: Record<string, string>,
    edge = '',
  ) {
    const url = graphUrl(config, commentId(id) + edge, {})
    const token = await requireToken(actx.credentials ?? credentials, INSTAGRAM, url.href)
    return graphWrite(method, url, params, token, config, actx, INSTAGRAM)
  }

  return {
    kind: 'instagram',
    configSchema: instagramConfigSchema,
    defaultIntervalMinutes: DEFAULT_INTERVAL_MINUTES.instagram,
    fetch: fetchComments,
    async hideComment(config, actx, id, hidden) {
      await write(config, actx, 'POST', id, { hide: hidden ? 'true' : 'false' })
    },
    async deleteComment(config, actx, id) {
      await write(config, actx, 'DELETE', id, {})
    },
    async replyToComment(config, actx, id, message) {
      const body = await write(config, actx, 'POST', id, { message }, '/replies')
      return { id: typeof body.id === 'string' ? body.id : null }
    },
  }
}
