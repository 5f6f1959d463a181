// Runs in: both processes (common). The configs of the API connectors (Google, X, Bluesky, Facebook,
// Instagram), defined once: the boundary validates them, the connectors parse with them, and the
// settings form shows their messages. Also what each connector needs from the school (the secrets,
// where to get them), so the settings screen and the CLI explain the same thing.
import { z } from 'zod'

const apiUrl = (label: string, fallback: string) =>
  z
    .url({
      protocol: /^https?$/,
      error: `${label} must be a web address starting with http:// or https://`,
    })
    .default(fallback)

/** Empty means "the school's own name and aliases" (Settings → School), so they stay in one place. */
const names = z
  .array(
    z.string().trim().min(1, 'A name cannot be empty').max(100, 'A name is at most 100 characters'),
  )
  .max(20, 'At most 20 names')
  .default([])
const exclusions = z
  .array(z.string().trim().min(1, 'An exclusion cannot be empty').max(100))
  .max(50, 'At most 50 exclusions')
  .default([])

export const GOOGLE_ID_PATTERN = /^[A-Za-z0-9_-]+$/
const googleId = (label: string) =>
  z
    .string(`${label} must be text`)
    .trim()
    .min(1, `${label} is required`)
    .regex(GOOGLE_ID_PATTERN, `${label} must be the ID from Google (letters, digits, - and _)`)

export const DEFAULT_BUSINESS_PROFILE_BASE_URL = 'https://mybusiness.googleapis.com'
export const DEFAULT_GOOGLE_OAUTH_URL = 'https://oauth2.googleapis.com/token'
export const GoogleBusinessConfig = z.object({
  accountId: googleId('Account ID'),
  locationId: googleId('Location ID'),
  /** Tests point these at the fixture server; the defaults are Google's real hosts. */
  baseUrl: apiUrl('Google API address', DEFAULT_BUSINESS_PROFILE_BASE_URL),
  oauthUrl: apiUrl('Google sign-in address', DEFAULT_GOOGLE_OAUTH_URL),
  allowPrivateNetwork: z.boolean().optional(),
})
export type GoogleBusinessConfig = z.output<typeof GoogleBusinessConfig>

export const DEFAULT_PLACES_BASE_URL = 'https://places.googleapis.com'
export const GooglePlacesConfig = z.object({
  placeId: googleId('Place ID'),
  baseUrl: apiUrl('Google API address', DEFAULT_PLACES_BASE_URL),
  allowPrivateNetwork: z.boolean().optional(),
})
export type GooglePlacesConfig = z.output<typeof GooglePlacesConfig>

export const DEFAULT_X_API = 'https://api.x.com'
export const XConfig = z.object({
  aliases: names,
  exclusions,
  baseUrl: apiUrl('X API address', DEFAULT_X_API),
  allowPrivateNetwork: z.boolean().optional(),
  /** 10–100 per page is what the endpoint accepts. */
  maxResults: z.number().int().min(10, 'At least 10 posts per page').max(100).default(100),
  /** Each page is billed: cap what one run can cost. */
  maxPagesPerRun: z
    .number('Pages per check must be a number')
    .int()
    .min(1, 'At least 1 page per check')
    .max(20, 'At most 20 pages per check')
    .default(3),
  /** From the school's X developer plan; only used for the estimate shown in settings. */
  pricePerPostUsd: z.number('Price per post must be a number').min(0).max(10).default(0.005),
})
export type XConfig = z.output<typeof XConfig>

export const DEFAULT_BLUESKY_PDS = 'https://bsky.social'
export const BlueskyConfig = z.object({
  aliases: names,
  exclusions,
  /** The server the school's account lives on; bsky.social for most. */
  baseUrl: apiUrl('Bluesky server address', DEFAULT_BLUESKY_PDS),
  allowPrivateNetwork: z.boolean().optional(),
  limit: z.number().int().min(1).max(100).default(100),
  maxPagesPerRun: z.number().int().min(1).max(20).default(5),
})
export type BlueskyConfig = z.output<typeof BlueskyConfig>

