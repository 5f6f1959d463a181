// Runs in: main process and CLI (Node). Spike alerts, evaluated after each poll's new mentions.
//
// A school is mentioned a few times a week, so a statistical threshold (a z-score over a baseline) fires
// on noise: one angry evening doubles the rate. The rules are absolute instead, and each explains
// itself: "at least N negative mentions said within the last H hours", and "a source (or, for feeds
// that gather many sites, a website) that had said nothing about the school for D days now does".
// After an alert of a kind, that kind stays quiet for the cool-down, so one storm is one alert.
import { DEFAULT_SPIKE_SETTINGS, SpikeSettings, type SpikeAlert, type SpikeKind } from '../contract'
import type { Store } from '../store'
import { spikesRepo, type SpikeMention } from '../store/repos/spikes'
import type { Notifier } from '../workflow/notify/notifier'

const HOUR = 3_600_000
const DAY = 24 * HOUR

export const spikeSettingsKey = (schoolId: number) => `trends.spikes.${schoolId}`

/** The school's settings, or the defaults when never saved (or saved by an older version). */
export function readSpikeSettings(store: Store, schoolId: number): SpikeSettings {
  const parsed = SpikeSettings.safeParse(store.settings.get(spikeSettingsKey(schoolId)))
  return parsed.success ? parsed.data : DEFAULT_SPIKE_SETTINGS
}

/** When it was said: published, unless missing or after we first saw it (a platform's clock ahead). */
export function saidAt(m: Pick<SpikeMention, 'published_at' | 'first_seen_at'>): number {
  const seen = Date.parse(m.first_seen_at)
  const p = m.published_at ? Date.parse(m.published_at) : NaN
  return Number.isFinite(p) && p <= seen ? p : seen
}

/** Feeds gather many websites (Google Alerts, Talkwalker): for them "new" means a new website. */
const BY_SITE = new Set(['feed'])
/** Captured by hand: someone already knows. */
const NEVER_NEW = new Set(['manual'])

