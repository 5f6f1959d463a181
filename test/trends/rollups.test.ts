// Runs in: Vitest (Node). The daily rollups equal a from-scratch recount after every kind of change:
// new mentions, corrections and clears, re-analysis, dedup links, "not about us", deletion, edited
// words, and the backfill of a database that had mentions before migration 0007.
import { afterEach, describe, expect, it } from 'vitest'
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { workflowFixture, SYSTEM, type WorkflowFixture } from '../helpers/workflow'
import { addMention, recount, rollupSnapshot } from './helpers'
import { openDataDir, createStore } from '../../src-main/store'
import { migrationsDir } from '../../src-main/core/paths'
import { tempDir } from '../helpers/tmp'
import { rollupsRepo } from '../../src-main/store/repos/rollups'
import { mentionsRepo } from '../../src-main/store/repos/mentions'
import { analysesRepo } from '../../src-main/store/repos/analyses'

let f: WorkflowFixture
afterEach(() => f?.db.close())

function expectConsistent(fx: WorkflowFixture) {
  const expected = recount(fx.store)
  expect(rollupSnapshot(fx.db)).toEqual(expected)
}

async function seeded() {
  f = await workflowFixture({ start: '2026-07-10T09:00:00.000Z' })
  const feed = f.source('feed', 'Gazette')
  const fb = f.source('facebook', 'School Facebook')
  const s = { schoolId: f.school.id }
  const ids = {
    bullying: addMention(f.store, {
      ...s,
      sourceId: feed.id,
      text: 'My son was bullied and the teachers ignored it',
      firstSeenAt: '2026-07-09T23:30:00.000Z', // 00:30 BST on the 10th
      verdict: { sentiment: { label: 'negative', score: -0.7 }, flags: ['complaint', 'abuse'] },
    }),
    praise: addMention(f.store, {
      ...s,
      sourceId: fb.id,
      text: 'Lovely school lunches and a great sports day',
      publishedAt: '2026-07-01T12:00:00.000Z',
      firstSeenAt: '2026-07-10T08:00:00.000Z',
      verdict: { sentiment: { label: 'positive', score: 0.8 }, flags: ['praise'] },
    }),
    unanalysed: addMention(f.store, {
      ...s,
      sourceId: feed.id,
      text: 'Parking outside the gates at pick up is dangerous',
      firstSeenAt: '2026-07-10T07:00:00.000Z',
      verdict: null,
    }),
    future: addMention(f.store, {
      ...s,
      sourceId: fb.id,
      text: 'Uniform prices have gone up again',
      publishedAt: '2027-01-01T00:00:00.000Z', // a platform clock far ahead
      firstSeenAt: '2026-07-10T08:30:00.000Z',
      verdict: { sentiment: { label: 'negative', score: -0.4 }, flags: ['complaint'] },
    }),
  }
  return { feed, fb, ids }
}

