import { describe, expect, it } from 'vitest'
import { SecretsError, SecretsLockedError, LOCKED_MESSAGE } from '../../src-main/secrets'
import { SourceError } from '../../src-main/sources/errors'
import { requireCredential } from '../../src-main/sources/credentials'
import { fakeProvider, freshStore, openSecrets } from './helpers'

const TOKEN = 'AAAAbearer-token-0123456789-3f9a'
const PASS = 'correct horse battery'

async function failure(p: Promise<unknown>): Promise<SecretsError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(SecretsError)
  return e as SecretsError
}

function rows(store: ReturnType<typeof freshStore>) {
  return store.db.prepare('SELECT name, iv, ciphertext, tag FROM secrets ORDER BY name').all() as {
    name: string
    iv: Buffer
    ciphertext: Buffer
    tag: Buffer
  }[]
}

describe('secrets store: encryption', () => {
  it('round-trips a value, trimmed, with its own IV, and nothing readable at rest', async () => {
    const store = freshStore()
    const secrets = openSecrets(store, fakeProvider())
    await secrets.set('x.bearerToken', `  ${TOKEN}\n`)
    await secrets.set('x.bearerToken:12', TOKEN)
    expect(await secrets.get('x.bearerToken')).toBe(TOKEN)
    expect(await secrets.get('x.bearerToken:12')).toBe(TOKEN)
    expect(await secrets.get('bluesky.appPassword')).toBeNull()
    const [a, b] = rows(store)
    expect(a.iv.equals(b.iv)).toBe(false)
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false)
    for (const r of [a, b]) expect(r.ciphertext.toString('latin1')).not.toContain('bearer-token')
  })

  it('refuses a changed ciphertext, a changed tag and a value moved to another name, returning nothing', async () => {
    const store = freshStore()
    const secrets = openSecrets(store, fakeProvider())
    await secrets.set('x.bearerToken', TOKEN)
    await secrets.set('google.placesApiKey', 'AIzaSyD-another-value-9876')
    const [g, x] = rows(store)
    // Swap the two values between names: each still has a valid tag, but for the other name (AAD).
    const put = store.db.prepare(
      'UPDATE secrets SET iv = ?, ciphertext = ?, tag = ? WHERE name = ?',
    )
    put.run(g.iv, g.ciphertext, g.tag, x.name)
    put.run(x.iv, x.ciphertext, x.tag, g.name)
    const swapped = await failure(secrets.get('x.bearerToken'))
    expect(swapped.reason).toBe('damaged')
    expect(swapped.message).toBe(
      'The saved secret "x.bearerToken" has been changed or damaged, so it cannot be read: save it again',
    )
    // One flipped bit in the ciphertext.
    const flipped = Buffer.from(x.ciphertext)
    flipped[0] ^= 1
    put.run(x.iv, flipped, x.tag, x.name)
    expect((await failure(secrets.get('x.bearerToken'))).reason).toBe('damaged')
    // The list still shows the damaged entry, so it can be replaced or removed.
    expect((await secrets.list()).find((e) => e.name === 'x.bearerToken')?.masked).toBe(
      'Cannot be read: save it again',
    )
    await secrets.set('x.bearerToken', TOKEN)
    expect(await secrets.get('x.bearerToken')).toBe(TOKEN)
  })

  it('masks with the last 4 characters only from 12 characters on, and a fixed run of bullets', async () => {
    const secrets = openSecrets(freshStore(), fakeProvider())
    const entry = await secrets.set('x.bearerToken', TOKEN)
    expect(entry).toEqual({
      name: 'x.bearerToken',
      masked: '••••••••3f9a',
      updatedAt: '2026-11-21T09:00:00.000Z',
    })
    expect((await secrets.set('bluesky.appPassword', 'abcd-efgh-ij')).masked).toBe('••••••••h-ij')
    expect((await secrets.set('bluesky.handle', 'short-value')).masked).toBe('••••••••')
    expect((await secrets.list()).map((e) => e.masked)).toEqual([
      '••••••••h-ij',
      '••••••••',
      '••••••••3f9a',
    ])
  })

  it('validates names and values with messages that say what is wrong', async () => {
    const secrets = openSecrets(freshStore(), fakeProvider())
    for (const bad of ['X.token', 'x.token:abc', 'x..token', '', 'x token']) {
      const e = await failure(secrets.set(bad, TOKEN))
      expect(e.field).toBe('name')
      expect(e.code).toBe('invalid_input')
    }
    expect((await failure(secrets.set('X.token', TOKEN))).message).toMatch(
      /must look like x\.bearerToken or x\.bearerToken:12/,
    )
    expect((await failure(secrets.set('x.token', '   '))).message).toBe(
      'Paste the value: it cannot be empty',
    )
    expect((await failure(secrets.set('x.token', 'v'.repeat(8193)))).message).toBe(
      'The value is too long: at most 8,192 characters',
    )
    await secrets.set('x.token', 'v'.repeat(8192))
    await secrets.set('meta_app.page_Access_Token:3', TOKEN)
    expect(await secrets.get('meta_app.page_Access_Token:3')).toBe(TOKEN)
  })
})

