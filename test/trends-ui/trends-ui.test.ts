// Runs in: Vitest (Node). The Trends screen's own logic, without a browser: the presets a school thinks
// in, ranges in words, the comparison wording, the inbox link behind every bar and point (and that the
// inbox reads it back exactly), and the text alternative of each chart.
import { describe, expect, it } from 'vitest'
import type { TrendsOverview } from '@contract'
import {
  betweenText,
  comparedText,
  inboxQuery,
  naturalBucket,
  presetRange,
} from '../../src-renderer/src/components/trends/range'
import {
  flagChart,
  netScore,
  ratingChart,
  sentimentChart,
  sourceChart,
} from '../../src-renderer/src/components/trends/charts'
import {
  filterFromQuery,
  hasRouteFilter,
  narrowed,
} from '../../src-renderer/src/views/mentions-route'

const counts = (negative: number, neutral: number, positive: number, unanalysed = 0) => {
  const analysed = negative + neutral + positive
  return {
    total: analysed + unanalysed,
    negative,
    neutral,
    positive,
    unanalysed,
    net: analysed ? (positive - negative) / analysed : null,
  }
}

/** Two weeks of March 2026, one source, one flag, two rating readings. */
const OVERVIEW: TrendsOverview = {
  schoolId: 1,
  from: '2026-03-02',
  to: '2026-03-15',
  bucket: 'week',
  buckets: [
    { start: '2026-03-02', end: '2026-03-08', ...counts(2, 1, 1) },
    { start: '2026-03-09', end: '2026-03-15', ...counts(0, 0, 0) },
  ],
  bySource: [
    { sourceId: 7, name: 'Google reviews', kind: 'google_business', counts: [4, 0], total: 4 },
    { sourceId: 8, name: 'Quiet feed', kind: 'feed', counts: [0, 0], total: 0 },
  ],
  flags: [
    { flag: 'complaint', counts: [2, 0], total: 2 },
    { flag: 'praise', counts: [0, 0], total: 0 },
  ],
  totals: counts(2, 1, 1),
  previous: { from: '2026-02-16', to: '2026-03-01', ...counts(1, 0, 0) },
  rating: [
    { observedAt: '2026-02-20T09:00:00Z', rating: 4.2, reviewCount: 20, sourceId: 7 },
    { observedAt: '2026-03-10T09:00:00Z', rating: 4.4, reviewCount: 23, sourceId: 7 },
  ],
  undatedCount: 0,
}

describe('ranges', () => {
  const today = new Date(2026, 10, 21) // 21 November 2026
  it('presets end today and start where a school would count from', () => {
    expect(presetRange('30d', today)).toEqual({ from: '2026-10-23', to: '2026-11-21' })
    expect(presetRange('3m', today)).toEqual({ from: '2026-08-22', to: '2026-11-21' })
    expect(presetRange('12m', today)).toEqual({ from: '2025-11-22', to: '2026-11-21' })
    expect(presetRange('school-year', today)).toEqual({ from: '2026-09-01', to: '2026-11-21' })
    // Before September, the school year began the September before.
    expect(presetRange('school-year', new Date(2026, 6, 1)).from).toBe('2025-09-01')
  })

  it('says a range in words, as people write it', () => {
    expect(betweenText({ from: '2026-03-01', to: '2026-03-30' })).toBe(
      'between 1 and 30 March 2026',
    )
    expect(betweenText({ from: '2026-03-01', to: '2026-04-30' })).toBe('between 1 March and 30 April 2026') // prettier-ignore
    expect(betweenText({ from: '2025-12-01', to: '2026-01-31' })).toBe('between 1 December 2025 and 31 January 2026') // prettier-ignore
    expect(betweenText({ from: '2026-03-05', to: '2026-03-05' })).toBe('on 5 March 2026')
  })

  it('draws a month in days, a year in weeks and twenty years in months', () => {
    expect(naturalBucket({ from: '2026-03-01', to: '2026-03-30' })).toBe('day')
    expect(naturalBucket({ from: '2025-11-22', to: '2026-11-21' })).toBe('week')
    expect(naturalBucket({ from: '2006-11-22', to: '2026-11-21' })).toBe('month')
  })

  it('compares with the previous period in words', () => {
    expect(comparedText(15, 3)).toBe('12 more than')
    expect(comparedText(2, 5)).toBe('3 fewer than')
    expect(comparedText(4, 4)).toBe('the same as')
  })
})

