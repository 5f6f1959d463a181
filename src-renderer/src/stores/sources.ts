// Runs in: renderer. The sources Footprint watches, with their health; every change goes through main.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { FetchRun, Source, SourceInput, SourceTestResult } from '@contract'
import { call } from '../api'

export const useSourcesStore = defineStore('sources', () => {
  const list = ref<Source[]>([])
  /** Ids being polled from this window, so their rows can show it. */
  const polling = ref(new Set<number>())

  async function load(): Promise<void> {
    list.value = await call('sources.list', undefined)
  }

  function replace(source: Source): Source {
    const i = list.value.findIndex((s) => s.id === source.id)
    if (i >= 0) list.value.splice(i, 1, source)
    else list.value.push(source)
    return source
  }

  const create = async (source: SourceInput) => replace(await call('sources.create', source))
  const update = async (id: number, source: SourceInput) =>
    replace(await call('sources.update', { id, source }))
  const setEnabled = async (id: number, enabled: boolean) =>
    replace(await call('sources.setEnabled', { id, enabled }))

  async function remove(id: number): Promise<void> {
    await call('sources.remove', { id })
    list.value = list.value.filter((s) => s.id !== id)
  }

  const test = (source: SourceInput): Promise<SourceTestResult> => call('sources.test', { source })
  const runs = (id: number): Promise<FetchRun[]> => call('sources.runs', { id, limit: 20 })

  /** Polls now and refreshes the list so health reflects the run. */
  async function pollNow(id?: number): Promise<FetchRun[]> {
    const ids = id ? [id] : list.value.map((s) => s.id)
    ids.forEach((i) => polling.value.add(i))
    try {
      return await call('sources.pollNow', { id })
    } finally {
      ids.forEach((i) => polling.value.delete(i))
      await load()
    }
  }

  return { list, polling, load, create, update, setEnabled, remove, test, runs, pollNow }
})
