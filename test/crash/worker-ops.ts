// Runs in: the crash worker (Node, through tsx). The operations the crash tests kill in the middle:
// a poll of several feeds (two carrying the same words, so duplicates are linked), an analysis batch
// (one large feed, every new mention analysed in the run's transaction, then the theme indexer), and
// a reply's way from draft through approval to posting. Each setup is idempotent: it runs on every
// start, after a kill too. Evidence capture is in worker-capture.ts.
import type { Store } from '../../src-main/store'
import type { Service, CallContext } from '../../src-main/services'
import type { AnalyzeFn } from '../../src-main/sources/ingest'
import type { DraftRow } from '../../src-main/store/repos/drafts'
import { INTERRUPTED_POST } from '../../src-main/store/repos/recovery'
import { SCHOOL as BASE_SCHOOL } from '../helpers/school'
export { captureOp } from './worker-capture'

export interface OpContext {
  store: Store
  service: Service
  dataDir: string
  baseUrl: string
  now: () => Date
  progress: (what: string) => void
  analyze: AnalyzeFn
}

export interface Op {
  setup(ctx: OpContext): Promise<void>
  /** One round of the operation; called for ever until the process is killed. */
  cycle(ctx: OpContext): Promise<void>
  /** The work left over, done once; answers what the test checks about resumption. */
  finish(ctx: OpContext): Promise<unknown>
}

export const SYSTEM: CallContext = { actor: 'crash-test' }
export const PASSWORD = 'correct horse battery'

// The tests' usual school, with the contact details the approval flow's drafts fill in.
export const SCHOOL = {
  ...BASE_SCHOOL,
  phone: '01632 960123',
  email: 'office@st-aldhelms.sch.uk',
  website: 'https://www.st-aldhelms.sch.uk',
  headName: 'Mrs Helen Okafor',
}

export async function ensureSchool({ store, service }: OpContext): Promise<number> {
  const first = store.schools.list()[0]
  return first ? first.id : (await service.call('schools.create', SCHOOL, SYSTEM)).id
}

/**
 * `tick`: also a step every 10 ms of the run. Verdicts made in worker threads print nothing, so a kill
 * in a large run lands after a random delay from "ready" rather than after a random verdict.
 */
export function pollOp(o: { feeds: string[]; items: number; step: number; tick?: boolean }): Op {
  return {
    async setup(ctx) {
      await ensureSchool(ctx)
      const have = new Set((await ctx.service.call('sources.list', {}, SYSTEM)).map((s) => s.name))
      for (const f of o.feeds) {
        if (have.has(`Feed ${f}`)) continue
        await ctx.service.call(
          'sources.create',
          {
            kind: 'feed',
            name: `Feed ${f}`,
            config: {
              url: `${ctx.baseUrl}/crash/feed/${f}.xml?items=${o.items}&step=${o.step}`,
              allowPrivateNetwork: true,
            },
          },
          SYSTEM,
        )
      }
      ctx.service.poller.onRun((run) => ctx.progress(`run ${run.sourceId} ${run.status}`))
      if (o.tick) setInterval(() => ctx.progress('tick'), 10).unref()
    },
    async cycle(ctx) {
      ctx.progress('poll')
      await ctx.service.poller.pollNow()
    },
    async finish(ctx) {
      // Twice: the first run stores what the killed ones did not; the second proves the saved
      // state (the feed's ETag) is used, so the server answers 304.
      const first = await ctx.service.poller.pollNow()
      const second = await ctx.service.poller.pollNow()
      // Themes are indexed after each poll's new mentions, or when someone looks: a kill after a
      // run's last commit leaves the queue for the next look, as here.
      const schoolId = ctx.store.schools.list()[0].id
      await ctx.service.call(
        'trends.themes',
        { schoolId, from: '2025-01-01', to: '2027-12-31' },
        SYSTEM,
      )
      return { first: first.map((r) => r.status), second: second.map((r) => r.status) }
    },
  }
}

const CLEAN =
  'Thank you for getting in touch, and we are sorry you are unhappy. Please contact the office ' +
  'privately on 01632 960123 so we can talk it through.\nMrs Okafor, Headteacher'

interface People {
  lead: CallContext
  head: CallContext
}

async function signIn(service: Service, email: string, session: string): Promise<CallContext> {
  const ctx = { actor: 'window', session }
  await service.call('auth.signIn', { email, password: PASSWORD }, ctx)
  return ctx
}

