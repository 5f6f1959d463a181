// Runs in: main process and CLI (Node). Collects what a pre-Ofsted snapshot says. Trend figures come
// from the trends service when it is there (one set of rules for every chart in Footprint); otherwise
// they are counted here from the period's mentions. Safeguarding items are counted, never quoted.
import {
  FLAG_INFO,
  INCIDENT_EVENT_LABELS,
  SOURCE_KIND_LABELS,
  type Mention,
  type School,
} from '../../contract'
import type { Theme, TrendsOverview } from '../../contract/trends'
import type { Store } from '../../store'
import { SLA_RULES, type SchoolCalendar } from '../../workflow/sla'
import { isSafeguardingItem } from '../../workflow/visibility'
import type { WorkflowSettings } from '../../contract'
import { excerpt, redact } from '../redact'
import { bucketFor, buckets, count, dayOf, previousPeriod } from './counting'
import { slaFigures } from './sla'
import type { SnapshotFigures } from './types'

export interface TrendsAccess {
  overview(q: {
    schoolId: number
    from: string
    to: string
    bucket: string
  }): Promise<TrendsOverview | null>
  themes(q: { schoolId: number; from: string; to: string; bucket: string }): Promise<Theme[] | null>
}

export interface GatherInput {
  store: Store
  school: School
  from: string
  to: string
  now: Date
  settings: WorkflowSettings
  calendar: SchoolCalendar
  trends: TrendsAccess
}

const PRIORITY_RANK = { urgent: 0, high: 1, normal: 2, low: 3 } as const
const RULE_WORDS: Record<string, string> = {
  'working-hours': 'within {h} working {hours}',
  'elapsed-on-working-days':
    'within {h} hours (the next working day if it arrives at a weekend or holiday)',
  'next-working-day': 'by the end of the next working day',
}

export async function gatherFigures(g: GatherInput): Promise<SnapshotFigures> {
  const { store, school, from, to } = g
  const tz = g.calendar.timeZone
  const prev = previousPeriod(from, to)
  const all = store.triage.inbox({
    schoolId: school.id,
    state: 'all',
    includeSnoozed: true,
    now: g.now.toISOString(),
    limit: 1_000_000,
  })
  const inPeriod = all.filter((t) => within(dayOf(t.mention, tz), from, to))
  const inPrevious = all.filter((t) => within(dayOf(t.mention, tz), prev.from, prev.to))
  const mentions = inPeriod.map((t) => t.mention)

  const bucket = bucketFor(from, to)
  const q = { schoolId: school.id, from, to, bucket }
  const overview = await g.trends.overview(q)
  const themes = await g.trends.themes(q)

  const headline = overview
    ? { ...overview.totals, previous: { ...overview.previous } }
    : { ...count(mentions), previous: { ...count(inPrevious.map((t) => t.mention)), ...prev } }
  const trendRows = overview
    ? overview.buckets
    : buckets(from, to, bucket).map((b) => ({
        ...b,
        ...count(mentions.filter((m) => within(dayOf(m, tz), b.start, b.end))),
      }))
  const sources = overview
    ? overview.bySource.map((s) => ({ name: s.name, kind: s.kind, total: s.total }))
    : bySource(mentions)

  return {
    version: 1,
    school: {
      id: school.id,
      name: school.name,
      urn: school.urn,
      town: school.town,
      localAuthority: school.localAuthority,
    },
    period: { from, to, timeZone: tz },
    generatedAt: g.now.toISOString(),
    figuresFrom: overview ? 'trends' : 'mentions',
    headline,
    trend: { bucket, rows: trendRows },
    sources: sources.filter((s) => s.total > 0).sort((a, b) => b.total - a.total),
    themes: themes
      ? themes
          .filter((t) => t.counts.total > 0)
          .slice(0, 10)
          .map((t) => ({
            label: t.label,
            total: t.counts.total,
            negative: t.counts.negative,
            positive: t.counts.positive,
          }))
      : flagThemes(mentions),
    rating: overview
      ? overview.rating.map((r) => ({
          observedAt: r.observedAt,
          rating: r.rating,
          reviewCount: r.reviewCount,
        }))
      : ratingFromState(store, school.id, from, to),
    wikipedia: wikipedia(store, school.id, mentions),
    notable: notable(mentions),
    safeguardingCount: mentions.filter(isSafeguardingItem).length,
    incidents: incidents(store, school.id, from, to, tz),
    sla: slaFigures(inPeriod, g.calendar, g.now),
    practice: practice(store, school.id, g.settings),
  }
}

