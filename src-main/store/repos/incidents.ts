// Runs in: main process and CLI (Node). All SQL about incidents: the incident, the mentions it groups
// and its dated timeline. Incidents are evidence for POSH and governors, so nothing here deletes one.
import type { Db } from '../db'
import type { IncidentEventKind } from '../../contract'

export interface IncidentRow {
  id: number
  school_id: number
  title: string
  summary: string
  status: 'open' | 'closed'
  safeguarding: number
  created_by: number | null
  created_at: string
  closed_at: string | null
  created_by_name: string | null
  /** Who created it when no user did (the CLI, the app's jobs): read from the audit trail. */
  creator_actor: string | null
  mention_count: number
  last_event_at: string | null
}

export interface IncidentEventRow {
  id: number
  incident_id: number
  kind: IncidentEventKind
  occurred_at: string
  reference: string
  note: string
  created_at: string
  actor: string
  by_name: string | null
}

export interface NewIncident {
  schoolId: number
  title: string
  summary: string
  createdBy: number | null
}

export interface NewIncidentEvent {
  incidentId: number
  kind: IncidentEventKind
  occurredAt: string
  reference: string
  note: string
  createdBy: number | null
  actor: string
}

// The audit lookup only runs for incidents no user created (CASE is lazy), so its scan stays rare.
const SELECT = `SELECT i.id, i.school_id, i.title, i.summary, i.status, i.safeguarding, i.created_by,
  i.created_at, i.closed_at, u.display_name AS created_by_name,
  CASE WHEN i.created_by IS NULL THEN (SELECT a.actor FROM audit_events a WHERE a.entity = 'incident'
    AND a.action = 'incident.create' AND a.entity_id = CAST(i.id AS TEXT) ORDER BY a.id LIMIT 1) END AS creator_actor,
  (SELECT count(*) FROM incident_mentions im WHERE im.incident_id = i.id) AS mention_count,
  (SELECT max(e.occurred_at) FROM incident_events e WHERE e.incident_id = i.id) AS last_event_at
  FROM incidents i LEFT JOIN users u ON u.id = i.created_by`

const EVENT_SELECT = `SELECT e.id, e.incident_id, e.kind, e.occurred_at, e.reference, e.note, e.created_at,
  e.actor, u.display_name AS by_name FROM incident_events e LEFT JOIN users u ON u.id = e.created_by`

export function incidentsRepo(db: Db) {
  const insert =
    db.prepare(`INSERT INTO incidents (school_id, title, summary, status, created_by, created_at)
    VALUES (@schoolId, @title, @summary, 'open', @createdBy, @now)`)
  const get = db.prepare<[number], IncidentRow>(`${SELECT} WHERE i.id = ?`)
  // Newest activity first: a new timeline entry, closing or opening brings an incident to the top.
  const list = db.prepare<{ schoolId: number; status: string }, IncidentRow>(`${SELECT}
    WHERE i.school_id = @schoolId AND (@status = 'all' OR i.status = @status)
    ORDER BY max(i.created_at, coalesce(i.closed_at, ''),
      coalesce((SELECT max(e.created_at) FROM incident_events e WHERE e.incident_id = i.id), '')) DESC, i.id DESC`)
  const mentionIds = db.prepare<[number], { mention_id: number }>(
    'SELECT mention_id FROM incident_mentions WHERE incident_id = ? ORDER BY mention_id',
  )
  const link = db.prepare(
    'INSERT INTO incident_mentions (incident_id, mention_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
  )
  const unlink = db.prepare(
    'DELETE FROM incident_mentions WHERE incident_id = ? AND mention_id = ?',
  )
  const markSafeguarding = db.prepare('UPDATE incidents SET safeguarding = 1 WHERE id = ?')
  const setStatus = db.prepare(
    'UPDATE incidents SET status = ?, closed_at = ? WHERE id = ? AND status != ?',
  )
  const addEvent =
    db.prepare(`INSERT INTO incident_events (incident_id, kind, occurred_at, reference,
    note, created_by, actor, created_at)
    VALUES (@incidentId, @kind, @occurredAt, @reference, @note, @createdBy, @actor, @now)`)
  // Timeline order is when things happened; entries recorded later for the same moment follow.
  const events = db.prepare<[number], IncidentEventRow>(
    `${EVENT_SELECT} WHERE e.incident_id = ? ORDER BY e.occurred_at, e.id`,
  )
  // Only the kinds the reminder rule reads, for every open incident of a school at once.
  const platformEvents = db.prepare<[number], IncidentEventRow>(`${EVENT_SELECT}
    JOIN incidents i ON i.id = e.incident_id
    WHERE i.school_id = ? AND i.status = 'open' AND e.kind IN ('reported_to_platform', 'platform_response')
    ORDER BY e.occurred_at, e.id`)

  return {
    create(i: NewIncident, now: string): number {
      return Number(insert.run({ ...i, now }).lastInsertRowid)
    },
    get: (id: number): IncidentRow | undefined => get.get(id),
    list: (schoolId: number, status: 'open' | 'closed' | 'all'): IncidentRow[] =>
      list.all({ schoolId, status }),
    mentionIds: (id: number): number[] => mentionIds.all(id).map((r) => r.mention_id),
    /** True when the mention was not in the incident yet. */
    addMention: (id: number, mentionId: number): boolean => link.run(id, mentionId).changes > 0,
    removeMention: (id: number, mentionId: number): boolean =>
      unlink.run(id, mentionId).changes > 0,
    /** Set once, never cleared here: taking a mention out does not make what was seen unseen. */
    markSafeguarding(id: number): void {
      markSafeguarding.run(id)
    },
    /** False when the incident already had that status. */
    setStatus(id: number, status: 'open' | 'closed', now: string): boolean {
      return setStatus.run(status, status === 'closed' ? now : null, id, status).changes > 0
    },
    addEvent(e: NewIncidentEvent, now: string): number {
      return Number(addEvent.run({ ...e, now }).lastInsertRowid)
    },
    events: (id: number): IncidentEventRow[] => events.all(id),
    /** Platform reports and responses of the school's open incidents, grouped by incident. */
    platformEventsOfSchool(schoolId: number): Map<number, IncidentEventRow[]> {
      const byIncident = new Map<number, IncidentEventRow[]>()
      for (const e of platformEvents.all(schoolId)) {
        const list = byIncident.get(e.incident_id)
        if (list) list.push(e)
        else byIncident.set(e.incident_id, [e])
      }
      return byIncident
    },
  }
}
export type IncidentsRepo = ReturnType<typeof incidentsRepo>
