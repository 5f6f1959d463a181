// Runs in: Vitest (Node). Fuzzes what the Mumsnet connector does with what its page scripts read
// from a page (the scripts themselves run in Chromium): search results with hostile links, visible
// post times in any wording, and pagination links. Thread references must stay under the configured
// site; times are ISO or null; a layout change is the specific layout error, nothing else.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SourceError } from '../../src-main/sources/errors'
import { interpretSearchPage } from '../../src-main/sources/mumsnet/search'
import { lastPageOf } from '../../src-main/sources/mumsnet/thread'
import { parseMumsnetTime } from '../../src-main/sources/mumsnet/uk-time'
import { encodePart } from '../../src-main/sources/payload'
import { MAX_CASE_MS, NOW, ensure, hostileText, params, timed } from './fuzz'

const BASE = 'https://www.mumsnet.example/'
const THREAD = `${BASE}talk/primary/5012345-st-aldhelms`

const href = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('primary', 'am_i_being_unreasonable', 'x y', ''),
      fc.nat(),
      hostileText(4),
    )
    .map(([topic, id, slug]) => `${BASE}talk/${topic}/${id}-${encodePart(slug)}`),
  fc.constantFrom(
    'javascript:alert(1)',
    'https://evil.example/talk/primary/1-x',
    `${BASE}talk/primary/1-x?reply=2#p`,
    '/talk/primary/1-relative',
    `${BASE}../talk/primary/3-up`,
    'https://www.mumsnet.example.evil.example/talk/primary/4-x',
  ),
  fc.webUrl(),
  hostileText(6),
)

describe('Mumsnet page reading fuzz', () => {
  it('search results: refs under the site with numeric ids and canonical urls, or a layout error', () => {
    const page = fc.record({
      hasResultsList: fc.boolean(),
      hasNoResultsMarker: fc.boolean(),
      resultCount: fc.nat({ max: 30 }),
      links: fc.array(fc.record({ href, text: hostileText(6) }), { maxLength: 6 }),
    })
    const { fn, stats } = timed((raw: Parameters<typeof interpretSearchPage>[0]) => {
      let refs
      try {
        refs = interpretSearchPage(raw, `${BASE}search?q=x`, BASE)
      } catch (e) {
        ensure(
          e instanceof SourceError && e.code === 'parse' && /page layout/.test(e.message),
          'only the layout error',
          String(e),
        )
        return
      }
      ensure(new Set(refs.map((r) => r.id)).size === refs.length, 'one ref per thread')
      for (const r of refs) {
        ensure(/^\d+$/.test(r.id), 'numeric id', r)
        ensure(
          r.url.startsWith(`${BASE}talk/`) && !/[?#]/.test(r.url),
          'canonical, under the site',
          r,
        )
        ensure(r.title === null || typeof r.title === 'string', 'title', r)
      }
    })
    fc.assert(fc.property(page, fn), params())
    expect(stats.max).toBeLessThan(MAX_CASE_MS)
  })

  it('post times: ISO UTC within a sane range, or null; never a throw', () => {
    const timeText = fc.oneof(
      fc
        .tuple(
          fc.integer({ min: 0, max: 40 }),
          fc.integer({ min: 0, max: 14 }),
          fc.integer({ min: 0, max: 2100 }),
          fc.integer({ min: 0, max: 30 }),
          fc.integer({ min: 0, max: 70 }),
        )
        .map(([d, m, y, h, mi]) => `${d}/${m}/${y} ${h}:${String(mi).padStart(2, '0')}`),
      fc
        .tuple(
          fc.constantFrom('Today', 'Yesterday', 'today', 'Tomorrow'),
          fc.integer({ min: 0, max: 30 }),
          fc.integer({ min: 0, max: 99 }),
        )
        .map(([w, h, m]) => `${w} ${h}:${m}`),
      hostileText(6),
    )
    const datetime = fc.option(
      fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        fc.constantFrom(
          '2025-03-05T10:00:00+01:00',
          '2025-03-05T10:00:00',
          '+275760-09-13T00:00:00.000Z',
          'Z',
          '9999-99-99T99:99:99+00:00',
        ),
        hostileText(4),
      ),
    )
    const { fn, stats } = timed((dt: string | null, text: string | null) => {
      const at = parseMumsnetTime(dt, text, new Date(NOW))
      if (at === null) return
      ensure(new Date(at).toISOString() === at, 'ISO UTC', { dt, text, at })
    })
    fc.assert(fc.property(datetime, fc.option(timeText), fn), params())
    expect(stats.max).toBeLessThan(MAX_CASE_MS)
  })

  it('pagination: the last page is a whole number, never below the current page', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            href,
            fc.nat({ max: 500 }).map((n) => `${THREAD}?page=${n}`),
            fc.constantFrom(`${THREAD}?page=1e3`, `${THREAD}?page=-2`, `${THREAD}?page=2.5`),
          ),
          { maxLength: 6 },
        ),
        fc.integer({ min: 1, max: 5 }),
        (links, current) => {
          const last = lastPageOf(
            { title: 't', hasPostList: true, posts: [], pageLinks: links },
            THREAD,
            current,
          )
          ensure(
            Number.isInteger(last) && last >= current,
            'whole page number at or after the current one',
            { links, last },
          )
        },
      ),
      params(),
    )
  })
})
