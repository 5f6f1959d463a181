// Runs in: renderer. Screens and the first-run guard. Hash history works under file:// in Electron too.
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { useAppStore } from './stores/app'
import { emptyScreenRoutes } from './screens'

export const NAV: { path: string; label: string }[] = [
  { path: '/today', label: 'Today' },
  { path: '/mentions', label: 'Mentions' },
  { path: '/trends', label: 'Trends' },
  { path: '/approvals', label: 'Approvals' },
  { path: '/incidents', label: 'Incidents' },
  { path: '/reports', label: 'Reports' },
  { path: '/settings', label: 'Settings' },
]

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/today' },
  {
    path: '/setup',
    component: () => import('./views/SetupView.vue'),
    meta: { title: 'Set up', bare: true },
  },
  { path: '/today', component: () => import('./views/TodayView.vue'), meta: { title: 'Today' } },
  {
    path: '/mentions',
    component: () => import('./views/MentionsView.vue'),
    meta: { title: 'Mentions' },
  },
  ...emptyScreenRoutes,
  { path: '/settings', redirect: '/settings/school' },
  {
    path: '/settings/:tab(school|users|sources|security)',
    component: () => import('./views/SettingsView.vue'),
    meta: { title: 'Settings' },
  },
  { path: '/:rest(.*)*', redirect: '/today' },
]

export const router = createRouter({ history: createWebHashHistory(), routes })

router.beforeEach(async (to) => {
  const app = useAppStore()
  const status = app.status ?? (await app.load())
  if (!status.setupComplete && to.path !== '/setup') return '/setup'
  if (status.setupComplete && to.path === '/setup') return '/today'
  return true
})

router.afterEach((to) => {
  document.title = `${String(to.meta.title ?? '')} · Footprint`
})
