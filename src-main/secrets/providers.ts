// Runs in: main process and CLI (Node). Who keeps the data key safe without asking the user: Electron's
// safeStorage in the app (src-main/app/safe-storage.ts) or the OS keychain in browser mode and the CLI.
// Without one, the passphrase does (see store.ts). A provider never throws from available(): a missing
// keychain just means "use the passphrase".
import { randomUUID } from 'node:crypto'
import { KEY_BYTES } from './crypto'

export interface KeyProvider {
  readonly backend: 'safe_storage' | 'keychain'
  /** Whether this provider can protect a key on this computer right now. */
  available(): Promise<boolean>
  /** Protects the data key; answers what the database keeps (a ciphertext, or the keychain entry's name). */
  wrap(dataKey: Buffer): Promise<Buffer>
  /** The data key back from what wrap() answered; throws if it cannot be had. */
  unwrap(wrapped: Buffer): Promise<Buffer>
  /** Drops what wrap() made outside the database (a keychain entry) when it is replaced. */
  discard?(wrapped: Buffer): Promise<void>
}

const KEYCHAIN_SERVICE = 'Footprint'

type KeyringModule = typeof import('@napi-rs/keyring')

/** Loaded on first use: a native module that is missing or broken must not stop Footprint starting. */
async function loadKeyring(): Promise<KeyringModule | null> {
  try {
    return await import('@napi-rs/keyring')
  } catch {
    return null
  }
}

export function decodeKey(base64: string | null): Buffer {
  const key = base64 ? Buffer.from(base64, 'base64') : Buffer.alloc(0)
  if (key.length !== KEY_BYTES) throw new Error('the stored key is missing or not a key')
  return key
}

/**
 * The OS keychain through @napi-rs/keyring: macOS Keychain, Windows Credential Manager, or the Secret
 * Service (GNOME Keyring, KWallet) on Linux. On Linux the library would otherwise fall back to the
 * kernel keyring, which forgets everything at reboot, so the Secret Service is required.
 */
export function keychainKeyProvider(
  load: () => Promise<KeyringModule | null> = loadKeyring,
): KeyProvider {
  let probed: Promise<boolean> | undefined
  const entry = async (account: string) => {
    const mod = await load()
    if (!mod) throw new Error('the keychain library is not installed')
    return new mod.AsyncEntry(KEYCHAIN_SERVICE, account, { linux: { store: 'secret-service' } })
  }
  return {
    backend: 'keychain',
    available() {
      probed ??= (async () => {
        try {
          // Reading an entry that does not exist answers null when the keychain works, throws when it does
          // not; a keychain that hangs (a desktop waiting on an unlock prompt) counts as absent.
          await (await entry('availability-check')).getPassword(AbortSignal.timeout(5000))
          return true
        } catch {
          return false
        }
      })()
      return probed
    },
    async wrap(dataKey) {
      const account = `data-key-${randomUUID()}`
      await (await entry(account)).setPassword(dataKey.toString('base64'))
      return Buffer.from(account, 'utf8')
    },
    async unwrap(wrapped) {
      return decodeKey(await (await entry(wrapped.toString('utf8'))).getPassword())
    },
    async discard(wrapped) {
      await (await entry(wrapped.toString('utf8'))).deletePassword()
    },
  }
}

/**
 * Browser mode and the CLI: the keychain, unless FOOTPRINT_SECRETS_BACKEND=passphrase (a school that
 * prefers a passphrase, or tests that must not touch a developer's keychain).
 */
export function defaultKeyProvider(env: NodeJS.ProcessEnv = process.env): KeyProvider | null {
  return env.FOOTPRINT_SECRETS_BACKEND === 'passphrase' ? null : keychainKeyProvider()
}
