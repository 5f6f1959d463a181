// Runs in: main process and CLI (Node). trends.themes: the seed themes' counts from the theme rollups,
// their words from the mentions' theme rows, and emerging themes found in the mentions no seed covers.
import type { OpParsed, School, Theme } from '../../contract'
import type { RangeFilter, RollupsRepo } from '../../store/repos/rollups'
import { addTo, emptyCounts, previousPeriod, withNet } from '../overview'
import { emergingThemes } from './emerging'
import { stem } from './match'
import { SEED_THEMES } from './vocabulary'

export { drainThemes } from './indexer'
export { SEED_THEMES, EMERGING_PREFIX } from './vocabulary'

/** Mentions read to find emerging themes (the latest): enough to see a pattern, few enough to be quick. */
const SAMPLE = 400
/**
 * The latest mentions of the range looked at for theme words and the emerging sample: bounded, so the
 * cost is the same for a week or a year (a school with fewer in the range is read whole); large enough
 * that the unthemed ones (often one in ten or fewer) still make a sample with a pattern to find.
 */
const LATEST = 2000
/** Of those, how many lend their matched words to the themes' example terms (8 are shown). */
const TERMS_FROM = 1000
const SAFEGUARDING = /"(safeguarding|extremism)"/

export function buildThemes(
  repo: RollupsRepo,
  q: OpParsed<'trends.themes'>,
  school: School,
): Theme[] {
  const f: RangeFilter = {
    schoolId: q.schoolId,
    from: q.from,
    to: q.to,
    sourceId: q.sourceId ?? null,
  }
  const counts = new Map<string, ReturnType<typeof emptyCounts>>()
  for (const [theme, sentiment, n] of repo.themeCounts(f)) {
    let c = counts.get(theme)
    if (!c) counts.set(theme, (c = emptyCounts()))
    addTo(c, sentiment, n)
  }
  // Theme words and the emerging-themes sample come from the range's latest mentions only (one
  // bounded index read), so a year costs what a week does.
  const latest = repo.latest(f, LATEST)
  const termFreq = new Map<string, Map<string, number>>()
  for (const r of repo.themeTerms(latest.slice(0, TERMS_FROM))) {
    const m = termFreq.get(r.theme) ?? new Map<string, number>()
    for (const t of r.terms.split(',')) if (t) m.set(t, (m.get(t) ?? 0) + 1)
    termFreq.set(r.theme, m)
  }
  const seeds: Theme[] = SEED_THEMES.filter((t) => counts.get(t.key)?.total).map((t) => ({
    key: t.key,
    label: t.label,
    counts: withNet(counts.get(t.key)!),
    terms: [...(termFreq.get(t.key) ?? [])]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([w]) => w),
  }))

  // Safeguarding items never lend their words to a theme name anyone can read.
  const sample = repo.sample(latest, SAMPLE, true).filter((d) => !SAFEGUARDING.test(d.flags_json))
  const docs = sample.map((d) => ({
    text: d.title ? `${d.title}\n${d.text}` : d.text,
    sentiment: d.sentiment,
  }))
  const emerging: Theme[] = emergingThemes(
    docs,
    () =>
      repo
        .sample(repo.latest({ ...f, ...previousPeriod(q.from, q.to) }, SAMPLE), SAMPLE, false)
        .map((d) => (d.title ? `${d.title}\n${d.text}` : d.text)),
    namesOf(school),
  ).map((e) => {
    const c = emptyCounts()
    for (const i of e.docs) addTo(c, docs[i].sentiment, 1)
    return { key: e.key, label: e.label, counts: withNet(c), terms: e.terms }
  })

  return [...seeds, ...emerging].sort(
    (a, b) => b.counts.total - a.counts.total || a.label.localeCompare(b.label),
  )
}

/** The school's own names and places, as stems: they are in every mention, so never a theme. */
function namesOf(school: School): Set<string> {
  const words = [school.name, ...school.aliases, school.town, school.localAuthority]
    .join(' ')
    .split(/[^\p{L}\p{N}'’]+/u)
    .filter(Boolean)
  return new Set(words.map(stem))
}
