/**
 * Runs in: the Mumsnet page, inside the browser (passed to page.evaluate). Each reader takes the
 * selector table and returns plain data; deciding what it means (layout changed, which posts are
 * new, what time it was) happens back in Node, where it can be tested without a browser.
 *
 * These functions are serialised with Function.prototype.toString, so they must be
 * self-contained: no imports, no closures over module values, and no named inner functions or
 * named arrow constants (tsx compiles with keepNames, which would wrap them in a `__name` helper
 * that does not exist in the page). Inline anonymous callbacks are fine.
 */
import type { SearchSelectors, ThreadSelectors } from './selectors'

/** The little of the DOM these readers touch (the main-process build has no DOM typings). */
interface El {
  id: string
  tagName: string
  textContent: string | null
  innerText?: string
  href?: string
  getAttribute(name: string): string | null
  querySelector(selector: string): El | null
  querySelectorAll(selector: string): ArrayLike<El>
  remove(): void
}
declare const document: {
  body: El | null
  querySelector(selector: string): El | null
  querySelectorAll(selector: string): ArrayLike<El>
}

export interface RawSearchLink {
  href: string
  text: string
}

export interface RawSearchPage {
  hasResultsList: boolean
  hasNoResultsMarker: boolean
  resultCount: number
  links: RawSearchLink[]
}

export interface RawPost {
  /** Digits from the post's id attributes, or null (then the permalink may carry one). */
  id: string | null
  /** The element's own id, for a #fragment permalink. */
  anchor: string | null
  author: string | null
  /** A <time datetime> value, when the page gives one. */
  datetime: string | null
  /** The visible time text ("Today 09:14", "19/05/2025 21:14"). */
  timeText: string | null
  permalink: string | null
  /** Plain text of the post only: quotes, signatures and ads removed. */
  text: string
  withdrawn: boolean
}

export interface RawThreadPage {
  title: string | null
  hasPostList: boolean
  posts: RawPost[]
  pageLinks: string[]
}

export function readSearchPage(sel: SearchSelectors): RawSearchPage {
  const list = document.querySelector(sel.results)
  const marker = document.querySelector(sel.noResults)
  const main = document.querySelector('main') ?? document.body
  const saysNone = new RegExp(sel.noResultsText, 'i').test(main ? (main.textContent ?? '') : '')
  const results = list ? Array.from(list.querySelectorAll(sel.result)) : []
  const links: RawSearchLink[] = []
  results.forEach((result) => {
    Array.from(result.querySelectorAll('a[href]')).forEach((a) => {
      links.push({
        href: a.href ?? '',
        text: (a.textContent ?? '').replace(/\s+/g, ' ').trim(),
      })
    })
  })
  return {
    hasResultsList: !!list,
    hasNoResultsMarker: !!marker || (!list && saysNone),
    resultCount: results.length,
    links,
  }
}

export function readThreadPage(sel: ThreadSelectors): RawThreadPage {
  const titleEl = document.querySelector(sel.title)
  const list = document.querySelector(sel.postList)
  const withdrawn = new RegExp(sel.withdrawnText, 'i')
  const posts: RawPost[] = []
  const elements = list ? Array.from(list.querySelectorAll(sel.post)) : []
  elements.forEach((post) => {
    let id: string | null = null
    sel.postIdAttributes.forEach((attr) => {
      const digits = /\d+/.exec(post.getAttribute(attr) ?? '')
      if (!id && digits) id = digits[0]
    })
    const authorEl = post.querySelector(sel.author)
    const timeEl = post.querySelector(sel.time)
    const linkEl = post.querySelector(sel.permalink)
    const bodyEl = post.querySelector(sel.body)
    let text = ''
    if (bodyEl) {
      // Removed from the page itself, then innerText: it renders <br>, paragraphs and hidden
      // elements the way a reader sees them (a detached copy has no layout to go by).
      Array.from(bodyEl.querySelectorAll(sel.bodyNoise)).forEach((n) => n.remove())
      text = (bodyEl.innerText ?? '')
        .split('\n')
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .filter((line) => line !== '')
        .join('\n')
    }
    const timeText = timeEl ? (timeEl.textContent ?? '').replace(/\s+/g, ' ').trim() : null
    posts.push({
      id,
      anchor: post.id || null,
      author: authorEl ? (authorEl.textContent ?? '').replace(/\s+/g, ' ').trim() || null : null,
      datetime: timeEl ? timeEl.getAttribute('datetime') : null,
      timeText: timeText || null,
      permalink: linkEl ? (linkEl.href ?? null) : null,
      text,
      withdrawn: !bodyEl || withdrawn.test(text),
    })
  })
  return {
    title: titleEl ? (titleEl.textContent ?? '').replace(/\s+/g, ' ').trim() || null : null,
    hasPostList: !!list,
    posts,
    pageLinks: Array.from(document.querySelectorAll(sel.pageLinks)).map((a) => a.href ?? ''),
  }
}
