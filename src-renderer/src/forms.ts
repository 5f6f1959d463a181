// Runs in: renderer. Form validation uses the contract's own zod schemas, so the form and main agree
// on every rule and message; server-side errors (a duplicate URN) land on the same fields.
import type { z } from 'zod'
import { ApiError } from './api'

export type FieldErrors = Record<string, string>

export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const r = schema.safeParse(value)
  if (r.success) return { ok: true, data: r.data }
  const errors: FieldErrors = {}
  for (const issue of r.error.issues) {
    const key = issue.path.map(String).join('.') || '_'
    errors[key] ??= issue.message
  }
  return { ok: false, errors }
}

/** Maps a failed call onto fields (prefix strips "profile." etc.); anything else goes under "_". */
export function errorsFromCall(e: unknown, prefix = ''): FieldErrors {
  if (!(e instanceof ApiError)) return { _: (e as Error)?.message ?? String(e) }
  if (!e.issues.length) return { _: e.message }
  const out: FieldErrors = {}
  for (const i of e.issues) {
    const key = prefix && i.field.startsWith(prefix) ? i.field.slice(prefix.length) : i.field
    out[key] ??= i.message
  }
  return out
}

/** Errors under a nested key ("school.") for a sub-form. */
export function scoped(errors: FieldErrors, prefix: string): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors)
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, v]) => [k.slice(prefix.length), v]),
  )
}
