// Runs in: Electron main process. The desktop app's key provider: Electron's safeStorage (Keychain on
// macOS, DPAPI on Windows, the Secret Service or KWallet on Linux) wraps the secrets' data key. On Linux
// with no password manager Electron falls back to 'basic_text', a hard-coded key: that is not protection,
// so the app asks for a passphrase instead.
import type { SafeStorage } from 'electron'
import { decodeKey, type KeyProvider } from '../secrets'

export type SafeStorageApi = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>

/** Call after the app's `ready` event: before it, Linux and Windows report no encryption. */
export function safeStorageKeyProvider(
  safeStorage: SafeStorageApi,
  platform: NodeJS.Platform = process.platform,
): KeyProvider {
  return {
    backend: 'safe_storage',
    async available() {
      if (!safeStorage.isEncryptionAvailable()) return false
      if (platform !== 'linux') return true
      // 'unknown' means asked before ready; 'basic_text' means no password manager was found.
      const backend = safeStorage.getSelectedStorageBackend()
      return backend !== 'basic_text' && backend !== 'unknown'
    },
    async wrap(dataKey) {
      return safeStorage.encryptString(dataKey.toString('base64'))
    },
    async unwrap(wrapped) {
      return decodeKey(safeStorage.decryptString(wrapped))
    },
  }
}
