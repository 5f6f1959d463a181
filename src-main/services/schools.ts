// Runs in: main process and CLI (Node). School profiles and first-run setup.
import { ServiceError, type OpParsed } from '../contract'
import { actsFor, hashPassword, type Sessions } from '../workflow/auth'
import type { ServiceDeps, AppEvents, Caller, CallContext } from './context'
import { audited } from './audited'

/** The database says "UNIQUE constraint failed: schools.urn"; the user needs to hear which field. */
function conflictOnUrn<T>(fn: () => T, urn: string): T {
  try {
    return fn()
  } catch (e) {
    const code = (e as { code?: string }).code
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' && /schools\.urn/.test((e as Error).message)) {
      throw new ServiceError('conflict', `Another school already has URN ${urn}`, 'urn')
    }
    throw e
  }
}

export function schoolHandlers(
  { store, now = () => new Date() }: ServiceDeps,
  events: AppEvents,
  sessions: Sessions,
) {
  const notFound = (id: number) =>
    new ServiceError('not_found', `There is no school with id ${id}`, 'id')

  return {
    // A user listed for some schools sees only those; everyone else sees every school of the install.
    'schools.list': (_: undefined, ctx: Caller) =>
      store.schools.list().filter((s) => actsFor(ctx.principal, s.id)),
    'schools.get': ({ id }: OpParsed<'schools.get'>) =>
      store.schools.get(id) ?? throwError(notFound(id)),
    'schools.create': (profile: OpParsed<'schools.create'>, ctx: CallContext) => {
      const school = conflictOnUrn(
        () =>
          audited(store, ctx, now, (at) => {
            const s = store.schools.create(profile, at)
            return {
              result: s,
              audit: {
                action: 'school.create',
                entity: 'school',
                entityId: s.id,
                detail: { name: s.name },
              },
            }
          }),
        profile.urn,
      )
      events.emit({ type: 'schools.changed' })
      return school
    },
    'schools.update': ({ id, profile }: OpParsed<'schools.update'>, ctx: CallContext) => {
      const school = conflictOnUrn(
        () =>
          audited(store, ctx, now, (at) => {
            const s = store.schools.update(id, profile, at) ?? throwError(notFound(id))
            return {
              result: s,
              audit: {
                action: 'school.update',
                entity: 'school',
                entityId: id,
                detail: { name: s.name },
              },
            }
          }),
        profile.urn,
      )
      events.emit({ type: 'schools.changed' })
      return school
    },
    'setup.complete': async ({ school, user }: OpParsed<'setup.complete'>, ctx: Caller) => {
      const { password, ...profile } = user
      const hash = await hashPassword(password)
      const result = conflictOnUrn(
        () =>
          audited(store, ctx, now, (at) => {
            if (store.schools.count() > 0 || store.users.count() > 0) {
              throw new ServiceError(
                'conflict',
                'Setup has already been completed; edit the profile in Settings instead',
              )
            }
            const s = store.schools.create(school, at)
            const u = store.users.create({ ...profile, schoolIds: [] }, hash, at)
            return {
              result: { school: s, user: u },
              audit: {
                action: 'setup.complete',
                entity: 'school',
                entityId: s.id,
                detail: { name: s.name, userId: u.id },
              },
            }
          }),
        school.urn,
      )
      // The person who set Footprint up is signed in on the window they used.
      if (ctx.session) sessions.signIn(ctx.session, result.user.id)
      events.emit({ type: 'schools.changed' })
      events.emit({ type: 'users.changed' })
      return result
    },
  }
}

function throwError(e: Error): never {
  throw e
}
