// Runs in: renderer. Install status: is first-run setup done, which mode, which data folder.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppStatus, SetupInput } from '@contract'
import { call } from '../api'

export const useAppStore = defineStore('app', () => {
  const status = ref<AppStatus | null>(null)

  async function load(): Promise<AppStatus> {
    status.value = await call('app.status', undefined)
    return status.value
  }

  /** Creates the school and the first user together; afterwards the app opens on Today. */
  async function completeSetup(input: SetupInput) {
    const result = await call('setup.complete', input)
    await load()
    return result
  }

  return { status, load, completeSetup }
})
