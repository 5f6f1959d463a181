// Runs in: both processes (common). Users and their roles.
import { z } from 'zod'

export const ROLES = ['orm_lead', 'head', 'dsl', 'viewer'] as const
export const Role = z.enum(ROLES, 'Role must be one of: ORM lead, head, DSL, viewer')
export type Role = z.output<typeof Role>

export const ROLE_LABELS: Record<Role, string> = {
  orm_lead: 'ORM lead',
  head: 'Headteacher (approver)',
  dsl: 'Designated safeguarding lead',
  viewer: 'Viewer',
}

export const PASSWORD_MIN = 10
export const Password = z
  .string('Password must be text')
  .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters`)
  .max(200, 'Password must be at most 200 characters')

export const UserInput = z.object({
  displayName: z
    .string('Name must be text')
    .trim()
    .min(2, 'Name must be at least 2 characters')
    .max(100, 'Name must be at most 100 characters'),
  email: z.email('Email must be an address such as office@school.example').max(200),
  role: Role,
  /** Schools this user acts for; empty means every school of the install. */
  schoolIds: z.array(z.number().int().positive()).default([]),
  /** Hashed with scrypt before it is stored; never returned. */
  password: Password,
})
export type UserInput = z.input<typeof UserInput>

export const User = z.object({
  id: z.number().int(),
  displayName: z.string(),
  email: z.string(),
  role: Role,
  schoolIds: z.array(z.number().int()),
  createdAt: z.string(),
  /** False for a user created before sign-in existed: they cannot sign in until a password is set. */
  hasPassword: z.boolean(),
  /** Set while repeated wrong passwords keep the account locked. */
  lockedUntil: z.string().nullable(),
})
export type User = z.output<typeof User>
