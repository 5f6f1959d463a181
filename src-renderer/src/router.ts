// Runs in: renderer. Screens and the first-run guard. Hash history works under file:// in Electron too.
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { useAppStore } from './stores/app'
import { useSessionStore } from './stores/session'
import { emptyScreenRoutes } from './screens'

export const NAV: { path: string; label: string }[] = [
  { path: '/today', label: 'Today' },
  { path: '/digest', label: 'Digest' },
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
  {
    path: '/signin',
    component: () => import('./views/SignInView.vue'),
    meta: { title: 'Sign in', bare: true },
  },
  { path: '/today', component: () => import('./views/TodayView.vue'), meta: { title: 'Today' } },
  {
    path: '/mentions/:id(\\d+)',
    component: () => import('./views/MentionView.vue'),
    meta: { title: 'Mention' },
  },
  {
    path: '/approvals',
    component: () => import('./views/ApprovalsView.vue'),
    meta: { title: 'Approvals' },
  },
  {
    path: '/mentions',
    component: () => import('./views/MentionsView.vue'),
    meta: { title: 'Mentions' },
  },
  {
    path: '/digest',
    component: () => import('./views/DigestView.vue'),
    meta: { title: 'Digest' },
  },
  {
    path: '/trends',
    component: () => import('./views/TrendsView.vue'),
    meta: { title: 'Trends' },
  },
  {
    path: '/incidents',
    component: () => import('./views/IncidentsView.vue'),
    meta: { title: 'Incidents' },
  },
  {
    path: '/reports',
    component: () => import('./views/ReportsView.vue'),
    meta: { title: 'Reports' },
  },
  {
    path: '/incidents/:id(\\d+)',
    component: () => import('./views/IncidentView.vue'),
    meta: { title: 'Incident' },
  },
  ...emptyScreenRoutes,
  { path: '/settings', redirect: '/settings/school' },
  {
    path: '/settings/:tab(school|users|sources|security|deadlines|alerts|audit|backups|retention)',
    component: () => import('./views/SettingsView.vue'),
    meta: { title: 'Settings' },
  },
  { path: '/:rest(.*)*', redirect: '/today' },
]

export const router = createRouter({ history: createWebHashHistory(), routes })

router.beforeEach(async (to) => {
  const app = useAppStore()
  const status = app.status ?? (await app.load())
  if (!status.setupComplete) return to.path === '/setup' ? true : '/setup'
  if (to.path === '/setup') return '/today'
  const session = useSessionStore()
  const info = session.info ?? (await session.load())
  if (!info.user)
    return to.path === '/signin' ? true : { path: '/signin', query: { to: to.fullPath } }
  if (to.path === '/signin') return '/today'
  return true
})

router.afterEach((to) => {
  document.title = `${String(to.meta.title ?? '')} · Footprint`
})
