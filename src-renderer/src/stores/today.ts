// Runs in: renderer. The daily check for the current school.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { TodaySummary } from '@contract'
import { call } from '../api'

export const useTodayStore = defineStore('today', () => {
  const summary = ref<TodaySummary | null>(null)

  async function load(schoolId: number): Promise<void> {
    summary.value = await call('today.summary', { schoolId })
  }

  return { summary, load }
})
