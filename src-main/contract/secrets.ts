// Runs in: both processes (common). Secrets (API keys, tokens, app passwords) as the renderer may see them:
// names, a masked tail and where they are kept. No operation ever answers with a secret's value.
import { z } from 'zod'
import { op, NoInput } from './op'

export const SECRET_BACKENDS = ['safe_storage', 'keychain', 'passphrase'] as const
export const SecretBackend = z.enum(SECRET_BACKENDS)
export type SecretBackend = z.output<typeof SecretBackend>

/** `x.bearerToken`, `bluesky.appPassword:3` (the `:N` suffix scopes a secret to source N). */
export const SECRET_NAME_PATTERN = /^[a-z0-9_]+(\.[A-Za-z0-9_]+)*(:[0-9]+)?$/
export const SECRET_VALUE_MAX = 8192
export const PASSPHRASE_MIN = 10

export const SecretName = z
  .string('The secret name must be text')
  .trim()
  .min(1, 'The secret name cannot be empty')
  .max(100, 'The secret name must be at most 100 characters')
  .regex(
    SECRET_NAME_PATTERN,
    'The secret name must look like x.bearerToken or x.bearerToken:12 (lower-case letters, digits or _ first, then .parts, then an optional :source number)',
  )

export const SecretValue = z
  .string('The value must be text')
  .trim()
  .min(1, 'Paste the value: it cannot be empty')
  .max(SECRET_VALUE_MAX, 'The value is too long: at most 8,192 characters')

/** Not trimmed: a passphrase is exactly what was typed. */
export const NewPassphrase = z
  .string('The passphrase must be text')
  .min(
    PASSPHRASE_MIN,
    `Use at least ${PASSPHRASE_MIN} characters: a short sentence is easy to remember`,
  )
  .max(1024, 'The passphrase must be at most 1,024 characters')

const EnteredPassphrase = z
  .string('The passphrase must be text')
  .min(1, 'Enter the passphrase')
  .max(1024, 'The passphrase must be at most 1,024 characters')

export const SecretEntry = z.object({
  name: z.string(),
  /** Bullets and at most the last 4 characters (none for values shorter than 12). */
  masked: z.string(),
  updatedAt: z.string(),
})
export type SecretEntry = z.output<typeof SecretEntry>

export const SecretsStatus = z.object({
  /** How this process protects the key: the app's safeStorage, the OS keychain, or a passphrase. */
  backend: SecretBackend,
  /** True until the passphrase is entered (each launch), or when no passphrase has been set yet. */
  locked: z.boolean(),
  passphraseSet: z.boolean(),
})
export type SecretsStatus = z.output<typeof SecretsStatus>

export const SetSecretInput = z.object({ name: SecretName, value: SecretValue })
export type SetSecretInput = z.input<typeof SetSecretInput>
export const SetPassphraseInput = z.object({
  current: EnteredPassphrase.optional(),
  passphrase: NewPassphrase,
})
export type SetPassphraseInput = z.input<typeof SetPassphraseInput>

export const secretsOps = {
  'secrets.status': op(
    NoInput,
    SecretsStatus,
    'Where secrets are kept and whether they are locked',
  ),
  'secrets.list': op(NoInput, z.array(SecretEntry), 'Stored secrets, masked'),
  'secrets.set': op(
    SetSecretInput,
    SecretEntry,
    'Store or replace a secret; answers with the masked entry, never the value',
  ),
  'secrets.remove': op(
    z.object({ name: SecretName }),
    z.object({ name: z.string(), removed: z.boolean() }),
    'Delete a secret',
  ),
  'secrets.unlock': op(
    z.object({ passphrase: EnteredPassphrase }),
    SecretsStatus,
    'Unlock the secrets for this session with the passphrase',
  ),
  'secrets.setPassphrase': op(
    SetPassphraseInput,
    SecretsStatus,
    'Set the passphrase, or change it (current required); the values are not re-encrypted',
  ),
} as const
