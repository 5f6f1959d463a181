// Runs in: Node (`npm run bench:scale`). The bench fixture: fictional schools, their sources, and N
// mentions over three years, stored through the app's own repositories (mentions.insert, analyses.put)
// so the rollups are built by 0007's triggers exactly as the app builds them, then themes indexed by
// the app's indexer. Chunks of rows share one transaction: it is a fixture, not an ingest benchmark.
import { performance } from 'node:perf_hooks'
import type { Store } from '../../src-main/store'
import { SchoolInput, type SourceKind } from '../../src-main/contract'
import { drainThemes } from '../../src-main/trends/themes'
import { rollupsRepo } from '../../src-main/store/repos/rollups'

const KINDS: SourceKind[] = [
  'feed',
  'mumsnet',
  'facebook',
  'google_business',
  'x',
  'bluesky',
  'wikipedia',
]
const TOPICS = [
  ['bullying', 'my daughter was bullied at break and nobody did anything', 'negative'],
  ['lunch', 'the school lunches are cold and the portions tiny', 'negative'],
  ['uniform', 'uniform prices went up again, blazer is forty pounds', 'negative'],
  ['send', 'the SENCO has been brilliant with our son and his EHCP', 'positive'],
  ['ofsted', 'Ofsted inspection report out today, rated good', 'positive'],
  ['parking', 'parking at pick up is dangerous, someone will get hurt', 'negative'],
  ['homework', 'far too much homework for year 4', 'negative'],
  ['head', 'the new headteacher is making real changes', 'positive'],
  ['trip', 'the residential trip was amazing, thank you to the staff', 'positive'],
  ['exams', 'great exam results this year, well done everyone', 'positive'],
  ['communication', 'communication from the office is poor, emails never answered', 'negative'],
  ['admissions', 'anyone know the catchment for reception admissions', 'neutral'],
  ['sports', 'sports day moved to Friday because of the weather', 'neutral'],
  ['building', 'the new classroom block and library look fantastic', 'positive'],
  ['cycle', 'the cycle lane on the high street is confusing near the school', 'neutral'],
] as const
const FILLER =
  'honestly really think today week class year teacher children parents said again local town new term after before everyone'.split(
    ' ',
  )
const FLAGS_BY_SENTIMENT: Record<string, string[][]> = {
  negative: [['complaint'], ['complaint', 'staff_named'], ['abuse'], []],
  positive: [['praise'], []],
  neutral: [['question'], []],
}

/** A small fast PRNG (mulberry32): the same seed gives the same database. */
export function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface Generated {
  schoolIds: number[]
  /** The school with the most mentions: the one every query is measured on. */
  bigSchoolId: number
  seconds: number
}

export function generate(
  store: Store,
  n: number,
  schools: number,
  years: number,
  now: Date,
  log: (s: string) => void,
): Generated {
  const started = performance.now()
  const rand = rng(20261121)
  const at = now.toISOString()
  const schoolIds: number[] = []
  const sourcesOf = new Map<number, number[]>()
  store.tx(() => {
    for (let i = 1; i <= schools; i++) {
      const s = store.schools.create(
        SchoolInput.parse({
          name: `Bench Test School ${i}`,
          urn: String(900000 + i),
          town: `Benchtown ${i}`,
          localAuthority: 'Fictional Council',
        }),
        at,
      )
      schoolIds.push(s.id)
      sourcesOf.set(
        s.id,
        KINDS.map(
          (kind) =>
            store.sources.create(
              { kind, name: `${kind} ${i}`, schoolId: s.id, intervalMinutes: 60, config: {} },
              at,
            ).id,
        ),
      )
    }
  })
  // One big school (a tenth of everything: its inbox is the 100,000-row result), the rest even.
  const bigShare = 0.12
  const span = years * 365 * 86_400_000
  const end = now.getTime()
  const CHUNK = 20_000
  let done = 0
  // Facts are derived after the load by 0007's backfill statement (per-row triggers set aside), and
  // the rollups built from them by 0007's triggers: the same SQL the app runs, in one pass.
  rollupsRepo(store.db).bulkLoad(() => load())
  log('  rollups built; indexing themes…')
  drainThemes(store)
  return { schoolIds, bigSchoolId: schoolIds[0], seconds: (performance.now() - started) / 1000 }

  function load(): void {
    while (done < n) {
      const count = Math.min(CHUNK, n - done)
      store.tx(() => {
        for (let k = 0; k < count; k++) {
          const i = done + k
          const school =
            rand() < bigShare ? schoolIds[0] : schoolIds[1 + Math.floor(rand() * (schools - 1))]
          const sources = sourcesOf.get(school)!
          const sourceId = sources[Math.floor(rand() * sources.length)]
          // Mentions arrive in time order (ids grow with time, as in the app).
          const said = end - span + Math.floor((i / n) * span) + Math.floor(rand() * 3_600_000)
          const seen = Math.min(end, said + Math.floor(rand() * 6 * 3_600_000))
          const topic = TOPICS[Math.floor(rand() * TOPICS.length)]
          const words = Array.from(
            { length: 4 + Math.floor(rand() * 12) },
            () => FILLER[Math.floor(rand() * FILLER.length)],
          )
          const text = `${words.slice(0, 3).join(' ')} ${topic[1]} ${words.slice(3).join(' ')} (${i})`
          const r = rand()
          const label =
            r < 0.7 ? topic[2] : r < 0.85 ? 'neutral' : r < 0.93 ? 'negative' : 'positive'
          const flagSets = FLAGS_BY_SENTIMENT[label]
          const flags = flagSets[Math.floor(rand() * flagSets.length)]
          const p = rand()
          const publishedAt =
            p < 0.1
              ? null
              : p < 0.105
                ? new Date(end + 86_400_000 * 30).toISOString()
                : new Date(said).toISOString()
          const id = store.mentions.insert(
            {
              sourceId,
              schoolId: school,
              externalId: `bench-${i}`,
              url: `https://site${i % 500}.example/post/${i}`,
              canonicalUrl: null,
              title: null,
              author: `Author ${i % 5000}`,
              authorUrl: null,
              publishedAt,
              text,
              raw: null,
              meta: {},
              matchedAlias: 'Bench Test School',
              contentHash: `bench-${i}`,
              duplicateOf: null,
            },
            new Date(seen).toISOString(),
          )
          if (id === null) continue
          // 2% stay unanalysed (an engine failure); the rest have a verdict.
          if (rand() < 0.98)
            store.analyses.put(
              id,
              {
                engine: 'builtin',
                engineVersion: 'bench',
                sentiment: {
                  label,
                  score: label === 'negative' ? -0.6 : label === 'positive' ? 0.6 : 0,
                },
                flags,
                priority: label === 'negative' && rand() < 0.1 ? 'high' : 'normal',
                owner: 'orm_lead',
                evidence: [],
              },
              new Date(seen).toISOString(),
            )
        }
      })
      done += count
      if (done % 100_000 === 0 || done === n)
        log(
          `  ${done.toLocaleString('en-GB')} mentions (${((performance.now() - started) / 1000).toFixed(0)} s)`,
        )
    }
  }
}
