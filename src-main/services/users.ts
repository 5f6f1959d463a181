// Runs in: main process and CLI (Node). Users: create with a password, change role and schools, remove.
// A removed user is disabled (the audit trail and drafts still name them), signed out everywhere, and
// the mentions assigned to them become unassigned.
import { ServiceError, type OpParsed } from '../contract'
import { hashPassword, type Sessions } from '../workflow/auth'
import type { ServiceDeps, AppEvents, Caller } from './context'
import { audited } from './audited'

export function userHandlers(
  { store, now = () => new Date() }: ServiceDeps,
  events: AppEvents,
  sessions: Sessions,
) {
  function checkSchools(ids: number[]): void {
    const missing = ids.find((id) => !store.schools.get(id))
    if (missing !== undefined)
      throw new ServiceError('invalid_input', `There is no school with id ${missing}`, 'schoolIds')
  }
  /** The install must keep someone who can approve and someone who can manage users. */
  function keepsAHead(id: number, nextRole: string | null): void {
    const user = store.users.get(id)
    if (user?.role === 'head' && nextRole !== 'head' && store.users.countWithRole('head') === 1)
      throw new ServiceError(
        'conflict',
        `${user.displayName} is the only head: add another head first, or replies could never be approved`,
        'role',
      )
  }

  return {
    'users.list': () => store.users.list(),
    'users.create': async ({ password, ...u }: OpParsed<'users.create'>, ctx: Caller) => {
      const hash = await hashPassword(password)
      const user = audited(store, ctx, now, (at) => {
        if (store.users.idByEmail(u.email) !== undefined) {
          throw new ServiceError('conflict', `A user with email ${u.email} already exists`, 'email')
        }
        checkSchools(u.schoolIds)
        const created = store.users.create(u, hash, at)
        return {
          result: created,
          audit: {
            action: 'user.create',
            entity: 'user',
            entityId: created.id,
            detail: { role: created.role, schoolIds: created.schoolIds },
          },
        }
      })
      events.emit({ type: 'users.changed' })
      return user
    },
    'users.update': ({ id, role, schoolIds }: OpParsed<'users.update'>, ctx: Caller) => {
      const user = audited(store, ctx, now, () => {
        const before = store.users.get(id)
        if (!before) throw new ServiceError('not_found', `There is no user with id ${id}`, 'id')
        checkSchools(schoolIds)
        keepsAHead(id, role)
        const after = store.users.update(id, role, schoolIds)!
        return {
          result: after,
          audit: {
            action: 'user.update',
            entity: 'user',
            entityId: id,
            detail: {
              from: { role: before.role, schoolIds: before.schoolIds },
              to: { role, schoolIds },
            },
          },
        }
      })
      events.emit({ type: 'users.changed' })
      return user
    },
    'users.remove': ({ id }: OpParsed<'users.remove'>, ctx: Caller) => {
      if (ctx.principal.kind === 'user' && ctx.principal.user.id === id)
        throw new ServiceError('conflict', 'You cannot remove yourself; ask another manager', 'id')
      const result = audited(store, ctx, now, (at) => {
        const user = store.users.get(id)
        if (!user) throw new ServiceError('not_found', `There is no user with id ${id}`, 'id')
        keepsAHead(id, null)
        const unassigned = store.triage.unassignAll(id, at)
        store.users.disable(id, at)
        return {
          result: { id, unassigned },
          audit: {
            action: 'user.remove',
            entity: 'user',
            entityId: id,
            detail: { email: user.email, unassigned },
          },
        }
      })
      sessions.signOutUser(id)
      events.emit({ type: 'users.changed' })
      events.emit({ type: 'workflow.changed' })
      return result
    },
  }
}
