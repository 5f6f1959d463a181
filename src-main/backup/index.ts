// Runs in: main process and CLI (Node). Backups of one data folder: made on a schedule or on request,
// each checked, recorded and audited, the oldest pruned beyond the kept count; and restores, which
// check the chosen file first and back up the current data before replacing it. One lock serialises
// all of it, so a scheduled backup never runs during a restore.
//
// Evidence files are not copied into each backup: they are written once and never change, so 14
// copies would only multiply the data folder. Each backup holds the evidence manifest (every capture
// file's name, size and SHA-256, in the database), and checking a backup says which of its evidence
// files are missing from evidence/ today. Back up the whole data folder with the school's own backup
// to keep a second copy of the evidence.
import { isAbsolute, join, resolve } from 'node:path'
import { ServiceError } from '../contract'
import type { Store } from '../store'
import { loadMigrations, type Migration } from '../store/migrate'
import { backupsRepo, type BackupRunKind } from '../store/repos/backups'
import { migrationsDir } from '../core/paths'
import type { SchedulerClock } from '../sources/scheduler'
import {
  backupsDir,
  listBackups,
  pruneBackups,
  removeDbFiles,
  sha256File,
  type BackupInfo,
  type BackupKind,
} from './files'
import { checkBackupFile, scratchCopy, type BackupCheck } from './inspect'
import { makeBackupFile, restoreInto } from './run'
import { createIntervalJob, type IntervalJob } from './scheduler'

export interface BackupSettings {
  /** Automatic backups on or off. */
  enabled: boolean
  intervalHours: number
  /** How many backups are kept; older ones are removed after each new one. */
  keep: number
}
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = {
  enabled: true,
  intervalHours: 24,
  keep: 14,
}
const SETTINGS_KEY = 'backups'
/** The first automatic backup waits a little after start-up, so opening the app stays quick. */
export const FIRST_BACKUP_DELAY_MS = 5 * 60_000

export interface BackupsDeps {
  store: Store
  dataDir: string
  version: string
  now: () => Date
  clock: SchedulerClock
  log: (msg: string) => void
  migrations?: Migration[]
}

export interface RestoreResult {
  restored: BackupCheck
  /** The backup of the data as it was just before the restore. */
  safetyBackup: BackupInfo
}