describe('secrets store: passphrase', () => {
  it('asks for a passphrase of at least 10 characters before storing anything', async () => {
    const secrets = openSecrets(freshStore())
    expect(await secrets.status()).toEqual({
      backend: 'passphrase',
      locked: true,
      passphraseSet: false,
    })
    const none = await failure(secrets.set('x.bearerToken', TOKEN))
    expect(none.reason).toBe('no_passphrase')
    expect(none.message).toMatch(/^Set a passphrase first/)
    const short = await failure(secrets.setPassphrase('too short'))
    expect(short).toMatchObject({ field: 'passphrase', code: 'invalid_input' })
    expect(short.message).toMatch(/^Use at least 10 characters/)
    expect(await secrets.setPassphrase(PASS)).toEqual({
      backend: 'passphrase',
      locked: false,
      passphraseSet: true,
    })
    await secrets.set('x.bearerToken', TOKEN)
    expect(await secrets.get('x.bearerToken')).toBe(TOKEN)
  })

  it('starts locked each launch; get of a stored secret throws SecretsLockedError, which is a source error', async () => {
    const store = freshStore()
    await openSecrets(store).setPassphrase(PASS)
    const first = openSecrets(store)
    await first.unlock(PASS)
    await first.set('x.bearerToken', TOKEN)

    const next = openSecrets(store)
    expect(await next.status()).toMatchObject({ locked: true, passphraseSet: true })
    const e = await next.get('x.bearerToken').catch((err: unknown) => err)
    expect(e).toBeInstanceOf(SecretsLockedError)
    expect(e).toBeInstanceOf(SourceError)
    expect(e).toMatchObject({ code: 'locked', message: LOCKED_MESSAGE })
    expect((e as SourceError).transient).toBe(false)
    // A connector's requireCredential lets it through unchanged: the source shows the lock, not "reconnect".
    await expect(
      requireCredential(next, 'x.bearerToken', 'no X token: reconnect', 'https://api.x.com/'),
    ).rejects.toMatchObject({ code: 'locked', message: LOCKED_MESSAGE })
    // What is not stored is simply missing, locked or not.
    expect(await next.get('bluesky.appPassword')).toBeNull()
    await expect(next.list()).rejects.toBeInstanceOf(SecretsLockedError)
    await expect(next.set('x.other', TOKEN)).rejects.toBeInstanceOf(SecretsLockedError)

    const wrong = await failure(next.unlock('not the passphrase'))
    expect(wrong).toMatchObject({
      reason: 'wrong_passphrase',
      field: 'passphrase',
      message: 'That passphrase is not right',
    })
    expect(await next.unlock(PASS)).toMatchObject({ locked: false })
    expect(await next.get('x.bearerToken')).toBe(TOKEN)
    next.lock()
    await expect(next.get('x.bearerToken')).rejects.toBeInstanceOf(SecretsLockedError)
  })

  it('changes the passphrase by re-wrapping the key: the values keep their ciphertexts', async () => {
    const store = freshStore()
    const secrets = openSecrets(store)
    await secrets.setPassphrase(PASS)
    await secrets.set('x.bearerToken', TOKEN)
    const before = rows(store)
    const noCurrent = await failure(secrets.setPassphrase('a new passphrase'))
    expect(noCurrent).toMatchObject({ field: 'current', message: 'Enter your current passphrase' })
    const wrongCurrent = await failure(secrets.setPassphrase('a new passphrase', 'guess guess'))
    expect(wrongCurrent).toMatchObject({
      field: 'current',
      message: 'That passphrase is not right',
    })
    await secrets.setPassphrase('a new passphrase', PASS)
    expect(rows(store)).toEqual(before)

    const next = openSecrets(store)
    expect((await failure(next.unlock(PASS))).reason).toBe('wrong_passphrase')
    await next.unlock('a new passphrase')
    expect(await next.get('x.bearerToken')).toBe(TOKEN)
  })

  it('says the stored key is damaged (not that the passphrase is wrong) when the wrapped key was altered', async () => {
    const store = freshStore()
    await openSecrets(store).setPassphrase(PASS)
    const row = store.db
      .prepare("SELECT wrapped FROM secret_key_wraps WHERE backend = 'passphrase'")
      .get() as { wrapped: Buffer }
    const altered = Buffer.from(row.wrapped)
    altered[altered.length - 1] ^= 0x80
    store.db
      .prepare("UPDATE secret_key_wraps SET wrapped = ? WHERE backend = 'passphrase'")
      .run(altered)
    const e = await failure(openSecrets(store).unlock(PASS))
    expect(e.reason).toBe('damaged')
    expect(e.message).toMatch(/changed or damaged/)
  })
})

