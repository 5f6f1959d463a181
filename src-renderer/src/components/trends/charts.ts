// Runs in: renderer. What each Trends chart draws, built from one overview answer: the ECharts option,
// a text alternative (a table and a one-sentence summary for screen readers), and, for every bar and
// point, the inbox link to exactly the mentions counted there.
import {
  FLAG_INFO,
  SENTIMENT_TEXT,
  TREND_SENTIMENTS,
  type SentimentLabel,
  type TrendsOverview,
} from '@contract'
import { format, parseISO } from 'date-fns'
import {
  BASE,
  OKABE_ITO,
  SENTIMENT_COLOURS,
  SENTIMENT_DECALS,
  SYMBOLS,
  type ChartOption,
} from './echarts'
import { bucketLabel, dayOf, type InboxLink } from './range'

export interface ChartTable {
  head: string[]
  rows: (string | number)[][]
}

export interface ChartSpec {
  id: string
  title: string
  /** One sentence a screen reader hears before (or instead of) the table. */
  summary: string
  option: ChartOption
  table: ChartTable
  /** The mentions behind a bar or point; null where there are none to open. */
  link: (seriesId: string, dataIndex: number) => InboxLink | null
}

/** Net score on a scale people read: −100 (all negative) to +100 (all positive). */
export const netScore = (net: number | null): number | null =>
  net === null ? null : Math.round(net * 100)

const signed = (n: number | null): string => (n === null ? 'none' : n > 0 ? `+${n}` : String(n))

function axisLabels(o: TrendsOverview): string[] {
  const spansYears = o.from.slice(0, 4) !== o.to.slice(0, 4)
  return o.buckets.map((b) => bucketLabel(b.start, o.bucket, spansYears))
}

const valueAxis = (name: string, extra: object = {}) => ({
  type: 'value' as const,
  name,
  nameTextStyle: { align: 'left' as const, color: '#3d4349' },
  minInterval: 1,
  axisLabel: { color: '#3d4349' },
  splitLine: { lineStyle: { color: '#e3e6ea' } },
  ...extra,
})

function categoryAxis(labels: string[]) {
  return {
    type: 'category' as const,
    data: labels,
    axisLabel: { color: '#3d4349', hideOverlap: true },
    axisTick: { alignWithLabel: true },
  }
}

/** Stacked negative / neutral / positive bars per bucket, with the net score as a line. */
export function sentimentChart(o: TrendsOverview, sourceId?: number): ChartSpec {
  const labels = axisLabels(o)
  const bars = TREND_SENTIMENTS.map((s: SentimentLabel) => ({
    id: s,
    name: SENTIMENT_TEXT[s],
    type: 'bar' as const,
    stack: 'sentiment',
    barMaxWidth: 48,
    itemStyle: { color: SENTIMENT_COLOURS[s], decal: SENTIMENT_DECALS[s] },
    emphasis: { focus: 'series' as const },
    data: o.buckets.map((b) => b[s]),
  }))
  const unanalysed = o.buckets.some((b) => b.unanalysed > 0)
  const waiting = {
    id: 'unanalysed',
    name: 'Not yet read',
    type: 'bar' as const,
    stack: 'sentiment',
    itemStyle: { color: '#ffffff', borderColor: '#6b7177', borderType: 'dashed' as const },
    data: o.buckets.map((b) => b.unanalysed),
  }
  const net = {
    id: 'net',
    name: 'Net score',
    type: 'line' as const,
    yAxisIndex: 1,
    symbol: 'diamond',
    symbolSize: 9,
    lineStyle: { color: '#000000', width: 2 },
    itemStyle: { color: '#000000' },
    connectNulls: false,
    showAllSymbol: true,
    data: o.buckets.map((b) => netScore(b.net)),
  }
  const t = o.totals
  return {
    id: 'sentiment',
    title: 'Sentiment over time',
    summary: `${t.total} mentions: ${t.negative} negative, ${t.neutral} neutral, ${t.positive} positive; net score ${signed(netScore(t.net))} on a scale from −100 to +100.`,
    option: {
      ...BASE,
      xAxis: categoryAxis(labels),
      yAxis: [valueAxis('Mentions'), valueAxis('Net score', { min: -100, max: 100, minInterval: 50, splitLine: { show: false } })], // prettier-ignore
      series: [...bars, ...(unanalysed ? [waiting] : []), net],
    },
    table: {
      head: ['Period', 'Negative', 'Neutral', 'Positive', 'Not yet read', 'Net score'],
      rows: o.buckets.map((b, i) => [labels[i], b.negative, b.neutral, b.positive, b.unanalysed, signed(netScore(b.net))]), // prettier-ignore
    },
    link: (series, i) => {
      const b = o.buckets[i]
      if (!b) return null
      const sentiment = (TREND_SENTIMENTS as readonly string[]).includes(series)
        ? (series as SentimentLabel)
        : undefined
      return { from: b.start, to: b.end, sentiment, sourceId }
    },
  }
}

