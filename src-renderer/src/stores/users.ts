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

  return { list, load, create }
})
