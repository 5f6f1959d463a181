// Runs in: both processes (common). Reports: the pre-Ofsted snapshot (a PDF for governors and
// inspectors, frozen in the database so the next one says what changed) and the POSH escalation pack
// for an incident (a ZIP: summary PDF, evidence, manifest with SHA-256, a ready-to-send email).
// Files travel as base64, so the browser and the desktop app download them the same way.
import { z } from 'zod'
import { op } from './op'

const ReportDay = z.iso.date('Dates must look like 2026-11-21')
/** Five years is plenty for a snapshot; longer is refused by name rather than drawn badly. */
export const MAX_SNAPSHOT_DAYS = 366 * 5

export const ReportFile = z.object({
  fileName: z.string(),
  mime: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  dataBase64: z.string(),
})
export type ReportFile = z.output<typeof ReportFile>

export const SnapshotSummary = z.object({
  id: z.number().int(),
  schoolId: z.number().int(),
  from: ReportDay,
  to: ReportDay,
  fileName: z.string(),
  pdfSha256: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  mentions: z.number().int(),
  /** (positive − negative) / analysed, or null when nothing was analysed. */
  net: z.number().nullable(),
})
export type SnapshotSummary = z.output<typeof SnapshotSummary>

export const OfstedInput = z
  .object({
    schoolId: z.number('Choose the school').int().positive('Choose the school'),
    from: ReportDay,
    to: ReportDay,
  })
  .refine((q) => q.from <= q.to, { message: 'The start date is after the end date', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_SNAPSHOT_DAYS, {
    message: 'A snapshot covers at most five years',
    path: ['from'],
  })
export type OfstedInput = z.input<typeof OfstedInput>

export const PoshFileEntry = z.object({
  path: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
})

export const PoshInput = z.object({
  incidentId: z.number('incident id must be a number').int().positive(),
  /** What the school asks POSH to help achieve; a sensible default when left empty. */
  outcomeSought: z
    .string('The outcome must be text')
    .trim()
    .max(2000, 'The outcome sought must be at most 2,000 characters')
    .default(''),
  /** The user has read the warnings (platform route under 48 hours) and wants the pack anyway. */
  proceed: z.boolean().default(false),
})
export type PoshInput = z.input<typeof PoshInput>

export const PoshResult = z.object({
  /** Things the user should know before sending; the pack is built only once they proceed. */
  warnings: z.array(z.string()),
  /** Null when there were warnings and the user had not yet chosen to proceed. */
  file: ReportFile.nullable(),
  files: z.array(PoshFileEntry),
  buildMs: z.number(),
})
export type PoshResult = z.output<typeof PoshResult>

export const reportOps = {
  'reports.ofsted': op(
    OfstedInput,
    z.object({
      snapshot: SnapshotSummary,
      file: ReportFile,
      changes: z.array(z.string()),
      buildMs: z.number(),
    }),
    'Build the pre-Ofsted snapshot PDF for a period and freeze it',
  ),
  'reports.snapshots': op(
    z.object({ schoolId: z.number().int().positive() }),
    z.array(SnapshotSummary),
    'Past pre-Ofsted snapshots of a school, newest first',
  ),
  'reports.snapshotFile': op(
    z.object({ id: z.number('snapshot id must be a number').int().positive() }),
    ReportFile,
    'The PDF of a past snapshot, exactly as it was made',
  ),
  'reports.posh': op(
    PoshInput,
    PoshResult,
    'The POSH escalation pack for an incident (warns first when the platform route is under 48 hours old)',
  ),
} as const
