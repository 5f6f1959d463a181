// Runs in: renderer. Exports as downloads: main builds the file (CSV or JSON Lines of the inbox with its
// current filters, or the audit trail) and sends it whole in the answer; the screen saves it through
// a Blob link, which works the same in the desktop app and in browser mode.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ExportFile, ExportFormat, ExportMentionsInput } from '@contract'
import { call } from '../api'

function save(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Revoked later: some browsers read the Blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

export const useExportsStore = defineStore('exports', () => {
  const busy = ref(false)

  async function run(make: () => Promise<ExportFile>): Promise<ExportFile> {
    busy.value = true
    try {
      const file = await make()
      save(file)
      return file
    } finally {
      busy.value = false
    }
  }

  const mentions = (query: Omit<ExportMentionsInput, 'format'>, format: ExportFormat) =>
    run(() => call('exports.mentions', { ...query, format }))
  const audit = () => run(() => call('exports.audit', undefined))

  return { busy, mentions, audit }
})
