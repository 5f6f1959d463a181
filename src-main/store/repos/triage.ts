// Runs in: main process and CLI (Node). All SQL about triage: the inbox (mentions with their triage
// row, searched with FTS5), triage changes, and each user's daily-check mark.
import type { Db } from '../db'
import type { Triage, TriageOutcome, TriageState } from '../../contract'
import { MENTION_SELECT, toMention, type MentionRow } from './mentions'
import type { Mention } from '../../contract'

interface InboxRow extends MentionRow {
  t_state: TriageState | null
  t_outcome: TriageOutcome | null
  t_assignee_id: number | null
  t_assignee_name: string | null
  t_snoozed_until: string | null
  t_responded_at: string | null
  t_updated_at: string | null
  pending_drafts: number
}

export interface TriagedMention {
  mention: Mention
  triage: Triage
  pendingDrafts: number
}

export type { TriageRow } from '../../workflow/triage'
import type { TriageRow } from '../../workflow/triage'

export interface InboxFilter {
  schoolId: number
  /** 'open': anything not resolved. */
  state: TriageState | 'open' | 'all'
  /** A user id, or -1 for unassigned. */
  assignee?: number
  search?: string
  includeSnoozed: boolean
  sentiment?: string
  priority?: string
  flag?: string
  beforeId?: number
  /** Only mentions with a higher id: "new since my last check". */
  afterId?: number
  /** Only items whose SLA clock still runs (not resolved, no response yet). */
  clockRunning?: boolean
  /** The day it was said (Europe/London), inclusive, as the trends count it (0007's mention_facts). */
  from?: string
  to?: string
  sourceId?: number
  /** A seed theme key, or "term:<words>" for an emerging theme (found by full-text search). */
  theme?: string
  now: string
  limit: number
  /** Rows to skip (after the filter, newest first): a page anywhere in a long result. */
  offset?: number
}

function toTriaged(r: InboxRow): TriagedMention {
  return {
    mention: toMention(r),
    triage: {
      state: r.t_state ?? 'new',
      outcome: r.t_outcome,
      assigneeId: r.t_assignee_id,
      assigneeName: r.t_assignee_name,
      snoozedUntil: r.t_snoozed_until,
      respondedAt: r.t_responded_at,
      updatedAt: r.t_updated_at,
    },
    pendingDrafts: r.pending_drafts,
  }
}

/**
 * What the user typed, as an FTS5 query that cannot be a syntax error: each word quoted (quotes
 * doubled), all required, the last one a prefix so results appear while typing.
 */
export function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}'’-]+/gu)?.slice(0, 12) ?? []
  if (!words.length) return null
  return words
    .map((w, i) => `"${w.replace(/"/g, '""')}"${i === words.length - 1 ? '*' : ''}`)
    .join(' ')
}

const EMERGING = 'term:'
/** A seed theme is looked up in mention_themes; an emerging one ("term:car park") is a phrase search. */
function themeParams(theme: string | undefined): {
  theme: string | null
  themeSearch: string | null
} {
  if (!theme) return { theme: null, themeSearch: null }
  if (!theme.startsWith(EMERGING)) return { theme, themeSearch: null }
  const words = theme
    .slice(EMERGING.length)
    .match(/[\p{L}\p{N}]+/gu)
    ?.slice(0, 6)
  // No words: a theme no mention has.
  if (!words) return { theme, themeSearch: null }
  // One phrase, the last word a prefix, so "car park" also finds "car parking".
  return { theme: null, themeSearch: `"${words.join(' ')}"*` }
}

// A mention, its effective verdict, its triage row (if any) and the drafts waiting for the head.
const INBOX_SELECT = `${MENTION_SELECT.replace(
  ' FROM mentions m',
  `, t.state AS t_state, t.outcome AS t_outcome, t.assignee_id AS t_assignee_id,
    u.display_name AS t_assignee_name, t.snoozed_until AS t_snoozed_until,
    t.responded_at AS t_responded_at, t.updated_at AS t_updated_at,
    (SELECT count(*) FROM drafts d WHERE d.mention_id = m.id AND d.status = 'submitted') AS pending_drafts
  FROM mentions m`,
)}
  LEFT JOIN mention_triage t ON t.mention_id = m.id
  LEFT JOIN users u ON u.id = t.assignee_id`

