import { describe, expect, it } from 'vitest'
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { openDataDir, DB_FILE_NAME, StoreError } from '../../src-main/store'
import { tempDir } from '../helpers/tmp'

describe('opening the data folder', () => {
  it('creates the folder and database on first run', () => {
    const dir = join(tempDir(), 'nested', 'data')
    const db = openDataDir(dir)
    expect(db.prepare('SELECT count(*) AS n FROM schools').get()).toEqual({ n: 0 })
    db.close()
  })

  it('refuses a file that is not SQLite, names it, and never overwrites it', () => {
    const dir = tempDir()
    const file = join(dir, DB_FILE_NAME)
    writeFileSync(file, 'These are my notes, not a database.\n')
    expect(() => openDataDir(dir)).toThrow(StoreError)
    expect(() => openDataDir(dir)).toThrow(
      new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not a Footprint database`),
    )
    expect(readFileSync(file, 'utf8')).toBe('These are my notes, not a database.\n')
  })

  it('refuses a corrupt database and leaves its bytes alone', () => {
    const dir = tempDir()
    const file = join(dir, DB_FILE_NAME)
    const good = new Database(file)
    good.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);')
    good.close()
    const bytes = readFileSync(file)
    // Keep the header, wreck the page that holds the schema.
    const broken = Buffer.concat([bytes.subarray(0, 100), Buffer.alloc(bytes.length - 100, 0xaa)])
    writeFileSync(file, broken)
    expect(() => openDataDir(dir)).toThrow(/corrupt|not a database|malformed/i)
    expect(readFileSync(file).equals(broken)).toBe(true)
  })

  it('says plainly when the data folder cannot be written', () => {
    const file = join(tempDir(), 'a-file')
    writeFileSync(file, 'x')
    expect(() => openDataDir(join(file, 'data'))).toThrow(
      /The data folder .*a-file\/data cannot be written \(ENOTDIR\)/,
    )
    if (process.getuid?.() !== 0) {
      const dir = join(tempDir(), 'ro')
      mkdirSync(dir)
      chmodSync(dir, 0o555)
      expect(() => openDataDir(dir)).toThrow(/cannot be written/)
    }
  })
})
