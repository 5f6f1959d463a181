// Runs in: renderer. ECharts lays a long legend out over several lines but does not move the plot
// down to make room, so on a half-width panel ("Where the talk is", eleven sources) the legend ran
// over the axis name and the bars. This works out how many lines the legend takes at the chart's
// width and moves the plot (and grows the chart) by that much.
import type { ChartOption } from './echarts'

/** What ECharts draws per legend item besides its text: the symbol (25) and the gap after it (5). */
const ITEM_CHROME = 30
const ITEM_GAP = 16
/** A legend line: the item's height (14) and BASE's itemGap (16), which ECharts also puts between lines. */
export const LEGEND_LINE = 30

/** The series names the legend shows, in order. */
export function legendNames(option: ChartOption): string[] {
  const series = Array.isArray(option.series) ? option.series : option.series ? [option.series] : []
  return series.map((s) => (typeof s.name === 'string' ? s.name : '')).filter((n) => n !== '')
}

/** Lines the legend wraps onto at `width` pixels, given a way to measure a name's text width. */
export function legendLines(
  names: string[],
  width: number,
  measure: (t: string) => number,
): number {
  if (names.length === 0 || width <= 0) return 1
  let lines = 1
  let used = 0
  for (const n of names) {
    const w = ITEM_CHROME + measure(n)
    if (used > 0 && used + w > width) {
      lines++
      used = 0
    }
    used += w + ITEM_GAP
  }
  return lines
}

/** The option with the plot moved below a legend of `lines` lines. */
export function withLegendRoom(option: ChartOption, lines: number): ChartOption {
  if (lines <= 1) return option
  const grid = (Array.isArray(option.grid) ? option.grid[0] : option.grid) ?? {}
  const top = typeof grid.top === 'number' ? grid.top : 48
  return { ...option, grid: { ...grid, top: top + (lines - 1) * LEGEND_LINE } }
}
