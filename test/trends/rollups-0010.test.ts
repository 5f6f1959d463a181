// Runs in: Vitest (Node). The rollups of migration 0010 (themes by month; days and flags per school
// without the source) equal a from-scratch recount after
// every kind of change (new mentions, corrections, dedup links, "not about us", deletion, edited
// words, and the backfill of an older database), and trends.themes, which reads whole months from it
// and the part-months at the ends of a range by day, counts exactly what the days hold.
import { afterEach, describe, expect, it } from 'vitest'
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { workflowFixture, SYSTEM, type WorkflowFixture } from '../helpers/workflow'
import { addMention, recount } from './helpers'
import { createStore, openDataDir } from '../../src-main/store'
import { migrationsDir } from '../../src-main/core/paths'
import { tempDir } from '../helpers/tmp'
import { rollupsRepo, splitMonths } from '../../src-main/store/repos/rollups'
import { drainThemes } from '../../src-main/trends/themes'
import type { Db } from '../../src-main/store/db'
import type { Store } from '../../src-main/store'

let f: WorkflowFixture
afterEach(() => f?.db.close())

type Counts = Record<string, number>

/** rollup_theme_months as "school|month|source|theme|sentiment" -> n. */
function months(db: Db): Counts {
  const out: Counts = {}
  for (const r of db.prepare('SELECT * FROM rollup_theme_months').all() as Record<string, never>[])
    out[`${r.school_id}|${r.month}|${r.source_id}|${r.theme}|${r.sentiment}`] = r.n
  return out
}

/** The same, recounted from the mentions (helpers' recount is per day: summed into months here). */
function expectedMonths(store: Store): Counts {
  const out: Counts = {}
  for (const [key, n] of Object.entries(recount(store).themes)) {
    const [school, day, source, theme, sentiment] = key.split('|')
    const k = `${school}|${day.slice(0, 7)}|${source}|${theme}|${sentiment}`
    out[k] = (out[k] ?? 0) + n
  }
  return out
}

/** rollup_school_days and rollup_school_day_flags as "school|day|key" -> n (undated apart). */
function schoolDays(db: Db) {
  const days: Counts = {}
  const undated: Counts = {}
  const flags: Counts = {}
  for (const r of db.prepare('SELECT * FROM rollup_school_days').all() as Record<string, never>[]) {
    days[`${r.school_id}|${r.day}|${r.sentiment}`] = r.n
    if (r.undated) undated[`${r.school_id}|${r.day}|${r.sentiment}`] = r.undated
  }
  for (const r of db.prepare('SELECT * FROM rollup_school_day_flags').all() as Record<
    string,
    never
  >[])
    flags[`${r.school_id}|${r.day}|${r.flag}`] = r.n
  return { days, undated, flags }
}

/** The same from the recount, summed over sources. */
function expectedSchoolDays(store: Store): ReturnType<typeof schoolDays> {
  const r = recount(store)
  const sum = (c: Counts) => {
    const out: Counts = {}
    for (const [key, n] of Object.entries(c)) {
      const [school, day, , k] = key.split('|')
      out[`${school}|${day}|${k}`] = (out[`${school}|${day}|${k}`] ?? 0) + n
    }
    return out
  }
  return { days: sum(r.daily), undated: sum(r.undated), flags: sum(r.flags) }
}

const expectConsistent = (fx: { db: Db; store: Store }) => {
  expect(months(fx.db)).toEqual(expectedMonths(fx.store))
  expect(schoolDays(fx.db)).toEqual(expectedSchoolDays(fx.store))
}

async function seeded() {
  f = await workflowFixture({ start: '2026-07-10T09:00:00.000Z' })
  const feed = f.source('feed', 'Gazette')
  const fb = f.source('facebook', 'School Facebook')
  const at = (day: string) => `${day}T10:00:00.000Z`
  const add = (sourceId: number, text: string, day: string, label = 'negative') =>
    addMention(f.store, {
      schoolId: f.school.id,
      sourceId,
      text,
      firstSeenAt: at(day),
      verdict: { sentiment: { label: label as 'negative', score: 0 }, flags: ['complaint'] },
    })
  const ids = {
    bullying: add(feed.id, 'My son was bullied at break', '2026-05-31'),
    // 23:30 UTC on 30 June is 00:30 BST on 1 July: July's month, as its day says.
    lunch: addMention(f.store, {
      schoolId: f.school.id,
      sourceId: fb.id,
      text: 'School lunches are cold and the uniform is dear',
      firstSeenAt: '2026-06-30T23:30:00.000Z',
      verdict: { sentiment: { label: 'positive', score: 0 }, flags: [] },
    }),
    uniform: add(feed.id, 'Uniform prices went up again', '2026-06-15'),
    sen: add(fb.id, 'The SENCO was brilliant', '2026-06-16', 'positive'),
  }
  drainThemes(f.store)
  return { feed, fb, ids, add }
}