export function createBackups(d: BackupsDeps) {
  const migrations = () => d.migrations ?? loadMigrations(migrationsDir())
  let lock: Promise<unknown> = Promise.resolve()
  /** One at a time: a backup, a prune or a restore never overlaps another. */
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = lock.then(fn, fn)
    lock = run.catch(() => undefined)
    return run
  }
  const repo = () => backupsRepo(d.store.db)

  function settings(): BackupSettings {
    return { ...DEFAULT_BACKUP_SETTINGS, ...d.store.settings.get<BackupSettings>(SETTINGS_KEY) }
  }

  function record(
    kind: BackupRunKind,
    actor: string,
    startedAt: Date,
    r: { info?: BackupInfo; error?: string; file?: string; pruned?: string[] },
  ): void {
    const finishedAt = d.now().toISOString()
    d.store.tx(() => {
      repo().record({
        kind,
        startedAt: startedAt.toISOString(),
        finishedAt,
        fileName: r.info?.fileName ?? r.file ?? null,
        bytes: r.info?.bytes ?? null,
        sha256: r.info?.sha256 ?? null,
        ok: !r.error,
        integrity: r.info?.integrity ?? '',
        error: r.error ?? null,
      })
      d.store.audit.append(
        {
          actor,
          action:
            kind === 'restore' ? 'backup.restore' : r.error ? 'backup.failed' : 'backup.create',
          entity: 'backup',
          entityId: r.info?.fileName ?? r.file ?? null,
          detail: {
            kind,
            ...(r.info
              ? { bytes: r.info.bytes, sha256: r.info.sha256, integrity: r.info.integrity }
              : {}),
            ...(r.error ? { error: r.error } : {}),
            ...(r.pruned?.length ? { pruned: r.pruned } : {}),
          },
        },
        finishedAt,
      )
    })
  }

  async function backupUnlocked(kind: BackupKind, actor: string): Promise<BackupInfo> {
    const started = d.now()
    let info: BackupInfo
    try {
      info = await makeBackupFile(d.store.db, d.dataDir, kind, started, d.version)
    } catch (e) {
      const error = `The backup failed: ${(e as Error)?.message ?? e}`
      record(kind, actor, started, { error })
      throw new ServiceError('internal', error)
    }
    const pruned = await pruneBackups(d.dataDir, settings().keep)
    record(kind, actor, started, { info, pruned })
    return info
  }

  /** A path the user named: relative to the backups folder, or absolute (the CLI). */
  function resolveFile(file: string): string {
    return isAbsolute(file) ? file : resolve(backupsDir(d.dataDir), file)
  }

  async function restoreUnlocked(file: string, actor: string): Promise<RestoreResult> {
    const path = resolveFile(file)
    const check = await checkBackupFile(path, d.dataDir, migrations())
    if (!check.ok) throw new ServiceError('invalid_input', check.problem ?? 'Not a backup', 'file')
    // Copied privately before anything else happens: the safety backup's pruning may remove the
    // chosen file, and the file must be the one that was checked.
    const copy = scratchCopy(d.dataDir, path)
    try {
      if ((await sha256File(copy)) !== check.sha256)
        throw new ServiceError('conflict', `${check.file} changed while it was being checked: choose it again.`, 'file') // prettier-ignore
      // The current data is kept first: a restore can always be undone by restoring this one.
      const safetyBackup = await backupUnlocked('before_restore', actor)
      const started = d.now()
      try {
        await restoreInto(d.store.db, copy, migrations())
      } catch (e) {
        const error = `The restore failed: ${(e as Error)?.message ?? e}. Your data before it is in ${safetyBackup.fileName}.`
        throw new ServiceError('internal', error)
      }
      return finishRestore(check, safetyBackup, started, actor)
    } finally {
      await removeDbFiles(copy)
    }
  }

  function finishRestore(
    check: BackupCheck,
    safetyBackup: BackupInfo,
    started: Date,
    actor: string,
  ): RestoreResult {
    // Written into the restored database's own trail, naming the file that holds the data it replaced.
    record('restore', actor, started, { file: check.file })
    d.store.audit.append(
      {
        actor,
        action: 'backup.restored_from',
        entity: 'backup',
        entityId: check.file,
        detail: {
          sha256: check.sha256,
          mentions: check.mentions,
          schemaVersion: check.schemaVersion,
          previousDataKeptIn: safetyBackup.fileName,
        },
      },
      d.now().toISOString(),
    )
    return { restored: check, safetyBackup }
  }

  const job: IntervalJob = createIntervalJob({
    clock: d.clock,
    name: 'backups',
    log: d.log,
    firstDelayMs: () => {
      const last = listBackups(d.dataDir).find((b) => b.kind !== 'before_restore')
      const interval = settings().intervalHours * 3_600_000
      const due = last ? Date.parse(last.createdAt) + interval - d.clock.now() : 0
      return Math.max(FIRST_BACKUP_DELAY_MS, due)
    },
    intervalMs: () => settings().intervalHours * 3_600_000,
    run: () =>
      settings().enabled
        ? exclusive(() => backupUnlocked('scheduled', 'scheduler'))
        : Promise.resolve(),
  })

  return {
    settings,
    updateSettings(s: BackupSettings, actor: string): BackupSettings {
      const at = d.now().toISOString()
      d.store.tx(() => {
        d.store.settings.set(SETTINGS_KEY, s, at)
        d.store.audit.append(
          {
            actor,
            action: 'backup.settings',
            entity: 'settings',
            entityId: SETTINGS_KEY,
            detail: { ...s },
          },
          at,
        )
      })
      return settings()
    },
    list: () => listBackups(d.dataDir),
    recentRuns: (limit = 20) => repo().recent(limit),
    backupNow: (actor: string, kind: BackupKind = 'manual') =>
      exclusive(() => backupUnlocked(kind, actor)),
    check: (file: string) =>
      exclusive(() => checkBackupFile(resolveFile(file), d.dataDir, migrations())),
    restore: (file: string, actor: string) => exclusive(() => restoreUnlocked(file, actor)),
    /** The automatic schedule: created idle, started by the app and `footprint serve`. */
    scheduler: job,
    dir: () => backupsDir(d.dataDir),
    pathOf: (fileName: string) => join(backupsDir(d.dataDir), fileName),
  }
}
export type Backups = ReturnType<typeof createBackups>
export type { BackupInfo, BackupKind, ListedBackup } from './files'
export type { BackupCheck } from './inspect'
