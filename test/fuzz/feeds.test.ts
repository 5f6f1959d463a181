// Runs in: Vitest (Node). Fuzzes the feed parser (sniff, date repair, rss-parser, item shaping) with
// arbitrary bodies and with RSS/Atom documents built from hostile parts: entities and DTDs, huge
// attributes, CDATA, broken encodings, truncation. It must answer with well-formed items or a
// specific SourceError, quickly, without the heap growing across runs.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseFeedBody } from '../../src-main/sources/feeds/connector'
import { SourceError } from '../../src-main/sources/errors'
import {
  MAX_CASE_MS,
  MAX_HEAP_GROWTH_BYTES,
  checkItem,
  ensure,
  heapUsed,
  hostileText,
  params,
  testTimeout,
  timedAsync,
} from './fuzz'
import { dateText, xmlEscape } from './feed-parts'

const FEED_URL = 'https://news.example/feed.xml'
const NOW = new Date(Date.UTC(2025, 2, 5, 12))

const HOSTILE_FRAGMENTS = [
  '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
  '<!DOCTYPE rss SYSTEM "file:///etc/passwd">',
  '<!ENTITY xxe SYSTEM "file:///etc/passwd">',
  '&xxe;',
  '&c;',
  '&unknown;',
  '&#xD800;',
  '&#99999999;',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<?xml version="1.0" encoding="ISO-8859-1"?>',
  '<?xml version="1.0" encoding="nonsense"?>',
  '\ufffd\ufffd',
  'Ã©Ã¨', // UTF-8 read as Latin-1
  '\u0000',
  '</item>',
  '<item>',
  '</channel>',
  '<entry>',
  '<a:b:c>',
  '<x xmlns:a="urn:a" a:y="1"/>',
  '<pubDate>Mon, 32 Foo 2025 99:99:99 BST</pubDate>',
  '<published>yesterday</published>',
  '<updated></updated>',
  `<link href="${'h'.repeat(2000)}"/>`,
]

const text = (n: number) =>
  fc.oneof(
    { weight: 3, arbitrary: hostileText(n).map(xmlEscape) },
    { weight: 1, arbitrary: hostileText(n) }, // unescaped: markup and stray & in the XML itself
    { weight: 1, arbitrary: hostileText(n).map((t) => `<![CDATA[${t}]]>`) },
  )

const rssItem = fc
  .record(
    {
      title: text(8),
      link: fc.oneof(fc.webUrl(), text(4), fc.constantFrom('/relative', 'javascript:alert(1)')),
      guid: text(4),
      description: text(30),
      pubDate: dateText,
      creator: text(3),
      category: text(3),
    },
    { requiredKeys: [] },
  )
  .map((f) =>
    [
      '<item>',
      f.title !== undefined ? `<title>${f.title}</title>` : '',
      f.link !== undefined ? `<link>${f.link}</link>` : '',
      f.guid !== undefined ? `<guid isPermaLink="false">${f.guid}</guid>` : '',
      f.description !== undefined ? `<description>${f.description}</description>` : '',
      f.pubDate !== undefined ? `<pubDate>${f.pubDate}</pubDate>` : '',
      f.creator !== undefined ? `<dc:creator>${f.creator}</dc:creator>` : '',
      f.category !== undefined ? `<category>${f.category}</category>` : '',
      '</item>',
    ].join(''),
  )

const atomEntry = fc
  .record(
    {
      title: text(8),
      href: fc.oneof(fc.webUrl(), text(4)),
      id: text(4),
      content: text(30),
      published: dateText,
      updated: dateText,
      author: text(3),
      attr: fc.string({ maxLength: 30 }).map(xmlEscape),
    },
    { requiredKeys: [] },
  )
  .map((f) =>
    [
      '<entry>',
      f.title !== undefined ? `<title type="html">${f.title}</title>` : '',
      f.href !== undefined ? `<link rel="alternate" href="${f.href}" x="${f.attr ?? ''}"/>` : '',
      f.id !== undefined ? `<id>${f.id}</id>` : '',
      f.content !== undefined ? `<content type="html">${f.content}</content>` : '',
      f.published !== undefined ? `<published>${f.published}</published>` : '',
      f.updated !== undefined ? `<updated>${f.updated}</updated>` : '',
      f.author !== undefined ? `<author><name>${f.author}</name></author>` : '',
      '</entry>',
    ].join(''),
  )

const document = fc.oneof(
  fc
    .tuple(text(6), fc.array(rssItem, { maxLength: 5 }))
    .map(
      ([title, items]) =>
        `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${title}</title>${items.join('')}</channel></rss>`,
    ),
  fc
    .tuple(text(6), fc.array(atomEntry, { maxLength: 5 }))
    .map(
      ([title, entries]) =>
        `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${title}</title>${entries.join('')}</feed>`,
    ),
)

/** A document, then broken: a hostile fragment spliced in, or cut short, or both. */
const hostileDocument = fc
  .tuple(
    document,
    fc.array(fc.tuple(fc.constantFrom(...HOSTILE_FRAGMENTS), fc.nat()), { maxLength: 3 }),
    fc.option(fc.nat(), { freq: 4 }),
  )
  .map(([doc, splices, cut]) => {
    let out = doc
    for (const [frag, at] of splices) {
      const i = at % (out.length + 1)
      out = out.slice(0, i) + frag + out.slice(i)
    }
    return cut === null ? out : out.slice(0, cut % (out.length + 1))
  })