// Which rows the inbox lists, verdict aside (shared by the page, its count and its offsets).
const BASE_WHERE = `WHERE m.school_id = @schoolId AND m.duplicate_of IS NULL AND m.hidden_reason IS NULL
    AND (@state = 'all' OR (@state = 'open' AND coalesce(t.state, 'new') != 'resolved')
         OR coalesce(t.state, 'new') = @state)
    AND (@assignee IS NULL OR (@assignee = -1 AND t.assignee_id IS NULL) OR t.assignee_id = @assignee)
    AND (@includeSnoozed = 1 OR t.snoozed_until IS NULL OR t.snoozed_until <= @now)
    AND (@search IS NULL OR m.id IN (SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH @search))
    AND (@beforeId IS NULL OR m.id < @beforeId)
    AND (@afterId IS NULL OR m.id > @afterId)
    AND (@clockRunning = 0 OR (coalesce(t.state, 'new') != 'resolved' AND t.responded_at IS NULL))
    AND (@sourceId IS NULL OR m.source_id = @sourceId)
    AND (@dated = 0 OR m.id IN (SELECT f.mention_id FROM mention_facts f WHERE f.school_id = @schoolId
      AND f.day >= @from AND f.day <= @to))
    AND (@theme IS NULL OR m.id IN (SELECT th.mention_id FROM mention_themes th WHERE th.theme = @theme))
    AND (@themeSearch IS NULL OR m.id IN (SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH @themeSearch))`
// The effective verdict: `v` is the view (mention_verdicts); `f` is 0007's mention_facts, the same
// verdict kept in a table by triggers, far cheaper to read for counting and skipping 100,000 rows.
const verdictWhere = (sentiment: string, priority: string, flags: string) => `
    AND (@sentiment IS NULL OR ${sentiment} = @sentiment)
    AND (@priority IS NULL OR ${priority} = @priority)
    AND (@flag IS NULL OR EXISTS (SELECT 1 FROM json_each(${flags}) WHERE value = @flag))`
const INBOX_WHERE = BASE_WHERE + verdictWhere('v.sentiment_label', 'v.priority', 'v.flags_json')
// Counting and finding a page's first row read no verdict view, and join the facts only when a
// verdict filter needs them.
const LEAN_FROM = `FROM mentions m LEFT JOIN mention_triage t ON t.mention_id = m.id`
const LEAN_FACTS = `${LEAN_FROM} LEFT JOIN mention_facts f ON f.mention_id = m.id ${BASE_WHERE}
  ${verdictWhere('f.sentiment', 'f.priority', 'f.flags_json')}`

/** The inbox filter as the statements' named parameters (no limit or offset). */
function inboxParams(f: Omit<InboxFilter, 'limit' | 'offset'>): Record<string, unknown> {
  return {
    schoolId: f.schoolId,
    state: f.state,
    assignee: f.assignee ?? null,
    includeSnoozed: f.includeSnoozed ? 1 : 0,
    search: f.search ? ftsQuery(f.search) : null,
    sentiment: f.sentiment ?? null,
    priority: f.priority ?? null,
    flag: f.flag ?? null,
    beforeId: f.beforeId ?? null,
    afterId: f.afterId ?? null,
    clockRunning: f.clockRunning ? 1 : 0,
    sourceId: f.sourceId ?? null,
    dated: f.from !== undefined || f.to !== undefined ? 1 : 0,
    from: f.from ?? '0000-01-01',
    to: f.to ?? '9999-12-31',
    ...themeParams(f.theme),
    now: f.now,
  }
}

