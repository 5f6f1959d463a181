// Runs in: main process and CLI (Node), pure. "What changed since the last snapshot", in sentences a
// governor reads without the old PDF beside them.
import { longDate } from '../format'
import type { PreviousSnapshot, SnapshotFigures } from './types'

const pct = (n: number | null) => (n === null ? 'no figure' : `${Math.round(n * 100)}%`)
const net = (n: number | null) =>
  n === null ? 'no figure' : `${n > 0 ? '+' : ''}${Math.round(n * 100)}`

export function changesSince(prev: PreviousSnapshot | null, now: SnapshotFigures): string[] {
  if (!prev) return []
  const p = prev.figures
  const out: string[] = []
  out.push(
    `Mentions: ${p.headline.total} in the last snapshot (${longDate(p.period.from)} to ${longDate(p.period.to)}); ${now.headline.total} in this one.`,
  )
  if (p.headline.net !== now.headline.net)
    out.push(`Net sentiment: ${net(p.headline.net)} then, ${net(now.headline.net)} now.`)
  const lastRating = (f: SnapshotFigures) => f.rating.at(-1)?.rating ?? null
  const r0 = lastRating(p)
  const r1 = lastRating(now)
  if (r1 !== null && r0 !== r1)
    out.push(
      `Google rating: ${r0 === null ? 'not recorded' : r0.toFixed(1)} then, ${r1.toFixed(1)} now.`,
    )
  const before = new Set(p.incidents.map((i) => `${i.openedAt}|${i.title}`))
  const fresh = now.incidents.filter((i) => !before.has(`${i.openedAt}|${i.title}`)).length
  if (fresh) out.push(`${fresh} incident${fresh === 1 ? '' : 's'} not in the last snapshot.`)
  const closed = now.incidents.filter(
    (i) =>
      i.status === 'closed' &&
      p.incidents.some(
        (o) => o.openedAt === i.openedAt && o.title === i.title && o.status === 'open',
      ),
  ).length
  if (closed) out.push(`${closed} incident${closed === 1 ? '' : 's'} open last time now closed.`)
  if (p.sla.pctWithin !== now.sla.pctWithin)
    out.push(
      `Responses within the SLA: ${pct(p.sla.pctWithin)} then, ${pct(now.sla.pctWithin)} now.`,
    )
  const sources0 = new Set(p.practice.sources.map((s) => s.name))
  const added = now.practice.sources.filter((s) => !sources0.has(s.name)).map((s) => s.name)
  if (added.length) out.push(`Sources now watched as well: ${added.join(', ')}.`)
  return out
}