describe('rollups are maintained by triggers', () => {
  it('count new mentions on the day said (London time), future dates on the day first seen', async () => {
    const { feed, fb } = await seeded()
    expectConsistent(f)
    const snap = rollupSnapshot(f.db)
    const sid = f.school.id
    expect(snap.daily[`${sid}|2026-07-10|${feed.id}|negative`]).toBe(1) // 23:30 UTC is the 10th in BST
    expect(snap.daily[`${sid}|2026-07-01|${fb.id}|positive`]).toBe(1)
    expect(snap.daily[`${sid}|2026-07-10|${fb.id}|negative`]).toBe(1) // future-dated: day first seen
    expect(snap.daily[`${sid}|2026-07-10|${feed.id}|none`]).toBe(1)
    expect(snap.undated[`${sid}|2026-07-10|${feed.id}|negative`]).toBe(1)
    expect(snap.flags[`${sid}|2026-07-10|${feed.id}|abuse`]).toBe(1)
    expect(snap.themes[`${sid}|2026-07-10|${feed.id}|bullying|negative`]).toBe(1)
  })

  it('follow a correction and a clear through the service', async () => {
    const { ids } = await seeded()
    await f.service.call(
      'mentions.correct',
      { id: ids.bullying, sentiment: 'neutral', flags: ['question'] },
      SYSTEM,
    )
    expectConsistent(f)
    expect(rollupSnapshot(f.db).flags[`${f.school.id}|2026-07-10|${1}|abuse`]).toBeUndefined()
    await f.service.call('mentions.correct', { id: ids.praise, sentiment: 'negative' }, SYSTEM)
    expectConsistent(f)
    await f.service.call('mentions.clearCorrection', { id: ids.bullying }, SYSTEM)
    expectConsistent(f)
  })

  it('follow re-analysis and a first analysis of an unanalysed mention', async () => {
    const { ids } = await seeded()
    const verdict = {
      engine: 'builtin',
      engineVersion: 'v2',
      sentiment: { label: 'positive' as const, score: 0.5 },
      flags: ['praise'],
      priority: 'low' as const,
      owner: 'orm_lead',
      evidence: [],
    }
    f.store.analyses.put(ids.bullying, verdict, '2026-07-10T10:00:00.000Z')
    expectConsistent(f)
    f.store.analyses.put(ids.unanalysed, verdict, '2026-07-10T10:00:00.000Z')
    expectConsistent(f)
    expect(Object.keys(rollupSnapshot(f.db).daily).some((k) => k.endsWith('|none'))).toBe(false)
  })

  it('leave out linked duplicates, at insert and when dedup links one later', async () => {
    const { feed, fb, ids } = await seeded()
    const dup = addMention(f.store, {
      schoolId: f.school.id,
      sourceId: fb.id,
      text: 'My son was bullied and the teachers ignored it',
      firstSeenAt: '2026-07-10T09:00:00.000Z',
      duplicateOf: ids.bullying,
    })
    expectConsistent(f)
    const before = rollupSnapshot(f.db)
    expect(before.daily[`${f.school.id}|2026-07-10|${fb.id}|neutral`]).toBeUndefined()
    const late = addMention(f.store, {
      schoolId: f.school.id,
      sourceId: feed.id,
      text: 'Lovely school lunches and a great sports day',
      firstSeenAt: '2026-07-10T09:05:00.000Z',
    })
    expectConsistent(f)
    f.db.prepare('UPDATE mentions SET duplicate_of = ? WHERE id = ?').run(ids.praise, late)
    expectConsistent(f)
    expect(dup).toBeGreaterThan(0)
  })

  it('drop what "not about us" hides, and a deleted mention (its duplicates then count)', async () => {
    const { fb, ids } = await seeded()
    const dup = addMention(f.store, {
      schoolId: f.school.id,
      sourceId: fb.id,
      text: 'Parking outside the gates at pick up is dangerous',
      firstSeenAt: '2026-07-10T09:00:00.000Z',
      duplicateOf: ids.unanalysed,
    })
    await f.service.call('mentions.notAboutUs', { id: ids.future, term: 'prices' }, SYSTEM)
    expectConsistent(f)
    await f.service.call('mentions.delete', { id: ids.unanalysed }, SYSTEM)
    expectConsistent(f)
    // The duplicate became a first copy of its own: it now counts.
    expect(rollupSnapshot(f.db).daily[`${f.school.id}|2026-07-10|${fb.id}|neutral`]).toBe(1)
    expect(dup).toBeGreaterThan(0)
  })

  it('re-theme a mention whose words change', async () => {
    const { feed } = await seeded()
    const id = addMention(f.store, {
      schoolId: f.school.id,
      sourceId: feed.id,
      text: 'Homework every night',
      firstSeenAt: '2026-07-10T09:00:00.000Z',
    })
    expectConsistent(f)
    const ext = f.db
      .prepare('SELECT external_id FROM mentions WHERE id = ?')
      .pluck()
      .get(id) as string
    f.store.mentions.updateItem(
      {
        sourceId: feed.id,
        externalId: ext,
        url: null,
        title: null,
        text: 'The ofsted inspection',
        author: null,
        meta: {},
        raw: null,
      },
      '2026-07-10T10:00:00.000Z',
    )
    expectConsistent(f)
    const themes = rollupSnapshot(f.db).themes
    expect(Object.keys(themes).some((k) => k.includes('|homework|'))).toBe(false)
    expect(Object.keys(themes).some((k) => k.includes('|ofsted|'))).toBe(true)
  })

  it('put every instant on the same London day as the time zone database, around every clock change', async () => {
    await seeded()
    const feed = f.source('feed', 'Times')
    const instants: string[] = []
    for (let y = 1997; y <= 2037; y += 4)
      for (const [mo, d] of [
        [2, 24],
        [9, 24],
      ])
        for (let day = 0; day < 8; day++)
          for (const h of [0, 0.5, 1, 22.99, 23, 23.5])
            instants.push(new Date(Date.UTC(y, mo, d + day, 0, h * 60)).toISOString())
    for (const at of instants)
      addMention(f.store, {
        schoolId: f.school.id,
        sourceId: feed.id,
        text: 'x',
        firstSeenAt: at,
        verdict: null,
      })
    expectConsistent(f)
  })

  it("give the same rollups through the bench's bulk load, and put the triggers back", async () => {
    const { feed } = await seeded()
    const repo = rollupsRepo(f.db)
    repo.bulkLoad(() =>
      f.store.tx(() => {
        for (let i = 0; i < 20; i++)
          addMention(f.store, {
            schoolId: f.school.id,
            sourceId: feed.id,
            text: i % 2 ? 'Great exam results' : 'Uniform is too dear',
            firstSeenAt: `2026-07-0${1 + (i % 9)}T23:30:00.000Z`,
            verdict:
              i % 4 ? { sentiment: { label: 'negative', score: -1 }, flags: ['complaint'] } : null,
          })
      }),
    )
    expectConsistent(f)
    addMention(f.store, {
      schoolId: f.school.id,
      sourceId: feed.id,
      text: 'after',
      firstSeenAt: '2026-07-10T10:00:00Z',
    })
    expectConsistent(f)
  })

  it('backfill a database that had mentions before migration 0007', () => {
    const dir = tempDir()
    const old = join(dir, 'migrations-0006')
    mkdirSync(old)
    for (const file of readdirSync(migrationsDir()).filter((n) => n < '0007'))
      copyFileSync(join(migrationsDir(), file), join(old, file))
    const dataDir = join(dir, 'data')
    const db6 = openDataDir(dataDir, { migrationsDir: old })
    // Repositories of that time only: today's store reads tables 0007 adds.
    const s6 = { mentions: mentionsRepo(db6), analyses: analysesRepo(db6) }
    const school = db6
      .prepare(
        "INSERT INTO schools (name, created_at, updated_at) VALUES ('Old School', '2026-01-01', '2026-01-01')",
      )
      .run().lastInsertRowid as number
    const src = {
      id: db6
        .prepare(
          "INSERT INTO sources (school_id, kind, name, interval_minutes, created_at, updated_at) VALUES (?, 'feed', 'Old feed', 60, '2026-01-01', '2026-01-01')",
        )
        .run(school).lastInsertRowid as number,
    }
    for (let i = 0; i < 30; i++)
      addMention(s6, {
        schoolId: school,
        sourceId: src.id,
        text: i % 2 ? 'Bullying at break time' : 'Great exam results',
        firstSeenAt: new Date(Date.UTC(2026, 2, 20 + i, 23, 30)).toISOString(), // across the March change
        publishedAt: i % 3 ? null : new Date(Date.UTC(2026, 2, 20 + i, 0, 30)).toISOString(),
        verdict: i % 5 ? { sentiment: { label: i % 2 ? 'negative' : 'positive', score: 0 } } : null,
      })
    // 0007 rebuilds notifications (a new kind): what was there, and who read it, must survive.
    db6.exec(`INSERT INTO users (id, display_name, email, role, created_at) VALUES (7, 'Ann', 'a@x.example', 'head', 'x');
      INSERT INTO notifications (id, school_id, kind, title, created_at, dedupe_key) VALUES (3, ${school}, 'post_failed', 'Old', 'x', 'k');
      INSERT INTO notification_reads (notification_id, user_id, read_at) VALUES (3, 7, 'y');`)
    db6.close()
    const db = openDataDir(dataDir)
    expect(db.prepare('SELECT id, kind, title FROM notifications').all()).toEqual([
      { id: 3, kind: 'post_failed', title: 'Old' },
    ])
    expect(db.prepare('SELECT notification_id, user_id FROM notification_reads').all()).toEqual([
      { notification_id: 3, user_id: 7 },
    ])
    expect(db.pragma('foreign_key_check')).toEqual([])
    const store = createStore(db)
    const expected = recount(store) // drains the theme queue the backfill filled
    expect(rollupSnapshot(db)).toEqual(expected)
    expect(Object.values(rollupSnapshot(db).daily).reduce((a, b) => a + b, 0)).toBe(30)
    db.close()
  })
})
