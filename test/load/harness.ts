// Runs in: Node (the load test and `npm run bench:load`). One install as the app builds it — the real
// service, poller, ingest and analysis — over a fresh data folder, with one school, a signed-in ORM lead
// and the bulk source (test/load/bulk-source.ts) behind the local fixture server.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createStore, openDataDir } from '../../src-main/store'
import { createService, type CallContext } from '../../src-main/services'
import type { PollerOptions } from '../../src-main/sources/poller'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import { bulkConnector, serveBulk } from './bulk-source'

export type Polling = Omit<PollerOptions, 'store' | 'events' | 'version'>
// As test/helpers/service.ts has it (that file pulls in Vitest, and the bench runs without it).
const SCHOOL = {
  name: "St Aldhelm's C of E Primary School",
  urn: '990417',
  town: 'Hollinbury',
  localAuthority: 'Westmarch Council',
  postcode: 'hb4 2qt',
  aliases: ["Aldhelm's"],
  staff: [{ title: 'Mrs', name: 'Helen Okafor', role: 'Headteacher' }],
}
const SYSTEM: CallContext = { actor: 'load-test' }
const PASSWORD = 'correct horse battery'

export async function loadInstall(opts: { count: number; polling?: Polling }) {
  const server: FixtureServer = await startFixtureServer()
  let count = opts.count
  const bulk = serveBulk(server, '/bulk', () => count)
  const dataDir = mkdtempSync(join(tmpdir(), 'footprint-load-'))
  const db = openDataDir(dataDir)
  const store = createStore(db)
  const logs: string[] = []
  const service = createService(
    {
      store,
      mode: 'browser',
      dataDir,
      version: '0.0.0-load',
      polling: { connectors: { feed: bulkConnector as never }, ...opts.polling },
    },
    (l) => logs.push(l),
  )
  bulk.warm()
  const school = await service.call('schools.create', SCHOOL, SYSTEM)
  const source = await service.call(
    'sources.create',
    {
      kind: 'feed',
      name: 'Bulk forum',
      config: { url: `${server.url}/bulk`, allowPrivateNetwork: true },
    },
    SYSTEM,
  )
  await service.call(
    'users.create',
    {
      displayName: 'Office',
      email: 'orm@school.example',
      role: 'orm_lead',
      password: PASSWORD,
      schoolIds: [],
    },
    SYSTEM,
  )
  const user: CallContext = { actor: 'window', session: 'load-session' }
  await service.call('auth.signIn', { email: 'orm@school.example', password: PASSWORD }, user)

  /** What the screens ask while the poll runs: the inbox's first page and the Today summary, in turn. */
  let calls = 0
  const uiCall = async () => {
    if (calls++ % 2 === 0)
      await service.call('inbox.list', { schoolId: school.id, limit: 50 }, user)
    else await service.call('today.summary', { schoolId: school.id }, user)
  }
  const count1 = (sql: string, ...args: unknown[]) =>
    (db.prepare(sql).get(...args) as { n: number }).n

  return {
    server,
    dataDir,
    db,
    store,
    service,
    logs,
    school,
    source,
    user,
    uiCall,
    count1,
    /** How many items the source delivers from now on (pages are made at once, unmeasured). */
    setCount(n: number) {
      count = n
      bulk.warm()
    },
    async close() {
      await service.poller.dispose()
      db.close()
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
