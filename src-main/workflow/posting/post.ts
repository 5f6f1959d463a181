// Runs in: main process (Node). Posting an approved reply through the source's connector, with the
// same polite HTTP client and secrets the poller uses. Called only by the post queue, after the undo
// window; one attempt, no retries (a failed post is shown and the ORM lead decides what next).
import type { Mention, Source } from '../../contract'
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
}

export interface PostDeps {
  http: PoliteHttp
  credentials: Credentials
  signal?: AbortSignal
}

export type Poster = (target: PostTarget) => Promise<{ url: string | null }>

const tokens: TokenCache = new Map()

export function connectorPoster(deps: () => PostDeps): Poster {
  return async ({ mention, source, body }) => {
    const { http, credentials, signal } = deps()
    const creds = scopedCredentials(credentials, source.id)
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