describe('chart links open exactly the mentions counted', () => {
  it('a sentiment bar links to its bucket and sentiment, the net line to the whole bucket', () => {
    const chart = sentimentChart(OVERVIEW)
    expect(chart.link('negative', 0)).toEqual({ from: '2026-03-02', to: '2026-03-08', sentiment: 'negative', sourceId: undefined }) // prettier-ignore
    expect(chart.link('net', 1)).toEqual({ from: '2026-03-09', to: '2026-03-15', sentiment: undefined, sourceId: undefined }) // prettier-ignore
    expect(chart.link('negative', 5)).toBeNull()
    expect(sentimentChart(OVERVIEW, 7).link('positive', 0)?.sourceId).toBe(7)
  })

  it('a source band, a flag point and a rating reading link to their mentions', () => {
    expect(sourceChart(OVERVIEW).link('7', 0)).toEqual({ from: '2026-03-02', to: '2026-03-08', sourceId: 7 }) // prettier-ignore
    expect(flagChart(OVERVIEW)!.link('complaint', 0)).toMatchObject({ flag: 'complaint', from: '2026-03-02' }) // prettier-ignore
    expect(flagChart(OVERVIEW)!.link('praise', 0)).toBeNull()
    // The reading before the range starts the line; its link is clipped to the range.
    expect(ratingChart(OVERVIEW)!.link('rating', 1)).toEqual({ from: '2026-03-02', to: '2026-03-10', sourceId: 7 }) // prettier-ignore
  })

  it('the inbox reads a chart link back to the same filter, every triage state', () => {
    const link = { from: '2026-03-02', to: '2026-03-08', sentiment: 'negative' as const, sourceId: 7, flag: 'complaint' as const, theme: 'uniform' } // prettier-ignore
    const query = inboxQuery(link) as Record<string, string>
    expect(filterFromQuery(query)).toEqual({ ...link, state: 'all' })
    expect(narrowed(filterFromQuery(query))).toBe(true)
  })

  it('ignores a malformed address rather than showing a broken filter', () => {
    const q = { from: '1 March', to: '2026-03-08', sentiment: 'angry', sourceId: '-3', flag: 'nope', state: 'x' } // prettier-ignore
    expect(filterFromQuery(q)).toEqual({ to: '2026-03-08' })
    expect(hasRouteFilter({})).toBe(false)
    expect(narrowed(filterFromQuery({ sentiment: 'negative' }))).toBe(false)
  })
})

describe('text alternatives', () => {
  it('each chart has a table of its figures and a one-line summary', () => {
    const s = sentimentChart(OVERVIEW)
    expect(s.table.head).toEqual(['Period', 'Negative', 'Neutral', 'Positive', 'Not yet read', 'Net score']) // prettier-ignore
    expect(s.table.rows[0]).toEqual(['w/c 2 Mar', 2, 1, 1, 0, '-25'])
    expect(s.table.rows[1][5]).toBe('none')
    expect(s.summary).toBe('4 mentions: 2 negative, 1 neutral, 1 positive; net score -25 on a scale from −100 to +100.') // prettier-ignore
    // A source with nothing in the period is left out of the chart and its table.
    expect(sourceChart(OVERVIEW).table.head).toEqual(['Period', 'Google reviews'])
    expect(flagChart(OVERVIEW)!.table.rows[0]).toEqual(['w/c 2 Mar', '2 (50%)'])
    expect(ratingChart(OVERVIEW)!.summary).toContain('from 4.2 (20 Feb 2026) to 4.4 (10 Mar 2026), with 23 reviews') // prettier-ignore
  })

  it('draws nothing it has no data for, and a single mention still draws', () => {
    const none = { ...OVERVIEW, rating: [], flags: [] }
    expect(ratingChart(none)).toBeNull()
    expect(flagChart(none)).toBeNull()
    const one: TrendsOverview = { ...OVERVIEW, from: '2026-03-02', to: '2026-03-02', bucket: 'day', buckets: [{ start: '2026-03-02', end: '2026-03-02', ...counts(0, 0, 1) }], totals: counts(0, 0, 1) } // prettier-ignore
    const series = sentimentChart(one).option.series as { id: string; data: unknown[] }[]
    expect(series.find((x) => x.id === 'positive')?.data).toEqual([1])
    expect(netScore(1)).toBe(100)
    expect(netScore(null)).toBeNull()
  })
})
