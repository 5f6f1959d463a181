// Runs in: renderer. Mentions of the current school, newest first, a page at a time.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Mention } from '@contract'
import { call } from '../api'

const PAGE = 50

export const useMentionsStore = defineStore('mentions', () => {
  const items = ref<Mention[]>([])
  const nextBeforeId = ref<number | null>(null)
  const schoolId = ref<number | null>(null)
  const loading = ref(false)

  async function load(forSchool: number): Promise<void> {
    loading.value = true
    try {
      const page = await call('mentions.list', { schoolId: forSchool, limit: PAGE })
      schoolId.value = forSchool
      items.value = page.items
      nextBeforeId.value = page.nextBeforeId
    } finally {
      loading.value = false
    }
  }

  async function loadMore(): Promise<void> {
    if (!nextBeforeId.value || !schoolId.value) return
    loading.value = true
    try {
      const page = await call('mentions.list', {
        schoolId: schoolId.value,
        beforeId: nextBeforeId.value,
        limit: PAGE,
      })
      items.value = [...items.value, ...page.items]
      nextBeforeId.value = page.nextBeforeId
    } finally {
      loading.value = false
    }
  }

  /** Records the exclusion and hides what it rules out; the list reloads to drop those mentions. */
  async function notAboutUs(id: number, term?: string) {
    const result = await call('mentions.notAboutUs', { id, term: term || undefined })
    if (schoolId.value) await load(schoolId.value)
    return result
  }

  return { items, nextBeforeId, loading, load, loadMore, notAboutUs }
})