describe('secrets store: key providers', () => {
  it('opens by itself with a provider, across launches, and never locks', async () => {
    const store = freshStore()
    const keychain = fakeProvider('keychain')
    const first = openSecrets(store, keychain)
    expect(await first.status()).toEqual({
      backend: 'keychain',
      locked: false,
      passphraseSet: false,
    })
    await first.set('x.bearerToken', TOKEN)
    expect(keychain.vault.size).toBe(1)
    const next = openSecrets(store, keychain)
    expect(await next.get('x.bearerToken')).toBe(TOKEN)
    expect(await next.status()).toMatchObject({ locked: false })
  })

  it('falls back to the passphrase when the provider is unavailable or throws', async () => {
    const off = openSecrets(freshStore(), fakeProvider('safe_storage', false))
    expect(await off.status()).toMatchObject({ backend: 'passphrase', locked: true })
    const broken = fakeProvider('keychain')
    broken.available = () => Promise.reject(new Error('DBus error: no session bus'))
    expect(await openSecrets(freshStore(), broken).status()).toMatchObject({
      backend: 'passphrase',
    })
  })

  it('re-wraps for a provider that appears later, after one unlock, without re-encrypting', async () => {
    const store = freshStore()
    const early = openSecrets(store)
    await early.setPassphrase(PASS)
    await early.set('x.bearerToken', TOKEN)
    const before = rows(store)

    const keychain = fakeProvider('keychain')
    const later = openSecrets(store, keychain)
    expect(await later.status()).toEqual({ backend: 'keychain', locked: true, passphraseSet: true })
    await later.unlock(PASS)
    expect(keychain.vault.size).toBe(1)
    expect(rows(store)).toEqual(before)
    // From now on the keychain opens it; the passphrase still works where there is no keychain.
    expect(await openSecrets(store, keychain).get('x.bearerToken')).toBe(TOKEN)
    const cli = openSecrets(store)
    await cli.unlock(PASS)
    expect(await cli.get('x.bearerToken')).toBe(TOKEN)
  })

  it('replaces a provider copy that was lost (keychain entry deleted) at the next unlock', async () => {
    const store = freshStore()
    const keychain = fakeProvider('keychain')
    const s = openSecrets(store, keychain)
    await s.setPassphrase(PASS)
    await s.set('x.bearerToken', TOKEN)
    keychain.vault.clear()
    const next = openSecrets(store, keychain)
    expect(await next.status()).toMatchObject({ locked: true, passphraseSet: true })
    await next.unlock(PASS)
    expect(keychain.vault.size).toBe(1)
    expect(await openSecrets(store, keychain).get('x.bearerToken')).toBe(TOKEN)
  })

  it('explains where secrets made by the desktop app can be opened', async () => {
    const store = freshStore()
    await openSecrets(store, fakeProvider('safe_storage')).set('x.bearerToken', TOKEN)
    const cli = openSecrets(store)
    expect(await cli.status()).toEqual({
      backend: 'passphrase',
      locked: true,
      passphraseSet: false,
    })
    const e = await failure(cli.setPassphrase(PASS))
    expect(e.reason).toBe('kept_elsewhere')
    expect(e.message).toMatch(/saved by the Footprint desktop app/)
    expect((await failure(cli.set('x.other', TOKEN))).reason).toBe('kept_elsewhere')
  })

  it('creates one data key when two saves race on a fresh store', async () => {
    const store = freshStore()
    const keychain = fakeProvider('keychain')
    const s = openSecrets(store, keychain)
    await Promise.all([
      s.set('x.bearerToken', TOKEN),
      s.set('bluesky.appPassword', 'abcd-efgh-ijkl'),
    ])
    expect(keychain.vault.size).toBe(1)
    expect(await openSecrets(store, keychain).get('bluesky.appPassword')).toBe('abcd-efgh-ijkl')
  })

  it('removes a secret, even while locked, and audits set and remove by name only', async () => {
    const store = freshStore()
    const s = openSecrets(store)
    await s.setPassphrase(PASS, undefined, 'jo')
    await s.set('x.bearerToken', TOKEN, 'jo')
    const locked = openSecrets(store)
    expect(await locked.remove('x.bearerToken', 'jo')).toBe(true)
    expect(await locked.remove('x.bearerToken', 'jo')).toBe(false)
    const audit = store.db
      .prepare('SELECT actor, action, entity, entity_id, detail_json FROM audit_events ORDER BY id')
      .all()
    expect(audit).toEqual([
      {
        actor: 'jo',
        action: 'secrets.passphrase.set',
        entity: 'secret',
        entity_id: 'passphrase',
        detail_json: '{}',
      },
      {
        actor: 'jo',
        action: 'secret.set',
        entity: 'secret',
        entity_id: 'x.bearerToken',
        detail_json: '{}',
      },
      {
        actor: 'jo',
        action: 'secret.remove',
        entity: 'secret',
        entity_id: 'x.bearerToken',
        detail_json: '{}',
      },
    ])
    expect(store.audit.verify()).toMatchObject({ ok: true })
  })
})