/** Volume by source: one stacked bar per bucket, a band per source. */
export function sourceChart(o: TrendsOverview): ChartSpec {
  const labels = axisLabels(o)
  const sources = o.bySource.filter((s) => s.total > 0)
  return {
    id: 'sources',
    title: 'Where the talk is',
    summary: sources.length
      ? `Mentions by source: ${sources.map((s) => `${s.name} ${s.total}`).join(', ')}.`
      : 'No source had mentions in this period.',
    option: {
      ...BASE,
      color: OKABE_ITO,
      xAxis: categoryAxis(labels),
      yAxis: valueAxis('Mentions'),
      series: sources.map((s) => ({
        id: String(s.sourceId),
        name: s.name,
        type: 'bar' as const,
        stack: 'sources',
        barMaxWidth: 48,
        emphasis: { focus: 'series' as const },
        data: s.counts,
      })),
    },
    table: {
      head: ['Period', ...sources.map((s) => s.name)],
      rows: labels.map((l, i) => [l, ...sources.map((s) => s.counts[i] ?? 0)]),
    },
    link: (series, i) => {
      const b = o.buckets[i]
      return b ? { from: b.start, to: b.end, sourceId: Number(series) } : null
    },
  }
}

/** Share of each flag over time (per cent of the bucket's mentions), for flags seen in the range. */
export function flagChart(o: TrendsOverview, sourceId?: number): ChartSpec | null {
  const labels = axisLabels(o)
  const flags = o.flags.filter((f) => f.total > 0)
  if (!flags.length) return null
  const share = (n: number, i: number) => {
    const total = o.buckets[i]?.total ?? 0
    return total ? Math.round((n / total) * 1000) / 10 : null
  }
  return {
    id: 'flags',
    title: 'Share of each flag',
    summary: `Flags raised in this period: ${flags.map((f) => `${FLAG_INFO[f.flag].label} ${f.total}`).join(', ')}.`,
    option: {
      ...BASE,
      color: OKABE_ITO,
      xAxis: categoryAxis(labels),
      yAxis: valueAxis('% of mentions', { max: 100, axisLabel: { formatter: '{value}%', color: '#3d4349' } }), // prettier-ignore
      series: flags.map((f, k) => ({
        id: f.flag,
        name: FLAG_INFO[f.flag].label,
        type: 'line' as const,
        symbol: SYMBOLS[k % SYMBOLS.length],
        symbolSize: 8,
        // Weeks without mentions have no share: every reading keeps its marker, even a lone one.
        showAllSymbol: true,
        lineStyle: { type: (k >= OKABE_ITO.length ? 'dashed' : 'solid') as 'dashed' | 'solid' },
        data: f.counts.map(share),
      })),
    },
    table: {
      head: ['Period', ...flags.map((f) => FLAG_INFO[f.flag].label)],
      rows: labels.map((l, i) => [l, ...flags.map((f) => `${f.counts[i] ?? 0} (${share(f.counts[i] ?? 0, i) ?? 0}%)`)]), // prettier-ignore
    },
    link: (series, i) => {
      const b = o.buckets[i]
      const flag = flags.find((f) => f.flag === series)?.flag
      return b && flag ? { from: b.start, to: b.end, flag, sourceId } : null
    },
  }
}

/** The Google rating and its review count, as read over time (a line per listing). */
export function ratingChart(o: TrendsOverview): ChartSpec | null {
  if (!o.rating.length) return null
  const points = [...o.rating].sort((a, b) => a.observedAt.localeCompare(b.observedAt))
  const name = (id: number) => o.bySource.find((s) => s.sourceId === id)?.name ?? 'Google'
  const when = (iso: string) => format(parseISO(iso), 'd MMM yyyy')
  const last = points[points.length - 1]
  const first = points[0]
  const dayOfPoint = (iso: string) => {
    const d = dayOf(parseISO(iso))
    return d < o.from ? o.from : d > o.to ? o.to : d
  }
  return {
    id: 'rating',
    title: 'Google rating and reviews',
    summary: `The Google rating went from ${first.rating} (${when(first.observedAt)}) to ${last.rating} (${when(last.observedAt)})${last.reviewCount !== null ? `, with ${last.reviewCount} reviews` : ''}.`,
    option: {
      ...BASE,
      xAxis: { type: 'time', axisLabel: { color: '#3d4349', hideOverlap: true } },
      yAxis: [valueAxis('Rating', { min: 1, max: 5 }), valueAxis('Reviews', { splitLine: { show: false } })], // prettier-ignore
      series: [
        {
          id: 'rating',
          name: 'Rating (out of 5)',
          type: 'line',
          step: 'end',
          symbol: 'circle',
          symbolSize: 8,
          itemStyle: { color: OKABE_ITO[0] },
          data: points.map((p) => [p.observedAt, p.rating]),
        },
        {
          id: 'reviews',
          name: 'Number of reviews',
          type: 'line',
          yAxisIndex: 1,
          step: 'end',
          symbol: 'triangle',
          symbolSize: 8,
          lineStyle: { type: 'dashed' },
          itemStyle: { color: OKABE_ITO[1] },
          data: points.map((p) => [p.observedAt, p.reviewCount]),
        },
      ],
    },
    table: {
      head: ['When', 'Listing', 'Rating', 'Reviews'],
      rows: points.map((p) => [
        when(p.observedAt),
        name(p.sourceId),
        p.rating,
        p.reviewCount ?? '—',
      ]),
    },
    // The reviews behind a reading: that listing's mentions since the reading before it.
    link: (_series, i) => {
      const p = points[i]
      if (!p) return null
      const before = i > 0 ? dayOfPoint(points[i - 1].observedAt) : o.from
      return { from: before, to: dayOfPoint(p.observedAt), sourceId: p.sourceId }
    },
  }
}
