// Runs in: main process and CLI (Node). What a subject access request gathers about one author handle:
// their mentions, and what the school wrote or kept about each (drafts, corrections, incidents, captures).
import type { Db } from '../db'

export interface SarDraft {
  id: number
  status: string
  createdAt: string
  postedAt: string | null
  postedUrl: string | null
  versions: { version: number; body: string; createdAt: string }[]
}

export function sarRepo(db: Db) {
  // A handle is matched whole, ignoring case and a leading @ (as people write it either way).
  const byAuthor = db.prepare<{ handle: string; sourceId: number | null }, { id: number }>(`
    SELECT id FROM mentions
    WHERE author IS NOT NULL AND lower(ltrim(trim(author), '@')) = lower(ltrim(trim(@handle), '@'))
      AND (@sourceId IS NULL OR source_id = @sourceId)
    ORDER BY first_seen_at, id`)
  const authorUrl = db.prepare<[number], { authorUrl: string | null }>(
    'SELECT author_url AS authorUrl FROM mentions WHERE id = ?',
  )
  const drafts = db.prepare<[number], Omit<SarDraft, 'versions'>>(`SELECT id, status,
    created_at AS createdAt, posted_at AS postedAt, posted_url AS postedUrl
    FROM drafts WHERE mention_id = ? ORDER BY id`)
  const versions = db.prepare<[number], SarDraft['versions'][number]>(
    'SELECT version, body, created_at AS createdAt FROM draft_versions WHERE draft_id = ? ORDER BY version',
  )
  const corrections = db.prepare<
    [number],
    { sentiment: string | null; flagsJson: string | null; note: string; createdAt: string }
  >(`SELECT sentiment_label AS sentiment, flags_json AS flagsJson, note, created_at AS createdAt
    FROM analysis_overrides WHERE mention_id = ? ORDER BY id`)
  const incidents = db.prepare<
    [number],
    { id: number; title: string; status: string; createdAt: string }
  >(`SELECT i.id, i.title, i.status, i.created_at AS createdAt FROM incidents i
    JOIN incident_mentions im ON im.incident_id = i.id WHERE im.mention_id = ? ORDER BY i.id`)
  const captures = db.prepare<[number], { id: number; uuid: string; capturedAtUtc: string }>(
    'SELECT id, uuid, captured_at_utc AS capturedAtUtc FROM captures WHERE mention_id = ? ORDER BY id',
  )
  const captureFiles = db.prepare<[number], { name: string; bytes: number; sha256: string }>(
    'SELECT name, bytes, sha256 FROM capture_files WHERE capture_id = ? ORDER BY name',
  )
  const evidence = db.prepare<[number], { path: string; bytes: number; sha256: string }>(
    'SELECT rel_path AS path, bytes, sha256 FROM evidence WHERE mention_id = ? ORDER BY id',
  )
  return {
    idsByAuthor: (handle: string, sourceId: number | null) =>
      byAuthor.all({ handle, sourceId }).map((r) => r.id),
    authorUrl: (id: number) => authorUrl.get(id)?.authorUrl ?? null,
    drafts: (id: number): SarDraft[] =>
      drafts.all(id).map((d) => ({ ...d, versions: versions.all(d.id) })),
    corrections: (id: number) =>
      corrections.all(id).map(({ flagsJson, ...c }) => ({
        ...c,
        flags: flagsJson === null ? null : (JSON.parse(flagsJson) as string[]),
      })),
    incidents: (id: number) => incidents.all(id),
    captures: (id: number) =>
      captures.all(id).map((c) => ({
        uuid: c.uuid,
        capturedAtUtc: c.capturedAtUtc,
        files: captureFiles.all(c.id),
      })),
    evidence: (id: number) => evidence.all(id),
  }
}
