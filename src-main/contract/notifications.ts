// Runs in: both processes (common). Notifications: instant only for urgent items, everything else in
// the daily digest; quiet hours hold instant ones back until morning.
import { z } from 'zod'
import { op, NoInput } from './op'

// 'spike': a spike alert (src-main/trends/spikes.ts), added by migration 0007.
export const NOTIFICATION_KINDS = [
  'urgent_mention',
  'platform_no_answer',
  'post_failed',
  'spike',
] as const

export const Notification = z.object({
  id: z.number().int(),
  schoolId: z.number().int(),
  kind: z.enum(NOTIFICATION_KINDS),
  mentionId: z.number().int().nullable(),
  incidentId: z.number().int().nullable(),
  draftId: z.number().int().nullable(),
  /** Blanked for users who may not read safeguarding details. */
  title: z.string(),
  body: z.string(),
  restricted: z.boolean(),
  createdAt: z.string(),
  read: z.boolean(),
})
export type Notification = z.output<typeof Notification>

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 21:00')
export const NotificationSettings = z.object({
  quietHours: z.object({
    enabled: z.boolean(),
    start: Time,
    end: Time,
  }),
  /** Show a desktop notification (Electron) as well as the in-app one. */
  desktop: z.boolean(),
})
export type NotificationSettings = z.output<typeof NotificationSettings>
export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  quietHours: { enabled: true, start: '21:00', end: '07:00' },
  desktop: true,
}

export const DigestSection = z.object({
  schoolId: z.number().int(),
  schoolName: z.string(),
  newMentions: z.number().int(),
  bySentiment: z.object({
    negative: z.number().int(),
    neutral: z.number().int(),
    positive: z.number().int(),
  }),
  bySource: z.array(z.object({ source: z.string(), count: z.number().int() })),
  breached: z.number().int(),
  dueToday: z.number().int(),
  reminders: z.array(z.string()),
})
export const Digest = z.object({
  from: z.string(),
  to: z.string(),
  sections: z.array(DigestSection),
})
export type Digest = z.output<typeof Digest>

export const notificationOps = {
  'notifications.list': op(
    z.object({
      unreadOnly: z.boolean().default(false),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    z.array(Notification),
    'My notifications, newest first',
  ),
  'notifications.markRead': op(
    z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) }),
    z.object({ updated: z.number().int() }),
    'Mark notifications read',
  ),
  'notifications.settings': op(
    NoInput,
    NotificationSettings,
    'Quiet hours and desktop notifications',
  ),
  'notifications.updateSettings': op(
    NotificationSettings,
    NotificationSettings,
    'Change quiet hours and desktop notifications',
  ),
  'digest.get': op(
    z.object({ since: z.iso.datetime({ offset: true }).optional() }),
    Digest,
    'The daily digest: everything not urgent since the last working day, per school',
  ),
} as const
