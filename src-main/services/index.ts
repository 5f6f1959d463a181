// Runs in: main process and CLI (Node). The service: one handler per contract operation. Electron IPC,
// the browser-mode server and the CLI all call `dispatch`, so validation and errors are the same everywhere.
import {
  contract,
  fromZodError,
  isOpName,
  OP_ACCESS,
  ServiceError,
  type ApiErrorShape,
  type OpName,
  type OpOutput,
  type OpParsed,
  type Result,
} from '../contract'
import { schoolAnalyzer } from './analysis'
import { createAnalysisPool } from '../analysis/worker-pool'
import { AppEvents, type Caller, type CallContext, type ServiceDeps } from './context'
import { actorOf, demand, Sessions, type Principal } from '../workflow/auth'
import { authHandlers } from './auth'
import { workflowHandlers } from './workflow'
import { incidentHandlers } from './incidents'
import { reportHandlers } from './reports'
import { notificationHandlers } from './notifications'
import { auditHandlers } from './audit'
import { appHandlers } from './app'
import { schoolHandlers } from './schools'
import { userHandlers } from './users'
import { sourceHandlers } from './sources'
import { mentionHandlers } from './mentions'
import { captureHandlers, evidenceJobFor } from './capture'
import { exportHandlers } from './exports'
import { secretsHandlers, secretStoreFor } from './secrets'
import type { SecretStore } from '../secrets'
import { analysisOverrideHandlers } from './analysis-overrides'
import { createPoller, realClock, type Poller } from '../sources/poller'
import { connectorPoster, createPostQueue, type PostQueue } from '../workflow/posting'
import { postKey } from '../workflow/notify'
import { createNotifier, type Notifier } from '../workflow/notify/notifier'
import { digestHooks } from './workflow/digest'
import { trendsHandlers } from './trends'
import { createSpikeWatch } from '../trends/spikes'
import { drainThemes } from '../trends/themes'
import type { EvidenceJob } from '../capture/auto'
import { backupHandlers } from './backup'
import { createBackups, type Backups } from '../backup'
import { recoverAtStart } from '../capture/recover'

export type Handlers = {
  [K in OpName]: (input: OpParsed<K>, ctx: Caller) => OpOutput<K> | Promise<OpOutput<K>>
}

export interface Service {
  handlers: Handlers
  events: AppEvents
  /** The polling engine. Created idle: only the app, `serve` and `poll` start it. */
  poller: Poller
  /** The secrets store: connectors read their credentials from it (it implements Credentials). */
  secrets: SecretStore
  /** Who is signed in on which window or tab. */
  sessions: Sessions
  /** Approved replies waiting out their undo window. Created idle, like the poller. */
  postQueue: PostQueue
  /** Announces urgent mentions (instantly, or after quiet hours) and other features' news. */
  notifier: Notifier
  /** Background jobs besides polling (posting): the app and `serve` start them; tests drive them. */
  jobs: { start(): void; dispose(): Promise<void> }
  /** Captures urgent mentions' pages as evidence as they arrive (one of the jobs). */
  evidenceJob: EvidenceJob
  /** Backups and restore; its scheduler is created idle: the app and `serve` start it. */
  backups: Backups
  dispatch(name: string, input: unknown, ctx: CallContext): Promise<Result<unknown>>
  call<K extends OpName>(name: K, input: unknown, ctx: CallContext): Promise<OpOutput<K>>
}

