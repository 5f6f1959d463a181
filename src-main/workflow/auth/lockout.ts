// Runs in: any process (pure). When repeated wrong passwords lock an account, and for how long.

/** Five wrong passwords in a row lock the account; the lock lasts 15 minutes, then one more try each. */
export const LOCKOUT = { attempts: 5, minutes: 15 } as const

export interface LoginRecord {
  failedLogins: number
  lockedUntil: string | null
}

export function isLocked(r: LoginRecord, now: Date): boolean {
  return r.lockedUntil !== null && Date.parse(r.lockedUntil) > now.getTime()
}

/** What a wrong password does to the record: count it, and lock when the count reaches the limit. */
export function afterFailure(r: LoginRecord, now: Date): LoginRecord {
  const failedLogins = r.failedLogins + 1
  const lockedUntil =
    failedLogins >= LOCKOUT.attempts
      ? new Date(now.getTime() + LOCKOUT.minutes * 60_000).toISOString()
      : r.lockedUntil
  return { failedLogins, lockedUntil }
}
