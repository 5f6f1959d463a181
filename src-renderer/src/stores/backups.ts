// Runs in: renderer. Backups, retention and subject access requests (Settings → Backups and → Data
// retention). Main does all the work; this keeps the latest list and what the last check or preview
// said, so the confirmation always shows the facts it confirms.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type {
  BackupCheck,
  BackupOverview,
  BackupSettings,
  LegalHold,
  OpInput,
  RetentionPreview,
  SarFile,
} from '@contract'
import { call } from '../api'

export const useBackupsStore = defineStore('backups', () => {
  const overview = ref<BackupOverview | null>(null)
  const holds = ref<LegalHold[]>([])
  const busy = ref(false)

  async function load(): Promise<void> {
    overview.value = await call('backups.list', undefined)
  }

  async function backupNow() {
    busy.value = true
    try {
      const b = await call('backups.run', undefined)
      await load()
      return b
    } finally {
      busy.value = false
    }
  }

  async function saveSettings(s: BackupSettings): Promise<void> {
    await call('backups.updateSettings', s)
    await load()
  }

  const check = (file: string): Promise<BackupCheck> => call('backups.check', { file })

  async function restore(file: string) {
    busy.value = true
    try {
      const r = await call('backups.restore', { file, confirm: true })
      await load()
      return r
    } finally {
      busy.value = false
    }
  }

  const preview = (months: number): Promise<RetentionPreview> =>
    call('retention.preview', { months })
  const apply = (p: RetentionPreview) =>
    call('retention.apply', { months: p.months, cutoff: p.cutoff, expected: p.count })

  async function loadHolds(): Promise<void> {
    holds.value = await call('retention.holds', undefined)
  }
  async function setHold(input: OpInput<'mentions.setLegalHold'>): Promise<void> {
    await call('mentions.setLegalHold', input)
    await loadHolds()
  }

  const sar = (input: OpInput<'sar.export'>): Promise<SarFile> => call('sar.export', input)

  return {
    overview,
    holds,
    busy,
    load,
    backupNow,
    saveSettings,
    check,
    restore,
    preview,
    apply,
    loadHolds,
    setHold,
    sar,
  }
})
