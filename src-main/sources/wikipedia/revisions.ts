/**
 * Runs in: main process and CLI (Node). Watches pages for new revisions. Each new revision
 * becomes a mention carrying who edited (anonymous or not), when, the summary, size delta, change
 * tags, and the text added and removed (from action=compare). A revision that is later reverted
 * gains the mw-reverted tag after we stored it; we re-read recent revisions when a revert appears
 * and report those as updates, so the stored mention changes instead of a second one appearing.
 */
import type { FetchedItem } from '../types'
import { SourceError } from '../errors'
import type { ApiClient } from './api'
import { extractDiff } from './diff'
import { MAX_TEXT_CHARS } from '../feeds/html-text'
import { arrayOr, objectOr, textOrNull } from '../payload'

export interface ApiRevision {
  revid: number
  parentid: number
  minor?: boolean
  user?: string
  userid?: number
  anon?: boolean
  temp?: boolean
  userhidden?: boolean
  timestamp: string
  size?: number
  comment?: string
  commenthidden?: boolean
  tags?: string[]
}

interface ApiPage {
  pageid?: number
  ns?: number
  title: string
  missing?: boolean
  invalid?: boolean
  revisions?: ApiRevision[]
}

interface QueryResponse {
  query?: { pages?: ApiPage[] }
  continue?: Record<string, string>
}

export interface TrackedRevision {
  revid: number
  tags: string[]
  timestamp: string
}

export interface PageState {
  lastRevId?: number
  lastSize?: number
  /** Recently reported revisions, re-read after a revert so a later mw-reverted tag is seen. */
  tracked?: TrackedRevision[]
  /** Runs left in which to re-read tracked revisions (revert tags are applied asynchronously). */
  recheckRuns?: number
  missing?: boolean
}

const RVPROP = 'ids|timestamp|user|userid|comment|size|tags|flags'
const REVERT_TAGS = ['mw-rollback', 'mw-undo', 'mw-manual-revert']
const TRACK_LIMIT = 50
const TRACK_DAYS = 30

export interface RevisionOptions {
  initialRevisions: number
  maxRequests: number
  maxDiffs: number
}

export async function pollPage(
  api: ApiClient,
  title: string,
  prev: PageState,
  opts: RevisionOptions,
  now: Date,
): Promise<{ items: FetchedItem[]; updates: FetchedItem[]; state: PageState }> {
  const first = prev.lastRevId === undefined
  const base = {
    action: 'query',
    prop: 'revisions',
    titles: title,
    rvprop: RVPROP,
    redirects: true,
  }
  const responses = await api.queryAll<QueryResponse>(
    first
      ? { ...base, rvlimit: Math.max(1, opts.initialRevisions) }
      : { ...base, rvdir: 'newer', rvstartid: prev.lastRevId, rvlimit: 50 },
    first ? 1 : opts.maxRequests,
  )
  let page: ApiPage | undefined
  const revisions: ApiRevision[] = []
  for (const r of responses) {
    const p = readPage(arrayOr(objectOr(r.query).pages)[0])
    if (!p) continue
    page ??= p
    // Continuations can overlap: one revision is one mention.
    for (const rev of p.revisions) {
      if (!revisions.some((r) => r.revid === rev.revid)) revisions.push(rev)
    }
  }
  if (!page || page.missing || page.invalid) {
    return { items: [], updates: [], state: { ...prev, missing: true } }
  }
  const pageInfo = { title: page.title, pageid: page.pageid ?? 0, ns: page.ns ?? 0 }
  // Oldest first, and only those after the last one we reported. The first time a page is
  // watched only its latest few are reported (initialRevisions may be 0: baseline only).
  const newer = revisions
    .filter((r) => prev.lastRevId === undefined || r.revid > prev.lastRevId)
    .sort((a, b) => a.revid - b.revid)
  const fresh = first ? newer.slice(Math.max(0, newer.length - opts.initialRevisions)) : newer
  const newestId = newer.at(-1)?.revid

  const items: FetchedItem[] = []
  let lastSize = prev.lastSize
  for (const [i, rev] of fresh.entries()) {
    const fallbackDelta =
      rev.size !== undefined && lastSize !== undefined && (i > 0 || !first)
        ? rev.size - lastSize
        : undefined
    const withDiff = i >= fresh.length - opts.maxDiffs
    items.push(await revisionItem(api, pageInfo, rev, fallbackDelta, withDiff))
    if (rev.size !== undefined) lastSize = rev.size
  }

  let tracked = prev.tracked ?? []
  let recheckRuns = prev.recheckRuns ?? 0
  if (fresh.some((r) => r.tags?.some((t) => REVERT_TAGS.includes(t)))) recheckRuns = 3
  const updates: FetchedItem[] = []
  if (recheckRuns > 0 && tracked.length > 0) {
    updates.push(...(await recheckTracked(api, pageInfo, tracked)))
    recheckRuns--
    const byId = new Map(updates.map((u) => [u.meta?.revid as number, u.meta?.tags as string[]]))
    tracked = tracked.map((t) => (byId.has(t.revid) ? { ...t, tags: byId.get(t.revid)! } : t))
  } else if (recheckRuns > 0) {
    recheckRuns--
  }
  const cutoff = now.getTime() - TRACK_DAYS * 86_400_000
  tracked = [
    ...tracked,
    ...fresh.map((r) => ({ revid: r.revid, tags: r.tags ?? [], timestamp: r.timestamp })),
  ]
    .filter((t) => Date.parse(t.timestamp) >= cutoff && !t.tags.includes('mw-reverted'))
    .slice(-TRACK_LIMIT)

  if (first && fresh.length === 0 && newer.length) lastSize = newer.at(-1)?.size
  return {
    items,
    updates,
    state: {
      lastRevId: newestId ?? prev.lastRevId ?? 0,
      ...(lastSize !== undefined ? { lastSize } : {}),
      tracked,
      ...(recheckRuns > 0 ? { recheckRuns } : {}),
    },
  }
}

