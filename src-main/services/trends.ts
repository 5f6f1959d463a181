// Runs in: main process and CLI (Node). Trends: overview and themes from the rollups, spike alerts and
// their settings. Figures are aggregates, so anyone who may read the school's mentions may read them;
// safeguarding items never lend their words to a theme, and alerts name no words of any mention.
import { MAX_TREND_DAYS, ServiceError, type OpParsed, type SpikeSettings } from '../contract'
import { rollupsRepo } from '../store/repos/rollups'
import { buildOverview } from '../trends/overview'
import { buildThemes, drainThemes } from '../trends/themes'
import { daysBetween } from '../trends/days'
import { readSpikeSettings, spikeSettingsKey, type SpikeWatch } from '../trends/spikes'
import { demandSchool } from '../workflow/auth'
import type { AppEvents, Caller, ServiceDeps } from './context'
import { audited } from './audited'

function checkRange(q: { from: string; to: string }): void {
  const days = daysBetween(q.from, q.to)
  if (days > MAX_TREND_DAYS)
    throw new ServiceError(
      'invalid_input',
      `The date range is ${days.toLocaleString('en-GB')} days long; choose at most ${MAX_TREND_DAYS.toLocaleString('en-GB')} days (20 years)`,
      'from',
    )
}

export function trendsHandlers(
  { store, now = () => new Date() }: ServiceDeps,
  events: AppEvents,
  spikes: SpikeWatch,
) {
  const repo = rollupsRepo(store.db)
  const schoolOf = (id: number) => {
    const school = store.schools.get(id)
    if (!school) throw new ServiceError('not_found', `There is no school with id ${id}`, 'schoolId')
    return school
  }
  return {
    'trends.overview': (q: OpParsed<'trends.overview'>, ctx: Caller) => {
      demandSchool(ctx.principal, q.schoolId)
      schoolOf(q.schoolId)
      checkRange(q)
      return buildOverview(repo, q)
    },
    'trends.themes': (q: OpParsed<'trends.themes'>, ctx: Caller) => {
      demandSchool(ctx.principal, q.schoolId)
      const school = schoolOf(q.schoolId)
      checkRange(q)
      // Usually empty (each poll drains it); after an upgrade the first look indexes the backlog.
      drainThemes(store)
      return buildThemes(repo, q, school)
    },
    'trends.alerts': (q: OpParsed<'trends.alerts'>, ctx: Caller) => {
      demandSchool(ctx.principal, q.schoolId)
      schoolOf(q.schoolId)
      return spikes.list(q.schoolId, q.limit)
    },
    'trends.spikeSettings': (q: OpParsed<'trends.spikeSettings'>, ctx: Caller) => {
      demandSchool(ctx.principal, q.schoolId)
      schoolOf(q.schoolId)
      return readSpikeSettings(store, q.schoolId)
    },
    'trends.updateSpikeSettings': (
      q: OpParsed<'trends.updateSpikeSettings'>,
      ctx: Caller,
    ): SpikeSettings => {
      demandSchool(ctx.principal, q.schoolId)
      schoolOf(q.schoolId)
      const before = readSpikeSettings(store, q.schoolId)
      const saved = audited(store, ctx, now, (at) => {
        store.settings.set(spikeSettingsKey(q.schoolId), q.settings, at)
        return {
          result: q.settings,
          audit: {
            action: 'trends.spike_settings',
            entity: 'school',
            entityId: q.schoolId,
            detail: { before, after: q.settings },
          },
        }
      })
      events.emit({ type: 'schools.changed' })
      return saved
    },
  }
}
