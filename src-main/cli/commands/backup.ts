// Runs in: CLI (Node). `footprint backup now|list`, `footprint restore FILE [--yes]`: the same backups as
// Settings → Backups, acting as the machine's owner. A restore shows what the backup holds first and
// changes nothing without --yes.
import type { Command } from 'commander'
import { resolve } from 'node:path'
import type { BackupCheck } from '../../contract'
import { call, CliError, printJson, printTable, withService } from '../context'

const size = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`

export function describeCheck(c: BackupCheck): string {
  return [
    `Backup: ${c.file}`,
    `  size ${size(c.bytes)}, SHA-256 ${c.sha256 || '—'}`,
    `  integrity: ${c.integrity}`,
    `  schema version ${c.schemaVersion} (this Footprint: ${c.appSchemaVersion})`,
    `  ${c.mentions} mentions, newest first seen ${c.newestMention ?? '—'}; ${c.schools} schools, ${c.users} users, ${c.auditEvents} audit events`,
    `  evidence: ${c.evidence.present} of ${c.evidence.listed} files it lists are in the data folder${c.evidence.missing.length ? ` (missing: ${c.evidence.missing.slice(0, 5).join(', ')}${c.evidence.missing.length > 5 ? ', …' : ''})` : ''}`,
  ].join('\n')
}

export function registerBackupCommands(program: Command): void {
  const backup = program
    .command('backup')
    .description('Automatic and manual backups in <data folder>/backups (restore with `restore`)')

  backup
    .command('now')
    .description(
      'Back up now: an online backup, checked, recorded; older ones beyond the kept count pruned',
    )
    .option('--json', 'print the result as JSON')
    .action((opts: { json?: boolean }, cmd: Command) =>
      withService(cmd, async (o) => {
        const b = await call(o, 'backups.run', undefined)
        if (opts.json) return printJson(b)
        process.stdout.write(
          `Backed up to ${o.service.backups.pathOf(b.fileName)}\n  ${size(b.bytes)}, ${b.mentions} mentions, integrity ${b.integrity}, SHA-256 ${b.sha256}\n`,
        )
      }),
    )

  backup
    .command('list')
    .description('The backups in the data folder, newest first')
    .option('--json', 'print as JSON')
    .action((opts: { json?: boolean }, cmd: Command) =>
      withService(cmd, async (o) => {
        const r = await call(o, 'backups.list', undefined)
        if (opts.json) return printJson(r)
        process.stdout.write(`Folder: ${r.folder} (keeping ${r.settings.keep})\n`)
        printTable(
          r.backups.map((b) => ({
            file: b.fileName,
            kind: b.kind,
            size: size(b.bytes),
            mentions: b.mentions,
            integrity: b.integrity,
          })),
          'No backups yet.',
        )
      }),
    )

  program
    .command('restore')
    .description(
      'Restore a backup: check it, back up the current data, then replace it (asks for --yes)',
    )
    .argument('<file>', 'a backup file (a name from `backup list`, or a path)')
    .option('--yes', 'restore without asking again')
    .option('--json', 'print the result as JSON')
    .action((file: string, opts: { yes?: boolean; json?: boolean }, cmd: Command) =>
      withService(cmd, async (o) => {
        const path = file.includes('/') || file.includes('\\') ? resolve(file) : file
        const check = await call(o, 'backups.check', { file: path })
        if (!opts.json) process.stdout.write(describeCheck(check) + '\n')
        if (!check.ok) throw new CliError(`Cannot restore: ${check.problem}. Nothing was changed.`)
        if (!opts.yes) {
          process.stdout.write(
            'Nothing was changed. Run again with --yes to restore it (the current data is backed up first).\n',
          )
          return
        }
        const r = await call(o, 'backups.restore', { file: path, confirm: true })
        if (opts.json) return printJson(r)
        process.stdout.write(
          `Restored. The data from before the restore is kept in ${o.service.backups.pathOf(r.safetyBackup.fileName)}\n`,
        )
      }),
    )
}
