// Runs in: both processes (common). Exports: the inbox as CSV or JSON Lines with the filters the
// Mentions list has, and the audit trail as CSV. The file travels in the answer ({fileName, mime,
// content}) over either transport; the screen saves it as a download, the CLI writes it to a file.
import { z } from 'zod'
import { op, NoInput } from './op'
import { InboxQuery } from './workflow'

export const EXPORT_FORMATS = ['csv', 'jsonl'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const ExportMentionsInput = InboxQuery.omit({
  beforeId: true,
  limit: true,
  offset: true,
  withTotal: true,
}).extend({
  format: z.enum(EXPORT_FORMATS, 'format must be csv or jsonl').default('csv'),
})
export type ExportMentionsInput = z.input<typeof ExportMentionsInput>

export const ExportFile = z.object({
  fileName: z.string(),
  mime: z.string(),
  /** The whole file as text (UTF-8). */
  content: z.string(),
  rows: z.number().int(),
  /** Rows whose details were withheld (safeguarding items this user may not read). */
  withheld: z.number().int(),
  /** Mentions whose evidence files no longer match their hashes (named in the evidence column). */
  evidenceProblems: z.number().int(),
})
export type ExportFile = z.output<typeof ExportFile>

export const exportOps = {
  'exports.mentions': op(
    ExportMentionsInput,
    ExportFile,
    'The inbox with the given filters, every page, as CSV or JSON Lines (evidence re-verified)',
  ),
  'exports.audit': op(
    NoInput,
    ExportFile,
    'The audit trail as CSV, oldest first, with each event’s hash',
  ),
} as const
