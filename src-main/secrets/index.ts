// Runs in: main process and CLI (Node). The secrets store: see store.ts.
export { SecretStore, createSecretStore, type SecretStoreOptions } from './store'
export { SecretsError, SecretsLockedError, LOCKED_MESSAGE, type SecretsErrorReason } from './errors'
export { keychainKeyProvider, defaultKeyProvider, decodeKey, type KeyProvider } from './providers'
export { mask } from './crypto'
