// Runs in: main process and CLI (Node). Sign-in, sign-out and passwords. Wrong passwords count towards a
// lockout; an unknown email costs the same time and gets the same answer as a wrong password.
import { format } from 'date-fns'
import {
  PERMISSION_NAMES,
  ServiceError,
  type OpParsed,
  type SessionInfo,
  type User,
} from '../contract'
import {
  afterFailure,
  can,
  DUMMY_HASH,
  hashPassword,
  isLocked,
  LOCKOUT,
  verifyPassword,
  type Principal,
  type Sessions,
} from '../workflow/auth'
import type { AppEvents, Caller, ServiceDeps } from './context'
import { audited } from './audited'

export function sessionInfo(deps: ServiceDeps, principal: Principal): SessionInfo {
  const needsSetup = deps.store.users.count() === 0 || deps.store.schools.count() === 0
  if (principal.kind !== 'user') {
    return {
      user: null,
      permissions: PERMISSION_NAMES.filter((p) => can(principal, p)),
      needsSetup,
    }
  }
  return {
    user: principal.user,
    permissions: PERMISSION_NAMES.filter((p) => can(principal, p)),
    needsSetup,
  }
}

const WRONG = 'That email and password do not match. Check them and try again.'

export function authHandlers(deps: ServiceDeps, events: AppEvents, sessions: Sessions) {
  const { store, now = () => new Date() } = deps

  function requireSession(ctx: Caller): string {
    if (!ctx.session)
      throw new ServiceError(
        'invalid_input',
        'Sign-in is for app windows and browser tabs; the command line acts as the system',
      )
    return ctx.session
  }

  return {
    'auth.session': (_: undefined, ctx: Caller) => sessionInfo(deps, ctx.principal),
    'auth.signIn': async ({ email, password }: OpParsed<'auth.signIn'>, ctx: Caller) => {
      const session = requireSession(ctx)
      const row = store.users.loginByEmail(email)
      const at = now()
      if (row && isLocked({ failedLogins: row.failed_logins, lockedUntil: row.locked_until }, at)) {
        throw new ServiceError(
          'forbidden',
          `This account is locked after ${LOCKOUT.attempts} wrong passwords, until ${format(new Date(row.locked_until!), 'HH:mm')}. Wait, or ask the head or the ORM lead to set a new password.`,
          'password',
        )
      }
      if (row && row.password_hash === null) {
        throw new ServiceError(
          'unauthorized',
          'This account has no password yet. Ask the head or the ORM lead to set one (Settings → Users), or run: footprint users set-password',
          'password',
        )
      }
      const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH)
      if (!row || !ok) {
        if (row) {
          const next = afterFailure(
            { failedLogins: row.failed_logins, lockedUntil: row.locked_until },
            at,
          )
          audited(store, { ...ctx, actor: email }, now, () => {
            store.users.recordLogin(row.id, next.failedLogins, next.lockedUntil)
            return {
              result: null,
              audit: {
                action:
                  next.lockedUntil && next.lockedUntil !== row.locked_until
                    ? 'auth.locked'
                    : 'auth.sign_in_failed',
                entity: 'user',
                entityId: row.id,
                detail: { failedLogins: next.failedLogins },
              },
            }
          })
        }
        throw new ServiceError('unauthorized', WRONG, 'password')
      }
      audited(store, { ...ctx, actor: email }, now, () => {
        store.users.recordLogin(row.id, 0, null)
        return { result: null, audit: { action: 'auth.sign_in', entity: 'user', entityId: row.id } }
      })
      sessions.signIn(session, row.id)
      const user = store.users.get(row.id)!
      return sessionInfo(deps, { kind: 'user', user })
    },
    'auth.signOut': (_: undefined, ctx: Caller) => {
      const session = requireSession(ctx)
      if (ctx.principal.kind === 'user') {
        audited(store, ctx, now, () => ({
          result: null,
          audit: {
            action: 'auth.sign_out',
            entity: 'user',
            entityId: ctx.principal.kind === 'user' ? ctx.principal.user.id : null,
          },
        }))
      }
      sessions.signOut(session)
      return sessionInfo(deps, { kind: 'anonymous' })
    },
    'users.setPassword': async (
      { id, password, currentPassword }: OpParsed<'users.setPassword'>,
      ctx: Caller,
    ) => {
      const p = ctx.principal
      const own = p.kind === 'user' && p.user.id === id
      const row = store.users.loginById(id)
      if (!row) throw new ServiceError('not_found', `There is no user with id ${id}`, 'id')
      if (own && row.password_hash !== null) {
        if (!(await verifyPassword(currentPassword ?? '', row.password_hash)))
          throw new ServiceError(
            'invalid_input',
            'Your current password is not right',
            'currentPassword',
          )
      } else if (!own && !can(p, 'users.manage')) {
        throw new ServiceError(
          'forbidden',
          'Only the head or the ORM lead can set someone else’s password.',
        )
      }
      const hash = await hashPassword(password)
      audited(store, ctx, now, () => {
        store.users.setPasswordHash(id, hash)
        return {
          result: null,
          audit: { action: 'user.set_password', entity: 'user', entityId: id },
        }
      })
      events.emit({ type: 'users.changed' })
      return { id }
    },
  }
}

export type { User }
