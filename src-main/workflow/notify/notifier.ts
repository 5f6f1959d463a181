// Runs in: main process (and `footprint serve`). The notifier: turns urgent mentions and other features'
// news into notification rows, pushes them at once (app event, desktop) unless quiet hours hold them,
// and delivers what was held when quiet hours end.
//
// Disposable like the poller's scheduler: one timer at a time, the next one planned only after a flush
// has finished, and the clock injected so tests move time themselves. Held items live in the store
// (delivered_at NULL), so a restart during the night loses nothing: the first flush after start sends them.
import { DEFAULT_NOTIFICATION_SETTINGS, NotificationSettings, type Mention } from '../../contract'
import type { AppEvents } from '../../services/context'
import type { Store } from '../../store'
import type { NotificationKind, NotificationRecord } from '../../store/repos/notifications'
import type { SchedulerClock } from '../../sources/scheduler'
import { inQuietHours, quietHoursEnd } from './quiet-hours'
import { desktopText, isUrgent, mentionKey, mentionNotification } from './rules'

export const NOTIFICATION_SETTINGS_KEY = 'notifications'

/** The install's settings, or the defaults when never saved (or saved by an older version). */
export function readNotificationSettings(store: Store): NotificationSettings {
  const parsed = NotificationSettings.safeParse(store.settings.get(NOTIFICATION_SETTINGS_KEY))
  return parsed.success ? parsed.data : DEFAULT_NOTIFICATION_SETTINGS
}

export interface DesktopNotification {
  title: string
  body: string
}

export interface NotifierDeps {
  store: Store
  events: AppEvents
  /** Timers for flush(); defaults to real timers. */
  clock?: SchedulerClock
  /** Timestamps and the quiet-hours check; defaults to the clock's time. */
  now?: () => Date
  /** Shows a desktop notification (Electron); absent in the CLI server and in tests that ignore it. */
  desktop?: (n: DesktopNotification) => void
  log: (msg: string) => void
  /** Longest a flush timer waits (default 60 s): a wake from sleep or a settings change is noticed soon. */
  maxTimerMs?: number
  timeZone?: string
}

export interface NotifyOptions {
  dedupeKey: string
  title: string
  body?: string
  mentionId?: number | null
  incidentId?: number | null
  draftId?: number | null
  /** Only the DSL and the head read its words (the service blanks them for others; pop-ups are generic). */
  restricted?: boolean
  /** Urgent news is pushed (or held by quiet hours); the rest only appears in the app's list. */
  urgent?: boolean
}

export interface Notifier {
  /** New mentions were stored: announce the urgent ones. Returns how many notifications were created. */
  mentionsAdded(ids: readonly number[]): number
  /**
   * Another feature's news (a platform that never answered, a reply that failed to post). The new id,
   * or null when its dedupe key was used before (or it could not be stored: that is logged).
   */
  notify(kind: NotificationKind, schoolId: number, opts: NotifyOptions): number | null
  /** Delivers held notifications if quiet hours are over; how many went out. */
  flush(): number
  start(): void
  dispose(): void
}

/** More than this many at once become one summary: a night's backlog should not be a dozen pop-ups. */
const MAX_SEPARATE = 3
const MAX_TIMER = 2 ** 31 - 1

const realClock: SchedulerClock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
}

