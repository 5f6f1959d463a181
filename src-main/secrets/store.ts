// Runs in: main process and CLI (Node). The secrets store: API keys, tokens and app passwords encrypted at
// rest (AES-256-GCM, one random data key, a fresh IV per value, the name bound as AAD) in SQLite. The data
// key lives only in memory; on disk it is wrapped by safeStorage or the keychain (opened without asking)
// and/or by a passphrase (entered once per launch). Connectors read values through `get` (Credentials);
// nothing else ever answers with a value, and no value reaches a log, an error, an audit row or inspect().
import { inspect } from 'node:util'
import type { z } from 'zod'
import {
  NewPassphrase,
  SecretName,
  SecretValue,
  type SecretEntry,
  type SecretsStatus,
} from '../contract/secrets'
import type { Credentials } from '../sources/credentials'
import type { Store } from '../store'
import {
  secretsRepo,
  type KeyWrapRow,
  type SecretRow,
  type WrapBackend,
} from '../store/repos/secrets'
import { mask, newDataKey, sameBytes, seal, unseal, valueAad, type ScryptParams } from './crypto'
import { SecretsError, SecretsLockedError } from './errors'
import type { KeyProvider } from './providers'
import {
  unwrapWithPassphrase,
  unwrapWithProvider,
  wrapWithPassphrase,
  wrapWithProvider,
  type NewWrap,
} from './wraps'

export interface SecretStoreOptions {
  store: Store
  /** safeStorage (app) or the keychain (browser mode, CLI); null or absent: the passphrase only. */
  provider?: KeyProvider | null
  now?: () => Date
  /** scrypt cost for new passphrases (tests lower it; the stored row keeps what each was made with). */
  scryptCost?: Omit<ScryptParams, 'salt'>
}

function parse<S extends z.ZodType>(schema: S, value: unknown, field: string): z.output<S> {
  const r = schema.safeParse(value)
  if (!r.success) throw new SecretsError('invalid', r.error.issues[0]?.message ?? 'Invalid', field)
  return r.data
}

function keptElsewhere(rows: KeyWrapRow[]): SecretsError {
  const byApp = rows.some((r) => r.backend === 'safe_storage')
  return new SecretsError(
    'kept_elsewhere',
    byApp
      ? 'These secrets were saved by the Footprint desktop app, which protects them with this computer’s password manager. Open the app and set a passphrase in Settings → Security to use them here too.'
      : 'These secrets are protected by your system’s password manager, which cannot be reached from here. Set a passphrase in Settings → Security where it can, to use them here too.',
  )
}

const DAMAGED_VALUE = 'Cannot be read: save it again'

export class SecretStore implements Credentials {
  readonly #store: Store
  readonly #repo: ReturnType<typeof secretsRepo>
  readonly #provider: KeyProvider | null
  readonly #now: () => Date
  readonly #cost?: Omit<ScryptParams, 'salt'>
  #key: Buffer | null = null
  #active: KeyProvider | null = null
  #ready: Promise<void> | undefined
  #queue: Promise<unknown> = Promise.resolve()

  constructor(opts: SecretStoreOptions) {
    this.#store = opts.store
    this.#repo = secretsRepo(opts.store.db)
    this.#provider = opts.provider ?? null
    this.#now = opts.now ?? (() => new Date())
    this.#cost = opts.scryptCost
  }

  /** The secret under `name`; null when none is stored. Throws SecretsLockedError while locked. */
  async get(name: string): Promise<string | null> {
    await this.#init()
    const row = this.#repo.get(name)
    if (!row) return null
    const key = await this.#currentKey()
    if (!key) throw new SecretsLockedError()
    const value = this.#decrypt(key, row)
    if (value === null)
      throw new SecretsError(
        'damaged',
        `The saved secret "${name}" has been changed or damaged, so it cannot be read: save it again`,
      )
    return value
  }