/** Re-reads tracked revisions (up to 50 ids in one request) and returns those newly reverted. */
async function recheckTracked(
  api: ApiClient,
  page: PageRef,
  tracked: TrackedRevision[],
): Promise<FetchedItem[]> {
  const data = await api.call<QueryResponse>({
    action: 'query',
    prop: 'revisions',
    revids: tracked.map((t) => t.revid).join('|'),
    rvprop: RVPROP,
  })
  const known = new Map(tracked.map((t) => [t.revid, t]))
  const out: FetchedItem[] = []
  for (const raw of arrayOr(objectOr(data.query).pages)) {
    for (const rev of readPage(raw)?.revisions ?? []) {
      const before = known.get(rev.revid)
      const reverted = rev.tags?.includes('mw-reverted') ?? false
      if (!before || !reverted || before.tags.includes('mw-reverted')) continue
      out.push(await revisionItem(api, page, rev, undefined, true))
    }
  }
  return out
}

/**
 * A page of a query answer with only well-formed revisions: a revision without a numeric id or a
 * readable timestamp cannot be stored or ordered, so it is left out rather than failing the run.
 */
function readPage(v: unknown): (ApiPage & { revisions: ApiRevision[] }) | null {
  const p = objectOr(v)
  if (typeof p.title !== 'string') return null
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : undefined)
  const revisions: ApiRevision[] = []
  for (const raw of arrayOr(p.revisions)) {
    const r = objectOr(raw)
    if (!Number.isSafeInteger(r.revid) || (r.revid as number) <= 0) continue
    if (typeof r.timestamp !== 'string' || Number.isNaN(Date.parse(r.timestamp))) continue
    revisions.push({
      ...r,
      revid: r.revid as number,
      parentid: Number.isSafeInteger(r.parentid) ? (r.parentid as number) : 0,
      timestamp: r.timestamp,
      user: textOrNull(r.user) ?? undefined,
      userid: num(r.userid),
      size: num(r.size),
      comment: textOrNull(r.comment) ?? undefined,
      tags: arrayOr(r.tags).filter((t): t is string => typeof t === 'string'),
    })
  }
  return {
    title: p.title,
    pageid: num(p.pageid),
    ns: num(p.ns),
    missing: p.missing === true,
    invalid: p.invalid === true,
    revisions,
  }
}

