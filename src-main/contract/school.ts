// Runs in: both processes (common). The school profile: validated the same way in the form and in main.
import { z } from 'zod'

const trimmed = (label: string, max: number) =>
  z.string(`${label} must be text`).trim().max(max, `${label} must be at most ${max} characters`)

/** UK postcode, loosely: outward code, space optional, inward code. */
const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/i
const PHONE = /^\+?[\d\s()-]{10,20}$/

export const StaffMember = z.object({
  name: trimmed('Staff name', 100).min(2, 'Staff name must be at least 2 characters'),
  title: trimmed('Title', 20).default(''),
  role: trimmed('Role', 100).default(''),
})
export type StaffMember = z.output<typeof StaffMember>

const termList = (label: string) =>
  z
    .array(
      trimmed(label, 100).min(2, `Each ${label.toLowerCase()} must be at least 2 characters`),
      `${label}s must be a list`,
    )
    .max(100, `At most 100 ${label.toLowerCase()}s`)
    .default([])

/** When the school's name must have the town (or LA, URN, postcode district) nearby to count as a mention. */
export const CO_TERM_RULES = ['auto', 'always', 'never'] as const
export const CoTermRule = z.enum(CO_TERM_RULES, 'Co-term rule must be one of: auto, always, never')
export type CoTermRule = z.output<typeof CoTermRule>

export const SchoolInput = z.object({
  name: trimmed('School name', 200).min(3, 'School name must be at least 3 characters'),
  urn: trimmed('URN', 7)
    .regex(
      /^(\d{6,7})?$/,
      'URN is the 6 or 7-digit Unique Reference Number from Get Information About Schools',
    )
    .default(''),
  town: trimmed('Town', 100).default(''),
  localAuthority: trimmed('Local authority', 100).default(''),
  postcode: trimmed('Postcode', 10)
    .refine(
      (v) => v === '' || POSTCODE.test(v),
      'Postcode does not look like a UK postcode (e.g. HB4 2QT)',
    )
    .transform((v) => v.toUpperCase())
    .default(''),
  phone: trimmed('Phone', 20)
    .refine((v) => v === '' || PHONE.test(v), 'Phone must be a UK number such as 01632 960123')
    .default(''),
  email: z
    .union([z.literal(''), z.email('Email must be an address such as office@school.example')])
    .default(''),
  website: z
    .union([
      z.literal(''),
      z.url({ protocol: /^https?$/, error: 'Website must start with http:// or https://' }),
    ])
    .default(''),
  headName: trimmed('Headteacher', 100).default(''),
  aliases: termList('Alias'),
  exclusions: termList('Exclusion term'),
  staff: z.array(StaffMember, 'Staff must be a list').max(500, 'At most 500 staff').default([]),
  coTermRule: CoTermRule.default('auto'),
})
export type SchoolInput = z.input<typeof SchoolInput>

export const School = z.object({
  id: z.number().int(),
  name: z.string(),
  urn: z.string(),
  town: z.string(),
  localAuthority: z.string(),
  postcode: z.string(),
  phone: z.string(),
  email: z.string(),
  website: z.string(),
  headName: z.string(),
  aliases: z.array(z.string()),
  exclusions: z.array(z.string()),
  staff: z.array(StaffMember),
  coTermRule: CoTermRule,
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type School = z.output<typeof School>

export const Id = z.object({
  id: z
    .number('id must be a number')
    .int('id must be a whole number')
    .positive('id must be positive'),
})
