// Runs in: Vitest (Node). Values never leak: seeded secrets are looked for in every answer, event, log
// line, audit row, database cell, the database files themselves, and every way of printing the store.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { createService } from '../../src-main/services'
import { openDataDir, createStore } from '../../src-main/store'
import { tempDir } from '../helpers/tmp'
import { everyCell, fakeProvider } from './helpers'

const SECRETS = {
  'x.bearerToken':
    'AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid%2BULvsea4JtiGRiSDSJSI%3DEUifiRBkKG5E2XzMDjRfl76ZC9Ub0wnz4XsNiRVBChTYbJcE3F',
  'bluesky.appPassword:4': 'wxyz-abcd-efgh-ijkl',
  'google.placesApiKey': 'AIzaSyDq7_leak_probe_value_42',
  'facebook.pageAccessToken:7': 'EAAGleakprobe',
}
const PASS = 'a long passphrase for leak testing'
const ctx = { actor: 'leak-test' }

/** Pieces long enough to be the value and not a coincidence; the masked tail (last 4) is allowed. */
function probes(): string[] {
  return Object.values(SECRETS).flatMap((v) => [v, v.slice(0, 8), v.slice(-12, -4)])
}

describe('secret values never leak', () => {
  for (const provider of ['passphrase', 'keychain'] as const) {
    it(`with ${provider === 'passphrase' ? 'a passphrase' : 'a key provider'}`, async () => {
      const dataDir = tempDir()
      const db = openDataDir(dataDir)
      const store = createStore(db)
      const logs: string[] = []
      const service = createService(
        {
          store,
          mode: 'browser',
          dataDir,
          version: '0.0.0-test',
          secretKeyProvider: provider === 'keychain' ? fakeProvider() : null,
          polling: { analyze: undefined },
        },
        (l) => logs.push(l),
      )
      const seen: unknown[] = []
      service.events.subscribe((e) => seen.push(e))
      const op = async (name: string, input: unknown) =>
        seen.push(await service.dispatch(name, input, ctx))

      await op('secrets.setPassphrase', { passphrase: PASS })
      for (const [name, value] of Object.entries(SECRETS)) await op('secrets.set', { name, value })
      await op('secrets.list', undefined)
      await op('secrets.status', undefined)
      // Failures of every kind, some with a value where it does not belong.
      await op('secrets.set', { name: SECRETS['google.placesApiKey'], value: 'x' })
      await op('secrets.set', {
        name: 'x.bearerToken',
        value: SECRETS['x.bearerToken'] + 'v'.repeat(8192),
      })
      await op('secrets.unlock', { passphrase: SECRETS['bluesky.appPassword:4'] })
      await op('secrets.setPassphrase', {
        current: SECRETS['x.bearerToken'],
        passphrase: 'another passphrase',
      })
      await op('secrets.setPassphrase', { passphrase: 'short' })
      // A tampered value: the error names the secret, not its contents.
      store.db
        .prepare("UPDATE secrets SET tag = zeroblob(16) WHERE name = 'google.placesApiKey'")
        .run()
      seen.push(await service.secrets.get('google.placesApiKey').catch((e: Error) => e.message))
      await op('secrets.list', undefined)
      await op('secrets.remove', { name: 'facebook.pageAccessToken:7' })
      // Every way of printing the store, the service, and a store holding its key in memory.
      expect(await service.secrets.get('x.bearerToken')).toBe(SECRETS['x.bearerToken'])
      const printed = [
        inspect(service.secrets, { showHidden: true, depth: 10 }),
        inspect(service, { showHidden: true, depth: 4 }),
        JSON.stringify(service.secrets),
        String(service.secrets),
        `${service.secrets}`,
      ]
      expect(printed[0]).toBe('[SecretStore]')

      const files = readdirSync(dataDir).map((f) =>
        readFileSync(join(dataDir, f)).toString('latin1'),
      )
      const haystacks: [string, string[]][] = [
        [
          'answers and events',
          seen.map((x) =>
            JSON.stringify(x, (_k, v: unknown) => (v instanceof Error ? v.message : v)),
          ),
        ],
        ['logs', logs],
        [
          'audit rows',
          (store.db.prepare('SELECT * FROM audit_events').all() as object[]).map((r) =>
            JSON.stringify(r),
          ),
        ],
        ['database cells', everyCell(store)],
        ['database files', files],
        ['printed store', printed],
      ]
      for (const [where, texts] of haystacks)
        for (const probe of probes())
          expect(
            texts.some((t) => t.includes(probe)),
            `${where} must not contain a secret`,
          ).toBe(false)
      // The checks above must be able to fail: the answers do hold the names and masked tails.
      const answers = haystacks[0][1].join('\n')
      expect(answers).toContain('x.bearerToken')
      expect(answers).toContain('••••••••ijkl')
      expect(answers).toContain('That passphrase is not right')
      expect(answers).toContain('google.placesApiKey\\" has been changed or damaged')
    })
  }
})