export function triageRepo(db: Db) {
  const inbox = db.prepare<Record<string, unknown>, InboxRow>(
    `${INBOX_SELECT} ${INBOX_WHERE} ORDER BY m.id DESC LIMIT @limit`,
  )
  // How many rows the filter has, and the id `offset` rows down it: the Mentions list sizes its
  // scrollbar with the one and fetches any page (a reader may drag straight to the middle of 100,000
  // rows) with the other, then reads the page itself from that id down with the statement above.
  const lean = (verdict: boolean) => (verdict ? LEAN_FACTS : `${LEAN_FROM} ${BASE_WHERE}`)
  const counts = [false, true].map((v) =>
    db.prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n ${lean(v)}`),
  )
  const anchors = [false, true].map((v) =>
    db.prepare<Record<string, unknown>, { id: number }>(
      `SELECT m.id ${lean(v)} ORDER BY m.id DESC LIMIT 1 OFFSET @offset`,
    ),
  )
  const byVerdict = (f: Omit<InboxFilter, 'limit' | 'offset'>) =>
    f.sentiment || f.priority || f.flag ? 1 : 0
  const one = db.prepare<[number], InboxRow>(`${INBOX_SELECT} WHERE m.id = ?`)
  // The inbox's rules for state 'open', one assignee, snoozed items left out: counted, not fetched.
  const assigned = db.prepare<[number, number, string], { n: number }>(
    `SELECT count(*) AS n FROM mention_triage t JOIN mentions m ON m.id = t.mention_id
     WHERE m.school_id = ? AND m.duplicate_of IS NULL AND m.hidden_reason IS NULL
       AND t.state != 'resolved' AND t.assignee_id = ?
       AND (t.snoozed_until IS NULL OR t.snoozed_until <= ?)`,
  )
  const get = db.prepare<
    [number],
    {
      state: TriageState
      outcome: TriageOutcome | null
      assignee_id: number | null
      snoozed_until: string | null
      responded_at: string | null
    }
  >(
    'SELECT state, outcome, assignee_id, snoozed_until, responded_at FROM mention_triage WHERE mention_id = ?',
  )
  const put = db.prepare(`INSERT INTO mention_triage
    (mention_id, state, outcome, assignee_id, snoozed_until, responded_at, updated_by, updated_at)
    VALUES (@id, @state, @outcome, @assigneeId, @snoozedUntil, @respondedAt, @by, @now)
    ON CONFLICT (mention_id) DO UPDATE SET state = excluded.state, outcome = excluded.outcome,
      assignee_id = excluded.assignee_id, snoozed_until = excluded.snoozed_until,
      responded_at = excluded.responded_at, updated_by = excluded.updated_by, updated_at = excluded.updated_at`)
  // A posted reply is the first response: the clock stops, the item stays where triage put it.
  const responded =
    db.prepare(`INSERT INTO mention_triage (mention_id, state, outcome, responded_at, updated_at)
    VALUES (?, 'triaged', 'respond', ?, ?) ON CONFLICT (mention_id) DO UPDATE SET
    responded_at = coalesce(responded_at, excluded.responded_at), updated_at = excluded.updated_at`)
  const unassign = db.prepare(
    'UPDATE mention_triage SET assignee_id = NULL, updated_at = ? WHERE assignee_id = ?',
  )
  const checkGet = db.prepare<[number, number], { seen_through_id: number; checked_at: string }>(
    'SELECT seen_through_id, checked_at FROM user_checks WHERE user_id = ? AND school_id = ?',
  )
  // The mark only moves forward: a stale tab cannot make old items look new again.
  const checkPut =
    db.prepare(`INSERT INTO user_checks (user_id, school_id, seen_through_id, checked_at)
    VALUES (?, ?, ?, ?) ON CONFLICT (user_id, school_id) DO UPDATE SET
    seen_through_id = max(seen_through_id, excluded.seen_through_id), checked_at = excluded.checked_at`)

  const incidentsOf = db.prepare<[number], { id: number; title: string; status: string }>(
    `SELECT i.id, i.title, i.status FROM incidents i JOIN incident_mentions im ON im.incident_id = i.id
    WHERE im.mention_id = ? ORDER BY i.id`,
  )

  return {
    incidentsOf: (mentionId: number) => incidentsOf.all(mentionId),
    /** Open, awake items assigned to a user: what inbox({ state: 'open', assignee }) would list. */
    countAssigned: (schoolId: number, userId: number, now: string): number =>
      assigned.get(schoolId, userId, now)!.n,
    inbox(f: InboxFilter): TriagedMention[] {
      const params = inboxParams(f)
      if (f.offset) {
        const at = anchors[byVerdict(f)].get({ ...params, offset: f.offset })
        if (!at) return []
        params.beforeId = at.id + 1
      }
      return inbox.all({ ...params, limit: f.limit }).map(toTriaged)
    },
    /** How many rows inbox(f) would list without its limit and offset. */
    inboxCount(f: Omit<InboxFilter, 'limit' | 'offset'>): number {
      return counts[byVerdict(f)].get(inboxParams(f))!.n
    },
    item(mentionId: number): TriagedMention | undefined {
      const r = one.get(mentionId)
      return r ? toTriaged(r) : undefined
    },
    get(mentionId: number): TriageRow {
      const r = get.get(mentionId)
      return r
        ? {
            state: r.state,
            outcome: r.outcome,
            assigneeId: r.assignee_id,
            snoozedUntil: r.snoozed_until,
            respondedAt: r.responded_at,
          }
        : { state: 'new', outcome: null, assigneeId: null, snoozedUntil: null, respondedAt: null }
    },
    put(mentionId: number, t: TriageRow, by: number | null, now: string): void {
      put.run({ id: mentionId, ...t, by, now })
    },
    markResponded(mentionId: number, at: string): void {
      responded.run(mentionId, at, at)
    },
    /** A removed user's items: unassigned, so they show up under "Unassigned" for someone to take. */
    unassignAll: (userId: number, now: string): number => unassign.run(now, userId).changes,
    lastCheck(userId: number, schoolId: number) {
      const r = checkGet.get(userId, schoolId)
      return r ? { seenThroughId: r.seen_through_id, checkedAt: r.checked_at } : null
    },
    markChecked(userId: number, schoolId: number, throughId: number, now: string): void {
      checkPut.run(userId, schoolId, throughId, now)
    },
  }
}
export type TriageRepo = ReturnType<typeof triageRepo>
