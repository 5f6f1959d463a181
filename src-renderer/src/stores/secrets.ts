// Runs in: renderer. The secrets store as the screens see it: where secrets are kept, whether they are
// locked, and the masked list. Values only ever go one way (to main); nothing here keeps one.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { SecretEntry, SecretsStatus, SetPassphraseInput } from '@contract'
import { call, onEvent } from '../api'

export const useSecretsStore = defineStore('secrets', () => {
  const status = ref<SecretsStatus | null>(null)
  const list = ref<SecretEntry[]>([])
  /** Locked with a passphrase to enter: what the banner and SecretField react to. */
  const needsUnlock = computed(() => !!status.value?.locked && status.value.passphraseSet)

  async function load(): Promise<SecretsStatus> {
    const s = await call('secrets.status', undefined)
    status.value = s
    // Locked: the masks need the key, so there is nothing to show until it is unlocked.
    list.value = s.locked ? [] : await call('secrets.list', undefined)
    return s
  }

  async function set(name: string, value: string): Promise<SecretEntry> {
    const saved = await call('secrets.set', { name, value })
    list.value = [...list.value.filter((e) => e.name !== name), saved].sort((a, b) =>
      a.name.localeCompare(b.name),
    )
    return saved
  }

  async function remove(name: string): Promise<void> {
    await call('secrets.remove', { name })
    list.value = list.value.filter((e) => e.name !== name)
  }

  async function unlock(passphrase: string): Promise<void> {
    status.value = await call('secrets.unlock', { passphrase })
    await load()
  }

  async function setPassphrase(input: SetPassphraseInput): Promise<void> {
    status.value = await call('secrets.setPassphrase', input)
    await load()
  }

  // Another window, the CLI's server or this one changed something: stay current.
  onEvent((e) => {
    if (e.type === 'secrets.changed') void load()
  })

  return { status, list, needsUnlock, load, set, remove, unlock, setPassphrase }
})
