// Runs in: Vitest (Node). Restore: a round trip gives back exactly the data of the backup (with the
// data it replaced kept in a backup first); a corrupt, truncated, foreign, non-SQLite or newer-schema
// file is refused with a specific reason and changes nothing; only the head (or the CLI) may restore.
import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import {
  copyFileSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { auditRows, SYSTEM, workflowFixture, type WorkflowFixture } from '../helpers/workflow'

function snapshot(f: WorkflowFixture) {
  return {
    mentions: f.db.prepare('SELECT id, text, first_seen_at FROM mentions ORDER BY id').all(),
    users: f.db.prepare('SELECT id, email, role FROM users ORDER BY id').all(),
    schools: f.db.prepare('SELECT id, name FROM schools ORDER BY id').all(),
  }
}
const auditCount = (f: WorkflowFixture) =>
  (f.db.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n

describe('restore', () => {
  it('round-trips: after a restore the data equals the backup, and the replaced data was kept', async () => {
    const f = await workflowFixture()
    const head = await f.signIn('head')
    f.mention('Great sports day')
    f.mention('The new head is very approachable')
    const b = await f.service.call('backups.run', undefined, head)
    const atBackup = snapshot(f)

    // Life goes on after the backup: a new mention, one deleted, a new user.
    await f.clock.advance(60_000)
    const later = f.mention('Posted after the backup')
    await f.service.call('mentions.delete', { id: atBackup.mentions.length }, head)
    await f.signIn('viewer')
    const beforeRestore = snapshot(f)
    expect(beforeRestore).not.toEqual(atBackup)

    const check = await f.service.call('backups.check', { file: b.fileName }, head)
    expect(check).toMatchObject({
      ok: true,
      problem: null,
      integrity: 'ok',
      mentions: 2,
      matchesRecord: true,
    })
    expect(check.schemaVersion).toBe(check.appSchemaVersion)

    const r = await f.service.call('backups.restore', { file: b.fileName, confirm: true }, head)
    expect(snapshot(f)).toEqual(atBackup)
    expect(f.store.mentions.get(later)).toBeUndefined()
    // The restoring head is the same person in the backup: still signed in, and the service works.
    const again = await f.service.call('mentions.list', {}, head)
    expect(again.items.map((m) => m.text).sort()).toEqual([
      'Great sports day',
      'The new head is very approachable',
    ])
    expect(f.db.pragma('integrity_check', { simple: true })).toBe('ok')

    // The data it replaced is in the safety backup, checked like any other.
    expect(r.safetyBackup.kind).toBe('before_restore')
    const safety = new Database(join(f.dataDir, 'backups', r.safetyBackup.fileName), {
      readonly: true,
    })
    expect(
      safety.prepare('SELECT id, text, first_seen_at FROM mentions ORDER BY id').all(),
    ).toEqual(beforeRestore.mentions)
    safety.close()
    const restoredAudit = auditRows(f).at(-1)!
    expect(restoredAudit.action).toBe('backup.restored_from')
    expect(JSON.parse(restoredAudit.detail_json).previousDataKeptIn).toBe(r.safetyBackup.fileName)
    expect((await f.service.call('audit.verify', undefined, head)).ok).toBe(true)

    // And back again: restoring the safety backup brings the later data back.
    await f.service.call(
      'backups.restore',
      { file: r.safetyBackup.fileName, confirm: true },
      SYSTEM,
    )
    expect(snapshot(f).mentions).toEqual(beforeRestore.mentions)
  })

  it('restores the chosen backup even when the safety backup prunes it from the folder', async () => {
    const f = await workflowFixture()
    f.mention('In the oldest backup')
    await f.service.call(
      'backups.updateSettings',
      { enabled: true, intervalHours: 24, keep: 1 },
      SYSTEM,
    )
    const b = await f.service.call('backups.run', undefined, SYSTEM)
    f.mention('Not in it')
    await f.clock.advance(1000)
    const r = await f.service.call('backups.restore', { file: b.fileName, confirm: true }, SYSTEM)
    expect((await f.service.call('mentions.list', {}, SYSTEM)).items.map((m) => m.text)).toEqual([
      'In the oldest backup',
    ])
    // Only the safety backup is kept (keep: 1), and no scratch copy is left behind.
    expect(readdirSync(join(f.dataDir, 'backups')).sort()).toEqual(
      [r.safetyBackup.fileName, r.safetyBackup.fileName.replace('.sqlite', '.json')].sort(),
    )
  })

  it('migrates an older backup forward', async () => {
    const f = await workflowFixture()
    f.mention('Kept across versions')
    const b = await f.service.call('backups.run', undefined, SYSTEM)
    // Make the backup look as if made before migration 0011 (legal holds did not exist).
    const file = join(f.dataDir, 'older.sqlite')
    copyFileSync(join(f.dataDir, 'backups', b.fileName), file)
    const old = new Database(file)
    old.exec(`DROP TRIGGER legal_holds_block_delete; DROP TABLE legal_holds; DROP TABLE backup_runs;
      DROP INDEX IF EXISTS mentions_first_seen; DELETE FROM schema_migrations WHERE version = 11;`)
    old.close()
    const check = await f.service.call('backups.check', { file }, SYSTEM)
    expect(check.ok).toBe(true)
    expect(check.schemaVersion).toBeLessThan(11)
    await f.service.call('backups.restore', { file, confirm: true }, SYSTEM)
    const versions = f.db.prepare('SELECT version FROM schema_migrations').all() as {
      version: number
    }[]
    expect(versions.map((v) => v.version)).toContain(11)
    const holds = f.db
      .prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'legal_holds'")
      .get() as { n: number }
    expect(holds.n).toBe(1)
    expect((await f.service.call('mentions.list', {}, SYSTEM)).items[0].text).toBe(
      'Kept across versions',
    )
  })

  describe('refuses a bad file and changes nothing', () => {
    async function refused(
      make: (f: WorkflowFixture, good: string) => string,
      expectProblem: RegExp,
    ) {
      const f = await workflowFixture()
      f.mention('Must survive a bad restore')
      const b = await f.service.call('backups.run', undefined, SYSTEM)
      const good = join(f.dataDir, 'backups', b.fileName)
      const bad = make(f, good)
      const before = snapshot(f)
      const audits = auditCount(f)
      const backups = (await f.service.call('backups.list', undefined, SYSTEM)).backups.length
      const badBytes = readFileSync(bad)

      const check = await f.service.call('backups.check', { file: bad }, SYSTEM)
      expect(check.ok).toBe(false)
      expect(check.problem).toMatch(expectProblem)
      const r = await f.service.dispatch('backups.restore', { file: bad, confirm: true }, SYSTEM)
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.error.code).toBe('invalid_input')
        expect(r.error.field).toBe('file')
        expect(r.error.message).toMatch(expectProblem)
      }
      expect(snapshot(f)).toEqual(before)
      expect(auditCount(f)).toBe(audits)
      expect((await f.service.call('backups.list', undefined, SYSTEM)).backups).toHaveLength(
        backups,
      )
      // Not even the chosen file was touched.
      expect(readFileSync(bad).equals(badBytes)).toBe(true)
      expect(f.db.pragma('integrity_check', { simple: true })).toBe('ok')
    }

    it('a text file', () =>
      refused((f) => {
        const p = join(f.dataDir, 'notes.sqlite')
        writeFileSync(p, 'Shopping list: milk, bread')
        return p
      }, /not an SQLite database/))

    it('an empty file', () =>
      refused((f) => {
        const p = join(f.dataDir, 'empty.sqlite')
        writeFileSync(p, '')
        return p
      }, /is empty/))

    it('a truncated backup', () =>
      refused((f, good) => {
        const p = join(f.dataDir, 'truncated.sqlite')
        copyFileSync(good, p)
        truncateSync(p, Math.floor(statSync(p).size / 2))
        return p
      }, /integrity check|damaged|cannot be opened/))

    it('a corrupt backup (pages overwritten)', () =>
      refused((f, good) => {
        const p = join(f.dataDir, 'corrupt.sqlite')
        const bytes = readFileSync(good)
        // Keep the header; scribble over the schema and data pages.
        for (let i = 200; i < bytes.length; i += 7) bytes[i] = (i * 31) & 0xff
        writeFileSync(p, bytes)
        return p
      }, /integrity check|damaged|cannot be opened/))

    it('another application’s SQLite database', () =>
      refused((f) => {
        const p = join(f.dataDir, 'other.sqlite')
        const other = new Database(p)
        other.exec("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('scones')")
        other.close()
        return p
      }, /not a Footprint one/))

    it('a backup from a newer version of Footprint', () =>
      refused((f, good) => {
        const p = join(f.dataDir, 'newer.sqlite')
        copyFileSync(good, p)
        const db = new Database(p)
        db.prepare(
          "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (9999, 'future', 'x', '2030-01-01')",
        ).run()
        db.close()
        return p
      }, /newer version of Footprint \(it has migration 9999/))

    it('a backup changed since it was made', () =>
      refused((f, good) => {
        const db = new Database(good)
        db.prepare("UPDATE mentions SET text = 'tampered'").run()
        db.close()
        return good
      }, /has changed since it was made/))
  })

  it('lets only the head restore, and screens only name backups from the list', async () => {
    const f = await workflowFixture()
    const b = await f.service.call('backups.run', undefined, SYSTEM)
    const orm = await f.signIn('orm_lead')
    const dsl = await f.signIn('dsl')
    const head = await f.signIn('head')
    const asOrm = await f.service.dispatch(
      'backups.restore',
      { file: b.fileName, confirm: true },
      orm,
    )
    expect(asOrm.ok ? null : asOrm.error).toMatchObject({
      code: 'forbidden',
      message: 'Only the head can restore a backup.',
    })
    const asDsl = await f.service.dispatch(
      'backups.restore',
      { file: b.fileName, confirm: true },
      dsl,
    )
    expect(asDsl.ok ? null : asDsl.error.code).toBe('forbidden')
    // The ORM lead may look inside; a path outside the backups folder is refused to any screen.
    expect((await f.service.call('backups.check', { file: b.fileName }, orm)).ok).toBe(true)
    const path = await f.service.dispatch(
      'backups.check',
      { file: join(f.dataDir, 'footprint.sqlite') },
      head,
    )
    expect(path.ok ? null : path.error).toMatchObject({ code: 'invalid_input', field: 'file' })
    const unconfirmed = await f.service.dispatch('backups.restore', { file: b.fileName }, head)
    expect(unconfirmed.ok ? null : unconfirmed.error.field).toBe('confirm')
  })
})
