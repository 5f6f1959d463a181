// Runs in: Vitest (Node). A service for workflow tests: one fake clock for the handlers, sessions and the
// post queue (time moves only when the test moves it), a school with a complete profile, sources of any
// kind, mentions with a known verdict, and users signed in on their own sessions.
import { openDataDir, createStore } from '../../src-main/store'
import { createService, type CallContext } from '../../src-main/services'
import type { Role, SourceKind } from '../../src-main/contract'
import type { AnalysisRow } from '../../src-main/store/repos/analyses'
import type { Poster } from '../../src-main/workflow/posting'
import { createFakeClock } from '../sources/fake-clock'
import { SCHOOL } from './service'
import { tempDir } from './tmp'

export const PASSWORD = 'correct horse battery'
export const SYSTEM: CallContext = { actor: 'test' }

/** Every field the reply templates fill, so generated drafts have no gaps. */
export const FULL_SCHOOL = {
  ...SCHOOL,
  phone: '01632 960123',
  email: 'office@st-aldhelms.sch.uk',
  website: 'https://www.st-aldhelms.sch.uk',
  headName: 'Mrs Helen Okafor',
}
export const COMPLAINTS_URL = 'https://www.st-aldhelms.sch.uk/complaints'

const SOURCE_CONFIG: Partial<Record<SourceKind, Record<string, unknown>>> = {
  feed: { url: 'https://gazette.example/rss' },
  google_business: { accountId: '1234567890', locationId: '9876543210' },
  facebook: { pageId: '1122334455' },
}

export async function workflowFixture(opts: { start?: string; post?: Poster } = {}) {
  const clock = createFakeClock(Date.parse(opts.start ?? '2026-11-23T09:00:00.000Z'))
  const now = () => new Date(clock.now())
  const dataDir = tempDir()
  const db = openDataDir(dataDir)
  const store = createStore(db)
  const logs: string[] = []
  const service = createService(
    {
      store,
      mode: 'browser',
      dataDir,
      version: '0.0.0-test',
      now,
      posting: { clock, post: opts.post },
    },
    (l) => logs.push(l),
  )
  const school = await service.call('schools.create', FULL_SCHOOL, SYSTEM)
  await service.call(
    'workflow.updateSettings',
    {
      schoolId: school.id,
      settings: {
        complaintsUrl: COMPLAINTS_URL,
        calendar: {
          timeZone: 'Europe/London',
          workingHours: { start: '08:00', end: '17:00' },
          closures: [],
        },
      },
    },
    SYSTEM,
  )

  let sources = 0
  function source(kind: SourceKind = 'feed', name = `${kind} ${++sources}`) {
    return store.sources.create(
      { kind, name, schoolId: school.id, intervalMinutes: 60, config: SOURCE_CONFIG[kind] ?? {} },
      now().toISOString(),
    )
  }

  let mentions = 0
  /** A mention stored as ingest stores it, first seen now, with the verdict given (null: unanalysed). */
  function mention(
    text: string,
    verdict: Partial<AnalysisRow> | null = {},
    o: { sourceId?: number; title?: string | null; url?: string | null } = {},
  ): number {
    mentions++
    const at = now().toISOString()
    const id = store.mentions.insert(
      {
        sourceId: o.sourceId ?? defaultSource().id,
        schoolId: school.id,
        externalId: `item-${mentions}`,
        url: o.url === undefined ? `https://example.net/post/${mentions}` : o.url,
        canonicalUrl: null,
        title: o.title ?? null,
        author: 'A parent',
        authorUrl: null,
        publishedAt: null,
        text,
        raw: null,
        meta: {},
        matchedAlias: "St Aldhelm's",
        contentHash: `hash-${mentions}`,
        duplicateOf: null,
      },
      at,
    )!
    if (verdict)
      store.analyses.put(
        id,
        {
          engine: 'builtin',
          engineVersion: 'test',
          sentiment: { label: 'neutral', score: 0 },
          flags: [],
          priority: 'normal',
          owner: 'orm_lead',
          evidence: [],
          ...verdict,
        },
        at,
      )
    return id
  }
  let feed: ReturnType<typeof source> | undefined
  const defaultSource = () => (feed ??= source('feed', 'Hollinbury Gazette'))

  let users = 0
  /** Creates a user with this role and signs them in on a session of their own. */
  async function signIn(
    role: Role,
    o: { name?: string; schoolIds?: number[] } = {},
  ): Promise<CallContext & { userId: number; email: string }> {
    users++
    const email = `${role}${users}@school.example`
    const user = await service.call(
      'users.create',
      {
        displayName: o.name ?? `${role} ${users}`,
        email,
        role,
        password: PASSWORD,
        schoolIds: o.schoolIds ?? [],
      },
      SYSTEM,
    )
    const ctx = { actor: 'window', session: `session-${users}` }
    await service.call('auth.signIn', { email, password: PASSWORD }, ctx)
    return { ...ctx, userId: user.id, email }
  }

  return { clock, now, dataDir, db, store, service, logs, school, source, mention, signIn }
}

export type WorkflowFixture = Awaited<ReturnType<typeof workflowFixture>>

/** The audit events, oldest first, as plain rows. */
export function auditRows(f: Pick<WorkflowFixture, 'db'>) {
  return f.db
    .prepare(
      'SELECT id, actor, action, entity, entity_id, detail_json FROM audit_events ORDER BY id',
    )
    .all() as {
    id: number
    actor: string
    action: string
    entity: string
    entity_id: string | null
    detail_json: string
  }[]
}
