// Runs in: Vitest (Node). One crash scenario: a worker killed KILLS times at random points (seeded),
// the data folder checked after every kill, then one more start that must finish the work left over
// with nothing half-done, orphaned or stuck.
import { afterAll, beforeAll, expect } from 'vitest'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import { tempDir } from '../helpers/tmp'
import { addCrashRoutes, type CrashRoutes } from './routes'
import { KILLS, lives, rng, SEED, type KillRecord } from './harness'
import { databaseProblems, evidenceProblems, openRaw, settledProblems } from './invariants'

/** Generous: a start under heavy load (eight engineers, two cores) takes many seconds. */
export const SCENARIO_TIMEOUT_MS = 600_000

/** The fixture server the worker polls and posts to, for one test file. */
export function crashServer(): { server: () => FixtureServer; routes: () => CrashRoutes } {
  let server: FixtureServer
  let routes: CrashRoutes
  beforeAll(async () => {
    server = await startFixtureServer()
    routes = addCrashRoutes(server)
  })
  afterAll(() => server.close())
  return { server: () => server, routes: () => routes }
}

export interface Scenario {
  op: 'poll' | 'analysis' | 'approval' | 'capture'
  /** Each kill lands after 1..maxSteps progress lines (a few cycles' worth) ... */
  maxSteps: number
  /** ... plus 0..maxJitterMs milliseconds. */
  maxJitterMs: number
  salt: number
}

export async function killRepeatedly(s: Scenario, baseUrl: string) {
  const dataDir = tempDir('footprint-crash-')
  const r = rng(s.salt)
  const worker = lives(s.op, dataDir, baseUrl)
  const kills: KillRecord[] = []
  try {
    for (let i = 0; i < KILLS; i++) {
      const k = await worker.killOnce(r.int(1, s.maxSteps), r.int(0, s.maxJitterMs))
      kills.push({ afterSteps: k.afterSteps, lastStep: k.lastStep })
      const db = openRaw(dataDir)
      try {
        expect(databaseProblems(db), `${s.op}, kill ${i + 1} (seed ${SEED})`).toEqual([])
      } finally {
        db.close()
      }
    }
  } catch (e) {
    await worker.dispose()
    throw e
  }
  return { dataDir, kills, finish: () => worker.finish() }
}

/** After the finishing start: every invariant, including nothing left half-done. */
export async function expectSettled(dataDir: string): Promise<void> {
  const db = openRaw(dataDir)
  try {
    expect(databaseProblems(db)).toEqual([])
    expect(settledProblems(db)).toEqual([])
    expect(await evidenceProblems(db, dataDir)).toEqual([])
  } finally {
    db.close()
  }
}

/** Where the kills landed (the last step each worker reported), for the log. */
export function landed(op: string, kills: KillRecord[], extra = ''): string {
  const at = new Map<string, number>()
  for (const k of kills) {
    const step = k.lastStep.split(' ')[0] || 'start'
    at.set(step, (at.get(step) ?? 0) + 1)
  }
  const where = [...at].map(([step, n]) => `${step} ×${n}`).join(', ')
  return `[crash] ${op}: ${kills.length} SIGKILLs (seed ${SEED})${extra}; last step before each: ${where}`
}
