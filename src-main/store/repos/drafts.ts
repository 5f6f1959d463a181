// Runs in: main process and CLI (Node). All SQL about reply drafts, their versions and the head's
// decisions. Every transition is a conditional UPDATE on (status, version), so of two people acting on
// the same draft at once exactly one changes it; the other's UPDATE touches no row and they are told.
import type { Db } from '../db'
import type { DraftPlatform, DraftStatus, Situation } from '../../contract'

export interface DraftRow {
  id: number
  mention_id: number | null
  school_id: number
  template: string
  situation: Situation
  platform: DraftPlatform
  body: string
  version: number
  status: DraftStatus
  created_by: number | null
  created_at: string
  updated_at: string
  submitted_by: number | null
  submitted_at: string | null
  post_after: string | null
  post_error: string | null
  posted_url: string | null
  posted_at: string | null
  posted_by: number | null
  /** What happens to the original comment after approval (removal notices only). */
  moderation: 'hide' | 'delete' | null
  created_by_name: string | null
  submitted_by_name: string | null
  creator_actor: string
}

export interface DecisionRow {
  decision: 'approved' | 'sent_back' | 'rejected'
  draft_version: number
  note: string
  decided_at: string
  by_name: string | null
  actor: string
}

export interface VersionRow {
  version: number
  body: string
  created_at: string
  by_name: string | null
  actor: string
}

export interface NewDraft {
  mentionId: number
  schoolId: number
  template: string
  situation: Situation
  platform: DraftPlatform
  body: string
}

const SELECT = `SELECT d.*, cu.display_name AS created_by_name, su.display_name AS submitted_by_name,
  coalesce((SELECT actor FROM draft_versions v WHERE v.draft_id = d.id AND v.version = 1), '') AS creator_actor
  FROM drafts d LEFT JOIN users cu ON cu.id = d.created_by LEFT JOIN users su ON su.id = d.submitted_by`

