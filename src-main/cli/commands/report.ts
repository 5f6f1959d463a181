// Runs in: CLI (Node). `footprint report ofsted` and `footprint report posh`: the same reports as the
// Reports screen, written to a file through a temporary file and a rename (never half a file).
import type { Command } from 'commander'
import { stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { writeFileAtomic } from '../../reports'
import type { ReportFile } from '../../contract'
import { call, CliError, printJson, withService } from '../context'
import { positiveInt } from './args'

/** --out FILE, or a folder to put the report's own safe file name in, or the current folder. */
async function target(out: string | undefined, file: ReportFile): Promise<string> {
  if (!out) return resolve(file.fileName)
  const isDir = await stat(out).then(
    (s) => s.isDirectory(),
    () => false,
  )
  return isDir ? join(resolve(out), file.fileName) : resolve(out)
}

async function save(out: string | undefined, file: ReportFile): Promise<string> {
  const path = await target(out, file)
  await writeFileAtomic(path, Buffer.from(file.dataBase64, 'base64'))
  return path
}

export function registerReportCommands(program: Command): void {
  const report = program.command('report').description('The pre-Ofsted snapshot and POSH packs')
  report
    .command('ofsted')
    .description(
      'Build the pre-Ofsted snapshot PDF for a period (and keep it, frozen, for next time)',
    )
    .requiredOption('--school <id>', 'the school')
    .requiredOption('--from <date>', 'first day, e.g. 2026-09-01')
    .requiredOption('--to <date>', 'last day, e.g. 2026-11-30')
    .option('--out <file>', 'where to write the PDF (a file or a folder; default: here)')
    .option('--json', 'print the result as JSON (without the file content)')
    .action(
      (
        opts: { school: string; from: string; to: string; out?: string; json?: boolean },
        cmd: Command,
      ) =>
        withService(cmd, async (o) => {
          const r = await call(o, 'reports.ofsted', {
            schoolId: positiveInt(opts.school, '--school'),
            from: opts.from,
            to: opts.to,
          })
          const path = await save(opts.out, r.file)
          if (opts.json)
            return printJson({ path, snapshot: r.snapshot, changes: r.changes, buildMs: r.buildMs })
          process.stdout.write(
            [
              `Wrote ${path} (${r.file.bytes.toLocaleString('en-GB')} bytes, SHA-256 ${r.file.sha256})`,
              `Snapshot ${r.snapshot.id}: ${r.snapshot.mentions} mentions; built in ${r.buildMs} ms`,
              ...(r.changes.length
                ? ['Since the last snapshot:', ...r.changes.map((c) => `  ${c}`)]
                : []),
            ].join('\n') + '\n',
          )
        }),
    )
  report
    .command('posh')
    .description('Build the POSH escalation pack (ZIP) for an incident')
    .requiredOption('--incident <id>', 'the incident')
    .option('--out <file>', 'where to write the ZIP (a file or a folder; default: here)')
    .option('--outcome <text>', 'the outcome the school asks POSH to help with')
    .option('--proceed', 'build it even when POSH would expect the platform to be given more time')
    .option('--json', 'print the result as JSON (without the file content)')
    .action(
      (
        opts: {
          incident: string
          out?: string
          outcome?: string
          proceed?: boolean
          json?: boolean
        },
        cmd: Command,
      ) =>
        withService(cmd, async (o) => {
          const r = await call(o, 'reports.posh', {
            incidentId: positiveInt(opts.incident, '--incident'),
            outcomeSought: opts.outcome ?? '',
            proceed: opts.proceed === true,
          })
          for (const w of r.warnings) process.stderr.write(`Warning: ${w}\n`)
          if (!r.file)
            throw new CliError('No pack was built. Run again with --proceed to build it anyway.')
          const path = await save(opts.out, r.file)
          if (opts.json)
            return printJson({ path, warnings: r.warnings, files: r.files, buildMs: r.buildMs })
          process.stdout.write(
            [
              `Wrote ${path} (${r.file.bytes.toLocaleString('en-GB')} bytes, SHA-256 ${r.file.sha256}); built in ${r.buildMs} ms`,
              ...r.files.map((f) => `  ${f.path}  ${f.sha256}`),
              '  manifest.json  (lists every file above with its SHA-256)',
              'Open email-to-posh.eml from the ZIP in your mail client to send it to helpline@saferinternet.org.uk.',
            ].join('\n') + '\n',
          )
        }),
    )
}