describe('the 0010 rollups are maintained by triggers', () => {
  it('counts new mentions in the London month they were said, by theme, source and sentiment', async () => {
    const { fb, feed } = await seeded()
    expectConsistent(f)
    const m = months(f.db)
    const sid = f.school.id
    expect(m[`${sid}|2026-07|${fb.id}|food|positive`]).toBe(1)
    expect(m[`${sid}|2026-07|${fb.id}|uniform|positive`]).toBe(1)
    expect(m[`${sid}|2026-06|${fb.id}|food|positive`]).toBeUndefined()
    expect(m[`${sid}|2026-05|${feed.id}|bullying|negative`]).toBe(1)
    expect(m[`${sid}|2026-06|${feed.id}|uniform|negative`]).toBe(1)
  })

  it('follows a correction and its clear', async () => {
    const { ids, feed } = await seeded()
    await f.service.call('mentions.correct', { id: ids.uniform, sentiment: 'positive' }, SYSTEM)
    expectConsistent(f)
    expect(months(f.db)[`${f.school.id}|2026-06|${feed.id}|uniform|positive`]).toBe(1)
    expect(months(f.db)[`${f.school.id}|2026-06|${feed.id}|uniform|negative`]).toBeUndefined()
    await f.service.call('mentions.clearCorrection', { id: ids.uniform }, SYSTEM)
    expectConsistent(f)
  })

  it('leaves out a mention once dedup links it, and counts it again when unlinked', async () => {
    const { ids, add, feed } = await seeded()
    const late = add(feed.id, 'Bullying at break again', '2026-06-20')
    drainThemes(f.store)
    expectConsistent(f)
    f.db.prepare('UPDATE mentions SET duplicate_of = ? WHERE id = ?').run(ids.bullying, late)
    expectConsistent(f)
    expect(months(f.db)[`${f.school.id}|2026-06|${feed.id}|bullying|negative`]).toBeUndefined()
    f.db.prepare('UPDATE mentions SET duplicate_of = NULL WHERE id = ?').run(late)
    expectConsistent(f)
    expect(months(f.db)[`${f.school.id}|2026-06|${feed.id}|bullying|negative`]).toBe(1)
  })

  it('drops what "not about us" hides and a deleted mention', async () => {
    const { ids, fb } = await seeded()
    await f.service.call('mentions.notAboutUs', { id: ids.lunch, term: 'lunches' }, SYSTEM)
    expectConsistent(f)
    expect(months(f.db)[`${f.school.id}|2026-07|${fb.id}|food|positive`]).toBeUndefined()
    await f.service.call('mentions.delete', { id: ids.sen }, SYSTEM)
    expectConsistent(f)
    expect(Object.keys(months(f.db)).some((k) => k.includes('|sen|'))).toBe(false)
  })

  it('moves when a mention’s words change and its themes are indexed again', async () => {
    const { ids, feed } = await seeded()
    f.db
      .prepare('UPDATE mentions SET text = ? WHERE id = ?')
      .run('Homework every night', ids.uniform)
    drainThemes(f.store)
    expectConsistent(f)
    const m = months(f.db)
    expect(m[`${f.school.id}|2026-06|${feed.id}|uniform|negative`]).toBeUndefined()
    expect(m[`${f.school.id}|2026-06|${feed.id}|homework|negative`]).toBe(1)
  })

  it('is backfilled from the daily rollup when a database with mentions reaches 0010', () => {
    const dir = tempDir()
    const old = join(dir, 'migrations-0009')
    mkdirSync(old)
    for (const file of readdirSync(migrationsDir()).filter((n) => n < '0010'))
      copyFileSync(join(migrationsDir(), file), join(old, file))
    const dataDir = join(dir, 'data')
    const db9 = openDataDir(dataDir, { migrationsDir: old })
    const school = db9
      .prepare(
        "INSERT INTO schools (name, created_at, updated_at) VALUES ('Old School', '2026-01-01', '2026-01-01')",
      )
      .run().lastInsertRowid as number
    const src = db9
      .prepare(
        "INSERT INTO sources (school_id, kind, name, interval_minutes, created_at, updated_at) VALUES (?, 'feed', 'Old feed', 60, '2026-01-01', '2026-01-01')",
      )
      .run(school).lastInsertRowid as number
    const s9 = createStore(db9)
    for (let i = 0; i < 40; i++)
      addMention(s9, {
        schoolId: school,
        sourceId: src,
        text: i % 2 ? 'Bullying at break time' : 'Uniform and lunches',
        firstSeenAt: new Date(Date.UTC(2026, 2, 10 + i * 3, 23, 30)).toISOString(),
        verdict: i % 5 ? { sentiment: { label: i % 3 ? 'negative' : 'positive', score: 0 } } : null,
      })
    drainThemes(s9)
    db9.close()
    const db = openDataDir(dataDir)
    const store = createStore(db)
    const got = months(db)
    expect(Object.keys(got).length).toBeGreaterThan(4)
    expect(Object.keys(schoolDays(db).days).length).toBeGreaterThan(20)
    expectConsistent({ db, store })
    db.close()
  })
})

