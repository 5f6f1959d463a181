// Runs in: main process and CLI (Node). What happens to every fetched item before storage, shared by
// a real run and by "test" (which stores nothing): canonical link, school match, content fingerprint,
// and the duplicate check against what the school already has from other sources.
import { OWN_ACCOUNT_KINDS, type SourceKind } from '../contract/sources'
import type { Store } from '../store'
import { canonicalUrl } from './canonical-url'
import { contentFingerprint, createDedupWindow, textSimilarity, type Prepared } from './dedup'
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

/** The alias recorded for an unnamed item from the school's own account. */
export const OWN_ACCOUNT_ALIAS = "(the school's own account)"

export function prepareItems(
  items: FetchedItem[],
  matching: SchoolMatching,
  source: { schoolId: number | null; kind: SourceKind },
): { kept: Candidate[]; unmatched: FetchedItem[] } {
  const kept: Candidate[] = []
  const unmatched: FetchedItem[] = []
  const matchItem = matching.forSource(source.schoolId)
  // A review of the school's own listing ("Lovely nursery") rarely names the school: the account
  // it was posted on says who it is about.
  const owner =
    source.schoolId !== null && OWN_ACCOUNT_KINDS.has(source.kind)
      ? matching.schools().find((s) => s.id === source.schoolId)
      : undefined
  for (const item of items) {
    const match = matchItem(item) ?? (owner ? { school: owner, alias: OWN_ACCOUNT_ALIAS } : null)
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
  /** The body of each mention in a window, for the body check below. */
  const bodies = new Map<number, string>()
  const windowOf = (schoolId: number) => {
    let w = windows.get(schoolId)
    if (!w) {
      if (cache && cache.size > PREPARED_CACHE_MAX) cache.clear()
      w = createDedupWindow<number>({ cache })
      for (const r of store.mentions.recentForDedup(schoolId, sourceId, DEDUP_WINDOW)) {
        w.add(r.id, dedupText(r.title, r.text))
        bodies.set(r.id, r.text)
      }
      windows.set(schoolId, w)
    }
    return w
  }
  return {
    duplicateOf(c: Candidate): number | null {
      const schoolId = c.match.school.id
      const exact = store.mentions.exactDuplicate(schoolId, sourceId, c.contentHash, c.canonicalUrl)
      if (exact !== null) return exact
      const near = windowOf(schoolId).find(c.dedupText)
      if (near === null) return null
      // Title and body together find copies of a story, but a comment's title is its post's
      // caption: "So cute!!" and "Fab!" under one caption cross-posted to Facebook and Instagram
      // look alike by title alone. Two non-empty bodies must agree too.
      const body = bodies.get(near) ?? ''
      if (!c.item.text.trim() || !body.trim()) return near
      return textSimilarity(c.item.text, body) >= NEAR_BODY_SIMILARITY ? near : null
    },
  }
}

/** How alike two bodies must be (Jaccard of word shingles, or a truncated copy) to be one item. */
const NEAR_BODY_SIMILARITY = 0.6
