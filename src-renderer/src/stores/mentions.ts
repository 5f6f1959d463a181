// Runs in: renderer. The Mentions inbox of the current school: work items (mention, triage, SLA clock),
// newest first, a page at a time, filtered by verdict, triage state, assignee and full-text search; the
// counts of their verdicts; corrections. Main announces changes (`mentions.changed`, `workflow.changed`)
// and the store reloads on them, so the list and the counts never disagree.
// A result may be 100,000 rows: pages are fetched as the list nears its end (the view is virtual), and
// the rows are kept shallow (never made deeply reactive), so only what is on screen costs anything.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type {
  CorrectionEntry,
  CorrectionInput,
  MentionAnalysis,
  TriageInput,
  VerdictCounts,
  WorkItem,
} from '@contract'
import { call, messageOf, onEvent } from '../api'
import type { MentionFilter } from '../views/mentions-route'

/** The first page is small so the first rows appear at once; later pages are larger, to scroll far. */
const FIRST_PAGE = 50
const NEXT_PAGE = 500

/** The filter's shape lives with the address parser (a Trends link fills it). */
export type { MentionFilter } from '../views/mentions-route'

export const useMentionsStore = defineStore('mentions', () => {
  const items = shallowRef<WorkItem[]>([])
  const nextBeforeId = ref<number | null>(null)
  const schoolId = ref<number | null>(null)
  const loading = ref(false)
  const filter = ref<MentionFilter>({})
  const counts = ref<VerdictCounts | null>(null)
  /** Why the last reload failed ('' when it did not): shown by the view. */
  const error = ref('')

  const query = () => ({ ...filter.value, search: filter.value.search?.trim() || undefined })

  // A page that arrives after the filter or school changed belongs to an old question: dropped.
  let asked = 0

  async function load(forSchool: number): Promise<void> {
    const ticket = ++asked
    loading.value = true
    error.value = ''
    try {
      const [page, c] = await Promise.all([
        call('inbox.list', { schoolId: forSchool, limit: FIRST_PAGE, ...query() }),
        call('mentions.counts', { schoolId: forSchool }),
      ])
      if (ticket !== asked) return
      schoolId.value = forSchool
      items.value = page.items
      nextBeforeId.value = page.nextBeforeId
      counts.value = c
    } finally {
      if (ticket === asked) loading.value = false
    }
  }

  /** The next page, once: the list asks as it nears its end, and may ask again before this answers. */
  async function loadMore(): Promise<void> {
    if (!nextBeforeId.value || !schoolId.value || loading.value) return
    const ticket = asked
    loading.value = true
    try {
      const page = await call('inbox.list', {
        schoolId: schoolId.value,
        beforeId: nextBeforeId.value,
        limit: NEXT_PAGE,
        ...query(),
      })
      if (ticket !== asked) return
      items.value = items.value.concat(page.items)
      nextBeforeId.value = page.nextBeforeId
    } finally {
      if (ticket === asked) loading.value = false
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
