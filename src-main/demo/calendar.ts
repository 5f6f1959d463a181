// Runs in: CLI (Node). When things happen in the demo year: a random moment that follows the school
// year (quiet in August and over Christmas, busy in term), and the dates of the year's two stories.
import type { Rng } from './prng'

export const DAY_MS = 86_400_000

export interface DemoYear {
  start: number
  now: number
  /** The Ofsted inspection: spring. */
  ofsted: number
  /** The trolling campaign starts: autumn. */
  trolling: number
}

/** The latest `month`/`day` (UTC) at least `gapDays` before now that is still inside the year. */
function latest(now: number, month: number, day: number, gapDays: number): number {
  const year = new Date(now).getUTCFullYear()
  for (const y of [year, year - 1]) {
    const t = Date.UTC(y, month, day, 9, 0)
    if (t <= now - gapDays * DAY_MS && t > now - 365 * DAY_MS) return t
  }
  return now - 180 * DAY_MS
}

export function demoYear(now: Date): DemoYear {
  const t = now.getTime()
  return {
    start: t - 365 * DAY_MS,
    now: t,
    ofsted: latest(t, 2, 10, 30),
    // Close enough to today that the incident is still open, far enough that its timeline has room.
    trolling: latest(t, 9, 6, 21),
  }
}

function quietFactor(t: number): number {
  const d = new Date(t)
  const m = d.getUTCMonth()
  const day = d.getUTCDate()
  if (m === 7) return 0.25
  if ((m === 11 && day > 20) || (m === 0 && day < 4)) return 0.4
  return 1
}

/** A moment in [from, to], in waking hours, following the school calendar. */
export function momentIn(rng: Rng, from: number, to: number): string {
  for (let i = 0; i < 20; i++) {
    const day = from + Math.floor(rng.next() * Math.max(1, to - from))
    if (rng.next() > quietFactor(day)) continue
    const d = new Date(day)
    d.setUTCHours(rng.int(7, 21), rng.int(0, 59), rng.int(0, 59), 0)
    const at = Math.min(Math.max(d.getTime(), from), to)
    return new Date(at).toISOString()
  }
  return new Date(from + Math.floor((to - from) / 2)).toISOString()
}

/** A moment within `hours` after `after`, never past `limit`. */
export function soonAfter(rng: Rng, after: string | number, hours: number, limit: number): string {
  const base = typeof after === 'number' ? after : Date.parse(after)
  const t = base + Math.floor(rng.next() * hours * 3_600_000) + 60_000
  return new Date(Math.min(t, limit)).toISOString()
}

export const byTime = <T extends { at: string }>(a: T, b: T) => a.at.localeCompare(b.at)

/** A numeric id that grows with time, like X's snowflakes (so since_id works). */
export function snowflake(at: string, seq: number): string {
  return (BigInt(Date.parse(at) - 1288834974657) * 4194304n + BigInt(seq % 4096)).toString()
}
