// Runs in: main process and CLI (Node). Password hashing with scrypt (node:crypto): memory-hard, no
// native dependency. The stored string names its parameters, so they can be raised later without
// breaking existing hashes.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const scrypt = (password: string, salt: Buffer, keylen: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  )

/** OWASP's scrypt floor is N=2^17, r=8, p=1; 2^15 with r=8 keeps sign-in under ~100 ms on a school laptop. */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const
const KEY_LENGTH = 32
/** What verifyPassword accepts from a stored hash: ours, or stronger, never absurd or empty. */
const MAX_N = 2 ** 20
const MIN_KEY_LENGTH = 16
const maxmem = (N: number, r: number) => 256 * N * r

export async function hashPassword(password: string, params = SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, {
    ...params,
    maxmem: maxmem(params.N, params.r),
  })
  return [
    'scrypt',
    params.N,
    params.r,
    params.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$')
}

/** False for a wrong password and for a hash this code cannot read (never throws on bad input). */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (!stored) return false
  const [scheme, n, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !key) return false
  const N = Number(n)
  const R = Number(r)
  const P = Number(p)
  if (![N, R, P].every((x) => Number.isInteger(x) && x > 0)) return false
  // Parameters no hash of ours would have (a tampered row) must not make sign-in allocate gigabytes.
  if (N > MAX_N || R > 64 || P > 16) return false
  const expected = Buffer.from(key, 'base64')
  // A key that decodes to nothing (or next to nothing) would match every password.
  if (expected.length < MIN_KEY_LENGTH) return false
  let actual: Buffer
  try {
    actual = await scrypt(
      password.normalize('NFKC'),
      Buffer.from(salt, 'base64'),
      expected.length,
      {
        N,
        r: R,
        p: P,
        maxmem: maxmem(N, R),
      },
    )
  } catch {
    // N not a power of two, and other parameters node:crypto refuses.
    return false
  }
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/** A hash that no password matches, checked against when the email is unknown, so timing says nothing. */
export const DUMMY_HASH =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='