const within = (day: string, from: string, to: string) => day >= from && day <= to

function bySource(mentions: readonly Mention[]): SnapshotFigures['sources'] {
  const map = new Map<string, SnapshotFigures['sources'][number]>()
  for (const m of mentions) {
    const s = map.get(m.sourceName) ?? { name: m.sourceName, kind: m.sourceKind, total: 0 }
    s.total++
    map.set(m.sourceName, s)
  }
  return [...map.values()]
}

/** Without the trends service's themes, the policy flags are the themes. */
function flagThemes(mentions: readonly Mention[]): SnapshotFigures['themes'] {
  const map = new Map<string, SnapshotFigures['themes'][number]>()
  for (const m of mentions) {
    if (isSafeguardingItem(m)) continue
    for (const f of m.analysis?.flags ?? []) {
      const t = map.get(f) ?? { label: FLAG_INFO[f].label, total: 0, negative: 0, positive: 0 }
      t.total++
      if (m.analysis?.sentiment.label === 'negative') t.negative++
      if (m.analysis?.sentiment.label === 'positive') t.positive++
      map.set(f, t)
    }
  }
  return [...map.values()].sort((a, b) => b.total - a.total).slice(0, 10)
}

interface RatingReading {
  averageRating?: number | null
  totalReviewCount?: number | null
  observedAt?: string
}

function ratingFromState(
  store: Store,
  schoolId: number,
  from: string,
  to: string,
): SnapshotFigures['rating'] {
  const out: SnapshotFigures['rating'] = []
  for (const s of store.sources.list()) {
    if (s.schoolId !== schoolId || (s.kind !== 'google_business' && s.kind !== 'google_places'))
      continue
    const history = (store.sources.getRecord(s.id)?.state.ratingHistory ?? []) as RatingReading[]
    for (const r of history) {
      if (typeof r.averageRating !== 'number' || !r.observedAt) continue
      const day = r.observedAt.slice(0, 10)
      if (day < from || day > to) continue
      out.push({
        observedAt: r.observedAt,
        rating: r.averageRating,
        reviewCount: r.totalReviewCount ?? null,
      })
    }
  }
  return out.sort((a, b) => a.observedAt.localeCompare(b.observedAt))
}

function wikipedia(
  store: Store,
  schoolId: number,
  mentions: readonly Mention[],
): SnapshotFigures['wikipedia'] {
  const sources = store.sources
    .list()
    .filter((s) => s.schoolId === schoolId && s.kind === 'wikipedia')
  if (!sources.length) return null
  const pages: SnapshotFigures['wikipedia'] & object = { pages: [], edits: [] }
  for (const s of sources) {
    const state = (store.sources.getRecord(s.id)?.state ?? {}) as {
      pages?: Record<string, { missing?: boolean; lastRevId?: number }>
    }
    for (const title of (s.config.pages ?? []) as string[]) {
      const p = state.pages?.[title] ?? state.pages?.[title.replace(/_/g, ' ')]
      pages.pages.push({
        title,
        status: !p
          ? 'Watched; not read yet'
          : p.missing
            ? 'No such article'
            : 'Article exists and is watched',
      })
    }
  }
  for (const m of mentions) {
    if (m.sourceKind !== 'wikipedia') continue
    const meta = m.meta as {
      pageTitle?: string
      anonymous?: boolean
      sizeDelta?: number | null
      reverted?: boolean
      comment?: string
    }
    pages.edits.push({
      at: m.publishedAt ?? m.firstSeenAt,
      page: meta.pageTitle ?? m.title ?? '',
      // Editors' user names are people's names: the report says only what kind of editor it was.
      editor: meta.anonymous ? 'Unregistered editor' : 'Registered editor',
      sizeDelta: typeof meta.sizeDelta === 'number' ? meta.sizeDelta : null,
      reverted: meta.reverted === true,
      summary: excerpt(meta.comment ?? '', 120),
    })
  }
  pages.edits.sort((a, b) => b.at.localeCompare(a.at))
  pages.edits.splice(15)
  return pages
}

