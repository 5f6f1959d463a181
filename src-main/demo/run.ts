// Runs in: CLI (Node). `footprint demo` end to end: refuse a folder that holds a real school, make the
// fictional school and its users, start the demo server, let the real poller read a year of talk from
// it, walk the workflow, and say what was made. The service is the app's own; only the network (the
// demo server), the connectors' secrets (made-up demo tokens, never stored) and the post queue's clock
// (moved past the undo window instead of waiting) are the demo's.
import { openDataDir, createStore, type Store } from '../store'
import { createService, type Service } from '../services'
import type { SchedulerClock } from '../sources/scheduler'
import { connectorPoster, UNDO_WINDOW_MS } from '../workflow/posting'
import { generateContent } from './content'
import { demoCredentials } from './credentials'
import { createRng } from './prng'
import { DEMO_COMPLAINTS_URL, DEMO_SCHOOL, DEMO_SCHOOL_NAME, DEMO_URN, DEMO_USERS } from './school'
import { startDemoServer, type DemoServer } from './server'
import { demoSourceInputs, harvestYear, type Harvest } from './sources'
import { walkWorkflow, type WalkResult } from './walk'

export const DEFAULT_SEED = 20260
const SYSTEM = { actor: 'demo' }
/** Set when a demo run finished, so a second run can tell "already made" from "half made". */
const DONE_KEY = 'demo.completed'

export class DemoRefusedError extends Error {
  override name = 'DemoRefusedError'
}

export interface DemoOptions {
  dataDir: string
  seed?: number
  /** 1 is a full year of talk; tests use 0.1. Every story is told at any scale. */
  scale?: number
  /** "Today" for the demo (the year ends here); defaults to now. */
  now?: Date
  version: string
  log?: (line: string) => void
}

export interface DemoSummary {
  created: boolean
  dataDir: string
  schoolId: number
  schoolName: string
  seed: number
  scale: number
  /** mentions: counted in statistics; stored: also linked duplicates and "not about us". */
  sources: Array<{
    id: number
    kind: string
    name: string
    mentions: number
    stored: number
    runs: number
    status: string
    error: string | null
  }>
  users: Array<{ role: string; email: string; password: string }>
  walk: WalkResult | null
  failures: Harvest['failures']
}

export interface DemoRun {
  summary: DemoSummary
  /** Still open (and the demo server still answering) so `--serve` can go on to browser mode. */
  service: Service
  store: Store
  server: DemoServer | null
  /** Pauses the demo's sources (their server is going away), stops the server, closes the folder. */
  close(): Promise<void>
}

/** A real school in the folder stops the demo: it never mixes made-up talk with a school's own. */
export function checkFolder(store: Store): number | null {
  const schools = store.schools.list()
  const others = schools.filter((s) => s.name !== DEMO_SCHOOL_NAME || s.urn !== DEMO_URN)
  if (others.length)
    throw new DemoRefusedError(
      `This data folder already holds a school (${others.map((s) => s.name).join(', ')}). The demo only ` +
        'writes into an empty folder or one it made itself: choose another with --data-dir.',
    )
  return schools[0]?.id ?? null
}

