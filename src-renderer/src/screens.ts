// Runs in: renderer. What each screen not yet filled says: what will appear there and how to get it.
// A screen leaves this table when its feature lands and gets a view of its own.
import type { RouteRecordRaw } from 'vue-router'

export interface EmptyScreen {
  title: string
  subtitle: string
  empty: { title: string; what: string; how: string; actionLabel: string; actionTo: string }
}

export const EMPTY_SCREENS: Record<string, EmptyScreen> = {
  trends: {
    title: 'Trends',
    subtitle: "How your school's reputation is moving",
    empty: {
      title: 'No trends to show yet',
      what: 'Sentiment and volume over time, by source and by theme, the Google rating history and any spikes in negative talk will be charted here.',
      how: 'Charts appear once Footprint has collected mentions over a few days. Add sources in Settings → Sources to start collecting.',
      actionLabel: 'Add a source',
      actionTo: '/settings/sources',
    },
  },
  reports: {
    title: 'Reports',
    subtitle: 'The pre-Ofsted snapshot and POSH escalation packs',
    empty: {
      title: 'No reports yet',
      what: 'The pre-Ofsted snapshot (a PDF for governors and inspectors: trends, sources, incidents and how they were handled) and evidence packs for the Professionals Online Safety Helpline will be built here.',
      how: 'Reports need mentions to report on: add sources in Settings → Sources first.',
      actionLabel: 'Add a source',
      actionTo: '/settings/sources',
    },
  },
}

export const emptyScreenRoutes: RouteRecordRaw[] = Object.entries(EMPTY_SCREENS).map(
  ([path, screen]) => ({
    path: `/${path}`,
    component: () => import('./views/EmptyScreenView.vue'),
    props: { screen },
    meta: { title: screen.title },
  }),
)
