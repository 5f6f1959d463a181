// Runs in: renderer. Mentions of the current school, newest first, a page at a time; the counts of their
// verdicts; and corrections of a verdict. Main announces every change with `mentions.changed`, and the
// store reloads on it, so the list and the counts never disagree.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type {
  CorrectionEntry,
  CorrectionInput,
  Mention,
  MentionAnalysis,
  PolicyFlag,
  SentimentLabel,
  VerdictCounts,
} from '@contract'
import { call, messageOf, onEvent } from '../api'

const PAGE = 50

export interface MentionFilter {
  sentiment?: SentimentLabel
  flag?: PolicyFlag
}

export const useMentionsStore = defineStore('mentions', () => {
  const items = ref<Mention[]>([])
  const nextBeforeId = ref<number | null>(null)
  const schoolId = ref<number | null>(null)
  const loading = ref(false)
  const filter = ref<MentionFilter>({})
  const counts = ref<VerdictCounts | null>(null)
  /** Why the last reload failed ('' when it did not): shown by the view. */
  const error = ref('')

  async function load(forSchool: number): Promise<void> {
    loading.value = true
    error.value = ''
    try {
      const [page, c] = await Promise.all([
        call('mentions.list', { schoolId: forSchool, limit: PAGE, ...filter.value }),
        call('mentions.counts', { schoolId: forSchool }),
      ])
      schoolId.value = forSchool
      items.value = page.items
      nextBeforeId.value = page.nextBeforeId
      counts.value = c
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
        ...filter.value,
      })
      items.value = [...items.value, ...page.items]
      nextBeforeId.value = page.nextBeforeId
    } finally {
      loading.value = false
    }
  }

  async function setFilter(next: MentionFilter): Promise<void> {
    filter.value = next
    if (schoolId.value) await load(schoolId.value)
  }

  /** Records the exclusion and hides what it rules out; the list reloads to drop those mentions. */
  async function notAboutUs(id: number, term?: string) {
    const result = await call('mentions.notAboutUs', { id, term: term || undefined })
    if (schoolId.value) await load(schoolId.value)
    return result
  }

  /** Shows the new verdict at once; the `mentions.changed` that follows brings the counts. */
  function replaceAnalysis(id: number, analysis: MentionAnalysis): void {
    items.value = items.value.map((m) => (m.id === id ? { ...m, analysis } : m))
  }

  async function correct(input: CorrectionInput): Promise<MentionAnalysis> {
    const analysis = await call('mentions.correct', input)
    replaceAnalysis(input.id, analysis)
    return analysis
  }

  async function clearCorrection(id: number): Promise<MentionAnalysis> {
    const analysis = await call('mentions.clearCorrection', { id })
    replaceAnalysis(id, analysis)
    return analysis
  }

  const corrections = (id: number): Promise<CorrectionEntry[]> =>
    call('mentions.corrections', { id })

  // One subscription for the store's lifetime (the app's): any change to mentions reloads what is shown.
  onEvent((e) => {
    if (e.type === 'mentions.changed' && schoolId.value) {
      if (e.schoolId === undefined || e.schoolId === schoolId.value)
        load(schoolId.value).catch((err: unknown) => (error.value = messageOf(err)))
    }
  })

  return {
    items,
    nextBeforeId,
    loading,
    filter,
    counts,
    error,
    load,
    loadMore,
    setFilter,
    notAboutUs,
    correct,
    clearCorrection,
    corrections,
  }
})
