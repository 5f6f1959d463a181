// Runs in: CLI (Node). `footprint audit verify`: recompute the audit trail's SHA-256 chain and name the
// first event that does not fit (edited, deleted or inserted out of turn). Exit code 1 when broken.
import type { Command } from 'commander'
import { call, CliError, printJson, withService } from '../context'

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('The append-only audit trail')
  audit
    .command('verify')
    .description('Recompute the hash chain of every audit event and report the first broken link')
    .option('--json', 'print the result as JSON')
    .action((opts: { json?: boolean }, cmd: Command) =>
      withService(cmd, async (o) => {
        const r = await call(o, 'audit.verify', undefined)
        if (opts.json) printJson(r)
        if (!r.ok)
          throw new CliError(
            `Audit trail broken at event ${r.brokenAt}: ${r.reason}. Events before it are intact; that event or one before it was changed outside Footprint.`,
          )
        if (!opts.json)
          process.stdout.write(`Audit trail intact: ${r.count} events, every link verified.\n`)
      }),
    )
}
