/**
 * Runs in: main process and CLI (Node). One thread's new posts, one mention per post.
 *
 * A thread first seen is read from page 1 (the opening post and the page size) and then its last
 * pages, up to the per-thread cap: the newest replies matter most, and a 40-page thread must not
 * cost 40 loads. After that, each run opens the page where it stopped and keeps only posts after
 * the last one seen. Posts are numbered over the whole thread from the page size, because Mumsnet
 * shows no number on a post; a withdrawn post keeps its number but is not a mention.
 */
import type { FetchedItem } from '../types'
import { isExcluded, isUnderBase, layoutError, waitForAny, type Crawl } from './crawl'
import { readThreadPage, type RawPost, type RawThreadPage } from './page-scripts'
import type { ThreadRef } from './search'
import { MUMSNET_URLS, THREAD_SELECTORS } from './selectors'
import type { ThreadMemory } from './state'
import { parseMumsnetTime } from './uk-time'

export interface ThreadLimits {
  maxPagesPerThread: number
}

export interface ThreadOutcome {
  items: FetchedItem[]
  /** Where we got to; null when the thread could not be opened at all (gone, or robots said no). */
  memory: ThreadMemory | null
  skipped?: 'robots' | 'missing'
}

export function pageUrlOf(threadUrl: string, page: number): string {
  const url = new URL(threadUrl)
  if (page > 1) url.searchParams.set(MUMSNET_URLS.pageParam, String(page))
  return url.href
}

/** The highest ?page=N linked from the page for this thread; 1 when it has no pagination. */
export function lastPageOf(raw: RawThreadPage, threadUrl: string, current: number): number {
  const path = new URL(threadUrl).pathname
  let last = current
  for (const href of raw.pageLinks) {
    try {
      const u = new URL(href)
      const n = Number(u.searchParams.get(MUMSNET_URLS.pageParam) ?? '1')
      if (u.pathname === path && Number.isInteger(n) && n > last) last = n
    } catch {
      // an unreadable link is not a page
    }
  }
  return last
}

/** Throws the layout error naming what a thread page lacks. */
export function checkThreadLayout(raw: RawThreadPage, url: string): void {
  const sel = THREAD_SELECTORS
  if (!raw.hasPostList) throw layoutError(`no list of posts (${sel.postList})`, url)
  if (raw.posts.length === 0) throw layoutError(`no posts in the thread (${sel.post})`, url)
  if (!raw.title) throw layoutError(`no thread title (${sel.title})`, url)
}

function postIdOf(post: RawPost): string | null {
  if (post.id) return post.id
  if (!post.permalink) return null
  try {
    return new URL(post.permalink).searchParams.get(MUMSNET_URLS.replyParam)
  } catch {
    return null
  }
}

function permalinkOf(post: RawPost, pageUrl: string, threadUrl: string): string {
  if (post.permalink) {
    try {
      const link = new URL(post.permalink)
      if (isUnderBase(link, new URL(threadUrl))) return link.href
      if (new URL(threadUrl).origin === link.origin) return link.href
    } catch {
      // fall through to the page anchor
    }
  }
  return post.anchor ? `${pageUrl}#${encodeURIComponent(post.anchor)}` : pageUrl
}

interface PageRead {
  page: number
  url: string
  raw: RawThreadPage
  /** Thread-wide number of each post on the page. */
  numbers: number[]
}

function numberPosts(
  raw: RawThreadPage,
  page: number,
  perPage: number | null,
  memory: ThreadMemory | null,
): number[] {
  if (page === 1 || perPage) {
    const first = page === 1 ? 1 : (page - 1) * (perPage as number) + 1
    return raw.posts.map((_, i) => first + i)
  }
  // Page size unknown (first seen on a later page): count on from the last post we remember.
  const at = memory?.lastPostId ? raw.posts.findIndex((p) => postIdOf(p) === memory.lastPostId) : -1
  const base = (memory?.lastPostNumber ?? 0) - (at >= 0 ? at + 1 : 0)
  return raw.posts.map((_, i) => base + i + 1)
}

