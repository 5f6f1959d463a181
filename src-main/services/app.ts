// Runs in: main process and CLI (Node). Install status and the Today summary.
import { ServiceError, type Mention, type OpParsed } from '../contract'
import type { ServiceDeps } from './context'

const PRIORITY_RANK = { urgent: 0, high: 1, normal: 2, low: 3 } as const
/** Urgent before high before the rest; the list is already newest first, and sort is stable. */
const rank = (m: Mention) => PRIORITY_RANK[m.analysis?.priority ?? 'normal']

export function appHandlers({ store, mode, dataDir, version }: ServiceDeps) {
  return {
    'app.status': () => {
      const schoolCount = store.schools.count()
      const userCount = store.users.count()
      return {
        version,
        mode,
        dataDir,
        schoolCount,
        userCount,
        setupComplete: schoolCount > 0 && userCount > 0,
      }
    },
    'today.summary': ({ schoolId }: OpParsed<'today.summary'>) => {
      const school = store.schools.get(schoolId)
      if (!school)
        throw new ServiceError('not_found', `There is no school with id ${schoolId}`, 'schoolId')
      const recent = store.mentions
        .list({ schoolId, includeHidden: false, limit: 50 })
        .items.sort((a, b) => rank(a) - rank(b))
        .slice(0, 10)
      return {
        school,
        sourceCount: store.counts.sources(schoolId),
        mentionCount: store.counts.mentions(schoolId),
        failingSources: store.sources
          .list()
          .filter(
            (s) =>
              (s.schoolId === null || s.schoolId === schoolId) && s.health.status === 'failing',
          ),
        recent,
        verdicts: store.counts.verdicts(schoolId),
      }
    },
  }
}
