// Runs in: main process and CLI (Node). All SQL about captures and their evidence files. Rows are
// inserted once and never edited (the migration's triggers enforce it); only the mention a capture
// became is linked afterwards, and a capture whose mention could not be stored is removed whole.
import type { Db } from '../db'
import type { Capture, CaptureFile } from '../../contract'

interface Row {
  id: number
  uuid: string
  school_id: number
  mention_id: number | null
  kind: 'url' | 'image'
  requested_url: string | null
  final_url: string | null
  title: string | null
  http_status: number | null
  captured_at_utc: string
  captured_at_local: string
  captured_by: string
  partial_reason: string | null
  needs_login: number
  error: string | null
  ocr_status: Capture['ocrStatus']
  note: string
}

export type NewCapture = Omit<Capture, 'id' | 'mentionId' | 'files'>

function toCapture(r: Row, files: CaptureFile[]): Capture {
  return {
    id: r.id,
    uuid: r.uuid,
    schoolId: r.school_id,
    mentionId: r.mention_id,
    kind: r.kind,
    requestedUrl: r.requested_url,
    finalUrl: r.final_url,
    title: r.title,
    httpStatus: r.http_status,
    capturedAtUtc: r.captured_at_utc,
    capturedAtLocal: r.captured_at_local,
    capturedBy: r.captured_by,
    partialReason: r.partial_reason,
    needsLogin: r.needs_login === 1,
    error: r.error,
    ocrStatus: r.ocr_status,
    note: r.note,
    files,
  }
}

export function capturesRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO captures (uuid, school_id, kind, requested_url, final_url,
    title, http_status, captured_at_utc, captured_at_local, captured_by, partial_reason, needs_login,
    error, ocr_status, note, created_at)
    VALUES (@uuid, @schoolId, @kind, @requestedUrl, @finalUrl, @title, @httpStatus, @capturedAtUtc,
    @capturedAtLocal, @capturedBy, @partialReason, @needsLogin, @error, @ocrStatus, @note, @now)`)
  const insertFile = db.prepare(`INSERT INTO capture_files (capture_id, name, bytes, sha256, mime)
    VALUES (@captureId, @name, @bytes, @sha256, @mime)`)
  const get = db.prepare<[number], Row>('SELECT * FROM captures WHERE id = ?')
  const files = db.prepare<[number], CaptureFile>(
    'SELECT name, bytes, sha256, mime FROM capture_files WHERE capture_id = ? ORDER BY name',
  )
  const linkMention = db.prepare(
    'UPDATE captures SET mention_id = ? WHERE id = ? AND mention_id IS NULL',
  )
  const remove = db.prepare('DELETE FROM captures WHERE id = ? AND mention_id IS NULL')
  const manualSource = db.prepare<[number], { id: number }>(
    `SELECT id FROM sources WHERE kind = 'manual' AND school_id = ? AND deleted_at IS NULL
     ORDER BY id LIMIT 1`,
  )
  const manualSourceIds = db.prepare<[], { id: number }>(
    "SELECT id FROM sources WHERE kind = 'manual'",
  )
  const byMention = db.prepare<[number], { id: number }>(
    'SELECT id FROM captures WHERE mention_id = ? ORDER BY id',
  )

  const allIds = db.prepare<[], { id: number }>('SELECT id FROM captures ORDER BY id')
  // Urgent, counted, with a web address, not from a manual or paused source, and no capture yet: the
  // automatic evidence job's backlog after a restart. A paused source is one the school stopped
  // visiting (the demo pauses its own, whose made-up addresses must never be opened).
  const wanting = db.prepare<[string, number], { id: number }>(
    `SELECT m.id FROM mentions m JOIN mention_verdicts v ON v.mention_id = m.id
     JOIN sources s ON s.id = m.source_id
     WHERE v.priority = 'urgent' AND m.url IS NOT NULL AND s.kind != 'manual' AND s.enabled = 1
       AND m.duplicate_of IS NULL AND m.hidden_reason IS NULL AND m.first_seen_at >= ?
       AND NOT EXISTS (SELECT 1 FROM captures c WHERE c.mention_id = m.id)
     ORDER BY m.id LIMIT ?`,
  )

  const read = (id: number): Capture | undefined => {
    const r = get.get(id)
    return r ? toCapture(r, files.all(id)) : undefined
  }

  return {
    /** The capture and its files in one transaction: no capture without its hashes. */
    insert(c: NewCapture, fileList: CaptureFile[], now: string): Capture {
      return db.transaction(() => {
        const id = Number(
          insert.run({ ...c, needsLogin: c.needsLogin ? 1 : 0, now }).lastInsertRowid,
        )
        for (const f of fileList) insertFile.run({ captureId: id, ...f })
        return read(id)!
      })()
    },
    get: read,
    linkMention: (id: number, mentionId: number): boolean =>
      linkMention.run(mentionId, id).changes > 0,
    /** Undo of a capture that never became a mention; a linked capture is evidence and stays. */
    removeUnlinked: (id: number): boolean => remove.run(id).changes > 0,
    ofMention: (mentionId: number): number[] => byMention.all(mentionId).map((r) => r.id),
    allIds: (): number[] => allIds.all().map((r) => r.id),
    /** Urgent mentions first seen since `since` that have a web address and no evidence yet. */
    urgentWithoutEvidence: (since: string, limit = 100): number[] =>
      wanting.all(since, limit).map((r) => r.id),
    /** The school's "Manual captures" source, if it has been created. */
    manualSourceOf: (schoolId: number): number | undefined => manualSource.get(schoolId)?.id,
    /** Every manual source, deleted ones too: none of them is ever polled. */
    manualSourceIds: (): Set<number> => new Set(manualSourceIds.all().map((r) => r.id)),
  }
}
export type CapturesRepo = ReturnType<typeof capturesRepo>
