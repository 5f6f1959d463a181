// Runs in: main process and CLI (Node). Capture times as evidence needs them: UTC for machines, and
// the school's own clock (Europe/London, with its offset) for the people who read a POSH pack.

export const SCHOOL_TIME_ZONE = 'Europe/London'

/** "2026-07-01T10:15:00+01:00": the wall-clock time in `timeZone` with its offset, ISO 8601. */
export function localIso(at: Date, timeZone = SCHOOL_TIME_ZONE): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  )
  // longOffset is "GMT" at zero offset and "GMT+01:00" otherwise.
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName.replace('GMT', '')
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`
}

export function captureTimes(at: Date): { utc: string; local: string } {
  return { utc: at.toISOString(), local: localIso(at) }
}
