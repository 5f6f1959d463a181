// Runs in: renderer. Reports of the current school: past pre-Ofsted snapshots (reloaded after each new
// one), building a snapshot, and building a POSH pack for an incident. Main builds every file; the
// screens only hand the bytes to the browser's download.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { OpInput, OpOutput, SnapshotSummary } from '@contract'
import { call } from '../api'

export const useReportsStore = defineStore('reports', () => {
  const snapshots = ref<SnapshotSummary[]>([])
  const loading = ref(false)
  let schoolId: number | null = null

  async function load(forSchool: number): Promise<void> {
    schoolId = forSchool
    loading.value = true
    try {
      snapshots.value = await call('reports.snapshots', { schoolId: forSchool })
    } finally {
      loading.value = false
    }
  }

  async function ofsted(input: OpInput<'reports.ofsted'>): Promise<OpOutput<'reports.ofsted'>> {
    const r = await call('reports.ofsted', input)
    if (schoolId === input.schoolId) await load(input.schoolId)
    return r
  }

  const snapshotFile = (id: number) => call('reports.snapshotFile', { id })
  /** Answers with warnings and no file until the user chooses to proceed. */
  const posh = (input: OpInput<'reports.posh'>) => call('reports.posh', input)

  return { snapshots, loading, load, ofsted, snapshotFile, posh }
})