  /** Stores or replaces a secret (trimmed) and audits its name; answers with the masked entry. */
  async set(name: string, value: string, actor = 'system'): Promise<SecretEntry> {
    const n = parse(SecretName, name, 'name')
    const v = parse(SecretValue, value, 'value')
    return this.#serial(async () => {
      await this.#init()
      const sealed = seal(await this.#keyForWriting(), Buffer.from(v, 'utf8'), valueAad(n))
      const at = this.#now().toISOString()
      this.#store.tx(() => {
        this.#repo.put({ name: n, ...sealed }, at)
        this.#audit(actor, 'secret.set', at, n)
      })
      return { name: n, masked: mask(v), updatedAt: at }
    })
  }

  /** Deletes a secret (possible while locked: nothing is read). */
  async remove(name: string, actor = 'system'): Promise<boolean> {
    const n = parse(SecretName, name, 'name')
    return this.#serial(async () => {
      const at = this.#now().toISOString()
      return this.#store.tx(() => {
        const removed = this.#repo.remove(n)
        if (removed) this.#audit(actor, 'secret.remove', at, n)
        return removed
      })
    })
  }

  /** Every stored secret, masked. Throws SecretsLockedError while locked (the masks need the key). */
  async list(): Promise<SecretEntry[]> {
    await this.#init()
    const rows = this.#repo.list()
    if (!rows.length) return []
    const key = await this.#currentKey()
    if (!key) throw new SecretsLockedError()
    return rows.map((r) => {
      const value = this.#decrypt(key, r)
      return {
        name: r.name,
        masked: value === null ? DAMAGED_VALUE : mask(value),
        updatedAt: r.updatedAt,
      }
    })
  }

  async status(): Promise<SecretsStatus> {
    await this.#init()
    const rows = this.#repo.wraps()
    const key = await this.#currentKey()
    return {
      backend: this.#active?.backend ?? 'passphrase',
      // With no passphrase and no provider there is nothing to open yet: locked until one is set.
      locked: key === null && (rows.length > 0 || !this.#active),
      passphraseSet: rows.some((r) => r.backend === 'passphrase'),
    }
  }

  /** Opens the secrets for this session; a wrong passphrase is "That passphrase is not right". */
  unlock(passphrase: string): Promise<SecretsStatus> {
    return this.#serial(async () => {
      await this.#init()
      const row = this.#wrapRow('passphrase')
      if (!row)
        throw new SecretsError('no_passphrase', 'No passphrase has been set yet', 'passphrase')
      const key = await unwrapWithPassphrase(row, passphrase, 'passphrase')
      this.#key = key
      await this.#adoptProvider(key)
      return this.status()
    })
  }

  /**
   * Sets the passphrase, or changes it (the current one is required once set). Only the wrapped key is
   * rewritten: the values keep their ciphertexts. On a fresh store this creates the data key.
   */
  async setPassphrase(
    passphrase: string,
    current?: string,
    actor = 'system',
  ): Promise<SecretsStatus> {
    const next = parse(NewPassphrase, passphrase, 'passphrase')
    return this.#serial(async () => {
      await this.#init()
      const rows = this.#repo.wraps()
      const old = rows.find((r) => r.backend === 'passphrase')
      let key: Buffer | null
      if (old) {
        if (!current)
          throw new SecretsError('current_required', 'Enter your current passphrase', 'current')
        key = await unwrapWithPassphrase(old, current, 'current')
      } else {
        key = await this.#currentKey()
        if (!key && rows.length) throw keptElsewhere(rows)
      }
      const fresh = key === null
      const dataKey = key ?? newDataKey()
      const wrap = await wrapWithPassphrase(dataKey, next, this.#cost)
      const action = old ? 'secrets.passphrase.change' : 'secrets.passphrase.set'
      this.#putWrap(wrap, actor, action, fresh)
      this.#key = dataKey
      await this.#adoptProvider(dataKey)
      return this.status()
    })
  }

  /** Forgets the key in memory (passphrase mode: the next use needs the passphrase again). */
  lock(): void {
    this.#key = null
  }

  // The store holds a key in memory: printing or serialising it must show nothing of it.
  toString(): string {
    return '[SecretStore]'
  }
  toJSON(): string {
    return '[SecretStore]'
  }
  [inspect.custom](): string {
    return '[SecretStore]'
  }

  #init(): Promise<void> {
    this.#ready ??= (async () => {
      const p = this.#provider
      this.#active = p && (await p.available().catch(() => false)) ? p : null
    })()
    return this.#ready
  }

  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn)
    this.#queue = run.catch(() => undefined)
    return run
  }

  #wrapRow(backend: WrapBackend): KeyWrapRow | undefined {
    return this.#repo.wraps().find((r) => r.backend === backend)
  }

  /** The key in memory, else what the provider gives back (another process may have created it since). */
  async #currentKey(): Promise<Buffer | null> {
    if (this.#key) return this.#key
    const row = this.#active && this.#wrapRow(this.#active.backend)
    if (!this.#active || !row) return null
    this.#key = await unwrapWithProvider(this.#active, row)
    return this.#key
  }

  async #keyForWriting(): Promise<Buffer> {
    const key = await this.#currentKey()
    if (key) return key
    const rows = this.#repo.wraps()
    if (rows.some((r) => r.backend === 'passphrase')) throw new SecretsLockedError()
    if (rows.length) throw keptElsewhere(rows)
    if (!this.#active)
      throw new SecretsError(
        'no_passphrase',
        'Set a passphrase first (Settings → Security): it protects the secrets on this computer',
      )
    const dataKey = newDataKey()
    const wrap = await wrapWithProvider(this.#active, dataKey)
    try {
      this.#putWrap(wrap, 'system', 'secrets.key.create', true)
    } catch (e) {
      await this.#active.discard?.(wrap.wrapped).catch(() => undefined)
      throw e
    }
    this.#key = dataKey
    return dataKey
  }

  /** A provider that appeared (or lost its copy) since the key was wrapped gets its own wrapping. */
  async #adoptProvider(key: Buffer): Promise<void> {
    const p = this.#active
    if (!p) return
    const row = this.#wrapRow(p.backend)
    if (row && (await unwrapWithProvider(p, row))) return
    const wrap = await wrapWithProvider(p, key).catch(() => null)
    // The provider failing here only means the passphrase stays the way in.
    if (!wrap) return
    this.#putWrap(wrap, 'system', 'secrets.key.rewrap', false)
    if (row) await p.discard?.(row.wrapped).catch(() => undefined)
  }

  /** `fresh`: this is the first wrapping of a new data key, so no other may have appeared meanwhile. */
  #putWrap(wrap: NewWrap, actor: string, action: string, fresh: boolean): void {
    const at = this.#now().toISOString()
    this.#store.tx(() => {
      const rows = this.#repo.wraps()
      if (fresh && rows.length)
        throw new SecretsError('busy', 'Footprint was setting up its secrets elsewhere: try again')
      const others = rows.filter((r) => r.backend !== wrap.backend)
      if (!fresh && !others.every((r) => sameBytes(r.keyCheck, wrap.keyCheck)))
        throw new SecretsError('busy', 'The secrets key changed elsewhere: try again')
      this.#repo.putWrap(wrap, at)
      this.#audit(actor, action, at, wrap.backend)
    })
  }

  #decrypt(key: Buffer, row: SecretRow): string | null {
    return unseal(key, row, valueAad(row.name))?.toString('utf8') ?? null
  }

  #audit(actor: string, action: string, at: string, entityId: string): void {
    // The name (or the backend) only: never a value, never key material.
    this.#store.audit.append({ actor, action, entity: 'secret', entityId }, at)
  }
}

export function createSecretStore(opts: SecretStoreOptions): SecretStore {
  return new SecretStore(opts)
}