export const DEFAULT_GRAPH_VERSION = 'v26.0'
export const DEFAULT_GRAPH_BASE_URL = 'https://graph.facebook.com'
const graphBase = {
  graphVersion: z
    .string()
    .regex(/^v\d+\.\d+$/, 'Graph API version must look like v26.0')
    .default(DEFAULT_GRAPH_VERSION),
  baseUrl: apiUrl('Graph API address', DEFAULT_GRAPH_BASE_URL),
  allowPrivateNetwork: z.boolean().optional(),
}
export const FacebookConfig = z.object({
  ...graphBase,
  pageId: z
    .string('Page ID must be text')
    .trim()
    .regex(/^[0-9A-Za-z._-]+$/, 'Page ID must be the Facebook Page ID (digits) or its username'),
  /** How many of the newest posts to look under: comments on older posts are rare. */
  maxPosts: z.number().int().min(1).max(200).default(25),
})
export type FacebookConfig = z.output<typeof FacebookConfig>

export const InstagramConfig = z.object({
  ...graphBase,
  igUserId: z
    .string('Instagram account ID must be text')
    .trim()
    .regex(/^[0-9]+$/, 'Instagram account ID must be the professional account ID (digits only)'),
  /** How many of the newest media to look under. */
  maxMedia: z.number().int().min(1).max(200).default(25),
})
export type InstagramConfig = z.output<typeof InstagramConfig>

/** Mumsnet has no API: each run drives a real browser, so these caps keep a run short and gentle. */
export const DEFAULT_MUMSNET_URL = 'https://www.mumsnet.com'

export const MumsnetConfig = z.object({
  aliases: names,
  exclusions,
  baseUrl: z
    .url({
      protocol: /^https?$/,
      error: 'Mumsnet address must be a web address starting with http:// or https://',
    })
    .default(DEFAULT_MUMSNET_URL),
  /** Lets this source reach loopback/private addresses (tests, or a mirror on the school's network). */
  allowPrivateNetwork: z.boolean().optional(),
  /** A Chrome, Edge or Chromium the user chose; when unset the usual install places are tried. */
  browserPath: z
    .string()
    .trim()
    .min(1, 'Browser path cannot be empty: leave it unset to find Chrome, Edge or Chromium')
    .optional(),
  maxThreadsPerRun: z
    .number({ error: 'Threads per run must be a number' })
    .int('Threads per run must be a whole number')
    .min(1, 'Threads per run must be at least 1')
    .max(50, 'Threads per run can be at most 50 (Mumsnet asks for gentle crawling)')
    .default(10),
  maxPagesPerThread: z
    .number({ error: 'Pages per thread must be a number' })
    .int('Pages per thread must be a whole number')
    .min(1, 'Pages per thread must be at least 1')
    .max(20, 'Pages per thread can be at most 20')
    .default(3),
})

export type MumsnetConfig = z.output<typeof MumsnetConfig>

/** A secret a connector reads from the secrets store; the name is install-wide (or `name:sourceId`). */
export interface SecretNeed {
  name: string
  label: string
  /** Plain words: what it is and which permission it needs. */
  help: string
}

export interface ConnectorGuide {
  /** One or two sentences: what the school needs before this source can work. */
  needs: string
  /** Where to get it. */
  link: { label: string; url: string }
  secrets: SecretNeed[]
  /** Terms, costs or limits the school must know, shown beside the source. */
  notes?: string[]
}

/** Shown in settings beside the Google Places source. */
export const PLACES_TERMS_NOTE =
  'Google Places terms apply to this source. Attribution: every Google review shown in ' +
  'Footprint keeps its author’s name, profile link and photo exactly as Google returned them, ' +
  'with a link back to Google Maps, and Google must be credited wherever the rating or reviews ' +
  'appear (screens, reports, PDFs). Storage: the Google Maps Platform terms do not allow ' +
  'pre-fetching, caching or storing Places content beyond what they expressly permit (the ' +
  'place ID may be kept indefinitely), so review text from this source may be kept only as ' +
  'long as the Places service terms allow, and must not be exported, indexed or copied into a ' +
  'permanent archive or evidence pack. Google returns at most 5 reviews, of its ' +
  'own choosing, so this is not a full record of reviews. For the full list, and to reply, ' +
  'connect the school’s own Google Business Profile instead.'

