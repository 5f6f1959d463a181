// Runs in: Node (a child of `npm run bench:scale`). Opens the generated data folder as the app would,
// signs in a head, and times each dashboard query through the service (validation, permissions and
// all), median of 5 after one warm-up. Runs in its own process so the RSS it reports is a fresh
// process holding the database, not the generator's.
import { performance } from 'node:perf_hooks'
import { createStore, openDataDir } from '../../src-main/store'
import { createService } from '../../src-main/services'
import { addDays, londonDay } from '../../src-main/trends/days'

export interface Figure {
  name: string
  medianMs: number
  runs: number[]
  /**
   * Median CPU time of this process per run (user + system): the work the query costs, which stays
   * meaningful when other jobs share the machine and stretch the wall-clock time.
   */
  cpuMs: number
  note?: string
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

export async function measure(dataDir: string, schoolId: number, runs = 5) {
  const db = openDataDir(dataDir)
  const store = createStore(db)
  const service = createService({ store, mode: 'browser', dataDir, version: 'bench' }, () => {})
  const system = { actor: 'bench' }
  const email = `head-${Date.now()}@bench.example`
  await service.call(
    'users.create',
    { displayName: 'Bench Head', email, role: 'head', password: 'bench password 1', schoolIds: [] },
    system,
  )
  const ctx = { actor: 'window', session: 'bench' }
  await service.call('auth.signIn', { email, password: 'bench password 1' }, ctx)

  const count = (q: string) => db.prepare(q).pluck().get(schoolId) as number
  const visible = count(
    'SELECT count(*) FROM mentions WHERE school_id = ? AND duplicate_of IS NULL AND hidden_reason IS NULL',
  )
  // The id 90,000 rows down the school's inbox (or as deep as it goes): the "deep page" cursor.
  const deepId = db
    .prepare(
      'SELECT id FROM mentions WHERE school_id = ? AND duplicate_of IS NULL AND hidden_reason IS NULL ORDER BY id DESC LIMIT 1 OFFSET ?',
    )
    .pluck()
    .get(schoolId, Math.min(90_000, Math.max(0, visible - 101))) as number
  const someIds = db
    .prepare('SELECT id FROM mentions WHERE school_id = ? ORDER BY id DESC LIMIT 5 OFFSET ?')
    .pluck()
    .all(schoolId, Math.floor(visible / 2)) as number[]
  const today = londonDay(new Date())
  const year = { schoolId, from: addDays(today, -364), to: today, bucket: 'week' }

  const cases: [string, (i: number) => Promise<unknown>, string?][] = [
    [
      'Today (today.summary + today.check)',
      async () => {
        await service.call('today.summary', { schoolId }, ctx)
        await service.call('today.check', { schoolId }, ctx)
      },
    ],
    [
      'Trends, a year weekly (overview + themes)',
      async () => {
        await service.call('trends.overview', year, ctx)
        await service.call('trends.themes', year, ctx)
      },
    ],
    // The screen draws its charts from the overview and fills the themes panel after: each apart.
    ['  of which trends.overview', () => service.call('trends.overview', year, ctx)],
    ['  of which trends.themes', () => service.call('trends.themes', year, ctx)],
    [
      'Full-text search (inbox.list search)',
      () => service.call('inbox.list', { schoolId, state: 'all', search: 'bullied' }, ctx),
    ],
    [
      'Open a mention (mentions.get)',
      (i) => service.call('mentions.get', { id: someIds[i % someIds.length] }, ctx),
    ],
    [
      `Inbox first page of ${visible.toLocaleString('en-GB')} rows`,
      () => service.call('inbox.list', { schoolId, state: 'all', limit: 100 }, ctx),
    ],
    [
      'Inbox deep page (beforeId, ~90,000 rows down)',
      () =>
        service.call('inbox.list', { schoolId, state: 'all', limit: 100, beforeId: deepId }, ctx),
    ],
  ]
  const figures: Figure[] = []
  for (const [name, run] of cases) {
    await run(99) // warm-up: statement preparation and the page cache
    const times: number[] = []
    const cpu: number[] = []
    for (let i = 0; i < runs; i++) {
      const t = performance.now()
      const c = process.cpuUsage()
      await run(i)
      const used = process.cpuUsage(c)
      times.push(performance.now() - t)
      cpu.push((used.user + used.system) / 1000)
    }
    figures.push({
      name,
      medianMs: Math.round(median(times) * 10) / 10,
      runs: times.map((t) => Math.round(t * 10) / 10),
      cpuMs: Math.round(median(cpu) * 10) / 10,
    })
  }
  const rssMb = Math.round(process.memoryUsage().rss / 1048576)
  db.close()
  return { figures, rssMb, inboxRows: visible }
}
