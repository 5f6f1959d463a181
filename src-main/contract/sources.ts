// Runs in: both processes (common). Sources (what Footprint watches), their health and runs, and mentions.
// Connector configs are defined here once: the boundary validates them and the connectors parse with them.
import { z } from 'zod'
import {
  BlueskyConfig,
  FacebookConfig,
  GoogleBusinessConfig,
  GooglePlacesConfig,
  InstagramConfig,
  MumsnetConfig,
  XConfig,
} from './connectors'
import { MentionAnalysis } from './analysis'
import { POLICY_FLAGS, PRIORITIES, SENTIMENT_LABELS } from './taxonomy'

export const SOURCE_KINDS = [
  'feed',
  'wikipedia',
  'google_business',
  'google_places',
  'mumsnet',
  'x',
  'facebook',
  'instagram',
  'bluesky',
  'manual',
] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]

/**
 * Kinds whose connectors only ever read the school's own accounts (its Google listing, its Facebook
 * Page, its Instagram account): everything they fetch is about the school, named or not.
 */
export const OWN_ACCOUNT_KINDS: ReadonlySet<SourceKind> = new Set([
  'google_business',
  'facebook',
  'instagram',
])

/** The kinds a user adds in Settings → Sources; manual captures come from the Capture button. */
export const POLLED_KINDS = SOURCE_KINDS.filter(
  (k): k is Exclude<SourceKind, 'manual'> => k !== 'manual',
)

/** Default polling intervals by source kind, in minutes. Manual capture is never polled. */
export const DEFAULT_INTERVAL_MINUTES: Readonly<Record<Exclude<SourceKind, 'manual'>, number>> = {
  feed: 30,
  wikipedia: 60,
  bluesky: 30,
  facebook: 60,
  instagram: 60,
  // Mumsnet asks for gentle crawling; Google's reviews change slowly and Places calls cost money.
  mumsnet: 360,
  google_business: 360,
  google_places: 1440,
  // X charges per post read: poll rarely unless the school raises it.
  x: 720,
}

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  feed: 'News or alert feed (RSS/Atom)',
  wikipedia: 'Wikipedia pages',
  google_business: 'Google reviews (your Business Profile)',
  google_places: 'Google rating (Places)',
  mumsnet: 'Mumsnet',
  x: 'X (Twitter)',
  facebook: 'Facebook Page',
  instagram: 'Instagram',
  bluesky: 'Bluesky',
  manual: 'Manual captures',
}

const httpUrl = (label: string) =>
  z.url({
    protocol: /^https?$/,
    error: `${label} must be a web address starting with http:// or https://`,
  })

export const DEFAULT_WIKI_API = 'https://en.wikipedia.org/w/api.php'

export const FeedConfig = z.object({
  url: httpUrl('Feed address'),
  /** Lets this source reach loopback/private addresses (an intranet feed, or tests). */
  allowPrivateNetwork: z.boolean().optional(),
})
export type FeedConfig = z.output<typeof FeedConfig>

export const WikiConfig = z.object({
  apiUrl: httpUrl('Wiki API address').default(DEFAULT_WIKI_API),
  pages: z
    .array(z.string().trim().min(1, 'A page title cannot be empty'))
    .max(50, 'At most 50 pages')
    .default([]),
  searchTerms: z
    .array(z.string().trim().min(3, 'A search term must be at least 3 characters'))
    .max(10, 'At most 10 search terms')
    .default([]),
  /** Also watch each article's talk page (where complaints about the school often start). */
  watchTalkPages: z.boolean().default(true),
  allowPrivateNetwork: z.boolean().optional(),
  /** Revisions reported for a page the first time it is watched. */
  initialRevisions: z.number().int().min(0).max(50).default(5),
})
export type WikiConfig = z.output<typeof WikiConfig>

const common = {
  name: z
    .string('Name must be text')
    .trim()
    .min(2, 'Name must be at least 2 characters')
    .max(100, 'Name must be at most 100 characters'),
  /** Null: the source is about every school of the install (a federation-wide alert). */
  schoolId: z.number().int().positive().nullable().default(null),
  intervalMinutes: z
    .number('Interval must be a number of minutes')
    .int('Interval must be whole minutes')
    .min(5, 'Poll at most every 5 minutes')
    .max(10080, 'Poll at least once a week')
    .optional(),
}