interface PageRef {
  title: string
  pageid: number
  ns: number
}

async function revisionItem(
  api: ApiClient,
  page: PageRef,
  rev: ApiRevision,
  fallbackDelta: number | undefined,
  withDiff: boolean,
): Promise<FetchedItem> {
  let added = ''
  let removed = ''
  let sizeDelta = fallbackDelta ?? null
  let diffError: string | undefined
  if (withDiff) {
    try {
      const d = await diffOf(api, rev)
      added = d.added
      removed = d.removed
      if (d.sizeDelta !== null) sizeDelta = d.sizeDelta
    } catch (e) {
      // A deleted or suppressed revision: report the edit without its text.
      if (!(e instanceof SourceError) || e.code !== 'parse') throw e
      diffError = e.message
    }
  }
  // IP editors (anon) and temporary accounts (temp, their successor on Wikimedia wikis) are both
  // "not a registered editor" to the ORM lead.
  const anonymous = rev.anon === true || rev.temp === true || (rev.userid === 0 && !rev.userhidden)
  const user = rev.userhidden ? null : (rev.user ?? null)
  const comment = rev.commenthidden ? '' : (rev.comment ?? '')
  const tags = rev.tags ?? []
  const isTalk = page.ns % 2 === 1
  return {
    externalId: `rev:${rev.revid}`,
    url: api.indexUrl(
      rev.parentid ? { diff: rev.revid, oldid: rev.parentid } : { oldid: rev.revid },
    ),
    title: `${isTalk ? 'Talk page edit' : 'Edit'}: ${page.title}`,
    text: [comment, added].filter(Boolean).join('\n\n'),
    author: user,
    authorUrl: user ? api.indexUrl({ title: `Special:Contributions/${user}` }) : null,
    publishedAt: new Date(rev.timestamp).toISOString(),
    raw: rev,
    meta: {
      wiki: api.host,
      pageTitle: page.title,
      pageId: page.pageid,
      namespace: page.ns,
      talkPage: isTalk,
      revid: rev.revid,
      parentid: rev.parentid,
      user,
      userid: rev.userid ?? null,
      anonymous,
      temporaryAccount: rev.temp === true,
      minor: rev.minor === true,
      comment,
      size: rev.size ?? null,
      sizeDelta,
      tags,
      reverted: tags.includes('mw-reverted'),
      added,
      removed,
      newPage: rev.parentid === 0,
      ...(diffError ? { diffError } : {}),
      ...(withDiff ? {} : { diffSkipped: true }),
    },
  }
}

async function diffOf(
  api: ApiClient,
  rev: ApiRevision,
): Promise<{ added: string; removed: string; sizeDelta: number | null }> {
  if (!rev.parentid) {
    // A new page has no parent to compare with: its whole text is what was added.
    const data = await api.call<{
      query?: { pages?: Array<{ revisions?: Array<{ slots?: { main?: { content?: string } } }> }> }
    }>({
      action: 'query',
      prop: 'revisions',
      revids: rev.revid,
      rvprop: 'content',
      rvslots: 'main',
    })
    const content = data.query?.pages?.[0]?.revisions?.[0]?.slots?.main?.content
    const text = typeof content === 'string' ? content : ''
    return { added: text.slice(0, MAX_TEXT_CHARS), removed: '', sizeDelta: rev.size ?? null }
  }
  const data = await api.call<{
    compare?: { body?: string; fromsize?: number; tosize?: number }
  }>({ action: 'compare', fromrev: rev.parentid, torev: rev.revid, prop: 'diff|ids|size' })
  const c = objectOr(data.compare) as { body?: unknown; fromsize?: unknown; tosize?: unknown }
  const { added, removed } = extractDiff(typeof c.body === 'string' ? c.body : '')
  const sizeDelta =
    typeof c.fromsize === 'number' && typeof c.tosize === 'number' ? c.tosize - c.fromsize : null
  return { added, removed, sizeDelta }
}
