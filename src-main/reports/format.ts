// Runs in: main process and CLI (Node), pure. Dates and numbers as a British reader expects them.
export function longDate(isoOrDay: string, timeZone = 'Europe/London'): string {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(isoOrDay)
    ? new Date(`${isoOrDay}T12:00:00Z`)
    : new Date(isoOrDay)
  if (Number.isNaN(d.getTime())) return isoOrDay
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(d)
}

export function dateTime(iso: string, timeZone = 'Europe/London'): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d)
}

export function shortDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`)
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
  }).format(d)
}

/** Net sentiment on a −100…+100 scale, signed. */
export function netScore(n: number | null): string {
  if (n === null) return '–'
  const v = Math.round(n * 100)
  return `${v > 0 ? '+' : ''}${v}`
}

export const percent = (n: number | null) => (n === null ? '–' : `${Math.round(n * 100)}%`)

export function signed(n: number): string {
  return `${n > 0 ? '+' : ''}${n}`
}
