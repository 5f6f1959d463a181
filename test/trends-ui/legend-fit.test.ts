import { describe, expect, it } from 'vitest'
import {
  LEGEND_LINE,
  legendLines,
  legendNames,
  withLegendRoom,
} from '../../src-renderer/src/components/trends/legend-fit'
import type { ChartOption } from '../../src-renderer/src/components/trends/echarts'

const SOURCES = ['X search', 'Facebook Page', 'Google reviews (Business Profile)', 'Instagram', 'Mumsnet', 'Bluesky search', 'Wikipedia: school article', 'Marrowby Chronicle (news)', 'Reddit search: Hollowmere'] // prettier-ignore
const chars = (t: string) => t.length * 7

describe('room for the Trends legend', () => {
  it('counts the lines a legend wraps onto at a width, as ECharts lays it out', () => {
    expect(legendLines(['Negative', 'Neutral', 'Positive', 'Net score'], 1100, chars)).toBe(1)
    const half = legendLines(SOURCES, 420, chars)
    expect(half).toBeGreaterThanOrEqual(4)
    expect(legendLines(SOURCES, 1100, chars)).toBeLessThan(half)
    // One name wider than the chart still takes one line, never zero or an endless loop.
    expect(legendLines(['x'.repeat(500)], 300, chars)).toBe(1)
    expect(legendLines([], 300, chars)).toBe(1)
  })

  it('moves the plot down by the extra lines and leaves a one-line legend alone', () => {
    const option: ChartOption = {
      grid: { left: 48, top: 48 },
      series: SOURCES.map((name) => ({ type: 'bar' as const, name, data: [1] })),
    }
    expect(legendNames(option)).toEqual(SOURCES)
    expect(withLegendRoom(option, 1)).toBe(option)
    expect(withLegendRoom(option, 4).grid).toEqual({ left: 48, top: 48 + 3 * LEGEND_LINE })
    expect(option.grid).toEqual({ left: 48, top: 48 })
  })
})
