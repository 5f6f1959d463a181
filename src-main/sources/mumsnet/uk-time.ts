/**
 * Runs in: main process and CLI (Node). Mumsnet prints post times in UK local time
 * ("19/05/2025 21:14", "Today 09:14", "Yesterday 21:02"), so the same wall-clock time means 20:14
 * UTC in May and 21:14 UTC in December. We read them in Europe/London with @date-fns/tz, relative
 * to the run's clock for Today/Yesterday (the London date, not the UTC date: just after midnight
 * in summer the two differ).
 *
 * At the autumn change 01:00–01:59 happens twice; the zone library picks one, and a post an hour
 * out in one week a year is not worth a heuristic. A time that never happened (the spring gap) is
 * moved forward an hour, as a clock would be.
 */
import { TZDate } from '@date-fns/tz'

export const UK_ZONE = 'Europe/London'

const DATE_TIME = /(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\D+(\d{1,2}):(\d{2})/
const RELATIVE = /\b(today|yesterday)\b\D*(\d{1,2}):(\d{2})/i

function validParts(y: number, mo: number, d: number, h: number, mi: number): boolean {
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && y >= 1998
}

function iso(date: Date): string | null {
  return Number.isNaN(date.getTime()) ? null : new Date(date.getTime()).toISOString()
}

/**
 * ISO 8601 UTC for a post's time: a machine-readable datetime attribute wins; otherwise the
 * visible text as UK time. Null when neither can be read (the item is kept, undated).
 */
export function parseMumsnetTime(
  datetime: string | null,
  text: string | null,
  now: Date,
): string | null {
  if (datetime) {
    // Only a value that names its zone: a bare local time would be read in the computer's zone.
    if (/(?:z|[+-]\d{2}:?\d{2})$/i.test(datetime.trim())) {
      const at = iso(new Date(datetime.trim()))
      if (at) return at
    }
  }
  if (!text) return null
  const abs = DATE_TIME.exec(text)
  if (abs) {
    const [d, mo, yRaw, h, mi] = abs.slice(1).map(Number)
    const y = yRaw < 100 ? 2000 + yRaw : yRaw
    if (!validParts(y, mo, d, h, mi)) return null
    const local = new TZDate(y, mo - 1, d, h, mi, UK_ZONE)
    // 31/02 rolls over into March: that is a misread, not a date.
    if (local.getDate() !== d) return null
    return iso(local)
  }
  const rel = RELATIVE.exec(text)
  if (rel) {
    const h = Number(rel[2])
    const mi = Number(rel[3])
    if (h > 23 || mi > 59) return null
    const today = new TZDate(now.getTime(), UK_ZONE)
    const back = rel[1].toLowerCase() === 'yesterday' ? 1 : 0
    return iso(
      new TZDate(today.getFullYear(), today.getMonth(), today.getDate() - back, h, mi, UK_ZONE),
    )
  }
  return null
}
