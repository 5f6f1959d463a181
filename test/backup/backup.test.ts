// Runs in: Vitest (Node). Backups: each is an online copy, checked (integrity_check), hashed, described
// beside the file, recorded and audited; the kept count prunes the oldest; the scheduler never overlaps
// runs and plans the next after the last finishes (fake clock, explicit signals, no sleeps).
import { describe, expect, it, vi } from 'vitest'
import Database from 'better-sqlite3'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { auditRows, SYSTEM, workflowFixture } from '../helpers/workflow'
import { createFakeClock } from '../sources/fake-clock'
import { createIntervalJob } from '../../src-main/backup/scheduler'
import { sha256File } from '../../src-main/backup/files'
import { FIRST_BACKUP_DELAY_MS } from '../../src-main/backup'

describe('backups', () => {
  it('backs up, checks, records and prunes beyond the kept count', async () => {
    const f = await workflowFixture()
    f.mention('A lovely nativity play')
    f.mention('Parking at pick-up is dangerous')
    await f.service.call(
      'backups.updateSettings',
      { enabled: true, intervalHours: 24, keep: 3 },
      SYSTEM,
    )
    const made: string[] = []
    for (let i = 0; i < 5; i++) {
      const b = await f.service.call('backups.run', undefined, SYSTEM)
      expect(b.integrity).toBe('ok')
      expect(b.mentions).toBe(2)
      made.push(b.fileName)
      await f.clock.advance(1000)
    }
    const list = await f.service.call('backups.list', undefined, SYSTEM)
    expect(list.backups.map((b) => b.fileName)).toEqual(made.slice(2).reverse())
    const dir = join(f.dataDir, 'backups')
    // Pruned ones are gone with their descriptions; no scratch files are left behind.
    expect(readdirSync(dir).sort()).toEqual(
      made
        .slice(2)
        .flatMap((n) => [n, n.replace('.sqlite', '.json')])
        .sort(),
    )
    for (const b of list.backups) {
      const file = join(dir, b.fileName)
      expect(await sha256File(file)).toBe(b.sha256)
      expect(b.described).toBe(true)
      const copy = new Database(file, { readonly: true })
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
      expect((copy.prepare('SELECT count(*) AS n FROM mentions').get() as { n: number }).n).toBe(2)
      copy.close()
      const sidecar = JSON.parse(readFileSync(file.replace('.sqlite', '.json'), 'utf8'))
      expect(sidecar).toMatchObject({
        sha256: b.sha256,
        bytes: b.bytes,
        integrity: 'ok',
        kind: 'manual',
      })
    }
    expect(list.runs).toHaveLength(5)
    expect(list.runs.every((r) => r.ok && r.integrity === 'ok' && r.sha256?.length === 64)).toBe(
      true,
    )
    const audit = auditRows(f).filter((r) => r.action === 'backup.create')
    expect(audit).toHaveLength(5)
    expect(JSON.parse(audit[4].detail_json).pruned).toEqual([made[1]])
  })

  it('records a failed backup with its reason and keeps no partial file', async () => {
    const f = await workflowFixture()
    // A file where the backups folder should be: the backup cannot be written.
    writeFileSync(join(f.dataDir, 'backups'), 'not a folder')
    const r = await f.service.dispatch('backups.run', undefined, SYSTEM)
    expect(r.ok ? null : r.error.message).toMatch(/^The backup failed: /)
    const list = await f.service.call('backups.list', undefined, SYSTEM)
    expect(list.backups).toEqual([])
    expect(list.runs).toMatchObject([{ ok: false, fileName: null }])
    expect(list.runs[0].error).toMatch(/The backup failed/)
    expect(auditRows(f).at(-1)!.action).toBe('backup.failed')
  })

  it('lets the ORM lead and head back up; others are refused', async () => {
    const f = await workflowFixture()
    const orm = await f.signIn('orm_lead')
    const dsl = await f.signIn('dsl')
    const viewer = await f.signIn('viewer')
    expect((await f.service.dispatch('backups.run', undefined, orm)).ok).toBe(true)
    for (const who of [dsl, viewer]) {
      const r = await f.service.dispatch('backups.run', undefined, who)
      expect(r.ok ? null : r.error.code).toBe('forbidden')
    }
  })

  it('runs on schedule from the service, the first a few minutes after start', async () => {
    const f = await workflowFixture()
    const job = f.service.backups.scheduler
    job.start()
    expect(job.nextAt()).toBe(f.clock.now() + FIRST_BACKUP_DELAY_MS)
    await f.clock.advance(FIRST_BACKUP_DELAY_MS)
    // The run is real file work: wait for its explicit signal, the next plan.
    await vi.waitFor(() => expect(job.nextAt()).not.toBeNull(), { timeout: 20_000 })
    expect(job.nextAt()).toBe(f.clock.now() + 24 * 3_600_000)
    const list = await f.service.call('backups.list', undefined, SYSTEM)
    expect(list.backups.map((b) => b.kind)).toEqual(['scheduled'])
    expect(list.nextAt).toBe(new Date(job.nextAt()!).toISOString())
    await job.dispose()
    expect(job.nextAt()).toBeNull()
  })
})

describe('interval job', () => {
  it('never overlaps runs and plans the next one after the last finishes', async () => {
    const clock = createFakeClock(0)
    const started: number[] = []
    let finish: () => void = () => undefined
    const job = createIntervalJob({
      clock,
      name: 't',
      log: () => undefined,
      firstDelayMs: () => 1000,
      intervalMs: () => 10_000,
      run: () => {
        started.push(clock.now())
        return new Promise<void>((r) => (finish = r))
      },
    })
    job.start()
    await clock.advance(1000)
    expect(started).toEqual([1000])
    // The run takes 25 s: nothing else starts meanwhile, however long past the interval.
    await clock.advance(25_000)
    expect(started).toEqual([1000])
    expect(job.nextAt()).toBeNull()
    finish()
    await clock.advance(0)
    expect(job.nextAt()).toBe(26_000 + 10_000)
    await clock.advance(10_000)
    expect(started).toEqual([1000, 36_000])
    finish()
    const disposed = job.dispose()
    await disposed
    expect(clock.pending()).toBe(0)
  })

  it('keeps going after a failed run and logs it', async () => {
    const clock = createFakeClock(0)
    const logs: string[] = []
    let n = 0
    const job = createIntervalJob({
      clock,
      name: 'backups',
      log: (l) => logs.push(l),
      firstDelayMs: () => 0,
      intervalMs: () => 100,
      run: async () => {
        n++
        if (n === 1) throw new Error('disk full')
      },
    })
    job.start()
    await clock.advance(0)
    await clock.advance(100)
    expect(n).toBe(2)
    expect(logs).toEqual(['[backups] failed: disk full'])
    await job.dispose()
  })
})
