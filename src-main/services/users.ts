// Runs in: main process and CLI (Node). Users; sign-in and permissions arrive with the workflow.
import { ServiceError, type OpParsed } from '../contract'
import type { ServiceDeps, AppEvents, CallContext } from './context'
import { audited } from './audited'

export function userHandlers({ store, now = () => new Date() }: ServiceDeps, events: AppEvents) {
  return {
    'users.list': () => store.users.list(),
    'users.create': (u: OpParsed<'users.create'>, ctx: CallContext) => {
      const user = audited(store, ctx, now, (at) => {
        if (store.users.idByEmail(u.email) !== undefined) {
          throw new ServiceError('conflict', `A user with email ${u.email} already exists`, 'email')
        }
        const missing = u.schoolIds.find((id) => !store.schools.get(id))
        if (missing !== undefined)
          throw new ServiceError(
            'invalid_input',
            `There is no school with id ${missing}`,
            'schoolIds',
          )
        const created = store.users.create(u, at)
        return {
          result: created,
          audit: {
            action: 'user.create',
            entity: 'user',
            entityId: created.id,
            detail: { role: created.role },
          },
        }
      })
      events.emit({ type: 'users.changed' })
      return user
    },
  }
}
