// Runs in: renderer. The Mentions inbox of the current school: work items (mention, triage, SLA clock),
// newest first, filtered by verdict, triage state, assignee and full-text search; the counts of their
// verdicts; corrections. Main announces changes (`mentions.changed`, `workflow.changed`) and the store
// fetches what is on screen again, so the list and the counts never disagree.
// A result may be 100,000 rows: the server counts it, the view is virtual and says which rows are on
// screen, and only the pages around them are held (composables/page-window), so memory stays flat
// however far the reader scrolls. Rows are kept shallow (never made deeply reactive).
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type {
  CorrectionEntry,
  CorrectionInput,
  MentionAnalysis,
  TriageInput,
  VerdictCounts,
  WorkItem,
} from '@contract'
import { call, messageOf, onEvent } from '../api'
import { createPageWindow } from '../composables/page-window'
import type { MentionFilter } from '../views/mentions-route'

/** Rows per request: a screenful or two of cards, small enough that a jump answers at once. */
const PAGE = 50
/** Pages held at most (400 rows): what is on screen, a page either side, and a few just left behind. */
const HELD_PAGES = 8

/** The filter's shape lives with the address parser (a Trends link fills it). */
export type { MentionFilter } from '../views/mentions-route'

export const useMentionsStore = defineStore('mentions', () => {
  /** Bumped whenever the rows held change: the view reads it to re-render the rows on screen. */
  const version = ref(0)
  /** Rows in the whole result as the server counted them (null until it has said). */
  const total = ref<number | null>(null)
  const schoolId = ref<number | null>(null)
  const loading = ref(false)
  const filter = ref<MentionFilter>({})
  const counts = ref<VerdictCounts | null>(null)
  /** Why the last reload failed ('' when it did not): shown by the view. */
  const error = ref('')
  /** Bumped by each new question, so the view can take the reader back to the top of the list. */
  const resets = ref(0)

  const query = () => ({ ...filter.value, search: filter.value.search?.trim() || undefined })

  const rows = createPageWindow<WorkItem>({
    pageSize: PAGE,
    maxPages: HELD_PAGES,
    fetch: async ({ offset, limit, withTotal }) => {
      const page = await call('inbox.list', {
        schoolId: schoolId.value!,
        ...query(),
        offset,
        limit,
        withTotal,
      })
      return { items: page.items, total: page.total }
    },
    onChange: () => {
      total.value = rows.total()
      version.value++
    },
  })

  /**
   * The row at `index`, or undefined while it is being fetched (the view shows a placeholder). It
   * reads `version`, so whatever renders a row renders again when its page arrives or goes.
   */
  function row(index: number): WorkItem | undefined {
    void version.value
    return rows.get(index)
  }

  /** The view says which rows are on screen; their pages (and one either side) are fetched. */
  function show(first: number, last: number): Promise<void> {
    return schoolId.value ? rows.show(first, last) : Promise.resolve()
  }

  /** What the list holds right now (shown to the benchmark on the list element). */
  function held(): { pages: number; rows: number } {
    void version.value
    return { pages: rows.heldPages(), rows: rows.heldRows() }
  }

  // Counts that arrive after the filter or school changed belong to an old question: dropped.
  let asked = 0

  /** A new question (school or filter): the list starts again from its first rows. */
  async function load(forSchool: number): Promise<void> {
    const ticket = ++asked
    loading.value = true
    error.value = ''
    schoolId.value = forSchool
    rows.reset()
    resets.value++
    try {
      const [c] = await Promise.all([
        call('mentions.counts', { schoolId: forSchool }),
        rows.show(0, PAGE - 1),
      ])
      if (ticket === asked) counts.value = c
    } finally {
      if (ticket === asked) loading.value = false
    }
  }

  /** The same question, answers changed (new mentions, a triage): held rows stay until fresh ones come. */
  async function refresh(): Promise<void> {
    if (!schoolId.value) return
    const ticket = asked
    const [c] = await Promise.all([
      call('mentions.counts', { schoolId: schoolId.value }),
      rows.invalidate(),
    ])
    if (ticket === asked) counts.value = c
  }

  async function setFilter(next: MentionFilter): Promise<void> {
    filter.value = next
    if (schoolId.value) await load(schoolId.value)
  }

  /** Records the exclusion and hides what it rules out; the list is fetched again without them. */
  async function notAboutUs(id: number, term?: string) {
    const result = await call('mentions.notAboutUs', { id, term: term || undefined })
    await refresh()
    return result
  }

  /** Shows the new verdict at once; the `mentions.changed` that follows brings the counts. */
  function replaceAnalysis(id: number, analysis: MentionAnalysis): void {
    rows.update((m) => (m.id === id ? { ...m, analysis } : m))
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
    await refresh()
    return r.updated
  }

  // One subscription for the store's lifetime (the app's): any change to mentions fetches what is shown.
  onEvent((e) => {
    if ((e.type === 'mentions.changed' || e.type === 'workflow.changed') && schoolId.value) {
      if (e.schoolId === undefined || e.schoolId === schoolId.value)
        refresh().catch((err: unknown) => (error.value = messageOf(err)))
    }
  })

  return {
    version,
    resets,
    total,
    row,
    show,
    held,
    loading,
    filter,
    counts,
    error,
    load,
    refresh,
    setFilter,
    notAboutUs,
    correct,
    clearCorrection,
    corrections,
    triage,
  }
})