const anyBody = fc.oneof(
  { weight: 6, arbitrary: hostileDocument },
  { weight: 2, arbitrary: document },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc.string({ maxLength: 100 }).map((s) => `<rss><channel>${s}</channel></rss>`),
  },
)

async function parseOrError(body: string) {
  try {
    return await parseFeedBody(body, 'application/rss+xml', FEED_URL, NOW)
  } catch (e) {
    // The only acceptable failure: a specific, user-worded SourceError.
    if (!(e instanceof SourceError)) throw e
    ensure(e.code === 'not_a_feed' || e.code === 'parse', 'error code', e.code)
    ensure(e.message.length > 0, 'a SourceError says what went wrong')
    return null
  }
}

describe('feed parser fuzz', () => {
  it(
    'any body gives well-formed items (unique ids, at most 500) or a specific error; no case is slow; the heap stays flat',
    async () => {
      const { fn, stats } = timedAsync(async (body: string) => {
        const r = await parseOrError(body)
        if (!r) return
        ensure(r.items.length <= 500, 'at most 500 items')
        ensure(new Set(r.items.map((i) => i.externalId)).size === r.items.length, 'unique ids')
        for (const item of r.items) checkItem(item)
        ensure(r.title === null || (typeof r.title === 'string' && r.title.length > 0), 'title')
      })
      // Warm the parser and its lazy tables before measuring the heap.
      await fc.assert(fc.asyncProperty(anyBody, fn), params({ numRuns: 300, seed: 1 }))
      const before = heapUsed()
      await fc.assert(fc.asyncProperty(anyBody, fn), params())
      const growth = heapUsed() - before
      expect(stats.max).toBeLessThan(MAX_CASE_MS)
      expect(growth).toBeLessThan(MAX_HEAP_GROWTH_BYTES)
    },
    testTimeout(90_000),
  )

  it(
    'a valid RSS item round-trips: id, link, title and text come out as written',
    async () => {
      const word = fc.stringMatching(/^[A-Za-z0-9]{1,10}$/)
      const item = fc.record({
        guid: fc.stringMatching(/^[A-Za-z0-9:._-]{1,30}$/),
        title: fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')),
        body: fc.array(word, { maxLength: 20 }).map((w) => w.join(' ')),
        path: fc.stringMatching(/^[a-z0-9-]{1,20}$/),
        at: fc.date({
          min: new Date(Date.UTC(1996, 0, 1)),
          max: new Date(Date.UTC(2025, 2, 1)),
          noInvalidDate: true,
        }),
      })
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(item, { maxLength: 4, selector: (i) => i.guid }),
          async (its) => {
            const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${its
              .map(
                (i) =>
                  `<item><guid>${i.guid}</guid><link>https://news.example/${i.path}</link><title>${i.title}</title><description>${i.body}</description><pubDate>${i.at.toUTCString()}</pubDate></item>`,
              )
              .join('')}</channel></rss>`
            const r = await parseFeedBody(xml, 'application/rss+xml', FEED_URL, NOW)
            expect(r.items.map((i) => i.externalId)).toEqual(its.map((i) => i.guid))
            r.items.forEach((got, n) => {
              const want = its[n]
              expect(got.url).toBe(`https://news.example/${want.path}`)
              expect(got.title).toBe(want.title)
              expect(got.text).toBe(want.body)
              expect(got.publishedAt).toBe(
                new Date(Math.floor(want.at.getTime() / 1000) * 1000).toISOString(),
              )
            })
          },
        ),
        params({ numRuns: Math.max(1, Math.floor(params().numRuns! / 5)) }),
      )
    },
    testTimeout(30_000),
  )

  it('dedicated large inputs: a 600-item feed, a 1 MB attribute, an entity bomb', async () => {
    const many = `<rss version="2.0"><channel><title>Big</title>${Array.from(
      { length: 600 },
      (_, i) =>
        `<item><guid>g${i}</guid><title>Item ${i}</title><description>${'word '.repeat(200)}</description></item>`,
    ).join('')}</channel></rss>`
    const t0 = performance.now()
    const big = await parseFeedBody(many, null, FEED_URL, NOW)
    expect(big.items).toHaveLength(500)
    const huge = `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>x</id><link href="https://a.example/" data-x="${'A'.repeat(1_000_000)}"/><title>t</title></entry></feed>`
    const h = await parseFeedBody(huge, null, FEED_URL, NOW)
    expect(h.items.map((i) => i.url)).toEqual(['https://a.example/'])
    // Billion laughs: entities declared in a DTD are never expanded.
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "${'a'.repeat(100)}">${Array.from(
      { length: 9 },
      (_, i) =>
        `<!ENTITY ${'b'.repeat(i + 1)} "${`&${i === 0 ? 'a' : 'b'.repeat(i)};`.repeat(10)}">`,
    ).join(
      '',
    )}]><rss version="2.0"><channel><title>B</title><item><guid>1</guid><description>&bbbbbbbbb;</description></item></channel></rss>`
    const b = await parseOrError(bomb)
    for (const i of b?.items ?? []) expect(i.text.length).toBeLessThan(20_100)
    expect(performance.now() - t0).toBeLessThan(10_000)
  })
})
