// Runs in: CLI (Node). `footprint db backup|check`.
import type { Command } from 'commander'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { loadMigrations, migrationState } from '../../store/migrate'
import { migrationsDir } from '../../core/paths'
import { CliError, printJson, withService } from '../context'

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('Look after the database: backups and checks')

  db.command('backup')
    .description(
      "Copy the live database to a file with SQLite's online backup (safe while Footprint runs)",
    )
    .argument('<file>', 'where to write the backup')
    .option('--force', 'overwrite the file if it exists')
    .action(async (file: string, opts: { force?: boolean }, cmd: Command) => {
      const target = resolve(file)
      if (existsSync(target) && !opts.force)
        throw new CliError(`${target} already exists; use --force to overwrite it`)
      await withService(cmd, async ({ store }) => {
        await store.db.backup(target)
        process.stdout.write(`Backed up to ${target}\n`)
      })
    })

  db.command('check')
    .description(
      'Check the database: SQLite integrity, foreign keys and which migrations are applied',
    )
    .option('--json', 'print the result as JSON')
    .action((opts: { json?: boolean }, cmd: Command) =>
      withService(cmd, ({ store, dataDir }) => {
        const integrity = (store.db.pragma('integrity_check') as { integrity_check: string }[]).map(
          (r) => r.integrity_check,
        )
        const foreignKeys = store.db.pragma('foreign_key_check') as unknown[]
        const migrations = migrationState(store.db, loadMigrations(migrationsDir()))
        const ok =
          integrity.length === 1 &&
          integrity[0] === 'ok' &&
          foreignKeys.length === 0 &&
          migrations.pending.length === 0
        const result = {
          ok,
          dataDir,
          integrity,
          foreignKeyProblems: foreignKeys.length,
          migrations,
        }
        if (opts.json) printJson(result)
        else {
          process.stdout.write(`Database: ${dataDir}\n`)
          process.stdout.write(`Integrity: ${integrity.join('; ')}\n`)
          process.stdout.write(`Foreign key problems: ${foreignKeys.length}\n`)
          process.stdout.write(
            `Migrations: ${migrations.applied.length} applied, latest ${migrations.latest}, ${migrations.pending.length} pending\n`,
          )
          process.stdout.write(ok ? 'All good.\n' : 'PROBLEMS FOUND.\n')
        }
        if (!ok) process.exitCode = 1
      }),
    )
}
