// Runs in: Vitest (Node). After a real poll against the fixture server, the rollups equal a recount
// and the poll's mentions already have their themes (the poller's new-mentions hook drains the queue
// and evaluates spikes; old items brought in by a first poll raise no alert).
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import { ctx, harness } from '../sources/poller-harness'
import { recount, rollupSnapshot } from './helpers'

let server: FixtureServer
beforeAll(async () => {
  server = await startFixtureServer()
})
afterAll(() => server.close())

it('keeps rollups and themes current through a poll, and raises no alert for old items', async () => {
  const h = await harness(server)
  const s = await h.addFeed('/feeds/21.xml')
  const [run] = await h.poll(s.id)
  expect(run.itemsNew).toBeGreaterThan(0)
  expect(h.count('theme_pending')).toBe(0)
  expect(h.count('mention_facts')).toBe(run.itemsNew)
  expect(rollupSnapshot(h.db)).toEqual(recount(h.store))
  expect(await h.service.call('trends.alerts', { schoolId: h.school.id }, ctx)).toEqual([])
  h.db.close()
})
