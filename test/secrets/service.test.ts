// Runs in: Vitest (Node). The secrets operations through service.dispatch, as the renderer and the CLI
// reach them; and what a connector sees, through the poller, when the store is locked.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createService, type Service } from '../../src-main/services'
import type { AppEvent } from '../../src-main/contract'
import type { Connector } from '../../src-main/sources/connector'
import { requireCredential } from '../../src-main/sources/credentials'
import { LOCKED_MESSAGE, type KeyProvider } from '../../src-main/secrets'
import { openDataDir, createStore } from '../../src-main/store'
import { tempDir } from '../helpers/tmp'
import { fakeProvider } from './helpers'

const ctx = { actor: 'jo@school.example' }
const TOKEN = 'AAAAbearer-token-0123456789-3f9a'
const PASS = 'correct horse battery'

function secretService(
  provider: KeyProvider | null = null,
  connectors?: Record<string, Connector<unknown>>,
) {
  const dataDir = tempDir()
  const store = createStore(openDataDir(dataDir))
  const logs: string[] = []
  const events: AppEvent[] = []
  const open = (): Service =>
    createService(
      {
        store,
        mode: 'browser',
        dataDir,
        version: '0.0.0-test',
        secretKeyProvider: provider,
        polling: { analyze: undefined, ...(connectors ? { connectors } : {}) },
      },
      (l) => logs.push(l),
    )
  const service = open()
  service.events.subscribe((e) => events.push(e))
  return { store, service, logs, events, open }
}

describe('secrets operations', () => {
  it('sets a passphrase, stores a secret answering only the masked entry, lists it, and removes it', async () => {
    const { service, events } = secretService()
    expect(await service.call('secrets.status', undefined, ctx)).toEqual({
      backend: 'passphrase',
      locked: true,
      passphraseSet: false,
    })
    const early = await service.dispatch(
      'secrets.set',
      { name: 'x.bearerToken', value: TOKEN },
      ctx,
    )
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/^Set a passphrase first/) },
    })

    expect(await service.call('secrets.setPassphrase', { passphrase: PASS }, ctx)).toEqual({
      backend: 'passphrase',
      locked: false,
      passphraseSet: true,
    })
    const set = await service.call(
      'secrets.set',
      { name: 'x.bearerToken', value: ` ${TOKEN} ` },
      ctx,
    )
    expect(set).toEqual({
      name: 'x.bearerToken',
      masked: '••••••••3f9a',
      updatedAt: expect.any(String),
    })
    expect(JSON.stringify(set)).not.toContain('bearer-token')
    expect(await service.call('secrets.list', undefined, ctx)).toEqual([set])
    expect(await service.secrets.get('x.bearerToken')).toBe(TOKEN)

    expect(await service.call('secrets.remove', { name: 'x.bearerToken' }, ctx)).toEqual({
      name: 'x.bearerToken',
      removed: true,
    })
    expect(await service.call('secrets.list', undefined, ctx)).toEqual([])
    expect(events.map((e) => e.type)).toEqual([
      'secrets.changed',
      'secrets.changed',
      'secrets.changed',
    ])
  })

  it('names the field at fault: name, value, passphrase, current', async () => {
    const { service } = secretService()
    const bad = async (
      op: 'secrets.set' | 'secrets.setPassphrase' | 'secrets.unlock',
      input: unknown,
      field: string,
    ) =>
      expect(await service.dispatch(op, input, ctx)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', field },
      })
    await bad('secrets.set', { name: 'X Token', value: TOKEN }, 'name')
    await bad('secrets.set', { name: 'x.bearerToken', value: '  ' }, 'value')
    await bad('secrets.set', { name: 'x.bearerToken', value: 'v'.repeat(8193) }, 'value')
    await bad('secrets.setPassphrase', { passphrase: 'short' }, 'passphrase')
    await bad('secrets.unlock', { passphrase: '' }, 'passphrase')
    await service.call('secrets.setPassphrase', { passphrase: PASS }, ctx)
    await bad('secrets.setPassphrase', { passphrase: 'another passphrase' }, 'current')
    await bad(
      'secrets.setPassphrase',
      { current: 'wrong wrong', passphrase: 'another passphrase' },
      'current',
    )
    await bad('secrets.unlock', { passphrase: 'wrong wrong' }, 'passphrase')
    expect(
      await service.dispatch('secrets.unlock', { passphrase: 'wrong wrong' }, ctx),
    ).toMatchObject({
      error: { message: 'That passphrase is not right' },
    })
  })

  it('after a restart: locked, list says so plainly, unlock opens it for the session', async () => {
    const first = secretService()
    await first.service.call('secrets.setPassphrase', { passphrase: PASS }, ctx)
    await first.service.call('secrets.set', { name: 'x.bearerToken', value: TOKEN }, ctx)
    const restarted = first.open()
    expect(await restarted.call('secrets.status', undefined, ctx)).toMatchObject({
      locked: true,
      passphraseSet: true,
    })
    expect(await restarted.dispatch('secrets.list', undefined, ctx)).toEqual({
      ok: false,
      error: { code: 'forbidden', message: LOCKED_MESSAGE },
    })
    expect(await restarted.call('secrets.unlock', { passphrase: PASS }, ctx)).toMatchObject({
      locked: false,
    })
    expect((await restarted.call('secrets.list', undefined, ctx))[0].masked).toBe('••••••••3f9a')
    // A locked store is not a fault: nothing is logged.
    expect(first.logs).toEqual([])
  })

  it('uses the provider it is given (the app passes safeStorage) and is never locked with one', async () => {
    const { service } = secretService(fakeProvider('safe_storage'))
    expect(await service.call('secrets.status', undefined, ctx)).toEqual({
      backend: 'safe_storage',
      locked: false,
      passphraseSet: false,
    })
    await service.call('secrets.set', { name: 'google.placesApiKey', value: TOKEN }, ctx)
    expect(await service.secrets.get('google.placesApiKey')).toBe(TOKEN)
  })

  it('a connector reading a locked secret fails its source with the lock message, not as an auth failure', async () => {
    // The connector is built before the service it reads from (the poller is made with it).
    const current: { svc?: Service } = {}
    const needsToken: Connector<unknown> = {
      kind: 'feed',
      configSchema: z.unknown(),
      defaultIntervalMinutes: 30,
      async fetch() {
        await requireCredential(
          current.svc!.secrets,
          'x.bearerToken',
          'no X token saved: reconnect X',
          'https://api.x.example/',
        )
        return { items: [], state: {}, notModified: false }
      },
    }
    const h = secretService(null, { feed: needsToken })
    await h.service.call('secrets.setPassphrase', { passphrase: PASS }, ctx)
    await h.service.call('secrets.set', { name: 'x.bearerToken', value: TOKEN }, ctx)
    const svc = (current.svc = h.open())
    const source = await svc.call(
      'sources.create',
      { kind: 'feed', name: 'Needs a token', config: { url: 'https://api.x.example/feed' } },
      ctx,
    )
    const [locked] = await svc.call('sources.pollNow', { id: source.id }, ctx)
    expect(locked).toMatchObject({ status: 'error', error: LOCKED_MESSAGE })
    expect((await svc.call('sources.list', undefined, ctx))[0].health).toMatchObject({
      status: 'failing',
      lastError: LOCKED_MESSAGE,
    })
    await svc.call('secrets.unlock', { passphrase: PASS }, ctx)
    const [ok] = await svc.call('sources.pollNow', { id: source.id }, ctx)
    expect(ok).toMatchObject({ status: 'ok' })
    expect(h.logs.join('\n')).not.toContain('bearer-token')
  })
})