/** Most urgent and most strongly felt first; a few of the warmest too, so the picture is fair. */
function notable(mentions: readonly Mention[]): SnapshotFigures['notable'] {
  const open = mentions.filter((m) => m.analysis && !isSafeguardingItem(m))
  const concern = open
    .filter(
      (m) => m.analysis!.sentiment.label === 'negative' || PRIORITY_RANK[m.analysis!.priority] <= 1,
    )
    .sort(
      (a, b) =>
        PRIORITY_RANK[a.analysis!.priority] - PRIORITY_RANK[b.analysis!.priority] ||
        a.analysis!.sentiment.score - b.analysis!.sentiment.score,
    )
    .slice(0, 6)
  const praise = open
    .filter((m) => m.analysis!.sentiment.label === 'positive' && !concern.includes(m))
    .sort((a, b) => b.analysis!.sentiment.score - a.analysis!.sentiment.score)
    .slice(0, 3)
  return [...concern, ...praise].map((m) => {
    const a = m.analysis!
    const body = redact(m.text, 'text', a.evidence)
    // A personal-data flag a user added has no located words: the text is withheld whole.
    const unlocated =
      a.flags.includes('personal_info') && !a.evidence.some((e) => e.signal === 'personal_info')
    return {
      at: m.publishedAt ?? m.firstSeenAt,
      source: m.sourceName,
      sentiment: a.sentiment.label,
      flags: a.flags.map((f) => FLAG_INFO[f].label),
      text: unlocated ? 'Text withheld: it contains personal details.' : excerpt(body.text),
      redacted: unlocated || body.redacted,
    }
  })
}

function incidents(
  store: Store,
  schoolId: number,
  from: string,
  to: string,
  tz: string,
): SnapshotFigures['incidents'] {
  return store.incidents
    .list(schoolId, 'all')
    .filter(
      (i) =>
        dayOf({ publishedAt: null, firstSeenAt: i.created_at }, tz) <= to &&
        (!i.closed_at || dayOf({ publishedAt: null, firstSeenAt: i.closed_at }, tz) >= from),
    )
    .sort((a, b) => a.created_at.localeCompare(b.created_at))
    .map((i) => {
      const sg = i.safeguarding === 1
      return {
        // A safeguarding incident is shown only as existing and handled: no title, no references.
        title: sg
          ? 'Safeguarding incident (details are held by the designated safeguarding lead)'
          : i.title,
        status: i.status,
        openedAt: i.created_at,
        closedAt: i.closed_at,
        safeguarding: sg,
        mentionCount: i.mention_count,
        timeline: store.incidents.events(i.id).map((e) => ({
          at: e.occurred_at,
          action: INCIDENT_EVENT_LABELS[e.kind],
          reference: sg ? '' : e.reference,
        })),
      }
    })
}

function practice(
  store: Store,
  schoolId: number,
  settings: WorkflowSettings,
): SnapshotFigures['practice'] {
  const wh = settings.calendar.workingHours
  return {
    sources: store.sources
      .list()
      .filter((s) => s.schoolId === schoolId || s.schoolId === null)
      .map((s) => ({
        name: s.name,
        kind: SOURCE_KIND_LABELS[s.kind] ?? s.kind,
        everyMinutes: s.intervalMinutes,
        enabled: s.enabled,
      })),
    approval:
      'Every public reply is drafted in Footprint and approved by the headteacher before it is posted; only the headteacher replies to negative posts. Safeguarding and extremism items go to the designated safeguarding lead.',
    slaRules: SLA_RULES.map((r) => ({
      label: r.label,
      rule: (RULE_WORDS[r.clock.kind] ?? '')
        .replace('{h}', 'hours' in r.clock ? String(r.clock.hours) : '')
        .replace('{hours}', 'hours' in r.clock && r.clock.hours === 1 ? 'hour' : 'hours'),
    })),
    complaintsUrl: settings.complaintsUrl,
    workingHours: `${wh.start}–${wh.end}, working days only (bank holidays and closure days excluded)`,
    closures: settings.calendar.closures.length,
  }
}
