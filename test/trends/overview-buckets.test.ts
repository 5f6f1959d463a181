// Runs in: Vitest (Node). trends.overview sums in SQL (by day, then by chart bucket): every bucket,
// source line and flag line must equal a recount of the mentions in TypeScript, for day, week and
// month buckets and for ranges that start and end part-way through a week or a month.
import { afterEach, describe, expect, it } from 'vitest'
import { workflowFixture, SYSTEM, type WorkflowFixture } from '../helpers/workflow'
import { addMention } from './helpers'
import { bucketsOf, saidDay } from '../../src-main/trends/days'

let f: WorkflowFixture
afterEach(() => f?.db.close())

interface Said {
  day: string
  sourceId: number
  label: string
  flags: string[]
}

describe('trends.overview buckets', () => {
  it('equal a recount for every bucket kind and part-weeks and part-months at the ends', async () => {
    f = await workflowFixture({ start: '2026-07-10T09:00:00.000Z' })
    const sources = [f.source('feed', 'Gazette').id, f.source('facebook', 'Facebook').id]
    const labels = ['negative', 'neutral', 'positive'] as const
    const flagSets = [['complaint'], ['complaint', 'staff_named'], [], ['praise']]
    const said: Said[] = []
    // A deterministic spread over ~5 months: uneven days, both sources, some unanalysed.
    for (let i = 0; i < 160; i++) {
      const at = new Date(Date.UTC(2026, 1, 1, 8) + ((i * 7919) % 150) * 86_400_000 + i * 3600_000)
      const label = i % 11 === 0 ? null : labels[i % 3]
      const flags = label === null ? [] : flagSets[i % 4]
      const sourceId = sources[i % 2]
      addMention(f.store, {
        schoolId: f.school.id,
        sourceId,
        text: `Mention ${i}`,
        firstSeenAt: at.toISOString(),
        verdict: label === null ? null : { sentiment: { label, score: 0 }, flags },
      })
      said.push({ day: saidDay(null, at.toISOString()), sourceId, label: label ?? 'none', flags })
    }
    const ranges = [
      ['2026-02-04', '2026-06-17'], // a Wednesday to a Wednesday
      ['2026-03-01', '2026-03-31'],
      ['2026-02-15', '2026-02-15'],
      ['2026-01-20', '2026-07-20'],
    ]
    // Every source (0010's school-level tables) and one source (0007's per-source tables).
    for (const [from, to] of ranges)
      for (const bucket of ['day', 'week', 'month'] as const)
        for (const sourceId of [undefined, sources[1]]) {
          const o = await f.service.call(
            'trends.overview',
            { schoolId: f.school.id, from, to, bucket, sourceId },
            SYSTEM,
          )
          const { spans, indexOf } = bucketsOf(from, to, bucket)
          const zero = () => new Array<number>(spans.length).fill(0)
          const neg = zero()
          const total = zero()
          const bySource = new Map<number, number[]>()
          const byFlag = new Map<string, number[]>()
          for (const s of said) {
            const i = indexOf(s.day)
            if (i < 0 || (sourceId !== undefined && s.sourceId !== sourceId)) continue
            total[i]++
            if (s.label === 'negative') neg[i]++
            if (!bySource.has(s.sourceId)) bySource.set(s.sourceId, zero())
            bySource.get(s.sourceId)![i]++
            for (const fl of s.flags) {
              if (!byFlag.has(fl)) byFlag.set(fl, zero())
              byFlag.get(fl)![i]++
            }
          }
          const label = `${from}..${to} by ${bucket}, source ${sourceId ?? 'all'}`
          expect(
            o.buckets.map((b) => b.total),
            label,
          ).toEqual(total)
          expect(
            o.buckets.map((b) => b.negative),
            label,
          ).toEqual(neg)
          expect(Object.fromEntries(o.bySource.map((s) => [s.sourceId, s.counts])), label).toEqual(
            Object.fromEntries(bySource),
          )
          expect(Object.fromEntries(o.flags.map((x) => [x.flag, x.counts])), label).toEqual(
            Object.fromEntries(byFlag),
          )
          expect(o.totals.total, label).toBe(total.reduce((a, b) => a + b, 0))
        }
  })
})
