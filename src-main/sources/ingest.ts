// Runs in: main process and CLI (Node). One run of one source: fetch with the persisted state, then
// match, dedup and store — the new mentions, the updates, the run row, the new state and the health
// columns all in ONE transaction, so a run either lands whole or not at all. A failed run records
// its specific error and leaves the state alone: nothing stored before is lost or duplicated.
import type { FetchRun, School } from '../contract'
import type { Store } from '../store'
import type { AnalysisRow } from '../store/repos/analyses'
import type { ConnectorResult } from './connector'
import type { PoliteHttp } from './http'
import type { ConnectorRegistry } from './registry'
import type { SchoolMatching } from './school-matching'
import type { Credentials } from './credentials'
import { SourceError } from './errors'
import { connectorContext } from './run-context'
import { createDeduper, prepareItems, type Candidate, type PreparedCache } from './prepare'

/** The analysis engine's verdict on one new mention, written beside it in the same transaction. */
export type AnalyzeFn = (text: string, school: School) => AnalysisRow

export interface IngestDeps {
  store: Store
  connectors: ConnectorRegistry
  http: () => PoliteHttp
  now: () => Date
  matching: SchoolMatching
  analyze?: AnalyzeFn
  signal?: AbortSignal
  log?: (msg: string) => void
  /** Shingles of recent mentions, reused across runs (owned by the poller). */
  dedupCache?: PreparedCache
  /** The secrets store; each run sees it scoped to its source. */
  credentials?: Credentials
}

export interface RunOutcome {
  run: FetchRun
  /** New (non-duplicate) mentions per school id: who should hear "mentions.changed". */
  newBySchool: Map<number, number>
  /** The first copies stored by this run: what the notifier looks at. */
  newIds: number[]
  updated: number
  /** The server asked us to wait this long (429/503 Retry-After, a lagged wiki) before asking again. */
  retryAfterMs?: number
}

/** Why the config cannot be used, in words for the Sources screen. */
export function configError(kind: string, e: unknown): string {
  const issue = (e as { issues?: { path: PropertyKey[]; message: string }[] }).issues?.[0]
  return issue
    ? `invalid ${kind} settings: ${issue.path.map(String).join('.') || 'config'}: ${issue.message}`
    : `invalid ${kind} settings`
}

/** Runs source `sourceId` once. Null when it no longer exists or the poller was stopped mid-run. */
export async function ingestSource(deps: IngestDeps, sourceId: number): Promise<RunOutcome | null> {
  const { store, now } = deps
  const source = store.sources.getRecord(sourceId)
  if (!source) return null
  const startedAt = now().toISOString()

  const fail = (
    error: string,
    httpStatus: number | null = null,
    retryAfterMs?: number,
  ): RunOutcome => {
    const at = now().toISOString()
    const run = store.tx(() => {
      store.sources.recordHealth(sourceId, { ok: false, at, error })
      return store.runs.insert({
        sourceId,
        startedAt,
        finishedAt: at,
        status: 'error',
        httpStatus,
        itemsFound: 0,
        itemsNew: 0,
        error,
      })
    })
    return { run, newBySchool: new Map(), newIds: [], updated: 0, retryAfterMs }
  }

  const connector = deps.connectors[source.kind]
  if (!connector) return fail(`no connector for ${source.kind} sources in this version`)
  const config = connector.configSchema.safeParse(source.config)
  if (!config.success) return fail(configError(source.kind, config.error))

  let result: ConnectorResult
  try {
    result = await connector.fetch(
      config.data,
      source.state,
      connectorContext(deps, { id: sourceId, schoolId: source.schoolId }),
    )
  } catch (e) {
    if (deps.signal?.aborted) return null // stopped, not failed: the next run starts from the same state
    if (e instanceof SourceError) return fail(e.message, e.status ?? null, e.retryAfterMs)
    deps.log?.(`[poller] source ${sourceId} failed: ${(e as Error)?.stack ?? String(e)}`)
    return fail(`unexpected error: ${(e as Error)?.message ?? String(e)}`)
  }

  // Pure work (matching, fingerprints) before the transaction keeps the write lock short.
  const { kept } = prepareItems(result.items, deps.matching, source)
  try {
    return store.tx(() => storeRun(deps, sourceId, startedAt, result, kept))
  } catch (e) {
    // The transaction rolled back: nothing of this run was kept, and nothing before it was touched.
    deps.log?.(`[poller] storing source ${sourceId} failed: ${(e as Error)?.stack ?? String(e)}`)
    return fail(`could not store the items: ${(e as Error)?.message ?? String(e)}`)
  }
}

/** Inside the run's transaction. */
function storeRun(
  deps: IngestDeps,
  sourceId: number,
  startedAt: string,
  result: ConnectorResult,
  kept: Candidate[],
): RunOutcome {
  const { store } = deps
  const at = deps.now().toISOString()
  const dedup = createDeduper(store, sourceId, deps.dedupCache)
  const newBySchool = new Map<number, number>()
  const newIds: number[] = []
  let itemsNew = 0
  for (const c of kept) {
    if (store.mentions.idOf(sourceId, c.item.externalId) !== undefined) continue
    const duplicateOf = dedup.duplicateOf(c)
    const id = store.mentions.insert(
      {
        sourceId,
        schoolId: c.match.school.id,
        externalId: c.item.externalId,
        url: c.item.url,
        canonicalUrl: c.canonicalUrl,
        title: c.item.title,
        author: c.item.author,
        authorUrl: c.item.authorUrl ?? null,
        publishedAt: c.item.publishedAt,
        text: c.item.text,
        raw: c.item.raw,
        meta: c.item.meta ?? {},
        matchedAlias: c.match.alias,
        contentHash: c.contentHash,
        duplicateOf,
      },
      at,
    )
    if (id === null) continue
    if (duplicateOf === null) {
      itemsNew++
      newIds.push(id)
      newBySchool.set(c.match.school.id, (newBySchool.get(c.match.school.id) ?? 0) + 1)
    }
    if (deps.analyze) analyzeInto(deps, id, c, at)
  }
  let updated = 0
  for (const u of result.updates ?? []) {
    const changed = store.mentions.updateItem(
      {
        sourceId,
        externalId: u.externalId,
        url: u.url,
        title: u.title,
        text: u.text,
        author: u.author,
        meta: u.meta ?? {},
        raw: u.raw,
      },
      at,
    )
    if (changed) updated++
  }
  store.sources.recordHealth(sourceId, { ok: true, at, state: result.state, itemsNew })
  const run = store.runs.insert({
    sourceId,
    startedAt,
    finishedAt: at,
    status: result.notModified ? 'not_modified' : 'ok',
    httpStatus: result.notModified ? 304 : null,
    itemsFound: result.items.length,
    itemsNew,
    error: null,
  })
  return { run, newBySchool, newIds, updated }
}

/** A failing analysis must not cost the mention: it is stored unanalysed and can be analysed later. */
function analyzeInto(deps: IngestDeps, mentionId: number, c: Candidate, at: string): void {
  let verdict: AnalysisRow
  try {
    const text = c.item.title ? `${c.item.title}\n${c.item.text}` : c.item.text
    verdict = deps.analyze!(text, c.match.school)
  } catch (e) {
    deps.log?.(`[poller] analysis of mention ${mentionId} failed: ${(e as Error)?.message ?? e}`)
    return
  }
  deps.store.analyses.put(mentionId, verdict, at)
}
