// Runs in: renderer. The bell's notifications, quiet-hours settings and the daily digest. The service
// decides what each user may read; this store only keeps the latest answer and says what is new.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Digest, Notification, NotificationSettings } from '@contract'
import { call, onEvent } from '../api'
import { useSessionStore } from './session'

export const useNotificationsStore = defineStore('notifications', () => {
  const items = ref<Notification[]>([])
  const settings = ref<NotificationSettings | null>(null)
  const digest = ref<Digest | null>(null)
  /** Urgent notifications just pushed: the bell alerts each once, in-app. */
  const fresh = ref<Notification[]>([])
  const unread = computed(() => items.value.filter((n) => !n.read).length)
  // What has been alerted, or was already there when this window first loaded (opening the app is not
  // an alert). Ids, not "newest seen": an item held by quiet hours is loaded at night, alerted at 07:00.
  let alerted: Set<number> | null = null
  // Switching user on this window starts afresh: the next person's backlog is not news either.
  let alertedFor: number | null = null

  async function load(alert = false): Promise<void> {
    const list = await call('notifications.list', { limit: 50 })
    const userId = useSessionStore().user?.id ?? null
    if (userId !== alertedFor) {
      alerted = null
      alertedFor = userId
    }
    if (alerted === null) alerted = new Set(list.map((n) => n.id))
    else if (alert) {
      const seen = alerted
      const news = list.filter((n) => !n.read && n.kind === 'urgent_mention' && !seen.has(n.id))
      for (const n of news) seen.add(n.id)
      if (news.length) fresh.value = [...fresh.value, ...news]
    }
    items.value = list
  }

  async function markRead(ids: number[]): Promise<void> {
    if (!ids.length) return
    // In chunks the contract accepts; the list is capped at 50 anyway.
    for (let i = 0; i < ids.length; i += 500)
      await call('notifications.markRead', { ids: ids.slice(i, i + 500) })
    const done = new Set(ids)
    items.value = items.value.map((n) => (done.has(n.id) ? { ...n, read: true } : n))
  }

  const markAllRead = () => markRead(items.value.filter((n) => !n.read).map((n) => n.id))

  async function loadSettings(): Promise<NotificationSettings> {
    // The plain answer, not the reactive copy: callers clone it into a form.
    const s = await call('notifications.settings', undefined)
    settings.value = s
    return s
  }

  async function saveSettings(next: NotificationSettings): Promise<NotificationSettings> {
    const s = await call('notifications.updateSettings', next)
    settings.value = s
    return s
  }

  async function loadDigest(since?: string): Promise<Digest> {
    const d = await call('digest.get', since ? { since } : {})
    digest.value = d
    return d
  }

  /** What an alert has shown: cleared so the same item never pops up twice. */
  function takeFresh(): Notification[] {
    const out = fresh.value
    fresh.value = []
    return out
  }

  // One subscription for the app's lifetime; nothing to fetch while this window is signed out.
  onEvent((e) => {
    if (e.type !== 'notifications.changed' || !useSessionStore().user) return
    void load(e.urgent).catch(() => {
      // The bell keeps its last list; the next event or opening it tries again.
    })
    if (settings.value) void loadSettings().catch(() => {})
  })

  return {
    items,
    unread,
    settings,
    digest,
    fresh,
    load,
    markRead,
    markAllRead,
    loadSettings,
    saveSettings,
    loadDigest,
    takeFresh,
  }
})
