// Runs in: main process and CLI (Node). Opens the SQLite store: never overwrites a file it does not recognise.
import Database from 'better-sqlite3'
import {
  accessSync,
  constants,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  statSync,
} from 'node:fs'
import { join } from 'node:path'
import { loadMigrations, migrate, MigrationError } from './migrate'
import { migrationsDir as defaultMigrationsDir } from '../core/paths'

export type Db = Database.Database

export class StoreError extends Error {
  override name = 'StoreError'
}

export const DB_FILE_NAME = 'footprint.sqlite'
const SQLITE_HEADER = 'SQLite format 3\u0000'

export interface OpenOptions {
  migrationsDir?: string
  /** For Electron, whose ABI differs from Node's: the path of a better_sqlite3.node built for it. */
  nativeBinding?: string
  readonly?: boolean
}

function checkHeader(file: string): void {
  if (!existsSync(file)) return
  const size = statSync(file).size
  if (size === 0) return
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.alloc(16)
    readSync(fd, buf, 0, 16, 0)
    if (buf.toString('latin1') !== SQLITE_HEADER) {
      throw new StoreError(
        `${file} is not a Footprint database (it is not an SQLite file). It was left untouched; move it away or choose another data folder with --data-dir.`,
      )
    }
  } finally {
    closeSync(fd)
  }
}

function ensureWritableDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true })
    accessSync(dir, constants.W_OK)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new StoreError(
      `The data folder ${dir} cannot be written (${code ?? (e as Error).message}). Choose a writable folder with --data-dir or FOOTPRINT_DATA_DIR.`,
    )
  }
}

/** Opens (creating if needed) the database in a data folder and brings its schema up to date. */
export function openDataDir(dataDir: string, opts: OpenOptions = {}): Db {
  if (!opts.readonly) ensureWritableDir(dataDir)
  return openDatabase(join(dataDir, DB_FILE_NAME), opts)
}

export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  checkHeader(file)
  let db: Db
  try {
    db = new Database(file, {
      readonly: opts.readonly ?? false,
      fileMustExist: opts.readonly ?? false,
      nativeBinding: opts.nativeBinding,
    })
  } catch (e) {
    throw new StoreError(`Cannot open the database ${file}: ${(e as Error).message}`)
  }
  try {
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL')
      // FULL: a committed audit event or evidence record survives a power cut, not just a crash.
      db.pragma('synchronous = FULL')
    }
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    if (!opts.readonly) migrate(db, loadMigrations(opts.migrationsDir ?? defaultMigrationsDir()))
    return db
  } catch (e) {
    db.close()
    if (e instanceof MigrationError)
      throw new StoreError(`Cannot start: ${e.message} (database ${file})`)
    const code = (e as { code?: string }).code
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new StoreError(
        `The database ${file} is corrupt (${code}). It was not changed. Restore a backup (footprint db backup makes one) or move the file away.`,
      )
    }
    throw new StoreError(`Cannot open the database ${file}: ${(e as Error).message}`)
  }
}

export function nowIso(): string {
  return new Date().toISOString()
}
