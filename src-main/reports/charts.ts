// Runs in: main process and CLI (Node). Charts for printed reports: ECharts rendered on the server to
// SVG strings (no DOM, no canvas), in the Okabe–Ito palette, which colour-blind readers can tell apart.
import { createRequire } from 'node:module'
import type * as Echarts from 'echarts'

// Required on the first chart, not at start-up: ECharts adds ~20-45 MB to the main process and only
// a printed report draws with it (the 300 MB main-process memory target, issue 7). Synchronous, so
// the report builders stay synchronous.
let echarts: typeof Echarts | undefined
const lib = (): typeof Echarts =>
  (echarts ??= createRequire(import.meta.url)('echarts') as typeof Echarts)

/** Okabe–Ito: negative vermilion, neutral grey, positive blue; the rating line in bluish green. */
export const PALETTE = {
  negative: '#D55E00',
  neutral: '#999999',
  positive: '#0072B2',
  rating: '#009E73',
  text: '#222222',
  grid: '#DDDDDD',
} as const

const FONT = { fontFamily: 'Helvetica, Arial, sans-serif', color: PALETTE.text }

function svg(option: Echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = lib().init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption({ animation: false, textStyle: FONT, ...option })
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

export interface TrendRow {
  label: string
  negative: number
  neutral: number
  positive: number
}

/** Stacked bars of mentions per bucket by sentiment; patterns are not needed with this palette. */
export function sentimentTrendSvg(rows: TrendRow[], width = 680, height = 260): string {
  const series = (['negative', 'neutral', 'positive'] as const).map((k) => ({
    name: k[0].toUpperCase() + k.slice(1),
    type: 'bar',
    stack: 'all',
    data: rows.map((r) => r[k]),
    itemStyle: { color: PALETTE[k] },
    barMaxWidth: 28,
  }))
  return svg(
    {
      legend: { top: 0, textStyle: FONT },
      grid: { left: 40, right: 16, top: 32, bottom: 40 },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.label),
        axisLabel: { fontSize: 10, hideOverlap: true },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        name: 'Mentions',
        splitLine: { lineStyle: { color: PALETTE.grid } },
      },
      series,
    },
    width,
    height,
  )
}

export interface RatingRow {
  label: string
  rating: number
}

/** The Google rating over time on a fixed 1–5 scale, so small moves do not look dramatic. */
export function ratingSvg(rows: RatingRow[], width = 680, height = 200): string {
  return svg(
    {
      grid: { left: 40, right: 16, top: 16, bottom: 40 },
      xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { fontSize: 10 } },
      yAxis: { type: 'value', min: 1, max: 5, splitLine: { lineStyle: { color: PALETTE.grid } } },
      series: [
        {
          type: 'line',
          data: rows.map((r) => r.rating),
          itemStyle: { color: PALETTE.rating },
          lineStyle: { color: PALETTE.rating, width: 2 },
          symbol: 'circle',
          symbolSize: 6,
          label: { show: rows.length <= 12, position: 'top', fontSize: 10 },
        },
      ],
    },
    width,
    height,
  )
}
