// Runs in: Vitest (Node). Crash safety of a poll: three feeds (two carrying the same words, so
// duplicates are linked) polled and analysed in one transaction per run, killed with SIGKILL at random
// points. Nothing is half-stored or stored twice, and the next start polls on from the saved state.
import { describe, expect, it } from 'vitest'
import { itemMatches } from './routes'
import { KILLS } from './harness'
import { openRaw } from './invariants'
import { crashServer, expectSettled, killRepeatedly, landed, SCENARIO_TIMEOUT_MS } from './scenario'

const fixture = crashServer()

describe(`crash safety: poll (${KILLS} SIGKILLs)`, () => {
  it(
    'a poll killed at random points loses nothing, stores nothing twice and resumes from its saved state',
    async () => {
      const { dataDir, kills, finish } = await killRepeatedly(
        { op: 'poll', maxSteps: 70, maxJitterMs: 8, salt: 1 },
        fixture.server().url,
      )
      fixture.routes().freeze()
      const done = await finish()
      expect(done.code).toBe(0)
      // The first run stores what the killed runs left; the second is answered 304 from the saved ETag.
      expect(done.result.first).toHaveLength(3)
      expect(done.result.second).toEqual(['not_modified', 'not_modified', 'not_modified'])
      await expectSettled(dataDir)
      const db = openRaw(dataDir)
      try {
        const has = db.prepare('SELECT count(*) AS n FROM mentions WHERE external_id = ?')
        for (const f of ['a', 'b', 'c']) {
          const v = fixture.routes().lastVersion(`/crash/feed/${f}.xml`)
          for (let k = v; k < v + 30; k++)
            if (itemMatches(k)) expect(has.get(`${f}-${k}`), `${f}-${k}`).toEqual({ n: 1 })
        }
      } finally {
        db.close()
      }
      console.log(landed('poll', kills))
    },
    SCENARIO_TIMEOUT_MS,
  )
})