export function createNotifier(deps: NotifierDeps): Notifier {
  const { store, events, log } = deps
  const clock = deps.clock ?? realClock
  const now = deps.now ?? (() => new Date(clock.now()))
  const maxTimerMs = Math.min(MAX_TIMER, Math.max(1, deps.maxTimerMs ?? 60_000))
  const timeZone = deps.timeZone
  let timer: unknown = null
  let started = false
  let disposed = false

  function push(items: readonly Pick<NotificationRecord, 'title' | 'body' | 'restricted'>[]): void {
    if (!deps.desktop || !items.length) return
    if (!readNotificationSettings(store).desktop) return
    const shown: DesktopNotification[] =
      items.length > MAX_SEPARATE
        ? [
            {
              title: `${items.length} urgent items need attention`,
              body: 'Open Footprint to see them.',
            },
          ]
        : items.map(desktopText)
    for (const n of shown) {
      try {
        deps.desktop(n)
      } catch (e) {
        // The row is in the app whatever the desktop does: a failed pop-up is logged, not retried.
        log(`[notify] desktop notification failed: ${(e as Error)?.message ?? e}`)
      }
    }
  }

  /** Inserts the rows; pushes them now, or leaves them for flush() when quiet hours hold. */
  function announce(
    rows: (Omit<NotificationRecord, 'id' | 'createdAt' | 'deliveredAt' | 'read'> & {
      dedupeKey: string
    })[],
    urgent: boolean,
  ): NotificationRecord[] {
    const at = now()
    const quiet = urgent && inQuietHours(readNotificationSettings(store), at, timeZone)
    const iso = at.toISOString()
    const created = store.tx(() =>
      rows.flatMap((r) => {
        const id = store.notifications.insert({ ...r, deliveredAt: quiet ? null : iso }, iso)
        return id === null ? [] : [store.notifications.get(id)!]
      }),
    )
    if (!created.length) return created
    if (urgent && !quiet) push(created)
    // Held items update the bell silently; the urgent event (the in-app alert) comes at flush.
    events.emit({ type: 'notifications.changed', urgent: urgent && !quiet })
    if (quiet) plan()
    return created
  }

  function mentionsAdded(ids: readonly number[]): number {
    try {
      const urgent = ids
        .map((id) => store.mentions.get(id))
        .filter(
          (m): m is Mention =>
            !!m && m.duplicateOf === null && m.hiddenReason === null && isUrgent(m),
        )
      const rows = urgent.map((m) => ({
        schoolId: m.schoolId,
        kind: 'urgent_mention' as const,
        mentionId: m.id,
        incidentId: null,
        draftId: null,
        dedupeKey: mentionKey(m.id),
        ...mentionNotification(m),
      }))
      return rows.length ? announce(rows, true).length : 0
    } catch (e) {
      // Never the poller's problem: the mentions are stored; the digest and the inbox still show them.
      log(`[notify] announcing mentions failed: ${(e as Error)?.stack ?? String(e)}`)
      return 0
    }
  }

  function notify(kind: NotificationKind, schoolId: number, o: NotifyOptions): number | null {
    try {
      return record(kind, schoolId, o)
    } catch (e) {
      // Like mentionsAdded: the caller's own work (a report, a post) must not fail for a notification.
      log(`[notify] ${kind} for school ${schoolId} failed: ${(e as Error)?.stack ?? String(e)}`)
      return null
    }
  }

  function record(kind: NotificationKind, schoolId: number, o: NotifyOptions): number | null {
    const created = announce(
      [
        {
          schoolId,
          kind,
          mentionId: o.mentionId ?? null,
          incidentId: o.incidentId ?? null,
          draftId: o.draftId ?? null,
          title: o.title,
          body: o.body ?? '',
          restricted: o.restricted ?? false,
          dedupeKey: o.dedupeKey,
        },
      ],
      o.urgent ?? false,
    )
    return created[0]?.id ?? null
  }

  function flush(): number {
    const at = now()
    if (inQuietHours(readNotificationSettings(store), at, timeZone)) return 0
    const iso = at.toISOString()
    const held = store.notifications.undelivered()
    // Marked first: should the desktop fail, the item is not pushed again every minute.
    const sent = store.tx(() => held.filter((n) => store.notifications.markDelivered(n.id, iso)))
    if (!sent.length) return 0
    push(sent)
    events.emit({ type: 'notifications.changed', urgent: true })
    return sent.length
  }

  function clearTimer(): void {
    if (timer !== null) clock.clearTimer(timer)
    timer = null
  }

  /** One timer: to the end of quiet hours if they hold, capped so sleep and setting changes are seen. */
  function plan(): void {
    clearTimer()
    if (!started || disposed) return
    let delay = maxTimerMs
    try {
      const end = quietHoursEnd(readNotificationSettings(store), now(), timeZone)
      if (end) delay = Math.max(0, Math.min(maxTimerMs, end.getTime() - now().getTime()))
    } catch (e) {
      log(`[notify] planning failed: ${(e as Error)?.message ?? e}`)
    }
    timer = clock.setTimer(tick, delay)
  }

  function tick(): void {
    timer = null
    try {
      flush()
    } catch (e) {
      log(`[notify] flush failed: ${(e as Error)?.stack ?? String(e)}`)
    }
    plan() // after the flush finished: runs never overlap
  }

  return {
    mentionsAdded,
    notify,
    flush,
    start() {
      if (disposed) throw new Error('The notifier has been disposed')
      if (started) return
      started = true
      // Anything held when the app last closed goes out now if the night is over.
      tick()
    },
    dispose() {
      started = false
      disposed = true
      clearTimer()
    },
  }
}
