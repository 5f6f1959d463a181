// Runs in: main process and CLI (Node). The record of backups and restores (backup_runs, 0011), and
// the read-only questions asked of a backup file before it may be restored.
import type { Db } from '../db'

export type BackupRunKind = 'scheduled' | 'manual' | 'before_restore' | 'restore'

export interface BackupRunRow {
  id: number
  kind: BackupRunKind
  startedAt: string
  finishedAt: string
  fileName: string | null
  bytes: number | null
  sha256: string | null
  ok: boolean
  integrity: string
  error: string | null
}

export function backupsRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO backup_runs
    (kind, started_at, finished_at, file_name, bytes, sha256, ok, integrity, error)
    VALUES (@kind, @startedAt, @finishedAt, @fileName, @bytes, @sha256, @ok, @integrity, @error)`)
  const recent = db.prepare<[number], Record<string, unknown>>(`SELECT id, kind,
    started_at AS startedAt, finished_at AS finishedAt, file_name AS fileName, bytes, sha256, ok,
    integrity, error FROM backup_runs ORDER BY started_at DESC, id DESC LIMIT ?`)
  return {
    record(r: Omit<BackupRunRow, 'id'>): number {
      return Number(insert.run({ ...r, ok: r.ok ? 1 : 0 }).lastInsertRowid)
    },
    recent: (limit: number): BackupRunRow[] =>
      recent.all(limit).map((r) => ({ ...(r as unknown as BackupRunRow), ok: r.ok === 1 })),
  }
}
export type BackupsRepo = ReturnType<typeof backupsRepo>

/** What a candidate backup holds: asked of a private copy, never of the live database. */
export interface BackupContents {
  tables: string[]
  migrations: { version: number; name: string; checksum: string }[]
  mentions: number
  newestMention: string | null
  schools: number
  users: number
  auditEvents: number
  evidenceFiles: { dir: string; name: string; bytes: number }[]
}

export function inspectBackupDb(db: Db): BackupContents {
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
  ).map((t) => t.name)
  const has = (t: string) => tables.includes(t)
  const count = (t: string) =>
    has(t) ? (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n : 0
  const migrations = has('schema_migrations')
    ? (db
        .prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version')
        .all() as BackupContents['migrations'])
    : []
  const newest = has('mentions')
    ? (db.prepare('SELECT max(first_seen_at) AS at FROM mentions').get() as { at: string | null })
        .at
    : null
  // Captured evidence lives in the data folder's evidence/ tree; the database holds its manifest.
  const evidenceFiles = has('capture_files')
    ? (db
        .prepare(
          `SELECT 'evidence/' || c.uuid AS dir, f.name, f.bytes FROM capture_files f
           JOIN captures c ON c.id = f.capture_id ORDER BY c.id, f.name`,
        )
        .all() as BackupContents['evidenceFiles'])
    : []
  if (has('evidence')) {
    const rows = db.prepare('SELECT rel_path AS path, bytes FROM evidence').all() as {
      path: string
      bytes: number
    }[]
    for (const r of rows) {
      const cut = r.path.lastIndexOf('/')
      evidenceFiles.push({ dir: r.path.slice(0, cut), name: r.path.slice(cut + 1), bytes: r.bytes })
    }
  }
  return {
    tables,
    migrations,
    mentions: count('mentions'),
    newestMention: newest,
    schools: count('schools'),
    users: count('users'),
    auditEvents: count('audit_events'),
    evidenceFiles,
  }
}
