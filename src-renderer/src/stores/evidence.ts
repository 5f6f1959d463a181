// Runs in: renderer. Evidence of one mention: its captures, each re-hashed by main when listed, and
// the one-click capture of its page. Captures are slow (a browser opens the page), so the store says
// when one is running; main announces `mentions.changed` when the automatic job adds one.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { EvidenceItem } from '@contract'
import { call, onEvent } from '../api'

export const useEvidenceStore = defineStore('evidence', () => {
  const mentionId = ref<number | null>(null)
  const items = ref<EvidenceItem[]>([])
  const capturing = ref(false)
  const loaded = ref(false)

  async function load(id: number): Promise<void> {
    if (mentionId.value !== id) {
      items.value = []
      loaded.value = false
    }
    mentionId.value = id
    const r = await call('capture.ofMention', { mentionId: id })
    // An answer for a mention the screen has left belongs to an old question.
    if (mentionId.value !== id) return
    items.value = r.items
    loaded.value = true
  }

  /** Captures the mention's page now; answers the new capture (a failed one says why). */
  async function capture(): Promise<EvidenceItem | null> {
    const id = mentionId.value
    if (id === null) return null
    capturing.value = true
    try {
      const item = await call('capture.mention', { mentionId: id })
      await load(id)
      return item
    } finally {
      capturing.value = false
    }
  }

  onEvent((e) => {
    if (e.type === 'mentions.changed' && mentionId.value !== null && !capturing.value)
      void load(mentionId.value).catch(() => undefined)
  })

  return { mentionId, items, capturing, loaded, load, capture }
})
