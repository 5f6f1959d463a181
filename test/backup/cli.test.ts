// Runs in: Vitest (Node). The CLI's backup, restore, retention and SAR commands, run in-process through
// runCli (the same commander program as `footprint`) against a fresh data folder.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { runCli } from '../../src-main/cli/main'
import { openDataDir, createStore } from '../../src-main/store'
import { tempDir } from '../helpers/tmp'
import { addMention } from '../trends/helpers'
import { SCHOOL } from '../helpers/service'
import { createService } from '../../src-main/services'

async function footprint(dir: string, ...args: string[]) {
  let out = ''
  let err = ''
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((out += String(c)), true))
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c) => ((err += String(c)), true))
  process.exitCode = undefined
  try {
    const code = await runCli(['node', 'footprint', '--data-dir', dir, ...args])
    return { code, out, err }
  } finally {
    o.mockRestore()
    e.mockRestore()
    process.exitCode = undefined
  }
}
afterEach(() => vi.restoreAllMocks())

/** A data folder with a school, a source and mentions by two authors, one of them old. */
async function seed(dir: string) {
  const db = openDataDir(dir)
  const store = createStore(db)
  const service = createService({ store, mode: 'browser', dataDir: dir, version: '0.0.0-test' })
  const school = await service.call('schools.create', SCHOOL, { actor: 'test' })
  const source = store.sources.create(
    {
      kind: 'feed',
      name: 'Gazette',
      schoolId: school.id,
      intervalMinutes: 60,
      config: { url: 'https://g.example/rss' },
    },
    new Date().toISOString(),
  )
  const add = (text: string, firstSeenAt: string) =>
    addMention(store, { schoolId: school.id, sourceId: source.id, text, firstSeenAt })
  add('Old news', '2020-01-01T00:00:00.000Z')
  add('Fresh news', new Date().toISOString())
  db.close()
}

describe('footprint backup, restore, retention, sar', () => {
  it('backs up, lists, checks before restoring, and restores only with --yes', async () => {
    const dir = tempDir()
    await seed(dir)
    const now = await footprint(dir, 'backup', 'now', '--json')
    expect(now.code).toBe(0)
    const b = JSON.parse(now.out)
    expect(b).toMatchObject({ integrity: 'ok', mentions: 2, kind: 'manual' })
    const list = JSON.parse((await footprint(dir, 'backup', 'list', '--json')).out)
    expect(list.backups.map((x: { fileName: string }) => x.fileName)).toEqual([b.fileName])

    const ask = await footprint(dir, 'restore', b.fileName)
    expect(ask.code).toBe(0)
    expect(ask.out).toContain('2 mentions')
    expect(ask.out).toContain('Nothing was changed. Run again with --yes')
    expect(readdirSync(join(dir, 'backups')).filter((n) => n.endsWith('.sqlite'))).toHaveLength(1)

    const bad = await footprint(
      dir,
      'restore',
      join(dir, 'backups', b.fileName.replace('.sqlite', '.json')),
    )
    expect(bad.code).toBe(1)
    expect(bad.err).toMatch(/not an SQLite database.*Nothing was changed/)

    const yes = await footprint(dir, 'restore', b.fileName, '--yes')
    expect(yes.code).toBe(0)
    expect(yes.out).toMatch(
      /Restored\. The data from before the restore is kept in .*before-restore\.sqlite/,
    )
  })

  it('previews and applies retention, and writes a SAR ZIP', async () => {
    const dir = tempDir()
    await seed(dir)
    const p = await footprint(dir, 'retention', 'preview', '--months', '12')
    expect(p.out).toMatch(/: 1 to delete from 1 source, oldest 2020-01-01/)
    const a = await footprint(dir, 'retention', 'apply', '--months', '12', '--json')
    expect(JSON.parse(a.out)).toMatchObject({ deleted: 1, count: 1 })
    const zero = await footprint(dir, 'retention', 'preview', '--months', 'x')
    expect(zero.code).toBe(1)
    expect(zero.err).toContain('--months must be a positive whole number')

    const out = join(dir, 'sar.zip')
    const s = await footprint(dir, 'sar', '--author', 'a parent', '--out', out)
    expect(s.out).toContain('1 mentions by a parent')
    expect(existsSync(out)).toBe(true)
    const zip = await JSZip.loadAsync(readFileSync(out))
    const data = JSON.parse(await zip.file('data.json')!.async('string'))
    expect(data.items.map((i: { text: string }) => i.text)).toEqual(['Fresh news'])
  })
})
