// Runs in: Vitest (Node). Mentions with a known machine verdict, stored the way ingest stores them.
import type { Store } from '../../src-main/store'
import type { AnalysisRow } from '../../src-main/store/repos/analyses'
import { schoolAnalyzer } from '../../src-main/services/analysis'
import { SCHOOL } from '../helpers/service'
import { SchoolInput } from '../../src-main/contract'

export const AT = '2026-11-21T08:00:00.000Z'

export function seedSchoolAndSource(store: Store) {
  const school = store.schools.create(SchoolInput.parse(SCHOOL), AT)
  const source = store.sources.create(
    { kind: 'feed', name: 'Gazette', schoolId: null, intervalMinutes: 30, config: { url: 'https://g.example/rss' } },
    AT,
  ) // prettier-ignore
  let n = 0
  /** A mention with the verdict given (or, with verdict 'engine', the built-in engine's). */
  function mention(
    text: string,
    verdict: Partial<AnalysisRow> | 'engine' | null,
    opts: { title?: string | null; hidden?: boolean } = {},
  ): number {
    n++
    const title = opts.title === undefined ? null : opts.title
    const id = store.mentions.insert(
      {
        sourceId: source.id,
        schoolId: school.id,
        externalId: `item-${n}`,
        url: null,
        canonicalUrl: null,
        title,
        author: null,
        authorUrl: null,
        publishedAt: null,
        text,
        raw: null,
        meta: {},
        matchedAlias: "St Aldhelm's",
        contentHash: `hash-${n}`,
        duplicateOf: null,
      },
      AT,
    )!
    if (verdict === 'engine') {
      // As ingest does: the engine reads the title and the text together.
      store.analyses.put(id, schoolAnalyzer()(title ? `${title}\n${text}` : text, school), AT)
    } else if (verdict) {
      store.analyses.put(
        id,
        {
          engine: 'builtin',
          engineVersion: 'test',
          sentiment: { label: 'neutral', score: 0 },
          flags: [],
          priority: 'low',
          owner: 'orm_lead',
          evidence: [],
          ...verdict,
        },
        AT,
      )
    }
    if (opts.hidden) store.mentions.hide(id, 'not about us: "test"', AT)
    return id
  }
  return { school, source, mention }
}
