// Runs in: Vitest (Node). Crash safety of the reply workflow: drafts written, submitted, approved by
// the head, queued and posted to a "platform" on the fixture server, the worker killed with SIGKILL at
// random points. Every decision is whole or absent with its audit event; a post cut off between the
// platform and our record is flagged on the next start (never silently lost, never re-posted blindly),
// and the next start takes every reply the rest of the way.
import { describe, expect, it } from 'vitest'
import { KILLS } from './harness'
import { crashServer, expectSettled, killRepeatedly, landed, SCENARIO_TIMEOUT_MS } from './scenario'

const fixture = crashServer()

describe(`crash safety: approval (${KILLS} SIGKILLs)`, () => {
  it(
    'an approval killed at any step is whole or absent, and a post cut off is flagged, never lost',
    async () => {
      const { dataDir, kills, finish } = await killRepeatedly(
        { op: 'approval', maxSteps: 40, maxJitterMs: 8, salt: 3 },
        fixture.server().url,
      )
      const done = await finish()
      expect(done.code).toBe(0)
      // Every reply reached the platform and was recorded as posted.
      expect(Object.keys(done.result.statuses as object)).toEqual(['posted'])
      await expectSettled(dataDir)
      // A reply the platform never got was posted once; only one cut off mid-post can be posted twice.
      const twice = [...fixture.routes().posts.values()].filter((n) => n > 1).length
      expect(twice).toBeLessThanOrEqual(done.result.interrupted as number)
      console.log(
        landed('approval', kills, `, ${String(done.result.interrupted)} posts cut off and flagged`),
      )
    },
    SCENARIO_TIMEOUT_MS,
  )
})