function hostOf(url: string | null): string | null {
  if (!url) return null
  try {
    return new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return null
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

export interface SpikeDeps {
  store: Store
  notifier: Pick<Notifier, 'notify'>
  now: () => Date
  log: (msg: string) => void
}

export function createSpikeWatch(deps: SpikeDeps) {
  const { store, notifier, now, log } = deps
  const repo = spikesRepo(store.db)
  const sourceName = (id: number) => store.sources.get(id)?.name ?? `source ${id}`

  function raise(a: Omit<SpikeAlert, 'id'>, urgent: boolean): SpikeAlert {
    const id = store.tx(() => {
      const id = repo.insert(a)
      store.audit.append(
        {
          actor: 'system',
          action: 'trends.spike_alert',
          entity: 'school',
          entityId: a.schoolId,
          detail: { alertId: id, kind: a.kind, mentionIds: a.mentionIds },
        },
        a.raisedAt,
      )
      return id
    })
    // A spike is news, not an emergency: it goes in the app's list and the digest. It is pushed as
    // urgent only when it holds an urgent item (a threat, a safeguarding concern), because PRODUCT.md
    // keeps instant notifications for what needs acting on now, and those items are announced anyway.
    notifier.notify('spike', a.schoolId, {
      dedupeKey: `spike:${id}`,
      title:
        a.kind === 'negative_floor'
          ? 'More negative mentions than usual'
          : 'A new source is talking about the school',
      body: a.explanation,
      urgent,
    })
    return { ...a, id }
  }

  function cooling(schoolId: number, kind: SpikeKind, s: SpikeSettings, at: number): boolean {
    const last = repo.lastRaised(schoolId, kind)
    return last !== null && at - Date.parse(last) < s.cooldownHours * HOUR
  }

  function negativeFloor(schoolId: number, fresh: SpikeMention[], s: SpikeSettings, at: number) {
    const start = at - s.windowHours * HOUR
    const inWindow = (m: SpikeMention) => saidAt(m) >= start && saidAt(m) <= at
    if (!fresh.some((m) => m.sentiment === 'negative' && inWindow(m))) return null
    if (cooling(schoolId, 'negative_floor', s, at)) return null
    const negative = repo
      .seenSince(schoolId, new Date(start).toISOString())
      .filter((m) => m.sentiment === 'negative' && inWindow(m))
    if (negative.length < s.negativeFloor) return null
    const bySource = new Map<number, number>()
    for (const m of negative) bySource.set(m.source_id, (bySource.get(m.source_id) ?? 0) + 1)
    const where = [...bySource]
      .sort((a, b) => b[1] - a[1])
      .map(([id, n]) => `${sourceName(id)} (${n})`)
      .join(', ')
    return raise(
      {
        schoolId,
        kind: 'negative_floor',
        raisedAt: new Date(at).toISOString(),
        windowStart: new Date(start).toISOString(),
        windowEnd: new Date(at).toISOString(),
        sourceId: bySource.size === 1 ? negative[0].source_id : null,
        explanation: `${plural(negative.length, 'negative mention')} in the last ${plural(s.windowHours, 'hour')}: the alert is set for ${s.negativeFloor} or more. From ${where}.`,
        mentionIds: negative.map((m) => m.id),
      },
      negative.some((m) => m.priority === 'urgent'),
    )
  }

  function newSource(schoolId: number, fresh: SpikeMention[], s: SpikeSettings, at: number) {
    const start = at - s.windowHours * HOUR
    const quietSince = new Date(at - s.newSourceQuietDays * DAY).toISOString()
    // Grouped by source, or by website for feeds; only what was said recently (a first poll that
    // brings in last year's posts is not "suddenly").
    const groups = new Map<string, { sourceId: number; site: string | null; ms: SpikeMention[] }>()
    for (const m of fresh) {
      if (saidAt(m) < start || saidAt(m) > at) continue
      const src = store.sources.get(m.source_id)
      if (!src || NEVER_NEW.has(src.kind)) continue
      const site = BY_SITE.has(src.kind) ? hostOf(m.url) : null
      if (BY_SITE.has(src.kind) && !site) continue
      // A source added within the window is bringing in what the school asked it to: not news.
      if (!site && Date.parse(src.createdAt) > start) continue
      const key = site ? `site:${site}` : `source:${m.source_id}`
      const g = groups.get(key) ?? { sourceId: m.source_id, site, ms: [] }
      g.ms.push(m)
      groups.set(key, g)
    }
    for (const g of groups.values()) {
      if (cooling(schoolId, 'new_source', s, at)) return null
      const firstId = Math.min(...g.ms.map((m) => m.id))
      const earlier = repo.earlierOfSource(schoolId, g.sourceId, quietSince, firstId)
      const quiet = g.site ? !earlier.some((u) => hostOf(u) === g.site) : earlier.length === 0
      if (!quiet) continue
      const who = g.site
        ? `The website ${g.site} (found through ${sourceName(g.sourceId)})`
        : sourceName(g.sourceId)
      return raise(
        {
          schoolId,
          kind: 'new_source',
          raisedAt: new Date(at).toISOString(),
          windowStart: quietSince,
          windowEnd: new Date(at).toISOString(),
          sourceId: g.sourceId,
          explanation: `${who} had not mentioned the school for at least ${plural(s.newSourceQuietDays, 'day')} and now has ${plural(g.ms.length, 'new mention')}.`,
          mentionIds: g.ms.map((m) => m.id),
        },
        g.ms.some((m) => m.priority === 'urgent'),
      )
    }
    return null
  }

  return {
    /** After a poll stored these first copies: the alerts raised (never throws: polling goes on). */
    evaluate(ids: readonly number[]): SpikeAlert[] {
      try {
        const at = now().getTime()
        const bySchool = new Map<number, SpikeMention[]>()
        for (const id of ids) {
          const m = repo.mention(id)
          if (m) bySchool.set(m.school_id, [...(bySchool.get(m.school_id) ?? []), m])
        }
        const out: SpikeAlert[] = []
        for (const [schoolId, fresh] of bySchool) {
          const s = readSpikeSettings(store, schoolId)
          const a = negativeFloor(schoolId, fresh, s, at)
          if (a) out.push(a)
          const b = newSource(schoolId, fresh, s, at)
          if (b) out.push(b)
        }
        return out
      } catch (e) {
        log(`[spikes] evaluating new mentions failed: ${(e as Error)?.stack ?? String(e)}`)
        return []
      }
    },
    list: (schoolId: number, limit: number) => repo.list(schoolId, limit),
  }
}
export type SpikeWatch = ReturnType<typeof createSpikeWatch>
