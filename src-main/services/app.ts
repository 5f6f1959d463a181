// Runs in: main process and CLI (Node). Install status and the Today summary.
import { ServiceError, type OpParsed } from '../contract'
import type { Caller, ServiceDeps } from './context'
import { demandSchool } from '../workflow/auth'

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
    'today.summary': ({ schoolId }: OpParsed<'today.summary'>, ctx: Caller) => {
      demandSchool(ctx.principal, schoolId)
      const school = store.schools.get(schoolId)
      if (!school)
        throw new ServiceError('not_found', `There is no school with id ${schoolId}`, 'schoolId')
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
        verdicts: store.counts.verdicts(schoolId),
      }
    },
  }
}
