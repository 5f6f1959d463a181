// Runs in: renderer. The people who use Footprint and their roles.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { User, UserInput } from '@contract'
import { call } from '../api'

export const useUsersStore = defineStore('users', () => {
  const list = ref<User[]>([])

  async function load(): Promise<void> {
    list.value = await call('users.list', undefined)
  }

  async function create(input: UserInput): Promise<User> {
    const user = await call('users.create', input)
    list.value = [...list.value, user]
    return user
  }

  async function setPassword(id: number, password: string): Promise<void> {
    await call('users.setPassword', { id, password })
    await load()
  }

  async function remove(id: number): Promise<{ unassigned: number }> {
    const r = await call('users.remove', { id })
    await load()
    return r
  }

  return { list, load, create, setPassword, remove }
})
