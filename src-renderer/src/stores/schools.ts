// Runs in: renderer. School profiles and which school the user is looking at (a federation has several).
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { School, SchoolInput } from '@contract'
import { call } from '../api'

const CURRENT_KEY = 'footprint.currentSchool'

export const useSchoolsStore = defineStore('schools', () => {
  const list = ref<School[]>([])
  const currentId = ref<number | null>(Number(localStorage.getItem(CURRENT_KEY)) || null)

  const current = computed(
    () => list.value.find((s) => s.id === currentId.value) ?? list.value[0] ?? null,
  )

  async function load(): Promise<void> {
    list.value = await call('schools.list', undefined)
  }

  function select(id: number): void {
    currentId.value = id
    localStorage.setItem(CURRENT_KEY, String(id))
  }

  async function update(id: number, profile: SchoolInput): Promise<School> {
    const saved = await call('schools.update', { id, profile })
    list.value = list.value.map((s) => (s.id === id ? saved : s))
    return saved
  }

  async function create(profile: SchoolInput): Promise<School> {
    const saved = await call('schools.create', profile)
    list.value = [...list.value, saved]
    return saved
  }

  return { list, current, load, select, update, create }
})