/** What a user (or the CLI) gives to add or change a source. Manual captures are created by Capture. */
export const SourceInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('feed'), ...common, config: FeedConfig }),
    z.object({ kind: z.literal('wikipedia'), ...common, config: WikiConfig }),
    z.object({ kind: z.literal('google_business'), ...common, config: GoogleBusinessConfig }),
    z.object({ kind: z.literal('google_places'), ...common, config: GooglePlacesConfig }),
    z.object({ kind: z.literal('mumsnet'), ...common, config: MumsnetConfig }),
    z.object({ kind: z.literal('x'), ...common, config: XConfig }),
    z.object({ kind: z.literal('facebook'), ...common, config: FacebookConfig }),
    z.object({ kind: z.literal('instagram'), ...common, config: InstagramConfig }),
    z.object({ kind: z.literal('bluesky'), ...common, config: BlueskyConfig }),
  ],
  `kind must be one of: ${POLLED_KINDS.join(', ')}`,
)
export type SourceInput = z.input<typeof SourceInput>

export const SourceHealth = z.object({
  status: z.enum(['ok', 'failing', 'paused', 'never_run']),
  lastRunAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  /** Successful runs in a row that found nothing new: a quiet source, or a broken query. */
  zeroItemRuns: z.number().int(),
})
export type SourceHealth = z.output<typeof SourceHealth>

export const Source = z.object({
  id: z.number().int(),
  kind: z.enum(SOURCE_KINDS),
  name: z.string(),
  schoolId: z.number().int().nullable(),
  enabled: z.boolean(),
  intervalMinutes: z.number().int(),
  nextDueAt: z.string().nullable(),
  config: z.record(z.string(), z.unknown()),
  health: SourceHealth,
  mentionCount: z.number().int(),
  /** Facts from the last runs in plain words: X's cost this month, the Google rating, Mumsnet's crawl. */
  insights: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Source = z.output<typeof Source>

export const FetchRun = z.object({
  id: z.number().int(),
  sourceId: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(['running', 'ok', 'not_modified', 'error']),
  httpStatus: z.number().int().nullable(),
  itemsFound: z.number().int(),
  itemsNew: z.number().int(),
  error: z.string().nullable(),
})
export type FetchRun = z.output<typeof FetchRun>

/** "Test" fetches and matches but stores nothing: what would be kept, and why the rest would not. */
export const SourceTestResult = z.object({
  ok: z.boolean(),
  error: z.string().nullable(),
  itemsFound: z.number().int(),
  items: z.array(
    z.object({
      title: z.string().nullable(),
      url: z.string().nullable(),
      publishedAt: z.string().nullable(),
      outcome: z.enum(['new', 'already_stored', 'duplicate', 'not_about_us']),
      schoolName: z.string().nullable(),
      matchedAlias: z.string().nullable(),
    }),
  ),
})
export type SourceTestResult = z.output<typeof SourceTestResult>

export const Mention = z.object({
  id: z.number().int(),
  sourceId: z.number().int(),
  sourceName: z.string(),
  sourceKind: z.enum(SOURCE_KINDS),
  schoolId: z.number().int(),
  externalId: z.string(),
  url: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
  title: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: z.string().nullable(),
  firstSeenAt: z.string(),
  text: z.string(),
  matchedAlias: z.string().nullable(),
  duplicateOf: z.number().int().nullable(),
  hiddenReason: z.string().nullable(),
  meta: z.record(z.string(), z.unknown()),
  /** The effective verdict (a user's correction over the machine's); null until analysed. */
  analysis: MentionAnalysis.nullable(),
})
export type Mention = z.output<typeof Mention>

export const MentionsQuery = z.object({
  schoolId: z.number().int().positive().optional(),
  sourceId: z.number().int().positive().optional(),
  /** ISO time: mentions first seen at or after it. */
  since: z.iso
    .datetime({ offset: true, error: 'since must be an ISO date-time, e.g. 2026-11-01T00:00:00Z' })
    .optional(),
  /** Include linked duplicates and "not about us" mentions (hidden by default, as in every statistic). */
  includeHidden: z.boolean().default(false),
  /** Paging: mentions with an id below this one. */
  beforeId: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).default(100),
  /** Filters on the effective verdict, so they agree with every count. */
  sentiment: z
    .enum(SENTIMENT_LABELS, 'sentiment must be one of: negative, neutral, positive')
    .optional(),
  flag: z.enum(POLICY_FLAGS, `flag must be one of: ${POLICY_FLAGS.join(', ')}`).optional(),
  priority: z.enum(PRIORITIES, 'priority must be one of: urgent, high, normal, low').optional(),
})
export type MentionsQuery = z.input<typeof MentionsQuery>

export const MentionPage = z.object({
  items: z.array(Mention),
  nextBeforeId: z.number().int().nullable(),
})