export function createService(
  deps: ServiceDeps,
  log: (msg: string) => void = console.error,
): Service {
  // Whatever a killed process left half-done is settled before anything else reads the store.
  recoverAtStart(deps, log)
  const events = new AppEvents()
  const secrets = secretStoreFor(deps)
  const jobClock = deps.posting?.clock ?? deps.polling?.clock ?? realClock
  const notifier = createNotifier({
    store: deps.store,
    events,
    log,
    clock: jobClock,
    now: deps.now,
    desktop: deps.desktop,
  })
  // Evidence of urgent items is captured as they arrive; created idle, started with the other jobs.
  const evidenceJob = evidenceJobFor(deps, events, jobClock, log)
  // Spike alerts and themes follow each poll's new mentions (src-main/trends).
  const spikes = createSpikeWatch({
    store: deps.store,
    notifier,
    now: deps.now ?? (() => new Date(jobClock.now())),
    log,
  })
  const poller = createPoller({
    store: deps.store,
    events,
    version: deps.version,
    log,
    credentials: secrets,
    onNewMentions: (ids) => {
      notifier.mentionsAdded(ids)
      evidenceJob.mentionsAdded(ids)
      try {
        drainThemes(deps.store)
      } catch (e) {
        // Themes catch up on the next poll or when they are read: never the poller's problem.
        log(`[themes] indexing failed: ${(e as Error)?.message ?? e}`)
      }
      spikes.evaluate(ids)
    },
    ...deps.polling,
    // Tests may pass their own (or none, with analyze: undefined); the app always analyses.
    analyze: deps.polling && 'analyze' in deps.polling ? deps.polling.analyze : schoolAnalyzer(),
    // Large runs are analysed in worker threads, so the screens stay responsive; a test that brings
    // its own analyze (or pool) gets exactly that.
    analysisPool:
      deps.polling && ('analyze' in deps.polling || 'analysisPool' in deps.polling)
        ? deps.polling.analysisPool
        : createAnalysisPool({ log }),
  })
  const sessions = new Sessions(deps.now)
  const backups = createBackups({
    store: deps.store,
    dataDir: deps.dataDir,
    version: deps.version,
    now: deps.now ?? (() => new Date(jobClock.now())),
    clock: jobClock,
    log,
  })
  const postQueue = createPostQueue({
    store: deps.store,
    events,
    clock: jobClock,
    post:
      deps.posting?.post ?? connectorPoster(() => ({ http: poller.http(), credentials: secrets })),
    log,
    onFailed: (draftId, schoolId, message) =>
      notifier.notify('post_failed', schoolId, {
        dedupeKey: postKey(draftId),
        title: 'A reply could not be posted',
        body: message,
        draftId,
      }),
  })
  const handlers = {
    ...appHandlers(deps),
    ...authHandlers(deps, events, sessions),
    ...schoolHandlers(deps, events, sessions),
    ...userHandlers(deps, events, sessions),
    ...workflowHandlers(deps, events, postQueue),
    ...incidentHandlers(deps, events),
    // dispatch, not the handlers: trends and incidents are read as the caller, with their checks.
    ...reportHandlers(deps, (n, i, c) => dispatch(n, i, c)),
    ...notificationHandlers({ ...deps, digest: deps.digest ?? digestHooks(deps) }, events),
    ...auditHandlers(deps),
    ...sourceHandlers(deps, events, poller),
    ...mentionHandlers(deps, events),
    ...captureHandlers(deps, events),
    ...exportHandlers(deps, events),
    ...secretsHandlers(secrets, events),
    ...analysisOverrideHandlers(deps, events),
    ...trendsHandlers(deps, events, spikes),
    ...backupHandlers(deps, events, sessions, backups),
  } satisfies Handlers

  async function dispatch(
    name: string,
    input: unknown,
    ctx: CallContext,
  ): Promise<Result<unknown>> {
    if (!isOpName(name))
      return { ok: false, error: { code: 'not_found', message: `Unknown operation "${name}"` } }
    try {
      const principal = principalOf(ctx)
      const access = OP_ACCESS[name]
      // Checked before the input is even parsed: a refused caller learns nothing about the operation.
      if (access !== 'public') {
        if (principal.kind === 'anonymous')
          throw new ServiceError('unauthorized', 'Sign in to use Footprint.')
        if (access !== 'signed_in') demand(principal, access)
      }
      const parsed = contract[name].input.safeParse(input)
      if (!parsed.success) return { ok: false, error: fromZodError(parsed.error) }
      const handler = handlers[name] as (i: unknown, c: Caller) => unknown
      const caller: Caller = { ...ctx, actor: actorOf(principal), principal }
      return { ok: true, data: await handler(parsed.data, caller) }
    } catch (e) {
      return { ok: false, error: toApiError(e, name, log) }
    }
  }

  /** A call with a session acts as whoever signed in there (or nobody); without one, as the system. */
  function principalOf(ctx: CallContext): Principal {
    if (ctx.session === undefined) return { kind: 'system', name: ctx.actor }
    const userId = sessions.userOf(ctx.session)
    const user = userId === null ? undefined : deps.store.users.get(userId)
    if (!user) return { kind: 'anonymous' }
    return { kind: 'user', user }
  }

  return {
    handlers,
    events,
    poller,
    secrets,
    sessions,
    postQueue,
    notifier,
    evidenceJob,
    backups,
    jobs: {
      start: () => {
        postQueue.start()
        notifier.start()
        evidenceJob.start()
      },
      dispose: async () => {
        notifier.dispose()
        await postQueue.dispose()
        await evidenceJob.dispose()
      },
    },
    dispatch,
    async call(name, input, ctx) {
      const r = await dispatch(name, input, ctx)
      if (!r.ok) throw new ServiceError(r.error.code, r.error.message, r.error.field)
      return r.data as never
    },
  }
}

function toApiError(e: unknown, op: string, log: (msg: string) => void): ApiErrorShape {
  if (e instanceof ServiceError)
    return { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) }
  // Unexpected: log the detail for the developer, give the user a message without internals.
  log(`[service] ${op} failed: ${(e as Error)?.stack ?? String(e)}`)
  return {
    code: 'internal',
    message: `Something went wrong while running ${op}. The details are in the log.`,
  }
}

export { AppEvents } from './context'
export type { CallContext, Caller, ServiceDeps } from './context'
