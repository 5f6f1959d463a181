// Runs in: main process and CLI (Node). What happens to every fetched item before storage, shared by
// a real run and by "test" (which stores nothing): canonical link, school match, content fingerprint,
// and the duplicate check against what the school already has from other sources.
import type { Store } from '../store'
import { canonicalUrl } from './canonical-url'
import { contentFingerprint, createDedupWindow, type Prepared } from './dedup'
import type { SchoolMatch, SchoolMatching } from './school-matching'
import type { FetchedItem } from './types'

export interface Candidate {
  item: FetchedItem
  match: SchoolMatch
  canonicalUrl: string | null
  contentHash: string
  /** The text the near-duplicate check compares: title and body, as both feeds carry both. */
  dedupText: string
}

/** How many of a school's latest first copies a new item is compared with. */
export const DEDUP_WINDOW = 300

/**
 * Shingles of stored mentions, kept by the poller between runs: every run compares with the same
 * few hundred recent mentions, and preparing them again each time was most of a run's CPU.
 */
export type PreparedCache = Map<number, { text: string; p: Prepared }>
const PREPARED_CACHE_MAX = 20 * DEDUP_WINDOW

const dedupText = (title: string | null, text: string) => (title ? `${title}\n${text}` : text)

export function prepareItems(
  items: FetchedItem[],
  matching: SchoolMatching,
  sourceSchoolId: number | null,
): { kept: Candidate[]; unmatched: FetchedItem[] } {
  const kept: Candidate[] = []
  const unmatched: FetchedItem[] = []
  const matchItem = matching.forSource(sourceSchoolId)
  for (const item of items) {
    const match = matchItem(item)
    if (!match) {
      unmatched.push(item)
      continue
    }
    kept.push({
      item,
      match,
      canonicalUrl: item.url ? canonicalUrl(item.url) : null,
      contentHash: contentFingerprint(item.text, item.title),
      dedupText: dedupText(item.title, item.text),
    })
  }
  return { kept, unmatched }
}

/**
 * Links a new item to the first copy the school already holds from ANOTHER source: same canonical
 * link, same normalised text, or near-identical text (an edited or truncated copy). Items of the
 * same source are never linked to each other: two edits with the same words are two events.
 */
export function createDeduper(store: Store, sourceId: number, cache?: PreparedCache) {
  const windows = new Map<number, ReturnType<typeof createDedupWindow<number>>>()
  const windowOf = (schoolId: number) => {
    let w = windows.get(schoolId)
    if (!w) {
      if (cache && cache.size > PREPARED_CACHE_MAX) cache.clear()
      w = createDedupWindow<number>({ cache })
      for (const r of store.mentions.recentForDedup(schoolId, sourceId, DEDUP_WINDOW))
        w.add(r.id, dedupText(r.title, r.text))
      windows.set(schoolId, w)
    }
    return w
  }
  return {
    duplicateOf(c: Candidate): number | null {
      const schoolId = c.match.school.id
      return (
        store.mentions.exactDuplicate(schoolId, sourceId, c.contentHash, c.canonicalUrl) ??
        windowOf(schoolId).find(c.dedupText)
      )
    },
  }
}
