// Runs in: Vitest (Node). Fuzzes the feed parser's helpers on their own: the sniffer that says what a
// body is, the repair of unreadable Atom dates, and untrusted HTML to plain text.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanTitle, htmlToText } from '../../src-main/sources/feeds/html-text'
import { blankUnreadableDates, sniffFeed } from '../../src-main/sources/feeds/sniff'
import { MAX_CASE_MS, ensure, hostileText, params, timed } from './fuzz'
import { dateText, xmlEscape } from './feed-parts'

describe('feed helpers fuzz', () => {
  it('sniffFeed never throws and says feed only for an rss/feed/rdf root', () => {
    const { fn, stats } = timed((body: string, ct: string | null) => {
      const s = sniffFeed(body, ct)
      if (s.feed) ensure(/^(rss|feed|([\w-]+:)?rdf)$/i.test(s.root), 'feed root', s.root)
      else ensure(s.reason.length > 0, 'a reason')
    })
    const body = fc.oneof(
      fc.string({ maxLength: 100 }),
      fc
        .tuple(
          fc.array(
            fc.constantFrom('<?xml?>', '<!-- c -->', '\ufeff', '  ', '<!DOCTYPE x>', '<?pi x?>'),
          ),
          fc.constantFrom(
            '<rss>',
            '<feed>',
            '<rdf:RDF>',
            '<html>',
            '<!doctype html>',
            '{',
            '<x:y>',
            '',
          ),
          fc.string({ maxLength: 20 }),
        )
        .map((p) => p[0].join('') + p[1] + p[2]),
    )
    fc.assert(
      fc.property(body, fc.option(fc.constantFrom('text/html', 'application/xml')), fn),
      params(),
    )
    expect(stats.max).toBeLessThan(MAX_CASE_MS)
  })

  it('blankUnreadableDates is idempotent and only empties unreadable date elements', () => {
    const el = fc
      .tuple(fc.constantFrom('published', 'updated', 'atom:updated', 'other'), dateText)
      .map(([tag, v]) => `<${tag}>${xmlEscape(v)}</${tag}>`)
    const doc = fc
      .array(fc.oneof(el, fc.string({ maxLength: 10 })), { maxLength: 8 })
      .map((a) => a.join(''))
    fc.assert(
      fc.property(doc, (xml) => {
        const once = blankUnreadableDates(xml)
        ensure(blankUnreadableDates(once) === once, 'idempotent', xml)
        ensure(once.length <= xml.length, 'never longer', xml)
        // Everything outside date elements is untouched.
        const strip = (s: string) =>
          s.replace(/<((?:[\w-]+:)?(?:published|updated))(\s[^>]*)?>[^<]*<\/\1>/g, '')
        ensure(strip(once) === strip(xml), 'only date elements change', xml)
      }),
      params(),
    )
  })

  it('htmlToText drops markup and scripts, keeps within the cap; cleanTitle is one trimmed line', () => {
    const { fn, stats } = timed((parts: string[], secret: string) => {
      // Leading, so no half-open tag of the generated parts can turn them into an attribute.
      const html = `<script>${secret}</script><style>${secret}</style>${parts.join('')}`
      const t = htmlToText(html, 500)
      ensure(t.length <= 501, 'capped')
      ensure(t === t.trim(), 'trimmed', t)
      ensure(!t.includes('SECRETSECRET'), 'script and style dropped', t)
      const title = cleanTitle(html)
      if (title !== null) {
        ensure(!/[\n\r]/.test(title) && title === title.trim(), 'one trimmed line', title)
        // Idempotent on what it produces, whenever that holds no markup to decode again.
        if (!/[<&]/.test(title)) ensure(cleanTitle(title) === title, 'idempotent', title)
      }
    })
    const part = fc.oneof(
      hostileText(10),
      fc.constantFrom(
        '<p>',
        '</p>',
        '<br>',
        '<b>',
        '</div>',
        '<a href="x">',
        '&nbsp;',
        '<pre>',
        '<template>t</template>',
      ),
    )
    fc.assert(
      fc.property(fc.array(part, { maxLength: 12 }), fc.constant('SECRETSECRET'), fn),
      params(),
    )
    expect(stats.max).toBeLessThan(MAX_CASE_MS)
  })
})
