// Runs in: main process and CLI (Node). Looks inside a backup before anything trusts it: is it SQLite,
// is it whole (integrity_check), is it a Footprint database, is its schema one this version knows, what
// does it hold, and is the evidence its manifest lists still in the data folder. Everything is asked
// of a private copy, so neither the chosen file nor the live database is touched.
import Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  statSync,
} from 'node:fs'
import { basename, join } from 'node:path'
import type { Migration } from '../store/migrate'
import { inspectBackupDb, type BackupContents } from '../store/repos/backups'
import { backupsDir, listBackups, removeDbFiles, sha256File } from './files'

export interface BackupCheck {
  file: string
  ok: boolean
  /** Why it may not be restored: specific enough to act on. Null when ok. */
  problem: string | null
  bytes: number
  sha256: string
  /** True/false when the backups folder describes this file; null for a file from elsewhere. */
  matchesRecord: boolean | null
  integrity: string
  schemaVersion: number
  appSchemaVersion: number
  mentions: number
  newestMention: string | null
  schools: number
  users: number
  auditEvents: number
  evidence: { listed: number; present: number; missing: string[] }
}

const FOOTPRINT_TABLES = ['schema_migrations', 'schools', 'mentions', 'audit_events']
const SQLITE_HEADER = 'SQLite format 3\u0000'

function readHeader(file: string): string {
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.alloc(16)
    const n = readSync(fd, buf, 0, 16, 0)
    return buf.subarray(0, n).toString('latin1')
  } finally {
    closeSync(fd)
  }
}

/** The facts of a file that cannot even be opened: every count zero, the reason given. */
function refused(
  base: Pick<BackupCheck, 'file' | 'bytes' | 'sha256' | 'matchesRecord' | 'appSchemaVersion'>,
  problem: string,
  integrity = 'not checked',
): BackupCheck {
  return {
    ...base,
    ok: false,
    problem,
    integrity,
    schemaVersion: 0,
    mentions: 0,
    newestMention: null,
    schools: 0,
    users: 0,
    auditEvents: 0,
    evidence: { listed: 0, present: 0, missing: [] },
  }
}

/** Copies the file privately (its journal mode set to DELETE, so the copy stands alone). */
export function scratchCopy(dataDir: string, file: string): string {
  const dir = backupsDir(dataDir)
  mkdirSync(dir, { recursive: true })
  const scratch = join(dir, `.check-${randomUUID()}.sqlite`)
  copyFileSync(file, scratch)
  return scratch
}

export async function checkBackupFile(
  file: string,
  dataDir: string,
  migrations: Migration[],
): Promise<BackupCheck> {
  const appSchemaVersion = migrations.length ? migrations[migrations.length - 1].version : 0
  if (!existsSync(file) || !statSync(file).isFile())
    return refused(
      { file, bytes: 0, sha256: '', matchesRecord: null, appSchemaVersion },
      `There is no file ${file}.`,
    )
  const bytes = statSync(file).size
  const sha256 = await sha256File(file)
  const listed = listBackups(dataDir).find(
    (b) => join(backupsDir(dataDir), b.fileName) === file && b.sha256,
  )
  const base = {
    file,
    bytes,
    sha256,
    matchesRecord: listed ? listed.sha256 === sha256 : null,
    appSchemaVersion,
  }
  if (bytes === 0) return refused(base, `${basename(file)} is empty: it is not a backup.`)
  if (readHeader(file) !== SQLITE_HEADER)
    return refused(
      base,
      `${basename(file)} is not a Footprint backup: it is not an SQLite database.`,
    )
  if (base.matchesRecord === false)
    return refused(
      base,
      `${basename(file)} has changed since it was made: its SHA-256 no longer matches the one recorded beside it.`,
    )

  const scratch = scratchCopy(dataDir, file)
  let db: Database.Database | undefined
  try {
    db = new Database(scratch, { fileMustExist: true })
    let integrity: string
    try {
      db.pragma('journal_mode = DELETE')
      const rows = db.pragma('integrity_check') as { integrity_check: string }[]
      integrity = rows.map((r) => r.integrity_check).join('; ')
    } catch (e) {
      return refused(
        base,
        `${basename(file)} is damaged and cannot be read (${(e as Error).message}). Choose another backup.`,
        'unreadable',
      )
    }
    if (integrity !== 'ok')
      return refused(
        base,
        `${basename(file)} failed SQLite's integrity check (${integrity.slice(0, 200)}). Choose another backup.`,
        integrity,
      )
    const c: BackupContents = inspectBackupDb(db)
    const missingTables = FOOTPRINT_TABLES.filter((t) => !c.tables.includes(t))
    if (missingTables.length)
      return refused(
        base,
        `${basename(file)} is an SQLite database but not a Footprint one (it has no ${missingTables.join(', ')} table).`,
        integrity,
      )
    const known = new Map(migrations.map((m) => [m.version, m]))
    const schemaVersion = c.migrations.length ? c.migrations[c.migrations.length - 1].version : 0
    const result: BackupCheck = {
      ...base,
      ok: true,
      problem: null,
      integrity,
      schemaVersion,
      mentions: c.mentions,
      newestMention: c.newestMention,
      schools: c.schools,
      users: c.users,
      auditEvents: c.auditEvents,
      evidence: evidencePresence(dataDir, c.evidenceFiles),
    }
    const unknown = c.migrations.find((m) => !known.has(m.version))
    if (unknown)
      return {
        ...result,
        ok: false,
        problem: `${basename(file)} was made by a newer version of Footprint (it has migration ${unknown.version}, ${unknown.name}; this version knows up to ${appSchemaVersion}). Update Footprint first.`,
      }
    const changed = c.migrations.find((m) => known.get(m.version)!.checksum !== m.checksum)
    if (changed)
      return {
        ...result,
        ok: false,
        problem: `${basename(file)} has migration ${changed.version} (${changed.name}) in a form this version of Footprint does not recognise.`,
      }
    return result
  } catch (e) {
    return refused(
      base,
      `${basename(file)} cannot be opened as a database (${(e as Error).message}).`,
      'unreadable',
    )
  } finally {
    db?.close()
    await removeDbFiles(scratch)
  }
}

/** Which of the manifest's evidence files are in the data folder now (by presence and size). */
function evidencePresence(
  dataDir: string,
  files: BackupContents['evidenceFiles'],
): BackupCheck['evidence'] {
  const missing: string[] = []
  for (const f of files) {
    const path = join(dataDir, f.dir, f.name)
    if (!existsSync(path) || statSync(path).size !== f.bytes) missing.push(`${f.dir}/${f.name}`)
  }
  return { listed: files.length, present: files.length - missing.length, missing }
}
