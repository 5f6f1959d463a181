// Runs in: main process and CLI (Node). The secrets operations. None answers with a value: set answers
// with the masked entry, and the store audits every change by name only.
import { ServiceError, type OpParsed } from '../contract'
import {
  createSecretStore,
  defaultKeyProvider,
  SecretsLockedError,
  type SecretStore,
} from '../secrets'
import type { AppEvents, CallContext, ServiceDeps } from './context'

/** The app passes safeStorage; browser mode and the CLI use the keychain unless told otherwise. */
export function secretStoreFor(deps: ServiceDeps): SecretStore {
  return createSecretStore({
    store: deps.store,
    provider: deps.secretKeyProvider === undefined ? defaultKeyProvider() : deps.secretKeyProvider,
    now: deps.now,
  })
}

/** A locked store is the user's next step, not a failure: answer with its message, log nothing. */
async function answer<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (e) {
    if (e instanceof SecretsLockedError) throw new ServiceError('forbidden', e.message)
    throw e
  }
}

export function secretsHandlers(secrets: SecretStore, events: AppEvents) {
  async function changing<T>(fn: () => Promise<T>): Promise<T> {
    const result = await answer(fn)
    events.emit({ type: 'secrets.changed' })
    return result
  }
  return {
    'secrets.status': () => secrets.status(),
    'secrets.list': () => answer(() => secrets.list()),
    'secrets.set': (i: OpParsed<'secrets.set'>, ctx: CallContext) =>
      changing(() => secrets.set(i.name, i.value, ctx.actor)),
    'secrets.remove': async (i: OpParsed<'secrets.remove'>, ctx: CallContext) => ({
      name: i.name,
      removed: await changing(() => secrets.remove(i.name, ctx.actor)),
    }),
    'secrets.unlock': (i: OpParsed<'secrets.unlock'>) =>
      changing(() => secrets.unlock(i.passphrase)),
    'secrets.setPassphrase': (i: OpParsed<'secrets.setPassphrase'>, ctx: CallContext) =>
      changing(() => secrets.setPassphrase(i.passphrase, i.current, ctx.actor)),
  }
}
