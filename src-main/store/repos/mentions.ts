// Runs in: main process and CLI (Node). All SQL about mentions: one row per item (source + external
// id), duplicates linked to the first copy, "not about us" mentions hidden but never deleted.
import type { Db } from '../db'
import type { Statement } from 'better-sqlite3'
import type { Mention, PolicyFlag, Priority, SentimentLabel, SourceKind } from '../../contract'
import { parseJson } from './json'
import { toMentionAnalysis, VERDICT_COLUMNS, VERDICT_JOIN, type VerdictColumns } from './analyses'

export interface MentionRow extends VerdictColumns {
  id: number
  source_id: number
  source_name: string
  source_kind: SourceKind
  school_id: number
  external_id: string
  url: string | null
  canonical_url: string | null
  title: string | null
  author: string | null
  published_at: string | null
  first_seen_at: string
  text: string
  matched_alias: string | null
  duplicate_of: number | null
  hidden_reason: string | null
  meta_json: string
}

export interface NewMention {
  sourceId: number
  schoolId: number
  externalId: string
  url: string | null
  canonicalUrl: string | null
  title: string | null
  author: string | null
  authorUrl: string | null
  publishedAt: string | null
  text: string
  raw: unknown
  meta: Record<string, unknown>
  matchedAlias: string
  contentHash: string
  duplicateOf: number | null
}

export interface ListFilter {
  schoolId?: number
  sourceId?: number
  since?: string
  includeHidden: boolean
  beforeId?: number
  limit: number
  /** On the effective verdict (a correction over the machine's). */
  sentiment?: SentimentLabel
  flag?: PolicyFlag
  priority?: Priority
}

/** What re-matching needs to know of a stored mention. */
export interface MatchableMention {
  id: number
  title: string | null
  text: string
  url: string | null
  meta_json: string
}

export function toMention(r: MentionRow): Mention {
  return {
    id: r.id,
    sourceId: r.source_id,
    sourceName: r.source_name,
    sourceKind: r.source_kind,
    schoolId: r.school_id,
    externalId: r.external_id,
    url: r.url,
    canonicalUrl: r.canonical_url,
    title: r.title,
    author: r.author,
    publishedAt: r.published_at,
    firstSeenAt: r.first_seen_at,
    text: r.text,
    matchedAlias: r.matched_alias,
    duplicateOf: r.duplicate_of,
    hiddenReason: r.hidden_reason,
    meta: parseJson<Record<string, unknown>>(r.meta_json, 'mentions.meta_json'),
    analysis: toMentionAnalysis(r, r.title, r.text),
  }
}

// The effective verdict rides along: a user's correction wins over the machine's, as in every count.
export const MENTION_SELECT = `SELECT m.*, s.name AS source_name, s.kind AS source_kind, ${VERDICT_COLUMNS}
  FROM mentions m JOIN sources s ON s.id = m.source_id ${VERDICT_JOIN}`

