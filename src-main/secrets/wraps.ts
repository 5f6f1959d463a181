// Runs in: main process and CLI (Node). Wrapping the data key: by a passphrase (scrypt → AES-256-GCM) or by a
// key provider (safeStorage, keychain). Re-wrapping changes only these rows, never the values' ciphertexts.
import type { KeyWrapRow } from '../store/repos/secrets'
import {
  DATA_KEY_AAD,
  deriveKey,
  keyCheck,
  newScryptParams,
  pack,
  passphraseVerifier,
  sameBytes,
  seal,
  unpack,
  unseal,
  type ScryptParams,
} from './crypto'
import { SecretsError, wrongPassphrase } from './errors'
import type { KeyProvider } from './providers'

export type NewWrap = Omit<KeyWrapRow, 'updatedAt'>

export async function wrapWithPassphrase(
  dataKey: Buffer,
  passphrase: string,
  cost?: Omit<ScryptParams, 'salt'>,
): Promise<NewWrap> {
  const kdf = newScryptParams(cost)
  const kek = await deriveKey(passphrase, kdf)
  return {
    backend: 'passphrase',
    wrapped: pack(seal(kek, dataKey, DATA_KEY_AAD)),
    params: { kdf: 'scrypt', ...kdf, verifier: passphraseVerifier(kek).toString('base64') },
    keyCheck: keyCheck(dataKey),
  }
}

function scryptParamsOf(row: KeyWrapRow): ScryptParams {
  const { salt, N, r, p } = row.params as Partial<ScryptParams>
  if (
    typeof salt !== 'string' ||
    typeof N !== 'number' ||
    typeof r !== 'number' ||
    typeof p !== 'number'
  )
    throw damaged()
  return { salt, N, r, p }
}

const damaged = () =>
  new SecretsError(
    'damaged',
    'The saved key that protects the secrets has been changed or damaged, so they cannot be opened. Restore a backup, or remove the secrets and enter them again.',
  )

/** The data key, or "That passphrase is not right" (on `field`), or a plain "damaged" error. */
export async function unwrapWithPassphrase(
  row: KeyWrapRow,
  passphrase: string,
  field: string,
): Promise<Buffer> {
  const params = scryptParamsOf(row)
  const kek = await deriveKey(passphrase, params)
  const verifier = Buffer.from(String(row.params.verifier ?? ''), 'base64')
  if (!sameBytes(passphraseVerifier(kek), verifier)) throw wrongPassphrase(field)
  // The passphrase is right: a failure from here on means the stored row was altered.
  const key = unseal(kek, unpack(row.wrapped), DATA_KEY_AAD)
  if (!key || !sameBytes(keyCheck(key), row.keyCheck)) throw damaged()
  return key
}

export async function wrapWithProvider(provider: KeyProvider, dataKey: Buffer): Promise<NewWrap> {
  return {
    backend: provider.backend,
    wrapped: await provider.wrap(dataKey),
    params: {},
    keyCheck: keyCheck(dataKey),
  }
}

/** The data key, or null when the provider cannot give back the key this row was made for. */
export async function unwrapWithProvider(
  provider: KeyProvider,
  row: KeyWrapRow,
): Promise<Buffer | null> {
  try {
    const key = await provider.unwrap(row.wrapped)
    return sameBytes(keyCheck(key), row.keyCheck) ? key : null
  } catch {
    return null
  }
}
