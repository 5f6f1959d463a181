// Runs in: main process and CLI (Node). Forward-only migrations: one numbered .sql file each in db/migrations.
import type Database from 'better-sqlite3'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createHash } from 'node:crypto'

export interface Migration {
  version: number
  name: string
  file: string
  sql: string
  checksum: string
}

export class MigrationError extends Error {
  override name = 'MigrationError'
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/

export function loadMigrations(dir: string): Migration[] {
  const migrations: Migration[] = []
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.sql')) continue
    const m = FILE_PATTERN.exec(file)
    // A misnamed file would silently never run; refuse instead.
    if (!m) throw new MigrationError(`Migration file ${file} is misnamed: expected NNNN_name.sql`)
    const sql = readFileSync(join(dir, file), 'utf8')
    const version = Number(m[1])
    if (migrations.some((x) => x.version === version)) {
      throw new MigrationError(`Two migrations share number ${m[1]} (${file})`)
    }
    migrations.push({
      version,
      name: m[2],
      file,
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
    })
  }
  return migrations
}

export interface MigrationState {
  applied: { version: number; name: string; appliedAt: string }[]
  pending: { version: number; name: string }[]
  latest: number
}

function ensureTable(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`)
}

function appliedRows(db: Database.Database) {
  return db
    .prepare(
      'SELECT version, name, checksum, applied_at AS appliedAt FROM schema_migrations ORDER BY version',
    )
    .all() as { version: number; name: string; checksum: string; appliedAt: string }[]
}

export function migrationState(db: Database.Database, migrations: Migration[]): MigrationState {
  const hasTable = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get()
  const applied = hasTable ? appliedRows(db) : []
  const done = new Set(applied.map((a) => a.version))
  return {
    applied: applied.map(({ version, name, appliedAt }) => ({ version, name, appliedAt })),
    pending: migrations
      .filter((m) => !done.has(m.version))
      .map(({ version, name }) => ({ version, name })),
    latest: migrations.length ? migrations[migrations.length - 1].version : 0,
  }
}

/**
 * Applies every pending migration. Each runs in its own savepoint inside one outer transaction,
 * so a failure anywhere leaves the database exactly as it was before this start-up.
 */
export function migrate(
  db: Database.Database,
  migrations: Migration[],
  now = () => new Date(),
): number[] {
  const run = db.transaction(() => {
    ensureTable(db)
    const applied = appliedRows(db)
    const known = new Map(migrations.map((m) => [m.version, m]))
    for (const row of applied) {
      const m = known.get(row.version)
      if (!m) {
        throw new MigrationError(
          `The database has migration ${row.version} (${row.name}) that this version of Footprint does not know: it was made by a newer version.`,
        )
      }
      if (m.checksum !== row.checksum) {
        throw new MigrationError(
          `Migration ${m.file} was changed after it was applied; add a new migration instead.`,
        )
      }
    }
    const done = new Set(applied.map((a) => a.version))
    const insert = db.prepare(
      'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)',
    )
    const ran: number[] = []
    for (const m of migrations) {
      if (done.has(m.version)) continue
      try {
        db.transaction(() => {
          db.exec(m.sql)
          insert.run(m.version, m.name, m.checksum, now().toISOString())
        })()
      } catch (e) {
        throw new MigrationError(
          `Migration ${m.file} failed: ${(e as Error).message}. The database was left as it was.`,
        )
      }
      ran.push(m.version)
    }
    return ran
  })
  return run.immediate()
}
