/**
 * Runs in: main process and CLI (Node). One-line facts about a source drawn from what its last
 * runs kept in state, shown beside it in Settings → Sources: what X is costing this month, the
 * Google rating, what the Mumsnet crawl did. Plain words, never a secret, never raw state.
 */
import type { SourceKind } from '../contract'
import type { GoogleBusinessState } from './google/business-profile'
import type { GooglePlacesState } from './google/places'
import type { RunStats } from './mumsnet/state'
import type { XState } from './x/connector'

const usd = (n: number) => (n > 0 && n < 0.01 ? 'less than $0.01' : `$${n.toFixed(2)}`)
/** A per-post price keeps its fractions of a cent ($0.005). */
const price$ = (n: number) => `$${Number(n.toFixed(4))}`
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

export function sourceInsights(
  kind: SourceKind,
  config: Record<string, unknown>,
  state: Record<string, unknown>,
): string[] {
  switch (kind) {
    case 'x':
      return xInsights(config, state as XState)
    case 'google_business':
    case 'google_places':
      return ratingInsights(state as GoogleBusinessState | GooglePlacesState)
    case 'mumsnet':
      return mumsnetInsights((state as { lastRun?: RunStats }).lastRun)
    default:
      return []
  }
}

function xInsights(config: Record<string, unknown>, s: XState): string[] {
  const price = num(config.pricePerPostUsd) ? config.pricePerPostUsd : 0.005
  const read = num(s.postsReadThisMonth) ? s.postsReadThisMonth : 0
  const out = [
    `Posts read this month${s.month ? ` (${s.month})` : ''}: ${read.toLocaleString('en-GB')}, about ${usd(read * price)} at ${price$(price)} a post.`,
  ]
  if (num(s.projectedMonthlyUsd)) {
    out.push(
      `If every check reads as many as the last one: about ${usd(s.projectedMonthlyUsd)} a month.`,
    )
  }
  if (s.rateLimit && num(s.rateLimit.remaining) && num(s.rateLimit.resetAt)) {
    const reset = new Date(s.rateLimit.resetAt).toISOString().slice(11, 16)
    out.push(`X allows ${s.rateLimit.remaining} more searches until ${reset} UTC.`)
  }
  return out
}

function ratingInsights(s: GoogleBusinessState | GooglePlacesState): string[] {
  const last = s.ratingHistory?.at(-1)
  if (!last || !num(last.averageRating)) return []
  const count = num(last.totalReviewCount) ? ` from ${last.totalReviewCount} reviews` : ''
  const history = s.ratingHistory?.length ?? 0
  return [
    `Google rating ${last.averageRating.toFixed(1)}${count} (seen ${last.observedAt.slice(0, 10)}; ${history} reading${history === 1 ? '' : 's'} kept for the trend chart).`,
  ]
}

function mumsnetInsights(r: RunStats | undefined): string[] {
  if (!r) return []
  const skipped = r.skippedByRobots
    ? `; ${r.skippedByRobots} thread${r.skippedByRobots === 1 ? '' : 's'} left alone because Mumsnet's robots.txt asks`
    : ''
  return [
    `Last check: ${r.searches} search${r.searches === 1 ? '' : 'es'}, ${r.threadsRead} of ${r.threadsFound} threads read, ${r.posts} post${r.posts === 1 ? '' : 's'}${skipped}.`,
  ]
}
