// Runs in: CLI (Node). `footprint retention preview|apply --months N`, `footprint hold ID`, and
// `footprint sar --author H --out F`: the retention policy, legal holds and subject access exports,
// as in Settings → Data retention, acting as the machine's owner.
import type { Command } from 'commander'
import { rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import type { RetentionPreview } from '../../contract'
import { call, CliError, printJson, withService } from '../context'
import { positiveInt } from './args'

export function describePreview(p: RetentionPreview): string {
  const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—')
  const lines = [
    `Mentions first seen before ${day(p.cutoff)} (${p.months} months): ${p.count.toLocaleString('en-GB')} to delete` +
      (p.count
        ? ` from ${p.sources.length} source${p.sources.length === 1 ? '' : 's'}, oldest ${day(p.oldest)}, newest ${day(p.newest)}`
        : ''),
    ...p.sources.map((s) => `  ${s.name}: ${s.count}`),
    `Kept although old enough: ${p.keptInIncidents} in incidents, ${p.keptOnLegalHold} under legal hold`,
    `Evidence that goes with them: ${p.captures} captures, ${p.evidenceFiles} files`,
  ]
  return lines.join('\n')
}

export function registerRetentionCommands(program: Command): void {
  const retention = program
    .command('retention')
    .description(
      'Delete mentions held longer than N months (never those in incidents or on legal hold)',
    )

  retention
    .command('preview')
    .description('Show what `retention apply` with the same --months would delete; deletes nothing')
    .requiredOption('--months <n>', 'keep mentions for this many months')
    .option('--json', 'print as JSON')
    .action((opts: { months: string; json?: boolean }, cmd: Command) =>
      withService(cmd, async (o) => {
        const p = await call(o, 'retention.preview', {
          months: positiveInt(opts.months, '--months'),
        })
        if (opts.json) printJson(p)
        else process.stdout.write(describePreview(p) + '\n')
      }),
    )

  retention
    .command('apply')
    .description(
      'Delete what the preview lists (and their evidence files); audited with counts only',
    )
    .requiredOption('--months <n>', 'keep mentions for this many months')
    .option('--json', 'print as JSON')
    .action((opts: { months: string; json?: boolean }, cmd: Command) =>
      withService(cmd, async (o) => {
        const months = positiveInt(opts.months, '--months')
        const p = await call(o, 'retention.preview', { months })
        if (!opts.json) process.stdout.write(describePreview(p) + '\n')
        const r = await call(o, 'retention.apply', { months, cutoff: p.cutoff, expected: p.count })
        if (opts.json) return printJson(r)
        process.stdout.write(`Deleted ${r.deleted} mentions.\n`)
        for (const f of r.fileProblems) process.stdout.write(`  could not remove ${f}\n`)
        if (r.fileProblems.length) process.exitCode = 1
      }),
    )

  program
    .command('hold')
    .description('Put a mention under legal hold (never deleted), or release it with --release')
    .argument('<id>', 'the mention id')
    .option('--reason <text>', 'why it is held', '')
    .option('--release', 'release the hold')
    .action((id: string, opts: { reason: string; release?: boolean }, cmd: Command) =>
      withService(cmd, async (o) => {
        const r = await call(o, 'mentions.setLegalHold', {
          mentionId: positiveInt(id, 'id'),
          hold: !opts.release,
          reason: opts.reason,
        })
        process.stdout.write(
          `Mention ${r.mentionId} ${r.held ? 'is under legal hold' : 'is no longer held'}.\n`,
        )
      }),
    )

  program
    .command('sar')
    .description('Subject access request: everything held about one author handle, as a ZIP')
    .requiredOption('--author <handle>', 'the author handle, as shown on mentions')
    .option('--source <id>', 'only this source')
    .requiredOption('--out <file>', 'where to write the ZIP')
    .action((opts: { author: string; source?: string; out: string }, cmd: Command) =>
      withService(cmd, async (o) => {
        const r = await call(o, 'sar.export', {
          author: opts.author,
          ...(opts.source ? { sourceId: positiveInt(opts.source, '--source') } : {}),
        })
        const out = resolve(opts.out)
        const temp = join(dirname(out), `.${basename(out)}.${process.pid}.partial`)
        try {
          await writeFile(temp, Buffer.from(r.dataBase64, 'base64'), { flag: 'wx' })
          await rename(temp, out)
        } catch (e) {
          await rm(temp, { force: true }).catch(() => undefined)
          throw new CliError(
            `Could not write ${out}: ${(e as Error).message}. Nothing was written.`,
          )
        }
        process.stdout.write(
          `Wrote ${out}: ${r.mentions} mentions by ${opts.author}${r.withheld ? ` (${r.withheld} withheld)` : ''}.\n`,
        )
      }),
    )
}