export const CONNECTOR_GUIDES = {
  google_business: {
    needs:
      'Your school (or nursery) must manage a verified Google Business Profile. Create an OAuth ' +
      'client in Google Cloud with the Business Profile API enabled, sign in once as a manager of ' +
      'the listing, and paste the client ID, client secret and refresh token here.',
    link: {
      label: 'Google Business Profile APIs: get started',
      url: 'https://developers.google.com/my-business/content/basic-setup',
    },
    secrets: [
      {
        name: 'google_business.client_id',
        label: 'OAuth client ID',
        help: 'From Google Cloud → Credentials.',
      },
      {
        name: 'google_business.client_secret',
        label: 'OAuth client secret',
        help: 'Shown once when the client is created.',
      },
      {
        name: 'google_business.refresh_token',
        label: 'Refresh token',
        help: 'From signing in with the scope https://www.googleapis.com/auth/business.manage.',
      },
    ],
    notes: [
      'Replies approved by the head are posted to Google from Footprint (up to 4,096 bytes each).',
    ],
  },
  google_places: {
    needs:
      'A Google Maps Platform API key with the Places API (New) enabled, and your school’s Place ID.',
    link: {
      label: 'Find a Place ID and create an API key',
      url: 'https://developers.google.com/maps/documentation/places/web-service/place-id',
    },
    secrets: [
      {
        name: 'google_places.api_key',
        label: 'API key',
        help: 'Restrict it to the Places API (New).',
      },
    ],
    notes: [
      PLACES_TERMS_NOTE,
      'Each check is one Place Details request, billed by Google under your Maps Platform account.',
    ],
  },
  x: {
    needs:
      'An X developer account with API access and an app’s bearer token. X bills each post read, so ' +
      'Footprint checks twice a day by default and shows this month’s estimated cost.',
    link: { label: 'X developer portal', url: 'https://developer.x.com/en/portal/dashboard' },
    secrets: [
      {
        name: 'x.bearerToken',
        label: 'Bearer token',
        help: 'The app-only bearer token from your project’s keys.',
      },
    ],
  },
  bluesky: {
    needs:
      'A Bluesky account for the school and an app password (Settings → Privacy and security → ' +
      'App passwords). Never use the account’s main password.',
    link: { label: 'Bluesky app passwords', url: 'https://bsky.app/settings/app-passwords' },
    secrets: [
      { name: 'bluesky.handle', label: 'Handle', help: 'e.g. staldhelms.bsky.social' },
      {
        name: 'bluesky.appPassword',
        label: 'App password',
        help: 'Looks like xxxx-xxxx-xxxx-xxxx.',
      },
    ],
  },
  facebook: {
    needs:
      'A Page access token for the school’s own Facebook Page with the pages_read_engagement and ' +
      'pages_manage_engagement permissions (to read comments, and to hide or delete abusive ones).',
    link: {
      label: 'Meta: Page access tokens',
      url: 'https://developers.facebook.com/docs/facebook-login/guides/access-levels#page-access-tokens',
    },
    secrets: [
      {
        name: 'facebook.pageAccessToken',
        label: 'Page access token',
        help: 'A long-lived Page token.',
      },
    ],
  },
  instagram: {
    needs:
      'The school’s Instagram professional account linked to its Facebook Page, and an access token ' +
      'with instagram_basic and instagram_manage_comments.',
    link: {
      label: 'Instagram Graph API: comment moderation',
      url: 'https://developers.facebook.com/docs/instagram-platform/comment-moderation',
    },
    secrets: [
      {
        name: 'instagram.accessToken',
        label: 'Access token',
        help: 'The Page token of the linked Page.',
      },
    ],
  },
  mumsnet: {
    needs:
      'Nothing to sign up for: Footprint reads Mumsnet’s public pages with Chrome, Edge or Chromium ' +
      'installed on this computer, as gently as Mumsnet’s robots.txt asks (every 6 hours by default).',
    link: { label: 'Mumsnet Talk', url: 'https://www.mumsnet.com/talk' },
    secrets: [],
  },
} satisfies Record<string, ConnectorGuide>
