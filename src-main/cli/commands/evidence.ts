// Runs in: CLI (Node). `footprint evidence verify`: re-hash every evidence file of every capture and
// name each one that changed, went missing or appeared since it was recorded. Exit code 1 if any did.
import type { Command } from 'commander'
import { call, CliError, printJson, withService } from '../context'

const WORDS = { changed: 'changed', missing: 'missing', unexpected: 'added since (not recorded)' }

export function registerEvidenceCommands(program: Command): void {
  const evidence = program.command('evidence').description('Captured evidence (screenshots, pages)')
  evidence
    .command('verify')
    .description('Re-hash every evidence file and name any that changed, went missing or appeared')
    .option('--json', 'print the result as JSON')
    .action((opts: { json?: boolean }, cmd: Command) =>
      withService(cmd, async (o) => {
        const r = await call(o, 'evidence.verify', undefined)
        if (opts.json) printJson(r)
        else
          for (const p of r.problems)
            process.stdout.write(
              `capture ${p.captureId}${p.mentionId === null ? '' : ` (mention ${p.mentionId})`}: ${p.file} ${WORDS[p.status]} — evidence/${p.uuid}/${p.file}\n`,
            )
        if (!r.ok) {
          const captures = new Set(r.problems.map((p) => p.captureId)).size
          throw new CliError(
            `${r.problems.length} evidence file${r.problems.length === 1 ? '' : 's'} in ${captures} capture${captures === 1 ? '' : 's'} no longer match${r.problems.length === 1 ? 'es' : ''} what was recorded.`,
          )
        }
        if (!opts.json)
          process.stdout.write(
            `Evidence intact: ${r.checked} capture${r.checked === 1 ? '' : 's'}, every file matches its SHA-256.\n`,
          )
      }),
    )
}
