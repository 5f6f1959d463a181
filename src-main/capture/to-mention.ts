// Runs in: main process and CLI (Node). A capture becomes a mention through the very path polled
// items take (sources/ingest.ts): matched, deduplicated against what other sources already hold,
// stored in one transaction with its run row, and analysed. The "connector" here fetches nothing:
// it hands over the one item the capture produced. The user chose the school, so a screenshot that
// never names it (a parents' chat saying "the head") is still kept for that school, unmatched.
import type { School } from '../contract'
import type { Store } from '../store'
import type { Connector } from '../sources/connector'
import type { PoliteHttp } from '../sources/http'
import { ingestSource, type AnalyzeFn } from '../sources/ingest'
import { createSchoolMatching, type SchoolMatching } from '../sources/school-matching'
import type { FetchedItem } from '../sources/types'

export const MANUAL_SOURCE_NAME = 'Manual captures'
/** Stored as the interval only because the column needs one: the poller skips manual sources. */
export const MANUAL_SOURCE_INTERVAL = 10080

/** Longest mention text kept from a page's visible text; the full text is in the evidence. */
export const MAX_MENTION_TEXT = 20_000

export function mentionText(text: string, max = MAX_MENTION_TEXT): string {
  const clean = text
    .replace(/[ \t\f\v]+/g, ' ')
    .replace(/ *\n[ \n]*/g, (m) => (m.split('\n').length > 2 ? '\n\n' : '\n'))
    .trim()
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`
}

export interface ToMentionDeps {
  store: Store
  now: () => Date
  analyze?: AnalyzeFn
  log?: (msg: string) => void
}

function oneItemConnector(item: FetchedItem): Connector<unknown> {
  return {
    kind: 'manual',
    configSchema: { safeParse: () => ({ success: true, data: {} }) } as never,
    defaultIntervalMinutes: MANUAL_SOURCE_INTERVAL,
    fetch: async () => ({ items: [item], state: {}, notModified: false }),
  }
}

/** Falls back to the chosen school when the text does not name it. */
function chosenSchoolMatching(store: Store, school: School): SchoolMatching {
  const real = createSchoolMatching(() => store.schools.list())
  return {
    forSource(sourceSchoolId) {
      const match = real.forSource(sourceSchoolId)
      return (item) => match(item) ?? { school, alias: '' }
    },
    schools: () => real.schools(),
  }
}

export interface StoredMention {
  mentionId: number
  duplicateOf: number | null
}

/**
 * Stores the item as a mention of `school` in `sourceId` (a manual source). Throws with the run's
 * own error when ingest refused it: nothing of it was stored then.
 */
export async function storeCaptureMention(
  deps: ToMentionDeps,
  sourceId: number,
  school: School,
  item: FetchedItem,
): Promise<StoredMention> {
  const outcome = await ingestSource(
    {
      store: deps.store,
      connectors: { manual: oneItemConnector(item) },
      // Never called to fetch: the capture has already been made.
      http: () => ({}) as PoliteHttp,
      now: deps.now,
      matching: chosenSchoolMatching(deps.store, school),
      analyze: deps.analyze,
      log: deps.log,
    },
    sourceId,
  )
  if (!outcome || outcome.run.status === 'error')
    throw new Error(outcome?.run.error ?? 'the manual source no longer exists')
  const mentionId = deps.store.mentions.idOf(sourceId, item.externalId)
  if (mentionId === undefined) throw new Error('the capture was not stored as a mention')
  return { mentionId, duplicateOf: deps.store.mentions.get(mentionId)?.duplicateOf ?? null }
}
