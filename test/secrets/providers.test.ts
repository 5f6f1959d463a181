import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { defaultKeyProvider, keychainKeyProvider } from '../../src-main/secrets'
import { DEFAULT_SCRYPT, deriveKey, newScryptParams } from '../../src-main/secrets/crypto'
import { safeStorageKeyProvider, type SafeStorageApi } from '../../src-main/app/safe-storage'
import { freshStore, openSecrets } from './helpers'

type Keyring = NonNullable<Awaited<ReturnType<Parameters<typeof keychainKeyProvider>[0] & {}>>>

/** A stand-in for @napi-rs/keyring's AsyncEntry over a Map, recording the options each entry was made with. */
function fakeKeyring(opts: { broken?: boolean } = {}) {
  const items = new Map<string, string>()
  const options: unknown[] = []
  class AsyncEntry {
    constructor(
      readonly service: string,
      readonly account: string,
      o?: unknown,
    ) {
      options.push(o)
      if (opts.broken) throw new Error('Platform failure: DBus error: no session bus')
    }
    async getPassword() {
      return items.get(`${this.service}/${this.account}`) ?? null
    }
    async setPassword(p: string) {
      items.set(`${this.service}/${this.account}`, p)
    }
    async deletePassword() {
      return items.delete(`${this.service}/${this.account}`)
    }
  }
  return { mod: { AsyncEntry } as unknown as Keyring, items, options }
}

describe('keychain key provider', () => {
  it('is unavailable, without throwing, when the library or the Secret Service is missing', async () => {
    expect(await keychainKeyProvider(async () => null).available()).toBe(false)
    const broken = fakeKeyring({ broken: true })
    expect(await keychainKeyProvider(async () => broken.mod).available()).toBe(false)
  })

  it('keeps the data key in the keychain under a Footprint entry, and requires the Secret Service on Linux', async () => {
    const kr = fakeKeyring()
    const provider = keychainKeyProvider(async () => kr.mod)
    expect(await provider.available()).toBe(true)
    const key = randomBytes(32)
    const ref = await provider.wrap(key)
    expect(ref.toString()).toMatch(/^data-key-[0-9a-f-]{36}$/)
    expect([...kr.items.keys()]).toEqual([`Footprint/${ref.toString()}`])
    expect((await provider.unwrap(ref)).equals(key)).toBe(true)
    // Never the kernel keyring, which forgets everything at reboot.
    expect(
      kr.options.every((o) => JSON.stringify(o) === '{"linux":{"store":"secret-service"}}'),
    ).toBe(true)
    await provider.discard!(ref)
    await expect(provider.unwrap(ref)).rejects.toThrow('the stored key is missing or not a key')
  })

  it('is left out when FOOTPRINT_SECRETS_BACKEND=passphrase', () => {
    expect(defaultKeyProvider({ FOOTPRINT_SECRETS_BACKEND: 'passphrase' })).toBeNull()
    expect(defaultKeyProvider({})?.backend).toBe('keychain')
  })

  it('on this Linux machine with no Secret Service, the real library just means "use the passphrase"', async () => {
    // Only meaningful where no session bus exists (CI and the build machines); elsewhere it says nothing.
    if (process.platform !== 'linux' || process.env.DBUS_SESSION_BUS_ADDRESS) return
    const secrets = openSecrets(freshStore(), keychainKeyProvider())
    expect(await secrets.status()).toMatchObject({ backend: 'passphrase', locked: true })
  })
})

function fakeSafeStorage(
  backend: ReturnType<SafeStorageApi['getSelectedStorageBackend']>,
  available = true,
) {
  const api: SafeStorageApi = {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    // Reversible but not plain: enough to show the provider stores what safeStorage answers.
    encryptString: (s) => Buffer.from(s, 'utf8').reverse(),
    decryptString: (b) => Buffer.from(b).reverse().toString('utf8'),
  }
  return api
}

describe('safeStorage key provider (desktop app)', () => {
  it('treats basic_text (no password manager on Linux) and unknown as not secure', async () => {
    expect(await safeStorageKeyProvider(fakeSafeStorage('basic_text'), 'linux').available()).toBe(
      false,
    )
    expect(await safeStorageKeyProvider(fakeSafeStorage('unknown'), 'linux').available()).toBe(
      false,
    )
    expect(
      await safeStorageKeyProvider(fakeSafeStorage('gnome_libsecret'), 'linux').available(),
    ).toBe(true)
    expect(
      await safeStorageKeyProvider(fakeSafeStorage('kwallet6', false), 'linux').available(),
    ).toBe(false)
    // The Linux backend question does not arise on Windows and macOS.
    expect(await safeStorageKeyProvider(fakeSafeStorage('unknown'), 'win32').available()).toBe(true)
  })

  it('wraps the data key with encryptString and gets it back with decryptString', async () => {
    const provider = safeStorageKeyProvider(fakeSafeStorage('kwallet5'), 'linux')
    const key = randomBytes(32)
    const wrapped = await provider.wrap(key)
    expect(wrapped.includes(key)).toBe(false)
    expect((await provider.unwrap(wrapped)).equals(key)).toBe(true)
    await expect(provider.unwrap(Buffer.from('not a key'))).rejects.toThrow()
  })

  it('backs a store that opens by itself, as the app does', async () => {
    const store = freshStore()
    const provider = safeStorageKeyProvider(fakeSafeStorage('gnome_libsecret'), 'linux')
    await openSecrets(store, provider).set('x.bearerToken', 'a-bearer-token-value-1234')
    const next = openSecrets(store, provider)
    expect(await next.status()).toEqual({
      backend: 'safe_storage',
      locked: false,
      passphraseSet: false,
    })
    expect(await next.get('x.bearerToken')).toBe('a-bearer-token-value-1234')
  })
})

describe('passphrase key derivation', () => {
  it('uses scrypt N=2^16, r=8 (64 MiB) with a random salt per passphrase', async () => {
    const a = newScryptParams()
    const b = newScryptParams()
    expect(a).toMatchObject({ N: 65536, r: 8, p: 1 })
    expect(a.salt).not.toBe(b.salt)
    const t = performance.now()
    const key = await deriveKey('correct horse battery', { ...DEFAULT_SCRYPT, salt: a.salt })
    const ms = performance.now() - t
    expect(key).toHaveLength(32)
    // Printed for the report: the cost of one unlock on this machine.
    console.info(`scrypt N=2^16 r=8: ${ms.toFixed(0)} ms`)
  })
})
