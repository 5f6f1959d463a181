/**
 * Runs in: main process and CLI (Node); the tables are also passed into the page. Everything the
 * Mumsnet connector knows about Mumsnet's URLs and markup, in one place: when Mumsnet changes its
 * layout, this file is the fix.
 *
 * What is known from public sources (scrapers on GitHub, saved thread pages), and what is not:
 * - Threads live at /talk/<topic>/<numeric id>-<slug>, paged with ?page=N (page 1 has no query).
 * - A post header reads "<handle> · 19/05/2007 21:14", or "Today 09:14" / "Yesterday 21:02",
 *   in UK local time; the original poster's posts carry "OP posts:"; withdrawn posts keep their
 *   place with "This reply has been deleted" / "Message withdrawn at poster's request".
 * - Search is at /search?q=<words> (some scrapers add &product=talk or use a #/?query= route).
 * - The markup itself is utility-class CSS (Tailwind) with no stable class names, and we could not
 *   find a saved copy of the DOM. So every selector below prefers data-testid / semantic hooks,
 *   lists fallbacks, and leans on the URL shape (thread links are recognised by their path, not by
 *   a class). Our fixtures in test/fixtures/mumsnet/ follow these selectors.
 */

/** Paths relative to the configured base address (no leading slash, so a base path is kept). */
export const MUMSNET_URLS = {
  robots: 'robots.txt',
  search(alias: string): string {
    return `search?q=${encodeURIComponent(alias)}`
  },
  /** A thread link: the topic and the numeric thread id. Not anchored: the base may have a path. */
  threadPath: /\/talk\/([a-z0-9_]+)\/(\d+)-[^/?#]*$/i,
  pageParam: 'page',
  /** A link to one post, when the page offers one: ?reply=<post id>. */
  replyParam: 'reply',
} as const

/** The names robots.txt rules are matched against (our User-Agent's product token). */
export const ROBOTS_AGENT = 'Footprint'

export interface SearchSelectors {
  /** The list of results; its presence means "this is a search page we can read". */
  results: string
  /** One result; thread links are looked for inside it. */
  result: string
  /** Shown instead of the list when nothing matched. */
  noResults: string
  /** Text that also means "nothing matched", for layouts that render it without a hook. */
  noResultsText: string
}

export interface ThreadSelectors {
  title: string
  /** The column of posts; its presence means "this is a thread page we can read". */
  postList: string
  post: string
  /** Attributes holding the post id (digits are taken from the first one present). */
  postIdAttributes: string[]
  author: string
  /** A <time datetime> is used when present; otherwise the element's text is parsed as UK time. */
  time: string
  body: string
  /** A link to this very post (its href carries ?reply=<id> or #<anchor>). */
  permalink: string
  /** Removed from the body before its text is read: quoted posts, signatures, ads, scripts. */
  bodyNoise: string
  /** Links to the thread's other pages (?page=N). */
  pageLinks: string
  /** Text of a withdrawn or deleted post: it keeps its number but is not a mention. */
  withdrawnText: string
}

export const SEARCH_SELECTORS: SearchSelectors = {
  results: '[data-testid="search-results"], .search-results',
  result: 'article.search-result, [data-testid="search-result"]',
  noResults: '[data-testid="search-no-results"], .search-no-results',
  noResultsText: "no results|we couldn't find any|did not match any",
}

export const THREAD_SELECTORS: ThreadSelectors = {
  title: 'h1',
  postList: '[data-testid="thread-posts"], #posts',
  post: '[data-testid="post"], article[data-post-id]',
  postIdAttributes: ['data-post-id', 'id'],
  author: '[data-testid="post-author"], .post-author',
  time: '[data-testid="post-time"], time',
  body: '[data-testid="post-body"], .post-body',
  permalink: 'a[data-testid="post-link"], a[href*="reply="]',
  bodyNoise:
    'blockquote, .quote, [data-testid="quote"], .signature, [data-testid="signature"], ' +
    '[data-testid="ad"], .advert, ins, script, style, noscript, iframe, button',
  pageLinks: 'nav[aria-label*="agination"] a[href], [data-testid="pagination"] a[href]',
  withdrawnText:
    "^(this (reply|message|post) has been (deleted|withdrawn)|message withdrawn at poster's request)",
}
