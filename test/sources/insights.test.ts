// Runs in: tests (Node). The one-line facts shown beside a source come from its state, in plain words.
import { describe, expect, it } from 'vitest'
import { sourceInsights } from '../../src-main/sources/insights'

describe('sourceInsights', () => {
  it("states X's reads and cost this month, the projection and the rate-limit window", () => {
    const lines = sourceInsights(
      'x',
      { pricePerPostUsd: 0.01 },
      {
        month: '2026-11',
        postsReadThisMonth: 1234,
        projectedMonthlyUsd: 18,
        rateLimit: { limit: 450, remaining: 12, resetAt: Date.UTC(2026, 10, 21, 14, 5) },
      },
    )
    expect(lines).toEqual([
      'Posts read this month (2026-11): 1,234, about $12.34 at $0.01 a post.',
      'If every check reads as many as the last one: about $18.00 a month.',
      'X allows 12 more searches until 14:05 UTC.',
    ])
  })

  it('gives a never-run X source a zero count rather than nothing', () => {
    expect(sourceInsights('x', {}, {})).toEqual([
      'Posts read this month: 0, about $0.00 at $0.005 a post.',
    ])
  })

  it('shows the latest Google rating and how many readings the trend chart has', () => {
    const state = {
      ratingHistory: [
        { averageRating: 4.1, totalReviewCount: 50, observedAt: '2026-11-01T08:00:00Z' },
        { averageRating: 4.25, totalReviewCount: 57, observedAt: '2026-11-21T08:00:00Z' },
      ],
    }
    expect(sourceInsights('google_places', {}, state)).toEqual([
      'Google rating 4.3 from 57 reviews (seen 2026-11-21; 2 readings kept for the trend chart).',
    ])
  })

  it("says what Mumsnet's last crawl did, including what robots.txt kept it from", () => {
    const lastRun = {
      at: '2026-11-21T08:00:00Z',
      searches: 2,
      threadsFound: 6,
      threadsRead: 5,
      pagesLoaded: 9,
      posts: 14,
      skippedByRobots: 1,
      skippedExcluded: 0,
      skippedMissing: 0,
    }
    expect(sourceInsights('mumsnet', {}, { lastRun })).toEqual([
      "Last check: 2 searches, 5 of 6 threads read, 14 posts; 1 thread left alone because Mumsnet's robots.txt asks.",
    ])
  })

  it('has nothing to say about kinds without run facts, or garbage state', () => {
    expect(sourceInsights('feed', {}, { etag: 'x' })).toEqual([])
    expect(sourceInsights('google_business', {}, { ratingHistory: 'nonsense' })).toEqual([])
  })
})
