// Runs in: renderer. Who is signed in on this window, and what their role lets them do. The service
// enforces every permission; this store only lets screens hide what would be refused.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Permission, SessionInfo } from '@contract'
import { call } from '../api'

export const useSessionStore = defineStore('session', () => {
  const info = ref<SessionInfo | null>(null)
  const user = computed(() => info.value?.user ?? null)

  async function load(): Promise<SessionInfo> {
    info.value = await call('auth.session', undefined)
    return info.value
  }

  async function signIn(email: string, password: string): Promise<SessionInfo> {
    info.value = await call('auth.signIn', { email, password })
    return info.value
  }

  /** Signing out is also how to switch user: the window stays open on the sign-in screen. */
  async function signOut(): Promise<void> {
    info.value = await call('auth.signOut', undefined)
  }

  /** The service said this window is no longer signed in (idle expiry, user removed). */
  function expired(): void {
    if (info.value) info.value = { ...info.value, user: null, permissions: [] }
  }

  function can(permission: Permission): boolean {
    return info.value?.permissions.includes(permission) ?? false
  }

  return { info, user, load, signIn, signOut, expired, can }
})
