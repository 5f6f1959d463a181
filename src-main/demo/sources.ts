// Runs in: CLI (Node). The demo school's sources, each pointed at the demo server through its
// connector's own base-address option (the one tests use too), and the polling: the Google listing is
// read once a month through the year (its rating is a reading taken when polled, so that is how a
// rating history comes about), then every source is polled through the real poller until it has
// nothing new.
import type { FetchRun, SourceInput } from '../contract'
import type { Service } from '../services'
import { DAY_MS } from './calendar'
import { DEMO_ACCOUNTS, DEMO_SCHOOL_NAME } from './school'
import type { DemoServer } from './server'

export function demoSourceInputs(schoolId: number, base: string): SourceInput[] {
  const own = { schoolId }
  return [
    {
      kind: 'google_business',
      name: 'Google reviews (Business Profile)',
      ...own,
      config: {
        accountId: DEMO_ACCOUNTS.googleAccountId,
        locationId: DEMO_ACCOUNTS.googleLocationId,
        baseUrl: base,
        oauthUrl: `${base}/token`,
        allowPrivateNetwork: true,
      },
    },
    {
      kind: 'google_places',
      name: 'Google rating (Places)',
      ...own,
      config: { placeId: DEMO_ACCOUNTS.placeId, baseUrl: base, allowPrivateNetwork: true },
    },
    {
      kind: 'mumsnet',
      name: 'Mumsnet',
      ...own,
      config: {
        baseUrl: `${base}/mumsnet`,
        allowPrivateNetwork: true,
        maxThreadsPerRun: 50,
        maxPagesPerThread: 5,
      },
    },
    {
      kind: 'x',
      name: 'X search',
      ...own,
      config: { baseUrl: base, allowPrivateNetwork: true, maxPagesPerRun: 20 },
    },
    {
      kind: 'facebook',
      name: 'Facebook Page',
      ...own,
      config: {
        pageId: DEMO_ACCOUNTS.facebookPageId,
        baseUrl: base,
        allowPrivateNetwork: true,
        maxPosts: 200,
      },
    },
    {
      kind: 'instagram',
      name: 'Instagram',
      ...own,
      config: {
        igUserId: DEMO_ACCOUNTS.instagramUserId,
        baseUrl: base,
        allowPrivateNetwork: true,
        maxMedia: 200,
      },
    },
    {
      kind: 'bluesky',
      name: 'Bluesky search',
      ...own,
      config: { baseUrl: base, allowPrivateNetwork: true },
    },
    {
      kind: 'feed',
      name: 'Marrowby Chronicle (news)',
      ...own,
      config: { url: `${base}/feeds/marrowby-chronicle.rss`, allowPrivateNetwork: true },
    },
    {
      kind: 'feed',
      name: 'Reddit search: Hollowmere',
      ...own,
      config: { url: `${base}/feeds/reddit-search.atom`, allowPrivateNetwork: true },
    },
    {
      kind: 'feed',
      name: 'Google Alert: Hollowmere Primary',
      ...own,
      config: { url: `${base}/feeds/google-alert.atom`, allowPrivateNetwork: true },
    },
    {
      kind: 'wikipedia',
      name: 'Wikipedia: school article',
      ...own,
      config: {
        apiUrl: `${base}/w/api.php`,
        pages: [DEMO_SCHOOL_NAME],
        searchTerms: [],
        watchTalkPages: true,
        initialRevisions: 50,
        allowPrivateNetwork: true,
      },
    },
  ]
}

export interface Harvest {
  /** Every run, oldest first. */
  runs: FetchRun[]
  /** Sources whose last run failed, with the reason (e.g. no Chrome for Mumsnet). */
  failures: Array<{ name: string; error: string }>
}

/** Polls one source until a run brings nothing new (or fails); at most `maxRuns` runs. */
async function drain(
  service: Service,
  id: number,
  maxRuns: number,
  harvest: Harvest,
): Promise<FetchRun | null> {
  let last: FetchRun | null = null
  for (let i = 0; i < maxRuns; i++) {
    const [run] = await service.poller.pollNow(id)
    if (!run) return last
    harvest.runs.push(run)
    last = run
    if (run.status === 'error' || run.itemsNew === 0) return run
  }
  return last
}

export async function harvestYear(opts: {
  service: Service
  server: DemoServer
  sources: Array<{ id: number; name: string; kind: string }>
  /** Moves the poller's clock (the time runs and first sightings are stamped with). */
  setNow: (at: Date) => void
  now: Date
  log: (line: string) => void
}): Promise<Harvest> {
  const { service, server, log } = opts
  const harvest: Harvest = { runs: [], failures: [] }
  const google = opts.sources.filter((s) => s.kind.startsWith('google_'))

  // The Google listing month by month: the reviews arrive as they were written, the rating moves.
  for (let m = 11; m >= 1; m--) {
    const at = new Date(opts.now.getTime() - m * 30 * DAY_MS)
    opts.setNow(at)
    server.view.now = at.toISOString()
    for (const s of google) await drain(service, s.id, 5, harvest)
  }
  log(`Google listing read month by month: ${harvest.runs.length} runs.`)

  opts.setNow(opts.now)
  server.view.now = opts.now.toISOString()
  for (const s of opts.sources) {
    const run = await drain(service, s.id, 25, harvest)
    if (run?.status === 'error') {
      harvest.failures.push({ name: s.name, error: run.error ?? 'failed' })
      log(`  ${s.name}: FAILED: ${run.error}`)
    } else {
      const found = harvest.runs
        .filter((r) => r.sourceId === s.id)
        .reduce((a, r) => a + r.itemsNew, 0)
      log(`  ${s.name}: ${found} new mention(s) in total`)
    }
  }
  return harvest
}
