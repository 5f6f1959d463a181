// Runs in: main process and CLI (Node). Notifications (what each user may see of them, their read
// marks), the install's quiet hours, and the daily digest of everything that did not interrupt anyone.
import {
  NotificationSettings,
  type Digest,
  type Mention,
  type Notification,
  type OpParsed,
  type SentimentLabel,
} from '../contract'
import type { Store } from '../store'
import type { NotificationRecord } from '../store/repos/notifications'
import { actsFor, can, userIdOf, type Principal } from '../workflow/auth'
import { isUrgent, RESTRICTED_TITLE } from '../workflow/notify'
import { NOTIFICATION_SETTINGS_KEY, readNotificationSettings } from '../workflow/notify/notifier'
import { DEFAULT_CALENDAR, DEFAULT_TIME_ZONE, nextWorkingDay } from '../workflow/sla'
import { atLocal, localDate } from '../workflow/sla/clock'
import type { AppEvents, Caller, ServiceDeps } from './context'
import { audited } from './audited'

/**
 * What the digest borrows from features this module does not own. SLA clocks belong to the workflow
 * (its SLA computation) and reminders to incidents: whoever wires the service passes these in (on
 * `deps.digest`); without them the digest shows 0 breached, 0 due today and no reminders, rather than
 * computing a second, possibly different, answer here.
 */
export interface DigestHooks {
  slaCounts?: (schoolId: number, now: Date) => { breached: number; dueToday: number }
  /** Sentences such as "Incident 4: the platform has not answered the report of 2 June". */
  reminders?: (schoolId: number, now: Date) => string[]
}

/** A page of the digest's mention scan, and how many pages at most: a flood must not stall the call. */
const PAGE = 500
const MAX_PAGES = 20

/** The schools a principal reads notifications of; null: every school. */
function schoolScope(p: Principal, store: Store): number[] | null {
  if (p.kind === 'system') return null
  if (p.kind === 'user' && p.user.schoolIds.length === 0) return null
  return store.schools
    .list()
    .map((s) => s.id)
    .filter((id) => actsFor(p, id))
}

/** A restricted notification as someone without safeguarding access sees it: that it exists, no more. */
function forReader(p: Principal, n: NotificationRecord): Notification {
  const hidden = n.restricted && !can(p, 'safeguarding.view')
  return {
    id: n.id,
    schoolId: n.schoolId,
    kind: n.kind,
    mentionId: n.mentionId,
    incidentId: n.incidentId,
    draftId: n.draftId,
    title: hidden ? RESTRICTED_TITLE : n.title,
    body: hidden ? '' : n.body,
    restricted: n.restricted,
    createdAt: n.createdAt,
    read: n.read,
  }
}

/** 00:00 London time on the last working day before today: Monday's digest covers the weekend. */
export function defaultDigestSince(now: Date): Date {
  const today = localDate(now.getTime(), DEFAULT_TIME_ZONE)
  return new Date(atLocal(nextWorkingDay(today, DEFAULT_CALENDAR, -1), 0, DEFAULT_TIME_ZONE))
}

function mentionsSince(store: Store, schoolId: number, since: string): Mention[] {
  const out: Mention[] = []
  let beforeId: number | undefined
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = store.mentions.list({
      schoolId,
      since,
      includeHidden: false,
      limit: PAGE,
      beforeId,
    })
    out.push(...page.items)
    if (page.nextBeforeId === null) break
    beforeId = page.nextBeforeId
  }
  return out
}

export function notificationHandlers(
  deps: ServiceDeps & { digest?: DigestHooks },
  events: AppEvents,
) {
  const { store, now = () => new Date() } = deps
  return {
    'notifications.list': (
      { unreadOnly, limit }: OpParsed<'notifications.list'>,
      ctx: Caller,
    ): Notification[] => {
      const p = ctx.principal
      return store.notifications
        .list({ schoolIds: schoolScope(p, store), userId: userIdOf(p), unreadOnly, limit })
        .map((n) => forReader(p, n))
    },

    'notifications.markRead': ({ ids }: OpParsed<'notifications.markRead'>, ctx: Caller) => {
      const userId = userIdOf(ctx.principal)
      // Read marks are a person's: the system (CLI, jobs) has nobody to mark them for.
      if (userId === null) return { updated: 0 }
      const updated = store.notifications.markRead(
        ids,
        userId,
        schoolScope(ctx.principal, store),
        now().toISOString(),
      )
      // The same user's other windows update their bell.
      if (updated) events.emit({ type: 'notifications.changed', urgent: false })
      return { updated }
    },

    'notifications.settings': (): NotificationSettings => readNotificationSettings(store),

    'notifications.updateSettings': (
      settings: OpParsed<'notifications.updateSettings'>,
      ctx: Caller,
    ): NotificationSettings => {
      const result = audited(store, ctx, now, (at) => {
        const before = readNotificationSettings(store)
        store.settings.set(NOTIFICATION_SETTINGS_KEY, settings, at)
        return {
          result: settings,
          audit: {
            action: 'notifications.settings',
            entity: 'settings',
            entityId: NOTIFICATION_SETTINGS_KEY,
            detail: { before, after: settings },
          },
        }
      })
      events.emit({ type: 'notifications.changed', urgent: false })
      return result
    },

    'digest.get': ({ since }: OpParsed<'digest.get'>, ctx: Caller): Digest => {
      const at = now()
      const from = (since ? new Date(since) : defaultDigestSince(at)).toISOString()
      const sections = store.schools
        .list()
        .filter((s) => actsFor(ctx.principal, s.id))
        .map((school) => {
          // Urgent items were announced when they arrived; the digest is for everything else.
          const items = mentionsSince(store, school.id, from).filter((m) => !isUrgent(m))
          const bySentiment: Record<SentimentLabel, number> = {
            negative: 0,
            neutral: 0,
            positive: 0,
          }
          const bySource = new Map<string, number>()
          for (const m of items) {
            // Not yet analysed: counted as new, but in no sentiment rather than guessed into one.
            if (m.analysis) bySentiment[m.analysis.sentiment.label]++
            bySource.set(m.sourceName, (bySource.get(m.sourceName) ?? 0) + 1)
          }
          const sla = deps.digest?.slaCounts?.(school.id, at) ?? { breached: 0, dueToday: 0 }
          return {
            schoolId: school.id,
            schoolName: school.name,
            newMentions: items.length,
            bySentiment,
            bySource: [...bySource]
              .map(([source, count]) => ({ source, count }))
              .sort((a, b) => b.count - a.count || a.source.localeCompare(b.source)),
            breached: sla.breached,
            dueToday: sla.dueToday,
            reminders: deps.digest?.reminders?.(school.id, at) ?? [],
          }
        })
      return { from, to: at.toISOString(), sections }
    },
  }
}
