/**
 * Runs in: main process and CLI (Node). Says what a body is before rss-parser sees it, so the
 * user gets "not a feed: HTML page" (the URL is a web page, not its feed) rather than an XML
 * parser's complaint about line 1.
 */

export type Sniff = { feed: true; root: string } | { feed: false; reason: string }

const FEED_ROOTS = /^(rss|feed|([\w-]+:)?rdf)$/i

export function sniffFeed(body: string, contentType: string | null): Sniff {
  // Skip BOM, XML declaration, processing instructions, comments and a non-HTML doctype.
  let rest = body.replace(/^\ufeff/, '')
  for (;;) {
    const trimmed = rest.replace(/^\s+/, '')
    const skipped = trimmed
      .replace(/^<\?[\s\S]*?\?>/, '')
      .replace(/^<!--[\s\S]*?-->/, '')
      .replace(/^<!doctype\s+(?!html)[^>]*>/i, '')
    if (skipped === trimmed) {
      rest = trimmed
      break
    }
    rest = skipped
  }
  if (!rest) return { feed: false, reason: 'empty body' }
  if (/^<!doctype\s+html/i.test(rest)) return { feed: false, reason: 'HTML page' }
  if (rest[0] === '{' || rest[0] === '[') return { feed: false, reason: 'JSON' }
  const root = /^<([\w:.-]+)/.exec(rest)?.[1]
  if (!root) {
    return { feed: false, reason: /html/i.test(contentType ?? '') ? 'HTML page' : 'plain text' }
  }
  if (FEED_ROOTS.test(root)) return { feed: true, root }
  if (/^(html|head|body)$/i.test(root)) return { feed: false, reason: 'HTML page' }
  return { feed: false, reason: `XML with root <${root}>` }
}

/**
 * Atom entries with an unreadable <published>/<updated> make rss-parser throw for the whole
 * feed; blank those dates so the entry survives with no date instead.
 */
export function blankUnreadableDates(xml: string): string {
  return xml.replace(
    /<((?:[\w-]+:)?(?:published|updated))(\s[^>]*)?>([^<]*)<\/\1>/g,
    (whole, tag: string, attrs: string | undefined, value: string) =>
      Number.isNaN(Date.parse(value.trim())) ? `<${tag}${attrs ?? ''}></${tag}>` : whole,
  )
}