export async function runDemo(opts: DemoOptions): Promise<DemoRun> {
  const log = opts.log ?? (() => {})
  const seed = opts.seed ?? DEFAULT_SEED
  const scale = opts.scale ?? 1
  const now = opts.now ?? new Date()
  const db = openDataDir(opts.dataDir)
  const store = createStore(db)
  let server: DemoServer | null = null
  // The poller stamps runs and first sightings with this clock; the Google listing is replayed by month.
  let pollNow: Date | null = null
  let postOffset = 0
  const postClock: SchedulerClock = {
    now: () => Date.now() + postOffset,
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  }
  const service: Service = createService(
    {
      store,
      mode: 'browser',
      dataDir: opts.dataDir,
      version: opts.version,
      // Nothing is stored in the secrets store, so it never needs the keychain.
      secretKeyProvider: null,
      polling: {
        now: () => pollNow ?? new Date(),
        credentials: demoCredentials,
        log: (m) => log(`  ${m}`),
      },
      posting: {
        clock: postClock,
        post: connectorPoster(() => ({
          http: service.poller.http(),
          credentials: demoCredentials,
        })),
      },
    },
    (m) => log(`  ${m}`),
  )
  const close = async () => {
    await service.jobs.dispose()
    await service.poller.dispose()
    if (server) {
      for (const s of store.sources
        .list()
        .filter((x) => x.schoolId !== null && x.enabled && x.kind !== 'manual'))
        await service.call('sources.setEnabled', { id: s.id, enabled: false }, SYSTEM)
      await server.close()
    }
    db.close()
  }
  try {
    const existing = checkFolder(store)
    if (existing !== null) {
      if (!store.settings.get<string>(DONE_KEY))
        throw new DemoRefusedError(
          `An earlier demo run in ${opts.dataDir} did not finish. Delete that folder and run the demo again.`,
        )
      log(
        `${DEMO_SCHOOL_NAME} is already in ${opts.dataDir}: nothing was changed. Delete the folder to make it again.`,
      )
      const summary = summarise(
        store,
        opts.dataDir,
        existing,
        seed,
        scale,
        false,
        null,
        [],
        await storedBySource(service),
      )
      return { summary, service, store, server, close }
    }
    const content = generateContent({ seed, scale, now })
    server = await startDemoServer(content)
    log(
      `Demo server (stands in for Google, X, Bluesky, Facebook, Instagram, Mumsnet, the feeds and Wikipedia): ${server.url}`,
    )

    const school = await service.call('schools.create', DEMO_SCHOOL, SYSTEM)
    await service.call(
      'workflow.updateSettings',
      {
        schoolId: school.id,
        settings: {
          complaintsUrl: DEMO_COMPLAINTS_URL,
          calendar: {
            timeZone: 'Europe/London',
            workingHours: { start: '08:00', end: '17:00' },
            closures: [],
          },
        },
      },
      SYSTEM,
    )
    for (const u of DEMO_USERS) await service.call('users.create', { ...u, schoolIds: [] }, SYSTEM)
    const sources = []
    for (const input of demoSourceInputs(school.id, server.url))
      sources.push(await service.call('sources.create', input, SYSTEM))
    log(
      `Created ${DEMO_SCHOOL_NAME}, ${DEMO_USERS.length} users and ${sources.length} sources. Polling a year of talk…`,
    )

    const harvest = await harvestYear({
      service,
      server,
      sources,
      now,
      log,
      setNow: (at) => {
        pollNow = at
      },
    })
    pollNow = null

    const walk = await walkWorkflow({
      service,
      schoolId: school.id,
      content,
      rng: createRng(seed).fork('walk'),
      evidenceUrl: `${server.url}${content.story.evidencePath}`,
      passUndoWindow: async () => {
        postOffset = UNDO_WINDOW_MS + 1000
        await service.postQueue.runDue()
        // Back to real time: a reply approved later (with --serve) gets its whole undo window.
        postOffset = 0
      },
      log,
    })
    const doneAt = new Date().toISOString()
    store.tx(() => {
      store.settings.set(DONE_KEY, { seed, scale, at: doneAt }, doneAt)
      store.audit.append(
        {
          actor: 'demo',
          action: 'demo.created',
          entity: 'school',
          entityId: school.id,
          detail: { seed, scale },
        },
        doneAt,
      )
    })
    const summary = summarise(
      store,
      opts.dataDir,
      school.id,
      seed,
      scale,
      true,
      walk,
      harvest.failures,
      await storedBySource(service),
      harvest,
    )
    return { summary, service, store, server, close }
  } catch (e) {
    await close().catch(() => {})
    throw e
  }
}

function summarise(
  store: Store,
  dataDir: string,
  schoolId: number,
  seed: number,
  scale: number,
  created: boolean,
  walk: WalkResult | null,
  failures: Harvest['failures'],
  stored: Map<number, number>,
  harvest?: Harvest,
): DemoSummary {
  return {
    created,
    dataDir,
    schoolId,
    schoolName: DEMO_SCHOOL_NAME,
    seed,
    scale,
    sources: store.sources.list().map((s) => ({
      id: s.id,
      kind: s.kind,
      name: s.name,
      mentions: s.mentionCount,
      stored: stored.get(s.id) ?? 0,
      runs: harvest?.runs.filter((r) => r.sourceId === s.id).length ?? 0,
      status: s.health.status,
      error: s.health.lastError,
    })),
    users: DEMO_USERS.map((u) => ({ role: u.role, email: u.email, password: u.password })),
    walk,
    failures,
  }
}

/** Every stored mention by source, including linked duplicates and "not about us" ones. */
async function storedBySource(service: Service): Promise<Map<number, number>> {
  const out = new Map<number, number>()
  let beforeId: number | undefined
  do {
    const page = await service.call(
      'mentions.list',
      { includeHidden: true, limit: 500, ...(beforeId ? { beforeId } : {}) },
      SYSTEM,
    )
    for (const m of page.items) out.set(m.sourceId, (out.get(m.sourceId) ?? 0) + 1)
    beforeId = page.nextBeforeId ?? undefined
  } while (beforeId)
  return out
}
