// Runs in: both processes (common). Sign-in, sessions and what each role may do. The table below is the
// one statement of permissions: the service enforces it for every operation (the screens only use it
// to hide what would be refused anyway).
import { z } from 'zod'
import { op, NoInput } from './op'
import { Password, ROLES, User, type Role } from './user'

export const PERMISSIONS = {
  /** Schools, sources, secrets, calendar: the set-up of the install. */
  'settings.manage': ['orm_lead', 'head'],
  'users.manage': ['orm_lead', 'head'],
  'mentions.read': ['orm_lead', 'head', 'dsl', 'viewer'],
  'mentions.triage': ['orm_lead', 'head', 'dsl'],
  /** Correct a verdict, "not about us", capture evidence. */
  'mentions.edit': ['orm_lead', 'head', 'dsl'],
  'drafts.write': ['orm_lead', 'head', 'dsl'],
  /** The policy: the head approves every public reply. */
  'drafts.approve': ['head'],
  'drafts.post': ['orm_lead', 'head'],
  'incidents.manage': ['orm_lead', 'head', 'dsl'],
  /** Read safeguarding and extremism items and incidents (KCSIE: need to know). */
  'safeguarding.view': ['head', 'dsl'],
  'audit.read': ['head', 'orm_lead'],
} as const satisfies Record<string, readonly Role[]>
export type Permission = keyof typeof PERMISSIONS
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[]

export function roleCan(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role)
}

/** Who may call an operation: anyone (before sign-in), any signed-in user, or holders of a permission. */
export type Access = 'public' | 'signed_in' | Permission

export const SignInInput = z.object({
  email: z.string('Email must be text').trim().min(1, 'Enter your email address').max(200),
  password: z.string('Password must be text').min(1, 'Enter your password').max(200),
})
export type SignInInput = z.input<typeof SignInInput>

export const SessionInfo = z.object({
  /** Null before sign-in. */
  user: User.nullable(),
  permissions: z.array(z.enum(Object.keys(PERMISSIONS) as [Permission, ...Permission[]])),
  /** True when this install has no users yet (first-run setup). */
  needsSetup: z.boolean(),
})
export type SessionInfo = z.output<typeof SessionInfo>

export const SetPasswordInput = z.object({
  id: z.number().int().positive(),
  password: Password,
  /** Required when changing your own password. */
  currentPassword: z.string().max(200).optional(),
})

export const UserUpdateInput = z.object({
  id: z.number().int().positive(),
  role: z.enum(ROLES, 'Role must be one of: ORM lead, head, DSL, viewer'),
  schoolIds: z.array(z.number().int().positive()).default([]),
})

export const authOps = {
  'auth.session': op(NoInput, SessionInfo, 'Who is signed in on this window, and what they may do'),
  'auth.signIn': op(SignInInput, SessionInfo, 'Sign in with email and password'),
  'auth.signOut': op(NoInput, SessionInfo, 'Sign out of this window (switch user)'),
  'users.setPassword': op(
    SetPasswordInput,
    z.object({ id: z.number().int() }),
    'Set a password (your own with the current one, or anyone’s as a manager); unlocks the account',
  ),
  'users.update': op(UserUpdateInput, User, 'Change a user’s role or schools'),
  'users.remove': op(
    z.object({ id: z.number().int().positive() }),
    z.object({ id: z.number().int(), unassigned: z.number().int() }),
    'Remove a user; items they owned become unassigned and their history stays',
  ),
} as const
