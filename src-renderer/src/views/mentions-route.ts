// Runs in: renderer. The Mentions inbox's filter as it travels in the address: a Trends bar, point,
// theme or alert links to `/mentions?from=…&to=…&sentiment=…&sourceId=…&flag=…&theme=…&state=all`.
// Anything malformed in the address is ignored rather than shown as a broken filter.
import type { LocationQuery } from 'vue-router'
import {
  POLICY_FLAGS,
  SENTIMENT_LABELS,
  type InboxQuery,
  type PolicyFlag,
  type SentimentLabel,
} from '@contract'

/** What the inbox is filtered by (the store's filter; kept here so the address parser needs no store). */
export interface MentionFilter {
  sentiment?: SentimentLabel
  flag?: PolicyFlag
  state?: InboxQuery['state']
  assignee?: InboxQuery['assignee']
  search?: string
  /** Days (YYYY-MM-DD), both included: what a Trends bar or point stands for. */
  from?: string
  to?: string
  sourceId?: number
  /** A theme's key (trends.themes). */
  theme?: string
}

const KEYS = ['from', 'to', 'sentiment', 'sourceId', 'flag', 'theme', 'state'] as const
const STATES = ['new', 'triaged', 'resolved', 'open', 'all'] as const
const DAY = /^\d{4}-\d{2}-\d{2}$/

const one = (q: LocationQuery, key: string): string | undefined => {
  const v = q[key]
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' && s !== '' ? s : undefined
}

/** True when the address carries an inbox filter (so it replaces the one in use). */
export const hasRouteFilter = (q: LocationQuery): boolean =>
  KEYS.some((k) => one(q, k) !== undefined)

export function filterFromQuery(q: LocationQuery): MentionFilter {
  const from = one(q, 'from')
  const to = one(q, 'to')
  const sentiment = one(q, 'sentiment')
  const flag = one(q, 'flag')
  const state = one(q, 'state')
  const sourceId = Number(one(q, 'sourceId'))
  const theme = one(q, 'theme')
  return {
    from: from && DAY.test(from) ? from : undefined,
    to: to && DAY.test(to) ? to : undefined,
    sentiment: (SENTIMENT_LABELS as readonly string[]).includes(sentiment ?? '')
      ? (sentiment as SentimentLabel)
      : undefined,
    flag: (POLICY_FLAGS as readonly string[]).includes(flag ?? '')
      ? (flag as PolicyFlag)
      : undefined,
    state: (STATES as readonly string[]).includes(state ?? '')
      ? (state as MentionFilter['state'])
      : undefined,
    sourceId: Number.isInteger(sourceId) && sourceId > 0 ? sourceId : undefined,
    theme: theme && theme.length <= 100 ? theme : undefined,
  }
}

/** True when the list is narrowed to a period, a source or a theme (the toolbar shows and clears these). */
export const narrowed = (f: MentionFilter): boolean => !!(f.from || f.to || f.sourceId || f.theme)
