// Runs in: renderer (Electron window or a browser tab in browser mode). Boots the Vue app.
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { onEvent, onUnauthorized } from './api'
import { useSchoolsStore } from './stores/schools'
import { useUsersStore } from './stores/users'
import { useAppStore } from './stores/app'
import { useSessionStore } from './stores/session'

const app = createApp(App).use(createPinia()).use(router)

const appStore = useAppStore()
const schools = useSchoolsStore()
const users = useUsersStore()
const session = useSessionStore()

// Signed out behind our back (idle expiry, removed user): back to sign-in, then back here.
onUnauthorized(() => {
  session.expired()
  const here = router.currentRoute.value.fullPath
  if (!here.startsWith('/signin') && !here.startsWith('/setup'))
    void router.replace({ path: '/signin', query: { to: here } })
})

// Keeps every open window current when another window, the CLI's server, or a poller changes data.
onEvent((event) => {
  if (event.type === 'schools.changed') void schools.load().then(() => appStore.load())
  if (event.type === 'users.changed' && session.user)
    void Promise.all([users.load(), session.load()]).then(() => appStore.load())
})

async function boot(): Promise<void> {
  const status = await appStore.load()
  if (status.setupComplete && (await session.load()).user) await schools.load()
  app.mount('#app')
  await router.isReady()
  // The explicit "ready" signal end-to-end tests wait for, instead of sleeping.
  document.body.dataset.ready = 'true'
}

boot().catch((e: unknown) => {
  const el = document.getElementById('app')
  if (el) {
    el.textContent = `Footprint could not start: ${(e as Error)?.message ?? String(e)}`
    el.setAttribute('role', 'alert')
  }
})
