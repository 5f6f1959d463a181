// Runs in: Vitest (Node). Fuzzes the MediaWiki connector with Action API answers (revisions, compare
// diffs, new-page content, list=search) mutated from their formatversion=2 shapes, on a first run
// and on a later run with tracked revisions; and the diff reader with hostile table rows.
import fc from 'fast-check'
import { isDeepStrictEqual } from 'node:util'
import { describe, expect, it } from 'vitest'
import { SourceError } from '../../src-main/sources/errors'
import { extractDiff, wikipediaConnector } from '../../src-main/sources/wikipedia'
import { MAX_TEXT_CHARS } from '../../src-main/sources/feeds/html-text'
import {
  MAX_CASE_MS,
  NOW,
  body,
  checkItem,
  ensure,
  fakeHttp,
  hostileText,
  params,
  testTimeout,
  timed,
  timedAsync,
} from './fuzz'

const API = 'https://en.wikipedia.example/w/api.php'
const TITLE = "St Aldhelm's C of E Primary School"

const REVISION = {
  revid: 101,
  parentid: 100,
  minor: false,
  user: '203.0.113.5',
  anon: true,
  userid: 0,
  timestamp: '2025-03-04T10:00:00Z',
  size: 5000,
  comment: 'the head is awful',
  tags: ['mw-rollback'],
}
const REVISIONS = {
  batchcomplete: true,
  query: {
    pages: [
      {
        pageid: 1,
        ns: 0,
        title: TITLE,
        revisions: [REVISION, { ...REVISION, revid: 102, parentid: 0, tags: ['mw-reverted'] }],
      },
    ],
  },
  continue: { rvcontinue: '20250304|103', continue: '||' },
}
const COMPARE = {
  compare: {
    fromid: 1,
    fromrevid: 100,
    torevid: 101,
    fromsize: 4900,
    tosize: 5000,
    body: '<tr><td class="diff-marker">+</td><td class="diff-addedline"><div>The head is <ins class="diffchange">awful</ins></div></td><td class="diff-deletedline"><div><del>great</del></div></td></tr><tr><td><a name="movedpara_1"></a></td><td class="diff-addedline"><div>New line</div></td></tr>',
  },
}
const CONTENT = {
  query: { pages: [{ revisions: [{ slots: { main: { content: 'A new page' } } }] }] },
}
const SEARCH = {
  query: {
    search: [
      {
        ns: 0,
        title: 'Hollinbury',
        pageid: 55,
        size: 100,
        wordcount: 10,
        snippet: 'home of <span class="searchmatch">St Aldhelm</span>&#039;s',
        timestamp: '2025-03-01T00:00:00Z',
      },
    ],
  },
  continue: { sroffset: 50, continue: '-||' },
}
const MAXLAG = { error: { code: 'maxlag', info: 'Waiting', lag: 7 } }

const routes: [RegExp, fc.Arbitrary<string>][] = [
  [/list=search/, body(SEARCH)],
  [/action=compare/, body(COMPARE)],
  [/rvprop=content/, body(CONTENT)],
  [
    /./,
    fc.oneof({ weight: 12, arbitrary: body(REVISIONS) }, { weight: 1, arbitrary: body(MAXLAG) }),
  ],
]

const LATER_STATE = {
  pages: {
    [TITLE]: {
      lastRevId: 100,
      lastSize: 4900,
      tracked: [{ revid: 101, tags: [], timestamp: '2025-03-04T10:00:00Z' }],
      recheckRuns: 2,
    },
  },
  search: { 'St Aldhelm': [1, 2] },
}

const config = wikipediaConnector.configSchema.parse({
  apiUrl: API,
  pages: [TITLE],
  searchTerms: ['St Aldhelm'],
  initialRevisions: 3,
})

describe('wiki JSON fuzz', () => {
  it(
    'revisions, diffs and search answers give valid items and JSON state, or a SourceError',
    async () => {
      const answers = fc.tuple(
        ...routes.map(([, b]) => fc.array(b, { minLength: 1, maxLength: 3 })),
        fc.constantFrom<Record<string, unknown>>({}, LATER_STATE),
      )
      const { fn, stats } = timedAsync(async (a: unknown[]) => {
        const state = a.at(-1) as Record<string, unknown>
        const bodies = a.slice(0, -1) as string[][]
        const counts = routes.map(() => 0)
        const http = fakeHttp((url) => {
          const i = routes.findIndex(([re]) => re.test(url))
          return { body: bodies[i][counts[i]++] ?? '{}' }
        })
        try {
          const r = await wikipediaConnector.fetch(config, state, {
            http,
            now: () => new Date(NOW),
          })
          for (const item of [...r.items, ...(r.updates ?? [])]) checkItem(item)
          ensure(new Set(r.items.map((i) => i.externalId)).size === r.items.length, 'unique ids')
          ensure(
            isDeepStrictEqual(JSON.parse(JSON.stringify(r.state)), r.state),
            'state is JSON',
            r.state,
          )
        } catch (e) {
          if (!(e instanceof SourceError)) throw e
          ensure(e.message.length > 0, 'a SourceError says what went wrong')
        }
      })
      await fc.assert(fc.asyncProperty(answers, fn), params())
      expect(stats.max).toBeLessThan(MAX_CASE_MS)
    },
    testTimeout(60_000),
  )

  it('extractDiff: capped text, never markup from a well-formed row; added words round-trip', () => {
    const cell = fc.tuple(
      fc.constantFrom('diff-addedline', 'diff-deletedline', 'diff-context', 'diff-marker'),
      fc.array(
        fc.oneof(hostileText(6), fc.constantFrom('<ins>x</ins>', '<del>y</del>', '<div>', '</td>')),
        {
          maxLength: 4,
        },
      ),
    )
    const rows = fc
      .array(fc.array(cell, { maxLength: 3 }), { maxLength: 5 })
      .map((rs) =>
        rs
          .map(
            (cs) =>
              `<tr>${cs.map(([cls, parts]) => `<td class="${cls}">${parts.join('')}</td>`).join('')}</tr>`,
          )
          .join(''),
      )
    const { fn, stats } = timed((html: string, words: string[]) => {
      const d = extractDiff(html)
      ensure(
        d.added.length <= MAX_TEXT_CHARS + 1 && d.removed.length <= MAX_TEXT_CHARS + 1,
        'capped',
      )
      const plain = words.join(' ')
      const own = extractDiff(`<tr><td class="diff-addedline"><div>${plain}</div></td></tr>`)
      ensure(own.added === plain, 'an added line comes out as written', { plain, own })
    })
    fc.assert(
      fc.property(rows, fc.array(fc.stringMatching(/^[A-Za-z0-9]{1,8}$/), { maxLength: 8 }), fn),
      params(),
    )
    expect(stats.max).toBeLessThan(MAX_CASE_MS)
  })
})
