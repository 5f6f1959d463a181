// Runs in: main process and CLI (Node). Who is calling, and what they may do. The service resolves a
// principal for every call: a signed-in user (app windows and browser tabs), or the system (the CLI and
// the app's own jobs, which run with the machine owner's authority but can never approve a reply).
import { ROLE_LABELS, roleCan, ServiceError, type Permission, type User } from '../../contract'

export type Principal =
  | { kind: 'system'; name: string }
  | { kind: 'user'; user: User }
  /** A window or tab where nobody has signed in: only public operations. */
  | { kind: 'anonymous' }

/** The system acts for the install's owner but is not a head: approval always needs a named approver. */
const SYSTEM_CANNOT: ReadonlySet<Permission> = new Set(['drafts.approve'])

export function can(p: Principal, permission: Permission): boolean {
  if (p.kind === 'anonymous') return false
  return p.kind === 'system' ? !SYSTEM_CANNOT.has(permission) : roleCan(p.user.role, permission)
}

const WHAT: Record<Permission, string> = {
  'settings.manage': 'change the set-up',
  'users.manage': 'manage users',
  'mentions.read': 'read mentions',
  'mentions.triage': 'triage mentions',
  'mentions.edit': 'change mentions',
  'drafts.write': 'write drafts',
  'drafts.approve': 'approve replies: only the head (an approver) can',
  'drafts.post': 'post replies',
  'incidents.manage': 'manage incidents',
  'safeguarding.view': 'open safeguarding items: only the DSL and the head can',
  'audit.read': 'read the audit trail',
}

export function demand(p: Principal, permission: Permission): void {
  if (can(p, permission)) return
  if (p.kind === 'anonymous') throw new ServiceError('unauthorized', 'Sign in first.')
  const who = p.kind === 'user' ? ROLE_LABELS[p.user.role] : p.name
  throw new ServiceError('forbidden', `As ${who} you cannot ${WHAT[permission]}.`)
}

export const userIdOf = (p: Principal): number | null => (p.kind === 'user' ? p.user.id : null)

/** A user with no schools listed acts for every school of the install (a single-school install). */
export function actsFor(p: Principal, schoolId: number): boolean {
  if (p.kind !== 'user') return p.kind === 'system'
  return p.user.schoolIds.length === 0 || p.user.schoolIds.includes(schoolId)
}

export function demandSchool(p: Principal, schoolId: number): void {
  if (!actsFor(p, schoolId))
    throw new ServiceError('forbidden', 'You do not act for this school.', 'schoolId')
}

export const actorOf = (p: Principal): string =>
  p.kind === 'user' ? p.user.email : p.kind === 'system' ? p.name : 'anonymous'
