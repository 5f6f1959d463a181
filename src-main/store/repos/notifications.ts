// Runs in: main process and CLI (Node). All SQL about notifications: one row per thing announced
// (unique dedupe key), read state per user, and the delivery mark quiet hours leave empty.
import type { Db } from '../db'
import type { NOTIFICATION_KINDS } from '../../contract'

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

export interface NewNotification {
  schoolId: number
  kind: NotificationKind
  mentionId?: number | null
  incidentId?: number | null
  draftId?: number | null
  title: string
  body: string
  restricted: boolean
  dedupeKey: string
  /** Null while quiet hours hold it back. */
  deliveredAt: string | null
}

export interface NotificationRecord {
  id: number
  schoolId: number
  kind: NotificationKind
  mentionId: number | null
  incidentId: number | null
  draftId: number | null
  title: string
  body: string
  restricted: boolean
  createdAt: string
  deliveredAt: string | null
  read: boolean
}

interface Row {
  id: number
  school_id: number
  kind: NotificationKind
  mention_id: number | null
  incident_id: number | null
  draft_id: number | null
  title: string
  body: string
  restricted: number
  created_at: string
  delivered_at: string | null
  is_read: number
}

const toRecord = (r: Row): NotificationRecord => ({
  id: r.id,
  schoolId: r.school_id,
  kind: r.kind,
  mentionId: r.mention_id,
  incidentId: r.incident_id,
  draftId: r.draft_id,
  title: r.title,
  body: r.body,
  restricted: r.restricted === 1,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
  read: r.is_read === 1,
})

export interface NotificationListFilter {
  /** The schools the reader acts for; null: every school. */
  schoolIds: readonly number[] | null
  /** Whose read marks to show; null (the system): nothing is read. */
  userId: number | null
  unreadOnly: boolean
  limit: number
}

// A school set travels as one JSON array, so the statement is prepared once whatever its size.
const IN_SCHOOLS = '(@schools IS NULL OR n.school_id IN (SELECT value FROM json_each(@schools)))'
const schoolsParam = (ids: readonly number[] | null) => (ids === null ? null : JSON.stringify(ids))

export function notificationsRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO notifications (school_id, kind, mention_id, incident_id,
    draft_id, restricted, title, body, created_at, delivered_at, dedupe_key)
    VALUES (@schoolId, @kind, @mentionId, @incidentId, @draftId, @restricted, @title, @body, @now,
    @deliveredAt, @dedupeKey) ON CONFLICT (dedupe_key) DO NOTHING`)
  const list = db.prepare<Record<string, unknown>, Row>(`SELECT n.*,
    EXISTS (SELECT 1 FROM notification_reads r WHERE r.notification_id = n.id AND r.user_id = @userId)
      AS is_read
    FROM notifications n WHERE ${IN_SCHOOLS}
    AND (@unreadOnly = 0 OR NOT EXISTS (SELECT 1 FROM notification_reads r
      WHERE r.notification_id = n.id AND r.user_id = @userId))
    ORDER BY n.id DESC LIMIT @limit`)
  const get = db.prepare<[number], Row>(
    'SELECT n.*, 0 AS is_read FROM notifications n WHERE n.id = ?',
  )
  // Only notifications of the reader's schools can be marked: ids of others change nothing.
  const markRead = db.prepare(`INSERT INTO notification_reads (notification_id, user_id, read_at)
    SELECT n.id, @userId, @now FROM notifications n
    WHERE n.id IN (SELECT value FROM json_each(@ids)) AND ${IN_SCHOOLS}
    ON CONFLICT (notification_id, user_id) DO NOTHING`)
  const undelivered = db.prepare<[], Row>(
    'SELECT n.*, 0 AS is_read FROM notifications n WHERE n.delivered_at IS NULL ORDER BY n.id',
  )
  const markDelivered = db.prepare(
    'UPDATE notifications SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL',
  )

  return {
    /** Inserts unless its dedupe key is already used; the new id, or null (announced before). */
    insert(n: NewNotification, now: string): number | null {
      const r = insert.run({
        schoolId: n.schoolId,
        kind: n.kind,
        mentionId: n.mentionId ?? null,
        incidentId: n.incidentId ?? null,
        draftId: n.draftId ?? null,
        restricted: n.restricted ? 1 : 0,
        title: n.title,
        body: n.body,
        now,
        deliveredAt: n.deliveredAt,
        dedupeKey: n.dedupeKey,
      })
      return r.changes ? Number(r.lastInsertRowid) : null
    },
    /** Newest first, with this user's read flag. */
    list(f: NotificationListFilter): NotificationRecord[] {
      return list
        .all({
          schools: schoolsParam(f.schoolIds),
          userId: f.userId,
          unreadOnly: f.unreadOnly ? 1 : 0,
          limit: f.limit,
        })
        .map(toRecord)
    },
    get(id: number): NotificationRecord | undefined {
      const r = get.get(id)
      return r ? toRecord(r) : undefined
    },
    /** Marks read for one user; how many were newly marked. */
    markRead(
      ids: readonly number[],
      userId: number,
      schoolIds: readonly number[] | null,
      now: string,
    ): number {
      return markRead.run({
        ids: JSON.stringify(ids),
        userId,
        schools: schoolsParam(schoolIds),
        now,
      }).changes
    },
    /** Held by quiet hours, oldest first. */
    undelivered: (): NotificationRecord[] => undelivered.all().map(toRecord),
    markDelivered: (id: number, at: string): boolean => markDelivered.run(at, id).changes > 0,
  }
}
export type NotificationsRepo = ReturnType<typeof notificationsRepo>
