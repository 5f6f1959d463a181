// Runs in: both processes (common). Trends: sentiment and volume over time from the daily rollups,
// the Google rating history, themes, and spike alerts. Every figure counts the EFFECTIVE verdict
// (corrections included) and leaves out linked duplicates and "not about us" mentions.
// A mention's day is the day it was said (published_at, else first seen), in the school's time zone
// (Europe/London); a published date in the future counts on the day it was first seen.
import { z } from 'zod'
import { op } from './op'
import { POLICY_FLAGS, SENTIMENT_LABELS } from './taxonomy'

/** A calendar day, YYYY-MM-DD, in the school's time zone. */
export const Day = z.iso.date('Dates must look like 2026-11-21')
export type Day = z.output<typeof Day>

export const TREND_BUCKETS = ['day', 'week', 'month'] as const
export type TrendBucket = (typeof TREND_BUCKETS)[number]

/** The longest range a chart is drawn for (20 years is refused with this message's field). */
export const MAX_TREND_DAYS = 366 * 20

export const TrendsQuery = z
  .object({
    schoolId: z.number().int().positive(),
    from: Day,
    to: Day,
    /** Weeks start on Monday (ISO weeks), months on the 1st. */
    bucket: z.enum(TREND_BUCKETS, 'bucket must be day, week or month').default('week'),
    /** One source only; absent: every source. */
    sourceId: z.number().int().positive().optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'The start date is after the end date', path: ['to'] })
export type TrendsQuery = z.input<typeof TrendsQuery>

export const SentimentCounts = z.object({
  total: z.number().int(),
  negative: z.number().int(),
  neutral: z.number().int(),
  positive: z.number().int(),
  /** Not yet analysed: counted in total, in no sentiment. */
  unanalysed: z.number().int(),
  /** (positive − negative) / analysed, in [-1, 1]; null when nothing was analysed. */
  net: z.number().nullable(),
})
export type SentimentCounts = z.output<typeof SentimentCounts>

export const TrendBucketRow = SentimentCounts.extend({
  /** First and last day of the bucket, clipped to the range asked for. */
  start: Day,
  end: Day,
})
export type TrendBucketRow = z.output<typeof TrendBucketRow>

export const RatingPoint = z.object({
  /** When the reading was taken (ISO date-time). */
  observedAt: z.string(),
  rating: z.number(),
  reviewCount: z.number().int().nullable(),
  sourceId: z.number().int(),
})
export type RatingPoint = z.output<typeof RatingPoint>

export const TrendsOverview = z.object({
  schoolId: z.number().int(),
  from: Day,
  to: Day,
  bucket: z.enum(TREND_BUCKETS),
  /** One row per bucket, oldest first, every bucket present (zeros where nothing was said). */
  buckets: z.array(TrendBucketRow),
  /** Volume by source: counts per bucket, in the same order as `buckets`. */
  bySource: z.array(
    z.object({
      sourceId: z.number().int(),
      name: z.string(),
      kind: z.string(),
      counts: z.array(z.number().int()),
      total: z.number().int(),
    }),
  ),
  /** Mentions carrying each flag per bucket (a mention with two flags counts once in each). */
  flags: z.array(
    z.object({
      flag: z.enum(POLICY_FLAGS),
      counts: z.array(z.number().int()),
      total: z.number().int(),
    }),
  ),
  totals: SentimentCounts,
  /** The same figures for the period of equal length just before `from`. */
  previous: SentimentCounts.extend({ from: Day, to: Day }),
  /** Google rating readings in the range (and the last one before it, so the line has a start). */
  rating: z.array(RatingPoint),
  /** Mentions with no date of their own: counted on the day first seen. */
  undatedCount: z.number().int(),
})
export type TrendsOverview = z.output<typeof TrendsOverview>

export const Theme = z.object({
  /** Stable key, used to open the theme's mentions (InboxQuery.theme). */
  key: z.string(),
  label: z.string(),
  counts: SentimentCounts,
  /** The words in the mentions that put them in this theme, most frequent first. */
  terms: z.array(z.string()),
})
export type Theme = z.output<typeof Theme>

export const SPIKE_KINDS = ['negative_floor', 'new_source'] as const
export type SpikeKind = (typeof SPIKE_KINDS)[number]

export const SpikeAlert = z.object({
  id: z.number().int(),
  schoolId: z.number().int(),
  kind: z.enum(SPIKE_KINDS),
  raisedAt: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  /** The source or site that started talking (new_source). */
  sourceId: z.number().int().nullable(),
  /** In plain words: what crossed which threshold, so the alert explains itself. */
  explanation: z.string(),
  mentionIds: z.array(z.number().int()),
})
export type SpikeAlert = z.output<typeof SpikeAlert>

export const SpikeSettings = z.object({
  /** Alert when at least this many negative mentions arrive within the window. */
  negativeFloor: z.number().int().min(1, 'The floor must be at least 1').max(1000),
  windowHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 7),
  /** After an alert of a kind, the same kind stays quiet for this long. */
  cooldownHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 30),
  /** A source counts as new when it had no mention of the school in this many days. */
  newSourceQuietDays: z.number().int().min(1).max(3650),
})
export type SpikeSettings = z.output<typeof SpikeSettings>
export const DEFAULT_SPIKE_SETTINGS: SpikeSettings = {
  negativeFloor: 3,
  windowHours: 24,
  cooldownHours: 24,
  newSourceQuietDays: 90,
}

const SchoolOnly = z.object({ schoolId: z.number().int().positive() })

export const trendsOps = {
  'trends.overview': op(
    TrendsQuery,
    TrendsOverview,
    'Sentiment, volume by source, flags and the Google rating over a date range, with the previous period',
  ),
  'trends.themes': op(
    TrendsQuery,
    z.array(Theme),
    'What the talk is about: recurring topics with counts and sentiment, most talked-about first',
  ),
  'trends.alerts': op(
    SchoolOnly.extend({ limit: z.number().int().min(1).max(200).default(20) }),
    z.array(SpikeAlert),
    'Spike alerts raised for a school, newest first',
  ),
  'trends.spikeSettings': op(SchoolOnly, SpikeSettings, "The school's spike alert thresholds"),
  'trends.updateSpikeSettings': op(
    SchoolOnly.extend({ settings: SpikeSettings }),
    SpikeSettings,
    "Change the school's spike alert thresholds",
  ),
} as const

/** Sentiment labels in chart order (stacked negative, neutral, positive). */
export const TREND_SENTIMENTS = SENTIMENT_LABELS
