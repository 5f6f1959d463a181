// Runs in: main process and CLI (Node). "Test" a source: fetch it afresh (no ETag, no saved state),
// match and dedup every item exactly as a run would, and say what would happen to each — while
// storing nothing at all, not even the connector state.
import { SourceInput, type SourceTestResult } from '../contract'
import type { Store } from '../store'
import type { ConnectorResult } from './connector'
import type { Credentials } from './credentials'
import { SourceError } from './errors'
import { connectorContext } from './run-context'
import type { PoliteHttp } from './http'
import { configError } from './ingest'
import { createDeduper, prepareItems } from './prepare'
import type { ConnectorRegistry } from './registry'
import type { SchoolMatching } from './school-matching'

export interface TestDeps {
  store: Store
  connectors: ConnectorRegistry
  http: () => PoliteHttp
  now: () => Date
  matching: SchoolMatching
  signal?: AbortSignal
  credentials?: Credentials
}

const failed = (error: string): SourceTestResult => ({ ok: false, error, itemsFound: 0, items: [] })

/** `sourceId`: an existing source being re-tested, so its own stored items show as already stored. */
export async function testSource(
  deps: TestDeps,
  input: SourceInput,
  sourceId?: number,
): Promise<SourceTestResult> {
  const source = SourceInput.parse(input)
  const connector = deps.connectors[source.kind]
  if (!connector) return failed(`no connector for ${source.kind} sources in this version`)
  const config = connector.configSchema.safeParse(source.config)
  if (!config.success) return failed(configError(source.kind, config.error))
  let result: ConnectorResult
  try {
    result = await connector.fetch(
      config.data,
      {},
      connectorContext(deps, { id: sourceId ?? null, schoolId: source.schoolId }),
    )
  } catch (e) {
    if (e instanceof SourceError) return failed(e.message)
    return failed(`unexpected error: ${(e as Error)?.message ?? String(e)}`)
  }
  const { kept } = prepareItems(result.items, deps.matching, source)
  const byId = new Map(kept.map((c) => [c.item.externalId, c]))
  // Reads only: the deduper compares with what other sources already stored.
  const dedup = createDeduper(deps.store, sourceId ?? -1)
  return {
    ok: true,
    error: null,
    itemsFound: result.items.length,
    items: result.items.map((item) => {
      const c = byId.get(item.externalId)
      const outcome = !c
        ? 'not_about_us'
        : sourceId !== undefined &&
            deps.store.mentions.idOf(sourceId, item.externalId) !== undefined
          ? 'already_stored'
          : dedup.duplicateOf(c) !== null
            ? 'duplicate'
            : 'new'
      return {
        title: item.title,
        url: item.url,
        publishedAt: item.publishedAt,
        outcome,
        schoolName: c?.match.school.name ?? null,
        matchedAlias: c?.match.alias ?? null,
      }
    }),
  }
}