function toItem(
  post: RawPost,
  number: number,
  read: PageRead,
  ref: ThreadRef,
  title: string,
  now: Date,
): FetchedItem {
  const postId = postIdOf(post) ?? `n${number}`
  return {
    externalId: `${ref.id}:${postId}`,
    url: permalinkOf(post, read.url, ref.url),
    title,
    text: post.text,
    author: post.author,
    publishedAt: parseMumsnetTime(post.datetime, post.timeText, now),
    raw: {
      threadId: ref.id,
      postId,
      page: read.page,
      author: post.author,
      time: post.timeText,
      datetime: post.datetime,
      text: post.text,
    },
    meta: {
      threadId: ref.id,
      topic: ref.topic,
      postId,
      postNumber: number,
      page: read.page,
      threadUrl: ref.url,
    },
  }
}

/** Which pages to read after the first one this run. */
function plannedPages(first: number, last: number, known: boolean, cap: number): number[] {
  const budget = cap - 1
  if (budget <= 0 || last <= first) return []
  const from = known || last - first <= budget ? first + 1 : last - budget + 1
  const to = Math.min(last, from + budget - 1)
  return Array.from({ length: to - from + 1 }, (_, i) => from + i)
}

export async function readThread(
  crawl: Crawl,
  ref: ThreadRef,
  memory: ThreadMemory | null,
  limits: ThreadLimits,
): Promise<ThreadOutcome> {
  const startPage = memory ? Math.max(1, memory.lastPage) : 1
  let perPage = memory?.perPage ?? null
  let title = memory?.title ?? ref.title
  const reads: PageRead[] = []

  const readPage = async (page: number): Promise<PageRead | 'robots' | 'missing'> => {
    const url = pageUrlOf(ref.url, page)
    if (!crawl.robots.allowed(url)) return 'robots'
    const loaded = await crawl.load(url)
    if (loaded.status === 404 || loaded.status === 410) return 'missing'
    await waitForAny(loaded.page, THREAD_SELECTORS.postList, crawl.layoutTimeoutMs)
    const raw = await loaded.page.evaluate(readThreadPage, THREAD_SELECTORS)
    checkThreadLayout(raw, url)
    return { page, url, raw, numbers: [] }
  }

  const first = await readPage(startPage)
  if (first === 'robots' || first === 'missing') return { items: [], memory: null, skipped: first }
  const lastPage = lastPageOf(first.raw, ref.url, startPage)
  if (startPage === 1) {
    title = first.raw.title ?? title
    if (lastPage > 1) perPage = first.raw.posts.length
  }
  first.numbers = numberPosts(first.raw, startPage, perPage, memory)
  reads.push(first)
  for (const page of plannedPages(startPage, lastPage, !!memory, limits.maxPagesPerThread)) {
    const read = await readPage(page)
    // A later page that robots forbids or that has gone: keep what we have, try again next run.
    if (read === 'robots' || read === 'missing') break
    read.numbers = numberPosts(read.raw, page, perPage, memory)
    reads.push(read)
  }

  const threadTitle = title ?? first.raw.title ?? ''
  const items: FetchedItem[] = []
  for (const read of reads) {
    const afterIndex =
      memory?.lastPostId && read.page === memory.lastPage
        ? read.raw.posts.findIndex((p) => postIdOf(p) === memory.lastPostId)
        : -1
    read.raw.posts.forEach((post, i) => {
      const number = read.numbers[i]
      const isNew = afterIndex >= 0 ? i > afterIndex : !memory || number > memory.lastPostNumber
      if (!isNew || post.withdrawn || !post.text) return
      if (isExcluded(crawl, post.text)) {
        crawl.stats.skippedExcluded++
        return
      }
      items.push(toItem(post, number, read, ref, threadTitle, crawl.now))
    })
  }

  const lastRead = reads[reads.length - 1]
  const lastPost = lastRead.raw.posts[lastRead.raw.posts.length - 1]
  const lastNumber = lastRead.numbers[lastRead.numbers.length - 1]
  // Never move backwards: a page that shrank (posts removed) must not make old posts "new" again.
  const keepOld = memory && memory.lastPostNumber > lastNumber
  return {
    items,
    memory: {
      url: ref.url,
      title: threadTitle || null,
      lastPostId: keepOld ? memory.lastPostId : postIdOf(lastPost),
      lastPostNumber: keepOld ? memory.lastPostNumber : lastNumber,
      lastPage: keepOld ? memory.lastPage : lastRead.page,
      perPage,
      seenAt: crawl.now.toISOString(),
    },
  }
}
