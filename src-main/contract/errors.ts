// Runs in: both processes (common). The one error shape every operation returns.
import { z } from 'zod'

export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'forbidden',
  'unauthorized',
  'unavailable',
  'internal',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface FieldIssue {
  field: string
  message: string
}

export interface ApiErrorShape {
  code: ErrorCode
  message: string
  /** The first offending field, dotted ("staff.2.name"), when the error is about one. */
  field?: string
  /** Every field problem at once, so a form can mark them all. */
  issues?: FieldIssue[]
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiErrorShape }

/** Thrown by services; turned into ApiErrorShape at the transport boundary. */
export class ServiceError extends Error {
  override name = 'ServiceError'
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
}

export function fromZodError(error: z.ZodError, prefix = ''): ApiErrorShape {
  const issues = error.issues.map((i) => ({
    field: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(input)',
    message: i.message,
  }))
  const first = issues[0] ?? { field: '(input)', message: 'Invalid input' }
  return {
    code: 'invalid_input',
    message: first.field === '(input)' ? first.message : `${first.field}: ${first.message}`,
    field: first.field,
    issues,
  }
}
