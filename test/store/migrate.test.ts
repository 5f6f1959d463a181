import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  loadMigrations,
  migrate,
  migrationState,
  MigrationError,
} from '../../src-main/store/migrate'
import { migrationsDir } from '../../src-main/core/paths'
import { openDatabase, StoreError } from '../../src-main/store'
import { tempDir } from '../helpers/tmp'

const schema = (db: Database.Database) =>
  db
    .prepare(
      "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all()

function dirWith(files: Record<string, string>): string {
  const dir = join(tempDir(), 'migrations')
  mkdirSync(dir)
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql)
  return dir
}

describe('migrations', () => {
  it('brings an empty database to the latest version', () => {
    const db = new Database(':memory:')
    const all = loadMigrations(migrationsDir())
    expect(migrate(db, all)).toEqual(all.map((m) => m.version))
    const state = migrationState(db, all)
    expect(state.pending).toEqual([])
    expect(state.applied.at(-1)?.version).toBe(state.latest)
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table')").all() as {
        name: string
      }[]
    ).map((t) => t.name)
    for (const t of [
      'schools',
      'sources',
      'fetch_runs',
      'mentions',
      'mentions_fts',
      'analyses',
      'users',
      'drafts',
      'approvals',
      'incidents',
      'evidence',
      'audit_events',
      'settings',
    ]) {
      expect(tables).toContain(t)
    }
    expect(migrate(db, all)).toEqual([])
  })

  it('keeps mentions unique per source and external id', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, loadMigrations(migrationsDir()))
    const t = '2026-01-01T00:00:00Z'
    db.prepare("INSERT INTO schools (name, created_at, updated_at) VALUES ('A school', ?, ?)").run(
      t,
      t,
    )
    db.prepare(
      "INSERT INTO sources (kind, name, interval_minutes, created_at, updated_at) VALUES ('feed', 'f', 30, ?, ?)",
    ).run(t, t)
    const ins = db.prepare(
      "INSERT INTO mentions (source_id, school_id, external_id, first_seen_at, updated_at, text) VALUES (1, 1, 'x', ?, ?, 'hello world')",
    )
    ins.run(t, t)
    expect(() => ins.run(t, t)).toThrow(/UNIQUE/)
    expect(
      db.prepare("SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH 'hello'").all(),
    ).toHaveLength(1)
  })

  it('leaves the database exactly as it was when a migration fails', () => {
    const good = '0001_first.sql'
    const dir = dirWith({ [good]: 'CREATE TABLE a (x INTEGER);' })
    const file = join(tempDir(), 'db.sqlite')
    const db = new Database(file)
    migrate(db, loadMigrations(dir))
    db.prepare('INSERT INTO a VALUES (1)').run()
    const before = schema(db)

    writeFileSync(join(dir, '0002_ok.sql'), 'CREATE TABLE b (y INTEGER); INSERT INTO a VALUES (2);')
    writeFileSync(join(dir, '0003_broken.sql'), 'CREATE TABLE c (z INTEGER); THIS IS NOT SQL;')
    expect(() => migrate(db, loadMigrations(dir))).toThrow(
      /0003_broken\.sql failed: .*left as it was/,
    )
    expect(schema(db)).toEqual(before)
    expect(db.prepare('SELECT x FROM a').all()).toEqual([{ x: 1 }])
    expect(migrationState(db, loadMigrations(dir)).applied.map((a) => a.version)).toEqual([1])
  })

  it('stops start-up with a clear message naming the migration and the database', () => {
    const dir = dirWith({
      '0001_first.sql': 'CREATE TABLE a (x INTEGER);',
      '0002_bad.sql': 'CREATE TABLE a (x INTEGER);',
    })
    const file = join(tempDir(), 'db.sqlite')
    expect(() => openDatabase(file, { migrationsDir: dir })).toThrow(StoreError)
    expect(() => openDatabase(file, { migrationsDir: dir })).toThrow(
      /0002_bad\.sql failed.*table a already exists.*db\.sqlite/,
    )
    const db = new Database(file)
    expect(schema(db)).toEqual([])
  })

  it('refuses misnamed, duplicate, edited and unknown migrations', () => {
    expect(() => loadMigrations(dirWith({ '1_first.sql': '' }))).toThrow(/misnamed/)
    expect(() => loadMigrations(dirWith({ '0001_a.sql': '', '0001_b.sql': '' }))).toThrow(
      /share number 0001/,
    )

    const dir = dirWith({ '0001_first.sql': 'CREATE TABLE a (x INTEGER);' })
    const db = new Database(':memory:')
    migrate(db, loadMigrations(dir))
    writeFileSync(join(dir, '0001_first.sql'), 'CREATE TABLE a (x TEXT);')
    expect(() => migrate(db, loadMigrations(dir))).toThrow(MigrationError)
    expect(() => migrate(db, loadMigrations(dir))).toThrow(/changed after it was applied/)

    const newer = new Database(':memory:')
    migrate(
      newer,
      loadMigrations(dirWith({ '0001_a.sql': 'SELECT 1;', '0002_b.sql': 'SELECT 1;' })),
    )
    expect(() => migrate(newer, loadMigrations(dirWith({ '0001_a.sql': 'SELECT 1;' })))).toThrow(
      /newer version/,
    )
  })

  it('migrates a copy of a real database file the same way', () => {
    const a = join(tempDir(), 'a.sqlite')
    openDatabase(a).close()
    const b = join(tempDir(), 'b.sqlite')
    copyFileSync(a, b)
    const db = openDatabase(b)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
  })
})
