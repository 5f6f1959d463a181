// Runs in: renderer. Dates as people in a school office read them (en-GB).
import { format, formatDistanceToNowStrict } from 'date-fns'
import { enGB } from 'date-fns/locale'

export function when(iso: string | null | undefined): string {
  if (!iso) return 'never'
  return format(new Date(iso), 'd MMM yyyy, HH:mm', { locale: enGB })
}

export function ago(iso: string | null | undefined): string {
  if (!iso) return 'never'
  return `${formatDistanceToNowStrict(new Date(iso), { locale: enGB })} ago`
}

/** 08:00 tomorrow, local time: when a snoozed item comes back. */
export function tomorrowMorning(): string {
  const d = new Date()
  d.setDate(d.getDate() + 1)
  d.setHours(8, 0, 0, 0)
  return d.toISOString()
}

export function every(minutes: number): string {
  if (minutes % 1440 === 0) return minutes === 1440 ? 'daily' : `every ${minutes / 1440} days`
  if (minutes % 60 === 0) return minutes === 60 ? 'hourly' : `every ${minutes / 60} hours`
  return `every ${minutes} min`
}