export function draftsRepo(db: Db) {
  const insert =
    db.prepare(`INSERT INTO drafts (mention_id, school_id, template, situation, platform,
    body, version, status, created_by, created_at, updated_at)
    VALUES (@mentionId, @schoolId, @template, @situation, @platform, @body, 1, 'draft', @by, @now, @now)`)
  const addVersion =
    db.prepare(`INSERT INTO draft_versions (draft_id, version, body, created_by, actor, created_at)
    VALUES (?, ?, ?, ?, ?, ?)`)
  const get = db.prepare<[number], DraftRow>(`${SELECT} WHERE d.id = ?`)
  const byMention = db.prepare<[number], DraftRow>(`${SELECT} WHERE d.mention_id = ? ORDER BY d.id`)
  const submitted = db.prepare<[], DraftRow>(
    `${SELECT} WHERE d.status = 'submitted' ORDER BY d.submitted_at, d.id`,
  )
  const versions = db.prepare<
    [number],
    VersionRow
  >(`SELECT v.version, v.body, v.created_at, v.actor,
    u.display_name AS by_name FROM draft_versions v LEFT JOIN users u ON u.id = v.created_by
    WHERE v.draft_id = ? ORDER BY v.version`)
  const decisions = db.prepare<[number], DecisionRow>(`SELECT a.decision, a.draft_version, a.note,
    a.decided_at, a.actor, u.display_name AS by_name FROM approvals a LEFT JOIN users u ON u.id = a.decided_by
    WHERE a.draft_id = ? ORDER BY a.id`)
  // Editing anything but a posted draft makes a new version and returns it to draft: an approval
  // is for the exact words approved.
  const edit = db.prepare(`UPDATE drafts SET body = @body, version = version + 1, status = 'draft',
    submitted_by = NULL, submitted_at = NULL, post_after = NULL, post_error = NULL, updated_at = @now
    WHERE id = @id AND version = @version AND status != 'posted' AND post_after IS NULL`)
  const submit = db.prepare(`UPDATE drafts SET status = 'submitted', submitted_by = @by,
    submitted_at = @now, updated_at = @now
    WHERE id = @id AND version = @version AND status IN ('draft', 'sent_back')`)
  const decide = db.prepare(`UPDATE drafts SET status = @status, updated_at = @now
    WHERE id = @id AND version = @version AND status = 'submitted'`)
  const addDecision =
    db.prepare(`INSERT INTO approvals (draft_id, draft_version, decision, note, decided_by, actor, decided_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`)
  const queue = db.prepare(`UPDATE drafts SET post_after = @at, post_error = NULL, posted_by = @by,
    updated_at = @now WHERE id = @id AND status = 'approved' AND post_after IS NULL`)
  const unqueue =
    db.prepare(`UPDATE drafts SET post_after = NULL, posted_by = NULL, updated_at = @now
    WHERE id = @id AND status = 'approved' AND post_after IS NOT NULL AND post_after > @now`)
  const claim = db.prepare(`UPDATE drafts SET post_after = NULL, updated_at = @now
    WHERE id = @id AND status = 'approved' AND post_after IS NOT NULL AND post_after <= @now`)
  const failed = db.prepare(
    `UPDATE drafts SET post_error = ?, updated_at = ? WHERE id = ? AND status = 'approved'`,
  )
  const posted =
    db.prepare(`UPDATE drafts SET status = 'posted', posted_url = @url, posted_at = @now,
    posted_by = coalesce(@by, posted_by), post_after = NULL, post_error = NULL, updated_at = @now
    WHERE id = @id AND status = 'approved'`)
  const due = db.prepare<[string], { id: number }>(
    `SELECT id FROM drafts INDEXED BY drafts_post_after WHERE post_after IS NOT NULL AND post_after <= ? AND status = 'approved' ORDER BY post_after`,
  )
  const nextDue = db.prepare<[], { at: string | null }>(
    `SELECT min(post_after) AS at FROM drafts WHERE post_after IS NOT NULL AND status = 'approved'`,
  )
  const remove = db.prepare(
    `DELETE FROM drafts WHERE id = ? AND status IN ('draft', 'sent_back', 'rejected')`,
  )
  const detach = db.prepare('SELECT count(*) AS n FROM drafts WHERE mention_id = ?')
  // Part of what the head approves: settable only before submission.
  const moderate = db.prepare(`UPDATE drafts SET moderation = @moderation, updated_at = @now
    WHERE id = @id AND version = @version AND status IN ('draft', 'sent_back')`)

  return {
    create(d: NewDraft, by: number | null, actor: string, now: string): number {
      const id = Number(insert.run({ ...d, by, now }).lastInsertRowid)
      addVersion.run(id, 1, d.body, by, actor, now)
      return id
    },
    get: (id: number): DraftRow | undefined => get.get(id),
    byMention: (mentionId: number): DraftRow[] => byMention.all(mentionId),
    submitted: (): DraftRow[] => submitted.all(),
    versions: (id: number): VersionRow[] => versions.all(id),
    decisions: (id: number): DecisionRow[] => decisions.all(id),
    /** False when someone else changed it first (the version moved on, or it was posted). */
    edit(
      id: number,
      version: number,
      body: string,
      by: number | null,
      actor: string,
      now: string,
    ): boolean {
      if (edit.run({ id, version, body, now }).changes === 0) return false
      addVersion.run(id, version + 1, body, by, actor, now)
      return true
    },
    submit: (id: number, version: number, by: number | null, now: string): boolean =>
      submit.run({ id, version, by, now }).changes > 0,
    decide(
      id: number,
      version: number,
      decision: DecisionRow['decision'],
      note: string,
      by: number | null,
      actor: string,
      now: string,
    ): boolean {
      if (decide.run({ id, version, status: decision, now }).changes === 0) return false
      addDecision.run(id, version, decision, note, by, actor, now)
      return true
    },
    queuePost: (id: number, at: string, by: number | null, now: string): boolean =>
      queue.run({ id, at, by, now }).changes > 0,
    undoPost: (id: number, now: string): boolean => unqueue.run({ id, now }).changes > 0,
    /** Takes a due post off the queue; only one poster can win it. */
    claimPost: (id: number, now: string): boolean => claim.run({ id, now }).changes > 0,
    postFailed: (id: number, error: string, now: string): void => {
      failed.run(error, now, id)
    },
    markPosted: (id: number, url: string | null, by: number | null, now: string): boolean =>
      posted.run({ id, url, by, now }).changes > 0,
    duePosts: (now: string): number[] => due.all(now).map((r) => r.id),
    nextPostAt: (): string | null => nextDue.get()?.at ?? null,
    discard: (id: number): boolean => remove.run(id).changes > 0,
    countForMention: (mentionId: number): number => (detach.get(mentionId) as { n: number }).n,
    /** False when the draft is no longer a draft at that version (submitted, approved, changed). */
    setModeration: (
      id: number,
      version: number,
      moderation: DraftRow['moderation'],
      now: string,
    ): boolean => moderate.run({ id, version, moderation, now }).changes > 0,
  }
}
export type DraftsRepo = ReturnType<typeof draftsRepo>
