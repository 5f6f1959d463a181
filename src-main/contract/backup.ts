// Runs in: both processes (common). Backups and restore, the retention policy with legal holds, and
// subject access request exports. Restoring and applying retention are for the head only (the handler
// checks, beyond OP_ACCESS): both replace or remove data for the whole install.
import { z } from 'zod'
import { op, NoInput } from './op'

const Iso = z.string()

export const BACKUP_NAME =
  /^footprint-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z(?:-\d+)?(?:-before-restore)?\.sqlite$/

export const Backup = z.object({
  fileName: z.string(),
  kind: z.enum(['scheduled', 'manual', 'before_restore']),
  createdAt: Iso,
  bytes: z.number().int(),
  sha256: z.string(),
  integrity: z.string(),
  schemaVersion: z.number().int(),
  mentions: z.number().int(),
  newestMention: Iso.nullable(),
  evidenceFiles: z.number().int(),
  appVersion: z.string(),
  /** False when the description beside the file is missing or no longer matches it. */
  described: z.boolean(),
})
export type Backup = z.output<typeof Backup>

export const BackupSettings = z.object({
  enabled: z.boolean(),
  intervalHours: z
    .number('How often must be a number of hours')
    .int('How often must be a whole number of hours')
    .min(1, 'Back up at most once an hour')
    .max(24 * 7, 'Back up at least once a week'),
  keep: z
    .number('Backups kept must be a number')
    .int('Backups kept must be a whole number')
    .min(1, 'Keep at least one backup')
    .max(365, 'Keep at most 365 backups'),
})
export type BackupSettings = z.output<typeof BackupSettings>

export const BackupRun = z.object({
  id: z.number().int(),
  kind: z.enum(['scheduled', 'manual', 'before_restore', 'restore']),
  startedAt: Iso,
  finishedAt: Iso,
  fileName: z.string().nullable(),
  bytes: z.number().int().nullable(),
  sha256: z.string().nullable(),
  ok: z.boolean(),
  integrity: z.string(),
  error: z.string().nullable(),
})

export const BackupOverview = z.object({
  folder: z.string(),
  settings: BackupSettings,
  backups: z.array(Backup),
  runs: z.array(BackupRun),
  /** When the next automatic backup is planned (null: not scheduled in this process). */
  nextAt: Iso.nullable(),
})
export type BackupOverview = z.output<typeof BackupOverview>

/** A backup's file name (from the list); the CLI may also give a full path. */
export const BackupFileInput = z.object({
  file: z.string('Choose a backup').trim().min(1, 'Choose a backup').max(4096),
})

export const BackupCheck = z.object({
  file: z.string(),
  ok: z.boolean(),
  problem: z.string().nullable(),
  bytes: z.number().int(),
  sha256: z.string(),
  matchesRecord: z.boolean().nullable(),
  integrity: z.string(),
  schemaVersion: z.number().int(),
  appSchemaVersion: z.number().int(),
  mentions: z.number().int(),
  newestMention: Iso.nullable(),
  schools: z.number().int(),
  users: z.number().int(),
  auditEvents: z.number().int(),
  evidence: z.object({
    listed: z.number().int(),
    present: z.number().int(),
    missing: z.array(z.string()),
  }),
})
export type BackupCheck = z.output<typeof BackupCheck>

export const RestoreInput = BackupFileInput.extend({
  /** The screen's confirmation: a restore replaces everything since the backup. */
  confirm: z.literal(true, 'Confirm the restore: it replaces the current data'),
})

export const RestoreResult = z.object({ restored: BackupCheck, safetyBackup: Backup })

const Months = z
  .number('Months must be a number')
  .int('Months must be a whole number')
  .min(1, 'Keep mentions for at least 1 month')
  .max(600, 'Months must be 600 or fewer')

export const RetentionPreview = z.object({
  months: z.number().int(),
  cutoff: Iso,
  count: z.number().int(),
  sources: z.array(
    z.object({ sourceId: z.number().int(), name: z.string(), count: z.number().int() }),
  ),
  oldest: Iso.nullable(),
  newest: Iso.nullable(),
  keptInIncidents: z.number().int(),
  keptOnLegalHold: z.number().int(),
  captures: z.number().int(),
  evidenceFiles: z.number().int(),
})
export type RetentionPreview = z.output<typeof RetentionPreview>

export const RetentionApplyInput = z.object({
  months: Months,
  /** The preview's cut-off, so the apply deletes exactly what was shown. */
  cutoff: z.iso.datetime({ offset: true, error: 'cutoff must be the preview’s ISO date-time' }),
  /** The count the user confirmed: if it no longer matches, nothing is deleted. */
  expected: z.number().int().min(0),
})

export const RetentionResult = RetentionPreview.extend({
  deleted: z.number().int(),
  fileProblems: z.array(z.string()),
})
export type RetentionResult = z.output<typeof RetentionResult>

export const LegalHold = z.object({
  mentionId: z.number().int(),
  schoolId: z.number().int(),
  sourceName: z.string(),
  firstSeenAt: Iso,
  reason: z.string(),
  setBy: z.string(),
  setAt: Iso,
})
export type LegalHold = z.output<typeof LegalHold>

export const SetLegalHoldInput = z.object({
  mentionId: z.number('Give the mention’s number').int().positive('Give the mention’s number'),
  hold: z.boolean(),
  reason: z.string().trim().max(500, 'Keep the reason under 500 characters').default(''),
})

export const SarInput = z.object({
  author: z
    .string('Enter the author’s handle')
    .trim()
    .min(1, 'Enter the author’s handle')
    .max(200, 'A handle is at most 200 characters'),
  sourceId: z.number().int().positive().optional(),
})

export const SarFile = z.object({
  fileName: z.string(),
  mime: z.string(),
  dataBase64: z.string(),
  mentions: z.number().int(),
  withheld: z.number().int(),
})
export type SarFile = z.output<typeof SarFile>

export const backupOps = {
  'backups.list': op(
    NoInput,
    BackupOverview,
    'Backups in the data folder, the schedule, recent runs',
  ),
  'backups.run': op(NoInput, Backup, 'Back up now (checked, recorded; older backups pruned)'),
  'backups.updateSettings': op(
    BackupSettings,
    BackupSettings,
    'How often to back up, how many to keep',
  ),
  'backups.check': op(BackupFileInput, BackupCheck, 'Look inside a backup before restoring it'),
  'backups.restore': op(
    RestoreInput,
    RestoreResult,
    'Restore a backup (the current data is backed up first); head only',
  ),
  'retention.preview': op(
    z.object({ months: Months }),
    RetentionPreview,
    'What deleting mentions held longer than N months would delete',
  ),
  'retention.apply': op(
    RetentionApplyInput,
    RetentionResult,
    'Delete what the preview listed; head only',
  ),
  'retention.holds': op(NoInput, z.array(LegalHold), 'Mentions under legal hold'),
  'mentions.setLegalHold': op(
    SetLegalHoldInput,
    z.object({ mentionId: z.number().int(), held: z.boolean() }),
    'Put a mention under legal hold (never deleted) or release it',
  ),
  'sar.export': op(
    SarInput,
    SarFile,
    'A subject access request export for one author handle (ZIP)',
  ),
} as const
