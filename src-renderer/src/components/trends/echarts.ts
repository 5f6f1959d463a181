// Runs in: renderer. The parts of ECharts the Trends screen uses, and nothing else (tree-shaken), drawn
// as SVG so charts print sharply. The palette is Okabe-Ito (safe for every common colour-vision type);
// sentiment never relies on colour alone: each series also has its own fill pattern and name.
import { use } from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import {
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
} from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'
import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts'
import type {
  AriaComponentOption,
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components'

use([
  BarChart,
  LineChart,
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  SVGRenderer,
])

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | AriaComponentOption
  | DataZoomComponentOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>

/** Okabe-Ito, in an order where neighbours differ in lightness as well as hue. */
export const OKABE_ITO = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
]

export const SENTIMENT_COLOURS = {
  negative: '#D55E00',
  neutral: '#A6A6A6',
  positive: '#0072B2',
} as const

/** Fill patterns, so negative and positive differ in print and for anyone who cannot tell the hues. */
type DecalObject = Exclude<NonNullable<NonNullable<BarSeriesOption['itemStyle']>['decal']>, 'none'>

export const SENTIMENT_DECALS: Record<'negative' | 'neutral' | 'positive', DecalObject> = {
  negative: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [3, 5], rotation: -Math.PI / 4, color: 'rgba(255,255,255,0.55)' },
  neutral: { symbol: 'none' },
  positive: { symbol: 'circle', symbolSize: 0.8, dashArrayX: [[6, 6]], dashArrayY: [6, 0], color: 'rgba(255,255,255,0.6)' },
} // prettier-ignore

/** Line marker shapes, one per series, so lines differ without colour. */
export const SYMBOLS = [
  'circle',
  'rect',
  'triangle',
  'diamond',
  'emptyCircle',
  'roundRect',
  'pin',
  'arrow',
]

/** Common settings: no animation (a chart is "finished" as soon as it is drawn, and prints at once). */
export const BASE: ChartOption = {
  animation: false,
  aria: { enabled: true, decal: { show: true } },
  textStyle: { fontFamily: 'system-ui, sans-serif', color: '#1b1e21' },
  grid: { left: 48, right: 48, top: 48, bottom: 36, containLabel: true },
  tooltip: { trigger: 'item', confine: true },
  legend: { top: 0, left: 0, itemGap: 16, textStyle: { fontSize: 13 } },
}
