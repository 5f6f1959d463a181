// Runs in: CLI (Node). `footprint export mentions|audit`: the same exports as the app's download
// buttons (and the same audit event), written to --out or printed. A file is written whole or not at
// all: into a temporary name beside it, then renamed, so a full disk never leaves half an export.
import type { Command } from 'commander'
import { rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { ExportFile } from '../../contract'
import { call, CliError, withService } from '../context'
import { positiveInt } from './args'

interface MentionFlags {
  school: string
  format: string
  out?: string
  state?: string
  sentiment?: string
  priority?: string
  flag?: string
  search?: string
  snoozed?: boolean
}

async function deliver(file: ExportFile, out: string | undefined): Promise<void> {
  if (!out) {
    // Without the byte-order mark: a terminal or pipe wants plain UTF-8.
    process.stdout.write(file.content.replace(/^\ufeff/, ''))
    return
  }
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.partial`)
  try {
    await writeFile(temp, file.content, { flag: 'wx' })
    await rename(temp, out)
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined)
    const code = (e as NodeJS.ErrnoException).code
    throw new CliError(
      `Could not write ${out}: ${code === 'ENOSPC' ? 'the disk is full' : (e as Error).message}. Nothing was written.`,
    )
  }
  const notes = [
    file.withheld ? `${file.withheld} safeguarding item(s) withheld` : '',
    file.evidenceProblems
      ? `${file.evidenceProblems} mention(s) whose evidence no longer verifies (see the evidence column)`
      : '',
  ].filter(Boolean)
  process.stderr.write(
    `Wrote ${file.rows} row${file.rows === 1 ? '' : 's'} to ${out}${notes.length ? ` (${notes.join('; ')})` : ''}.\n`,
  )
}

export function registerExportCommands(program: Command): void {
  const exp = program.command('export').description('Export mentions or the audit trail to a file')
  exp
    .command('mentions')
    .description('The inbox as CSV or JSON Lines, with the Mentions list’s filters (every page)')
    .requiredOption('--school <id>', 'the school')
    .option('--format <f>', 'csv or jsonl', 'csv')
    .option('--out <file>', 'write here (default: print)')
    .option('--state <s>', 'open (default), new, triaged, resolved or all')
    .option('--sentiment <label>', 'only negative, neutral or positive')
    .option('--priority <p>', 'only urgent, high, normal or low')
    .option('--flag <flag>', 'only those with this policy flag')
    .option('--search <text>', 'full-text search over title, text and author')
    .option('--snoozed', 'include snoozed items')
    .action((f: MentionFlags, cmd: Command) =>
      withService(cmd, async (o) => {
        const file = await call(o, 'exports.mentions', {
          schoolId: positiveInt(f.school, '--school'),
          // Unchecked here: the contract names the field and the allowed values.
          format: f.format,
          ...(f.state ? { state: f.state } : {}),
          ...(f.sentiment ? { sentiment: f.sentiment } : {}),
          ...(f.priority ? { priority: f.priority } : {}),
          ...(f.flag ? { flag: f.flag } : {}),
          ...(f.search ? { search: f.search } : {}),
          includeSnoozed: !!f.snoozed,
        })
        await deliver(file, f.out)
      }),
    )
  exp
    .command('audit')
    .description('The audit trail as CSV, oldest first, with each event’s hash')
    .option('--out <file>', 'write here (default: print)')
    .action((f: { out?: string }, cmd: Command) =>
      withService(cmd, async (o) => {
        await deliver(await call(o, 'exports.audit', undefined), f.out)
      }),
    )
}
