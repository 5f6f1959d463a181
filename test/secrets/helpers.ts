// Test doubles for the secrets store: an in-memory key provider standing in for safeStorage or the keychain,
// and a store over a fresh data folder. Nothing here touches a real keychain.
import { openDataDir, createStore, type Store } from '../../src-main/store'
import { createSecretStore, type KeyProvider } from '../../src-main/secrets'
import { tempDir } from '../helpers/tmp'

/** Low scrypt cost: the production cost is tested once, separately; these tests test behaviour. */
export const FAST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 }

export interface FakeProvider extends KeyProvider {
  isAvailable: boolean
  /** What the "keychain" holds, by the reference wrap() answered. */
  vault: Map<string, Buffer>
}

export function fakeProvider(
  backend: KeyProvider['backend'] = 'keychain',
  isAvailable = true,
): FakeProvider {
  const vault = new Map<string, Buffer>()
  let n = 0
  const p: FakeProvider = {
    backend,
    isAvailable,
    vault,
    available: async () => p.isAvailable,
    async wrap(key) {
      const ref = `entry-${++n}`
      vault.set(ref, Buffer.from(key))
      return Buffer.from(ref)
    },
    async unwrap(wrapped) {
      const key = vault.get(wrapped.toString())
      if (!key) throw new Error('no such entry')
      return key
    },
    async discard(wrapped) {
      vault.delete(wrapped.toString())
    },
  }
  return p
}

export function freshStore(): Store {
  return createStore(openDataDir(tempDir()))
}

/** A new SecretStore over the same database: what the next launch of the app sees. */
export function openSecrets(store: Store, provider: KeyProvider | null = null) {
  return createSecretStore({
    store,
    provider,
    scryptCost: FAST_SCRYPT,
    now: () => new Date('2026-11-21T09:00:00Z'),
  })
}

/** Every text and blob cell of every table, as text, for leak checks. */
export function everyCell(store: Store): string[] {
  const tables = store.db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
    .all()
  const cells: string[] = []
  for (const { name } of tables) {
    for (const row of store.db.prepare(`SELECT * FROM "${name}"`).all() as Record<
      string,
      unknown
    >[]) {
      for (const v of Object.values(row)) {
        if (Buffer.isBuffer(v)) cells.push(v.toString('utf8'), v.toString('latin1'))
        else if (v !== null) cells.push(String(v))
      }
    }
  }
  return cells
}
