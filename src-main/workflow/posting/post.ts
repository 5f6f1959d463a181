// Runs in: main process (Node). Posting an approved reply through the source's connector, with the
// same polite HTTP client and secrets the poller uses. Called only by the post queue, after the undo
// window; one attempt, no retries (a failed post is shown and the ORM lead decides what next).
import type { Mention, Moderation, Source } from '../../contract'
import type { PoliteHttp } from '../../sources/http'
import type { Credentials } from '../../sources/credentials'
import { scopedCredentials } from '../../sources/run-context'
import { googleAccessToken, type TokenCache } from '../../sources/google/oauth'
import { googleBusinessConfigSchema, replyToReview } from '../../sources/google/business-profile'
import {
  createFacebookConnector,
  createInstagramConnector,
  facebookConfigSchema,
  instagramConfigSchema,
} from '../../sources/meta'

export interface PostTarget {
  mention: Mention
  source: Source
  body: string
  /** A removal notice's action on the original comment: done instead of posting a reply. */
  moderation?: Moderation | null
}

/** The policy, in the words the user sees when a delete is refused. */
export const EVIDENCE_FIRST =
  'Footprint will not delete this comment until its evidence has been captured: the school’s policy is never to delete evidence before it is captured. Press “Capture evidence” on the mention first, or hide the comment instead.'

export interface PostDeps {
  http: PoliteHttp
  credentials: Credentials
  signal?: AbortSignal
}

export type Poster = (target: PostTarget) => Promise<{ url: string | null }>

const tokens: TokenCache = new Map()

export function connectorPoster(deps: () => PostDeps): Poster {
  return async ({ mention, source, body, moderation }) => {
    const { http, credentials, signal } = deps()
    const creds = scopedCredentials(credentials, source.id)
    if (moderation) {
      const actx = { http, signal, credentials: creds }
      if (source.kind === 'facebook') {
        const config = facebookConfigSchema.parse(source.config)
        const fb = createFacebookConnector(creds)
        if (moderation === 'hide') await fb.hideComment(config, actx, mention.externalId, true)
        else await fb.deleteComment(config, actx, mention.externalId)
        return { url: mention.url }
      }
      if (source.kind === 'instagram') {
        const config = instagramConfigSchema.parse(source.config)
        const ig = createInstagramConnector(creds)
        if (moderation === 'hide') await ig.hideComment(config, actx, mention.externalId, true)
        else await ig.deleteComment(config, actx, mention.externalId)
        return { url: mention.url }
      }
      throw new Error(`Footprint cannot ${moderation} comments on ${source.kind}: do it by hand`)
    }
    switch (source.kind) {
      case 'google_business': {
        const config = googleBusinessConfigSchema.parse(source.config)
        const token = await googleAccessToken(
          creds,
          http,
          config.oauthUrl,
          config.allowPrivateNetwork,
          tokens,
          signal,
        )
        await replyToReview(http, config, token, mention.externalId, body, signal)
        // The API has no public link to one review; the mention's own link is the best there is.
        return { url: mention.url }
      }
      case 'facebook': {
        const config = facebookConfigSchema.parse(source.config)
        await createFacebookConnector(creds).replyToComment(
          config,
          { http, signal, credentials: creds },
          mention.externalId,
          body,
        )
        return { url: mention.url }
      }
      case 'instagram': {
        const config = instagramConfigSchema.parse(source.config)
        await createInstagramConnector(creds).replyToComment(
          config,
          { http, signal, credentials: creds },
          mention.externalId,
          body,
        )
        return { url: mention.url }
      }
      default:
        throw new Error(`${source.kind} sources cannot post replies`)
    }
  }
}
