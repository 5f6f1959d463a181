// Runs in: renderer. What each screen not yet filled says: what will appear there and how to get it.
// A screen leaves this table when its feature lands and gets a view of its own.
import type { RouteRecordRaw } from 'vue-router'

export interface EmptyScreen {
  title: string
  subtitle: string
  empty: { title: string; what: string; how: string; actionLabel: string; actionTo: string }
}

export const EMPTY_SCREENS: Record<string, EmptyScreen> = {}

export const emptyScreenRoutes: RouteRecordRaw[] = Object.entries(EMPTY_SCREENS).map(
  ([path, screen]) => ({
    path: `/${path}`,
    component: () => import('./views/EmptyScreenView.vue'),
    props: { screen },
    meta: { title: screen.title },
  }),
)