export function mentionsRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO mentions (source_id, school_id, external_id, url,
    canonical_url, title, author, author_url, published_at, first_seen_at, updated_at, text,
    raw_json, meta_json, matched_alias, content_hash, duplicate_of)
    VALUES (@sourceId, @schoolId, @externalId, @url, @canonicalUrl, @title, @author, @authorUrl,
    @publishedAt, @now, @now, @text, @raw, @meta, @matchedAlias, @contentHash, @duplicateOf)
    ON CONFLICT (source_id, external_id) DO NOTHING`)
  const exists = db.prepare<[number, string], { id: number }>(
    'SELECT id FROM mentions WHERE source_id = ? AND external_id = ?',
  )
  // What the connector now says about an item we already hold (a wiki edit later reverted).
  // Matching, dedup links and "not about us" stay as they were decided.
  const updateItem = db.prepare(`UPDATE mentions SET url = @url, title = @title, text = @text,
    author = @author, meta_json = @meta, raw_json = @raw, updated_at = @now
    WHERE source_id = @sourceId AND external_id = @externalId`)
  // The same item through another source: same normalised text, or same canonical link. Two
  // queries, so each uses its own index (an OR of the two scanned all of the school's mentions).
  const sameHash = db.prepare<{ schoolId: number; sourceId: number; hash: string }, { id: number }>(
    `SELECT id FROM mentions INDEXED BY mentions_content_hash WHERE content_hash = @hash
    AND school_id = @schoolId AND source_id != @sourceId AND duplicate_of IS NULL ORDER BY id LIMIT 1`,
  )
  const sameUrl = db.prepare<{ schoolId: number; sourceId: number; url: string }, { id: number }>(
    `SELECT id FROM mentions INDEXED BY mentions_canonical WHERE canonical_url = @url
    AND school_id = @schoolId AND source_id != @sourceId AND duplicate_of IS NULL ORDER BY id LIMIT 1`,
  )
  const recent = db.prepare<
    [number, number, number],
    { id: number; title: string | null; text: string }
  >(
    `SELECT id, title, text FROM mentions WHERE school_id = ? AND source_id != ?
    AND duplicate_of IS NULL ORDER BY first_seen_at DESC, id DESC LIMIT ?`,
  )
  const list = db.prepare<Record<string, unknown>, MentionRow>(`${MENTION_SELECT}
    WHERE (@schoolId IS NULL OR m.school_id = @schoolId)
    AND (@sourceId IS NULL OR m.source_id = @sourceId)
    AND (@since IS NULL OR m.first_seen_at >= @since)
    AND (@includeHidden = 1 OR (m.duplicate_of IS NULL AND m.hidden_reason IS NULL))
    AND (@beforeId IS NULL OR m.id < @beforeId)
    AND (@sentiment IS NULL OR v.sentiment_label = @sentiment)
    AND (@priority IS NULL OR v.priority = @priority)
    AND (@flag IS NULL OR EXISTS (SELECT 1 FROM json_each(v.flags_json) WHERE value = @flag))
    ORDER BY m.id DESC LIMIT @limit`)
  const get = db.prepare<[number], MentionRow>(`${MENTION_SELECT} WHERE m.id = ?`)
  const visibleOfSchool = db.prepare<[number], MatchableMention>(
    'SELECT id, title, text, url, meta_json FROM mentions WHERE school_id = ? AND hidden_reason IS NULL',
  )
  const inIncident = db.prepare<[number], { n: number }>(
    'SELECT count(*) AS n FROM incident_mentions WHERE mention_id = ?',
  )
  // Prepared on first use: tests build repos on databases migrated only part-way (before 0011).
  let onHoldStmt: Statement<[number], { n: number }> | null = null
  const onHold = () =>
    (onHoldStmt ??= db.prepare<[number], { n: number }>(
      'SELECT count(*) AS n FROM legal_holds WHERE mention_id = ?',
    ))
  const hasEvidence = db.prepare<[number, number], { n: number }>(
    'SELECT (SELECT count(*) FROM evidence WHERE mention_id = ?) + (SELECT count(*) FROM captures WHERE mention_id = ?) AS n',
  )
  // Duplicates linked to it become first copies of their own rather than pointing at nothing.
  const unlinkDuplicates = db.prepare(
    'UPDATE mentions SET duplicate_of = NULL WHERE duplicate_of = ?',
  )
  const remove = db.prepare('DELETE FROM mentions WHERE id = ?')
  const hide = db.prepare(
    'UPDATE mentions SET hidden_reason = ?, updated_at = ? WHERE id = ? AND hidden_reason IS NULL',
  )

  return {
    /** Inserts unless (source, external id) is already stored; the new id, or null. */
    insert(m: NewMention, now: string): number | null {
      const r = insert.run({
        ...m,
        raw: JSON.stringify(m.raw ?? null),
        meta: JSON.stringify(m.meta),
        now,
      })
      return r.changes ? Number(r.lastInsertRowid) : null
    },
    idOf: (sourceId: number, externalId: string): number | undefined =>
      exists.get(sourceId, externalId)?.id,
    updateItem(
      u: Pick<
        NewMention,
        'sourceId' | 'externalId' | 'url' | 'title' | 'text' | 'author' | 'meta' | 'raw'
      >,
      now: string,
    ): boolean {
      return (
        updateItem.run({
          ...u,
          raw: JSON.stringify(u.raw ?? null),
          meta: JSON.stringify(u.meta),
          now,
        }).changes > 0
      )
    },
    exactDuplicate: (schoolId: number, sourceId: number, hash: string, url: string | null) =>
      sameHash.get({ schoolId, sourceId, hash })?.id ??
      (url === null ? undefined : sameUrl.get({ schoolId, sourceId, url })?.id) ??
      null,
    /** The school's latest first copies from other sources: the near-duplicate window. */
    recentForDedup: (schoolId: number, excludeSourceId: number, limit: number) =>
      recent.all(schoolId, excludeSourceId, limit),
    list(f: ListFilter): { items: Mention[]; nextBeforeId: number | null } {
      const rows = list.all({
        schoolId: f.schoolId ?? null,
        sourceId: f.sourceId ?? null,
        since: f.since ? new Date(f.since).toISOString() : null,
        includeHidden: f.includeHidden ? 1 : 0,
        beforeId: f.beforeId ?? null,
        sentiment: f.sentiment ?? null,
        flag: f.flag ?? null,
        priority: f.priority ?? null,
        limit: f.limit + 1,
      })
      const items = rows.slice(0, f.limit).map(toMention)
      return {
        items,
        nextBeforeId: rows.length > f.limit ? items[items.length - 1].id : null,
      }
    },
    get: (id: number): Mention | undefined => {
      const r = get.get(id)
      return r ? toMention(r) : undefined
    },
    /** Why a mention may not be deleted: it is evidence, or held. Null when it may. */
    deletionBlocker(id: number): 'incident' | 'evidence' | 'legal_hold' | null {
      if (onHold().get(id)!.n > 0) return 'legal_hold'
      if (inIncident.get(id)!.n > 0) return 'incident'
      if (hasEvidence.get(id, id)!.n > 0) return 'evidence'
      return null
    },
    delete(id: number): boolean {
      unlinkDuplicates.run(id)
      return remove.run(id).changes > 0
    },
    visibleOfSchool: (schoolId: number): MatchableMention[] => visibleOfSchool.all(schoolId),
    hide: (id: number, reason: string, now: string): boolean =>
      hide.run(reason, now, id).changes > 0,
  }
}
export type MentionsRepo = ReturnType<typeof mentionsRepo>
