// Runs in: renderer. The workflow of one school: the daily check, one mention's page (drafts with their
// policy check), and the head's approvals queue. Every action goes to the service, which enforces the
// rules (who may approve, what may be sent); the store refreshes on `workflow.changed`.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type {
  ApprovalItem,
  DailyCheck,
  DraftView,
  MentionDetail,
  OpInput,
  Situation,
} from '@contract'
import { call, onEvent } from '../api'

export const useWorkflowStore = defineStore('workflow', () => {
  const check = ref<DailyCheck | null>(null)
  const detail = ref<MentionDetail | null>(null)
  const approvals = ref<ApprovalItem[]>([])
  let checkSchool: number | null = null
  let detailId: number | null = null
  let approvalsLoaded = false

  async function loadCheck(schoolId: number): Promise<void> {
    checkSchool = schoolId
    check.value = await call('today.check', { schoolId })
  }

  /** Everything shown now counts as seen by this user; the next check starts after it. */
  async function markChecked(): Promise<void> {
    if (!check.value || checkSchool === null) return
    await call('today.markChecked', { schoolId: checkSchool, throughId: check.value.throughId })
    await loadCheck(checkSchool)
  }

  async function loadDetail(id: number): Promise<void> {
    detailId = id
    detail.value = await call('mentions.get', { id })
  }

  async function loadApprovals(): Promise<void> {
    approvalsLoaded = true
    approvals.value = await call('approvals.list', {})
  }

  async function refreshDetail(): Promise<void> {
    if (detailId !== null) await loadDetail(detailId)
  }

  async function generate(situation?: Situation): Promise<DraftView[]> {
    if (detailId === null) return []
    const drafts = await call('drafts.generate', { mentionId: detailId, situation })
    await refreshDetail()
    return drafts
  }

  /** One draft action, then the page reloads: the draft's status, version and check come from main. */
  async function act<
    K extends
      | 'drafts.update'
      | 'drafts.submit'
      | 'drafts.decide'
      | 'drafts.discard'
      | 'drafts.post'
      | 'drafts.undoPost'
      | 'drafts.recordPosted'
      | 'drafts.create',
  >(name: K, input: OpInput<K>): Promise<void> {
    await call(name, input)
    await Promise.all([refreshDetail(), approvalsLoaded ? loadApprovals() : undefined])
  }

  async function triage(input: Omit<OpInput<'mentions.triage'>, 'ids'>): Promise<void> {
    if (detailId === null) return
    await call('mentions.triage', { ...input, ids: [detailId] } as OpInput<'mentions.triage'>)
    await refreshDetail()
  }

  onEvent((e) => {
    if (e.type !== 'workflow.changed' && e.type !== 'mentions.changed') return
    if (checkSchool !== null && (e.schoolId === undefined || e.schoolId === checkSchool))
      void loadCheck(checkSchool).catch(() => undefined)
    if (detailId !== null) void refreshDetail().catch(() => undefined)
    if (approvalsLoaded) void loadApprovals().catch(() => undefined)
  })

  return {
    check,
    detail,
    approvals,
    loadCheck,
    markChecked,
    loadDetail,
    loadApprovals,
    generate,
    act,
    triage,
  }
})