let people: People | null = null

function unfinished(store: Store): DraftRow[] {
  return store.db
    .prepare("SELECT * FROM drafts WHERE status != 'posted' ORDER BY id")
    .all() as DraftRow[]
}

/** Takes a draft one step further along draft → submitted → approved → queued, as its users would. */
async function advance(ctx: OpContext, d: DraftRow): Promise<void> {
  const { service } = ctx
  const { lead, head } = people!
  if (d.status === 'draft' || d.status === 'sent_back') {
    await service.call('drafts.submit', { id: d.id, version: d.version }, lead)
    ctx.progress('submitted')
  } else if (d.status === 'submitted') {
    await service.call(
      'drafts.decide',
      { id: d.id, version: d.version, decision: 'approved' },
      head,
    )
    ctx.progress('approved')
  } else if (d.status === 'approved' && d.post_after === null) {
    // Never queued, or its posting was interrupted and recovery said so: the head checked the
    // platform and posts it (again).
    await service.call('drafts.post', { id: d.id }, head)
    ctx.progress('queued')
  }
}

export const approvalOp: Op = {
  async setup(ctx) {
    const schoolId = await ensureSchool(ctx)
    const { store, service } = ctx
    const users = await service.call('users.list', {}, SYSTEM)
    for (const [role, email] of [
      ['orm_lead', 'lead@school.example'],
      ['head', 'head@school.example'],
    ] as const) {
      if (users.some((u) => u.email === email)) continue
      await service.call(
        'users.create',
        { displayName: role, email, role, password: PASSWORD, schoolIds: [] },
        SYSTEM,
      )
    }
    if (!store.db.prepare("SELECT 1 FROM sources WHERE kind = 'facebook'").get())
      store.sources.create(
        {
          kind: 'facebook',
          name: 'Facebook page',
          schoolId,
          intervalMinutes: 60,
          config: { pageId: '1122334455' },
        },
        ctx.now().toISOString(),
      )
    people = {
      lead: await signIn(service, 'lead@school.example', 'lead-session'),
      head: await signIn(service, 'head@school.example', 'head-session'),
    }
  },
  async cycle(ctx) {
    const { store, service } = ctx
    for (const d of unfinished(store)) await advance(ctx, d)
    await service.postQueue.runDue()
    // A new complaint and a draft reply to it: the next cycles take it through approval.
    const source = store.db.prepare("SELECT id FROM sources WHERE kind = 'facebook'").get() as {
      id: number
    }
    const n = (store.db.prepare('SELECT count(*) AS n FROM mentions').get() as { n: number }).n
    const at = ctx.now().toISOString()
    const mentionId = store.tx(() => {
      const id = store.mentions.insert(
        {
          sourceId: source.id,
          schoolId: store.schools.list()[0].id,
          externalId: `comment-${n + 1}-${Date.now()}`,
          url: `https://facebook.example/post/${n + 1}`,
          canonicalUrl: null,
          title: null,
          author: 'A parent',
          authorUrl: null,
          publishedAt: null,
          text: `The queue at pick-up is chaos and nobody answers the phone (${n + 1}).`,
          raw: null,
          meta: {},
          matchedAlias: "St Aldhelm's",
          contentHash: `crash-${n + 1}-${Date.now()}`,
          duplicateOf: null,
        },
        at,
      )!
      store.analyses.put(id, ctx.analyze(`complaint ${n + 1}`, store.schools.list()[0]), at)
      return id
    })
    await service.call(
      'drafts.create',
      { mentionId, situation: 'complaint', body: CLEAN },
      people!.lead,
    )
    ctx.progress('drafted')
  },
  async finish(ctx) {
    for (let round = 0; round < 6 && unfinished(ctx.store).length > 0; round++) {
      for (const d of unfinished(ctx.store)) await advance(ctx, d)
      await ctx.service.postQueue.runDue()
    }
    const rows = ctx.store.db
      .prepare('SELECT status, count(*) AS n FROM drafts GROUP BY status')
      .all() as { status: string; n: number }[]
    const interrupted = ctx.store.db
      .prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'draft.post_interrupted'")
      .get() as { n: number }
    return {
      statuses: Object.fromEntries(rows.map((r) => [r.status, r.n])),
      interrupted: interrupted.n,
      interruptedText: INTERRUPTED_POST.slice(0, 30),
    }
  },
}
