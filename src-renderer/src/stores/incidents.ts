// Runs in: renderer. Incidents of the current school (with their platform-reply reminders) and the one
// incident open on screen. Main decides who may see what (safeguarding incidents come back restricted or
// refused) and announces every change with `incidents.changed`, on which the store reloads.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Incident, IncidentSummary, OpInput } from '@contract'
import { call, messageOf, onEvent } from '../api'

export type IncidentStatusFilter = 'open' | 'closed' | 'all'

export const useIncidentsStore = defineStore('incidents', () => {
  const list = ref<IncidentSummary[]>([])
  const status = ref<IncidentStatusFilter>('open')
  const loading = ref(false)
  /** Why the last list reload failed ('' when it did not): shown by the view. */
  const error = ref('')
  const detail = ref<Incident | null>(null)
  let schoolId: number | null = null
  let detailId: number | null = null

  async function load(forSchool: number): Promise<void> {
    schoolId = forSchool
    loading.value = true
    error.value = ''
    try {
      list.value = await call('incidents.list', { schoolId: forSchool, status: status.value })
    } finally {
      loading.value = false
    }
  }

  async function setStatusFilter(next: IncidentStatusFilter): Promise<void> {
    status.value = next
    if (schoolId !== null) await load(schoolId)
  }

  async function open(id: number): Promise<Incident> {
    detailId = id
    detail.value = null
    detail.value = await call('incidents.get', { id })
    return detail.value
  }

  function close(): void {
    detailId = null
    detail.value = null
  }

  /** Every change returns the whole incident, so the page shows main's version at once. */
  function shown(i: Incident): Incident {
    if (i.id === detailId) detail.value = i
    return i
  }

  const create = async (input: OpInput<'incidents.create'>) =>
    shown(await call('incidents.create', input))
  const addEvent = async (input: OpInput<'incidents.addEvent'>) =>
    shown(await call('incidents.addEvent', input))
  const setStatus = async (id: number, next: 'open' | 'closed') =>
    shown(await call('incidents.setStatus', { id, status: next }))
  const addMentions = async (id: number, mentionIds: number[]) =>
    shown(await call('incidents.addMentions', { id, mentionIds }))
  const removeMention = async (id: number, mentionId: number) =>
    shown(await call('incidents.removeMention', { id, mentionId }))

  // One subscription for the store's lifetime (the app's). A failed detail reload keeps what is shown:
  // the page's own actions report their errors.
  onEvent((e) => {
    if (e.type !== 'incidents.changed') return
    if (schoolId !== null && (e.schoolId === undefined || e.schoolId === schoolId))
      load(schoolId).catch((err: unknown) => (error.value = messageOf(err)))
    if (detailId !== null)
      void call('incidents.get', { id: detailId })
        .then((i) => shown(i))
        .catch(() => undefined)
  })

  return {
    list,
    status,
    loading,
    error,
    detail,
    load,
    setStatusFilter,
    open,
    close,
    create,
    addEvent,
    setStatus,
    addMentions,
    removeMention,
  }
})
