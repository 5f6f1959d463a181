// Runs in: renderer. The Mentions inbox of the current school: work items (mention, triage, SLA clock),
// newest first, a page at a time, filtered by verdict, triage state, assignee and full-text search; the
// counts of their verdicts; corrections. Main announces changes (`mentions.changed`, `workflow.changed`)
// and the store reloads on them, so the list and the counts never disagree.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type {
  CorrectionEntry,
  CorrectionInput,
  InboxQuery,
  MentionAnalysis,
  PolicyFlag,
  SentimentLabel,
  TriageInput,
  VerdictCounts,
  WorkItem,
} from '@contract'
import { call, messageOf, onEvent } from '../api'

const PAGE = 50

export interface MentionFilter {
  sentiment?: SentimentLabel
  flag?: PolicyFlag
  state?: InboxQuery['state']
  assignee?: InboxQuery['assignee']
  search?: string
}

export const useMentionsStore = defineStore('mentions', () => {
  const items = ref<WorkItem[]>([])
  const nextBeforeId = ref<number | null>(null)
  const schoolId = ref<number | null>(null)
  const loading = ref(false)
  const filter = ref<MentionFilter>({})
  const counts = ref<VerdictCounts | null>(null)
  /** Why the last reload failed ('' when it did not): shown by the view. */
  const error = ref('')

  const query = () => ({ ...filter.value, search: filter.value.search?.trim() || undefined })

  async function load(forSchool: number): Promise<void> {
    loading.value = true
    error.value = ''
    try {
      const [page, c] = await Promise.all([
        call('inbox.list', { schoolId: forSchool, limit: PAGE, ...query() }),
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
      const page = await call('inbox.list', {
        schoolId: schoolId.value,
        beforeId: nextBeforeId.value,
        limit: PAGE,
        ...query(),
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

  /** Triage, assign or snooze several at once; the `workflow.changed` that follows reloads the list. */
  async function triage(change: Omit<TriageInput, 'ids'>, ids: number[]): Promise<number> {
    const r = await call('mentions.triage', { ...change, ids } as TriageInput)
    if (schoolId.value) await load(schoolId.value)
    return r.updated
  }

  // One subscription for the store's lifetime (the app's): any change to mentions reloads what is shown.
  onEvent((e) => {
    if ((e.type === 'mentions.changed' || e.type === 'workflow.changed') && schoolId.value) {
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
    triage,
  }
})
