// Runs in: main process and CLI (Node). Making a backup and restoring one.
//
// A backup is SQLite's online backup of the live database (safe while Footprint runs), made under a
// temporary name, switched to journal mode DELETE so the one file stands alone, checked with
// integrity_check, hashed, then renamed into place with its description beside it.
//
// A restore copies the chosen backup INTO the live database file with the same online backup API,
// rather than renaming files: the app, `footprint serve` and the CLI may all have the database open,
// and a rename would leave them writing to a deleted file and a WAL that no longer belongs to it. The
// backup API writes under SQLite's own locks in one transaction (a crash part-way leaves the old data),
// and bumps the schema cookie so every open connection re-reads the restored schema. The migrations
// then bring it forward.
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { rename, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Db } from '../store/db'
import { migrate, type Migration } from '../store/migrate'
import { inspectBackupDb } from '../store/repos/backups'
import {
  backupFileName,
  backupsDir,
  removeDbFiles,
  sha256File,
  writeSidecar,
  type BackupInfo,
  type BackupKind,
} from './files'

/** Pages copied per step: big enough to be quick, small enough to let other work run between steps. */
const PAGES_PER_STEP = 1000

export async function makeBackupFile(
  db: Db,
  dataDir: string,
  kind: BackupKind,
  at: Date,
  appVersion: string,
): Promise<BackupInfo> {
  const dir = backupsDir(dataDir)
  mkdirSync(dir, { recursive: true })
  const fileName = backupFileName(dir, at, kind)
  const incoming = join(dir, `.incoming-${fileName}`)
  try {
    await db.backup(incoming, { progress: () => PAGES_PER_STEP })
    const copy = new Database(incoming, { fileMustExist: true })
    let facts: Pick<
      BackupInfo,
      'integrity' | 'schemaVersion' | 'mentions' | 'newestMention' | 'evidenceFiles'
    >
    try {
      copy.pragma('journal_mode = DELETE')
      const integrity = (copy.pragma('integrity_check') as { integrity_check: string }[])
        .map((r) => r.integrity_check)
        .join('; ')
      const c = inspectBackupDb(copy)
      facts = {
        integrity,
        schemaVersion: c.migrations.length ? c.migrations[c.migrations.length - 1].version : 0,
        mentions: c.mentions,
        newestMention: c.newestMention,
        evidenceFiles: c.evidenceFiles.length,
      }
    } finally {
      copy.close()
    }
    if (facts.integrity !== 'ok')
      throw new Error(`the copy failed SQLite's integrity check: ${facts.integrity.slice(0, 200)}`)
    const final = join(dir, fileName)
    await rename(incoming, final)
    const info: BackupInfo = {
      format: 'footprint-backup/1',
      fileName,
      kind,
      createdAt: at.toISOString(),
      bytes: (await stat(final)).size,
      sha256: await sha256File(final),
      appVersion,
      ...facts,
    }
    await writeSidecar(dir, info)
    return info
  } catch (e) {
    await removeDbFiles(incoming)
    throw e
  }
}

/**
 * Replaces the live database's content with the (already checked) private copy's, then migrates it
 * forward. The caller has made a backup of the current data first.
 */
export async function restoreInto(live: Db, copy: string, migrations: Migration[]): Promise<void> {
  const src = new Database(copy, { fileMustExist: true })
  try {
    src.pragma('journal_mode = DELETE')
    // One step after the first: the live file is locked for as short a time as possible.
    await src.backup(live.name, { progress: () => 0x7fffffff })
  } finally {
    src.close()
  }
  live.pragma('foreign_keys = ON')
  migrate(live, migrations)
  const quick = (live.pragma('quick_check') as { quick_check: string }[])
    .map((r) => r.quick_check)
    .join('; ')
  if (quick !== 'ok') throw new Error(`the restored database failed its check: ${quick}`)
  live.pragma('wal_checkpoint(TRUNCATE)')
}
