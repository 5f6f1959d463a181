/**
 * Runs in: main process and CLI (Node). Shapes every connector shares.
 * A connector turns a source's remote data into FetchedItems; matching, dedup and storage
 * happen after, in one place, so every connector gets them the same way.
 */

export { SOURCE_KINDS, type SourceKind } from '../contract/sources'

/** One item as a connector found it, before matching and dedup. */
export interface FetchedItem {
  /** Stable id within the source: a feed guid, a wiki revision id, a review name. */
  externalId: string
  url: string | null
  title: string | null
  /** Plain text, never HTML: it is untrusted and is rendered as text. */
  text: string
  author: string | null
  authorUrl?: string | null
  /** ISO 8601 UTC; null when the source gave none or gave one we cannot trust. */
  publishedAt: string | null
  /** The source's own payload for this item, kept as evidence of what was fetched. */
  raw: unknown
  /** Kind-specific facts (wiki: anonymous editor, size delta, change tags, added/removed text). */
  meta?: Record<string, unknown>
}
