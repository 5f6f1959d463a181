// Runs in: Vitest (Node). Crash safety of an analysis batch: one poll brings hundreds of new mentions,
// analysed in worker threads and written with their verdicts in bounded transactions, then the theme
// indexer drains its queue; the worker is killed with SIGKILL at random moments (by time from "ready":
// verdicts made in threads print nothing). No mention is ever kept without its verdict, facts and
// rollups agree with a recount, and the next start stores, analyses and indexes the rest.
import { describe, expect, it } from 'vitest'
import { itemMatches } from './routes'
import { KILLS } from './harness'
import { openRaw } from './invariants'
import { crashServer, expectSettled, killRepeatedly, landed, SCENARIO_TIMEOUT_MS } from './scenario'

const fixture = crashServer()

describe(`crash safety: analysis batch (${KILLS} SIGKILLs)`, () => {
  it(
    'an analysis batch killed mid-way keeps no mention without its verdict, and the next start analyses the rest',
    async () => {
      const { dataDir, kills, finish } = await killRepeatedly(
        { op: 'analysis', maxSteps: 260, maxJitterMs: 8, salt: 2 },
        fixture.server().url,
      )
      fixture.routes().freeze()
      const done = await finish()
      expect(done.code).toBe(0)
      await expectSettled(dataDir)
      const db = openRaw(dataDir)
      try {
        // The theme indexer, the batch after the analysis, has caught up as well.
        expect(db.prepare('SELECT count(*) AS n FROM theme_pending').get()).toEqual({ n: 0 })
        // Every item the feed now shows is stored once, with its verdict (checked for all above).
        const has = db.prepare('SELECT count(*) AS n FROM mentions WHERE external_id = ?')
        const v = fixture.routes().lastVersion('/crash/feed/z.xml')
        let expected = 0
        for (let k = v; k < v + 300; k++)
          if (itemMatches(k)) {
            expected++
            expect(has.get(`z-${k}`), `z-${k}`).toEqual({ n: 1 })
          }
        expect(expected).toBeGreaterThan(200)
      } finally {
        db.close()
      }
      console.log(landed('analysis', kills))
    },
    SCENARIO_TIMEOUT_MS,
  )
})