describe('splitMonths', () => {
  it('reads whole months by month and the part-months at the ends by day', () => {
    expect(splitMonths('2025-11-22', '2026-11-21')).toMatchObject({
      headFrom: '2025-11-22',
      headTo: '2025-11-30',
      monthFrom: '2025-12',
      monthTo: '2026-10',
      tailFrom: '2026-11-01',
      tailTo: '2026-11-21',
    })
    // Whole months only: nothing by day.
    const whole = splitMonths('2024-02-01', '2024-02-29')
    expect([whole.monthFrom, whole.monthTo]).toEqual(['2024-02', '2024-02'])
    expect(whole.headFrom > whole.headTo).toBe(true)
    expect(whole.tailFrom > whole.tailTo).toBe(true)
    // Inside one month: all by day, no month.
    const inside = splitMonths('2026-03-05', '2026-03-20')
    expect([inside.headFrom, inside.headTo]).toEqual(['2026-03-05', '2026-03-20'])
    expect(inside.monthFrom > inside.monthTo).toBe(true)
    // Across a year end, ending on a month's last day.
    expect(splitMonths('2025-12-31', '2026-02-28')).toMatchObject({
      headTo: '2025-12-31',
      monthFrom: '2026-01',
      monthTo: '2026-02',
    })
  })
})

describe('trends.themes over months and part-months', () => {
  it('counts each theme exactly as the days of the range hold it, for any range', async () => {
    const { feed, fb } = await seeded()
    // One mention every 4 days for 14 months, across both sources and three sentiments.
    const labels = ['negative', 'neutral', 'positive'] as const
    for (let i = 0; i < 110; i++) {
      const day = new Date(Date.UTC(2025, 5, 1) + i * 4 * 86_400_000).toISOString().slice(0, 10)
      addMention(f.store, {
        schoolId: f.school.id,
        sourceId: i % 3 ? feed.id : fb.id,
        text: i % 2 ? 'Bullying in the playground' : 'Homework and uniform again',
        firstSeenAt: `${day}T12:00:00.000Z`,
        verdict: { sentiment: { label: labels[i % 3], score: 0 } },
      })
    }
    drainThemes(f.store)
    const daily = recount(f.store).themes
    const repo = rollupsRepo(f.db)
    const ranges = [
      ['2025-06-03', '2026-07-09'],
      ['2025-07-01', '2025-09-30'],
      ['2025-08-10', '2025-08-20'],
      ['2025-12-31', '2026-02-01'],
      ['2000-01-01', '2030-12-31'],
    ]
    for (const [from, to] of ranges)
      for (const sourceId of [null, feed.id]) {
        const want: Counts = {}
        for (const [key, n] of Object.entries(daily)) {
          const [, day, source, theme, sentiment] = key.split('|')
          if (day < from || day > to || (sourceId !== null && Number(source) !== sourceId)) continue
          want[`${theme}|${sentiment}`] = (want[`${theme}|${sentiment}`] ?? 0) + n
        }
        const got: Counts = {}
        for (const [theme, sentiment, n] of repo.themeCounts({
          schoolId: f.school.id,
          from,
          to,
          sourceId,
        }))
          got[`${theme}|${sentiment}`] = n
        expect(got, `${from}..${to} source ${sourceId}`).toEqual(want)
      }
    const list = await f.service.call(
      'trends.themes',
      { schoolId: f.school.id, from: '2025-06-03', to: '2026-07-09' },
      SYSTEM,
    )
    const bullying = list.find((t) => t.key === 'bullying')!
    const days = Object.entries(daily).filter(([k]) => {
      const [, day, , theme] = k.split('|')
      return theme === 'bullying' && day >= '2025-06-03' && day <= '2026-07-09'
    })
    expect(bullying.counts.total).toBe(days.reduce((a, [, n]) => a + n, 0))
    expect(bullying.counts.total).toBeGreaterThan(40)
    expect(bullying.terms).toContain('bullying')
  })

  it('reads a bounded number of the latest mentions for words and samples, newest first', async () => {
    const { feed } = await seeded()
    const repo = rollupsRepo(f.db)
    const all = { schoolId: f.school.id, from: '2026-01-01', to: '2026-12-31', sourceId: null }
    const ids = repo.latest(all, 2)
    expect(ids).toHaveLength(2)
    // The lunch mention counts on 1 July, the latest day; the SEN one on 16 June comes next.
    expect(ids[0]).toBe(repo.latest({ ...all, from: '2026-07-01' }, 10)[0])
    expect(repo.latest({ ...all, sourceId: feed.id }, 10)).toHaveLength(2)
    const sample = repo.sample(repo.latest(all, 10), 10, false)
    expect(sample.map((s) => s.id)).toEqual(repo.latest(all, 10))
  })
})
