// Runs in: main process and CLI (Node). The cryptography of the secrets store, all from node:crypto:
// AES-256-GCM with a fresh 96-bit IV per encryption, scrypt for passphrases, HMAC-SHA256 for checks.
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto'

export const KEY_BYTES = 32
const IV_BYTES = 12
const TAG_BYTES = 16

export interface Sealed {
  iv: Buffer
  ciphertext: Buffer
  tag: Buffer
}

export const newDataKey = (): Buffer => randomBytes(KEY_BYTES)

export function seal(key: Buffer, plaintext: Buffer, aad: Buffer): Sealed {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
  cipher.setAAD(aad)
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()])
  return { iv, ciphertext, tag: cipher.getAuthTag() }
}

/** The plaintext, or null when the key, the AAD, the IV, the tag or the ciphertext is not the one sealed. */
export function unseal(key: Buffer, s: Sealed, aad: Buffer): Buffer | null {
  if (s.iv.length !== IV_BYTES || s.tag.length !== TAG_BYTES) return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, s.iv, { authTagLength: TAG_BYTES })
    decipher.setAAD(aad)
    decipher.setAuthTag(s.tag)
    return Buffer.concat([decipher.update(s.ciphertext), decipher.final()])
  } catch {
    return null
  }
}

/** One buffer (iv | tag | ciphertext) for a wrapped key, which has no columns of its own. */
export const pack = (s: Sealed): Buffer => Buffer.concat([s.iv, s.tag, s.ciphertext])
export function unpack(b: Buffer): Sealed {
  return {
    iv: b.subarray(0, IV_BYTES),
    tag: b.subarray(IV_BYTES, IV_BYTES + TAG_BYTES),
    ciphertext: b.subarray(IV_BYTES + TAG_BYTES),
  }
}

/** The AAD of a value: its name, so a ciphertext moved to another name no longer decrypts. */
export const valueAad = (name: string): Buffer =>
  Buffer.from(`footprint-secret-v1\0${name}`, 'utf8')
export const DATA_KEY_AAD = Buffer.from('footprint-data-key-v1', 'utf8')

export interface ScryptParams {
  salt: string
  N: number
  r: number
  p: number
}

/** About 64 MiB and a fraction of a second on an office PC: slow for guessing, quick for the user. */
export const DEFAULT_SCRYPT: Omit<ScryptParams, 'salt'> = { N: 2 ** 16, r: 8, p: 1 }

export function newScryptParams(cost: Omit<ScryptParams, 'salt'> = DEFAULT_SCRYPT): ScryptParams {
  return { salt: randomBytes(16).toString('base64'), ...cost }
}

export function deriveKey(passphrase: string, params: ScryptParams): Promise<Buffer> {
  const { N, r, p } = params
  return new Promise((resolve, reject) =>
    scrypt(
      passphrase.normalize('NFC'),
      Buffer.from(params.salt, 'base64'),
      KEY_BYTES,
      // Node's default memory cap (32 MiB) is below what N = 2^16 needs.
      { N, r, p, maxmem: 256 * N * r },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  )
}

const hmac = (key: Buffer, label: string): Buffer =>
  createHmac('sha256', key).update(label).digest()

/** Says whether a passphrase is right before anything is decrypted, so a wrong one is never a crypto error. */
export const passphraseVerifier = (kek: Buffer): Buffer =>
  hmac(kek, 'footprint-passphrase-verifier-v1')
/** Identifies the data key without revealing it: every wrapping must unwrap to this. */
export const keyCheck = (dataKey: Buffer): Buffer => hmac(dataKey, 'footprint-data-key-check-v1')

export function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b)
}

const BULLETS = '••••••••'
/** A fixed run of bullets (the length is not revealed) and the last 4 characters of values of 12 or more. */
export function mask(value: string): string {
  const chars = [...value]
  return chars.length < 12 ? BULLETS : BULLETS + chars.slice(-4).join('')
}
