// Runs in: renderer. Manual capture: the dialog's state (open, which tab, an image dropped on the
// window) and the two captures. The file's type and size are checked here before any upload, with
// the same limits main applies again.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CaptureImageInput, CaptureOutcome, CaptureUrlInput } from '@contract'
import { call, onEvent } from '../api'

export type CaptureTab = 'web' | 'image'
export type CaptureStage = 'idle' | 'opening' | 'preparing' | 'reading'

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(new Error(`Could not read “${file.name}” from this computer`))
    reader.readAsDataURL(file)
  })
}

export const useCaptureStore = defineStore('capture', () => {
  const show = ref(false)
  const tab = ref<CaptureTab>('web')
  /** An image dropped on the window (or picked), waiting in the Image tab. */
  const file = ref<File | null>(null)
  const stage = ref<CaptureStage>('idle')
  const result = ref<CaptureOutcome | null>(null)
  /** 0–1: how much of the image's text has been read, while it is being read. */
  const progress = ref(0)

  function open(which: CaptureTab = tab.value, withFile: File | null = null): void {
    tab.value = which
    if (withFile) {
      file.value = withFile
      result.value = null
    }
    show.value = true
  }

  function reset(): void {
    result.value = null
    file.value = null
  }

  async function captureUrl(input: CaptureUrlInput): Promise<CaptureOutcome> {
    stage.value = 'opening'
    try {
      result.value = await call('capture.url', input)
      return result.value
    } finally {
      stage.value = 'idle'
    }
  }

  async function importImage(
    picked: File,
    extras: Omit<CaptureImageInput, 'fileName' | 'mime' | 'dataBase64' | 'progressId'>,
  ): Promise<CaptureOutcome> {
    stage.value = 'preparing'
    progress.value = 0
    const progressId = `${Date.now()}-${Math.random().toString(36).slice(2)}`
    const stop = onEvent((e) => {
      if (e.type === 'capture.progress' && e.progressId === progressId) progress.value = e.fraction
    })
    try {
      const dataBase64 = await base64Of(picked)
      stage.value = 'reading'
      result.value = await call('capture.image', {
        ...extras,
        fileName: picked.name,
        mime: picked.type || undefined,
        dataBase64,
        progressId,
      })
      return result.value
    } finally {
      stop()
      stage.value = 'idle'
    }
  }

  return { show, tab, file, stage, result, progress, open, reset, captureUrl, importImage }
})
