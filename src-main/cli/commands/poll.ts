// Runs in: CLI (Node). `footprint poll`: once (for cron or a check), or on schedule in the foreground.
import type { Command } from 'commander'
import type { FetchRun } from '../../contract'
import { call, CliError, printJson, withService } from '../context'
import { positiveInt } from './args'

function outcome(r: FetchRun, names: Map<number, string>): string {
  const who = `source ${r.sourceId} (${names.get(r.sourceId) ?? '?'})`
  if (r.status === 'error') return `${who}: FAILED: ${r.error}`
  if (r.status === 'not_modified') return `${who}: not modified since the last run`
  return `${who}: ${r.itemsFound} item(s) found, ${r.itemsNew} new mention(s)`
}

export function registerPollCommand(program: Command): void {
  program
    .command('poll')
    .description(
      'Poll sources: with --once, each due or chosen source once; without it, on schedule until Ctrl+C',
    )
    .option('--once', 'poll every enabled source (or --source) once, print the outcome and exit')
    .option('--source <id>', 'with --once: only this source (even if paused)')
    .option('--json', 'with --once: print the runs as JSON')
    .action((opts: { once?: boolean; source?: string; json?: boolean }, cmd: Command) =>
      withService(cmd, async (o) => {
        const names = new Map(o.store.sources.list().map((s) => [s.id, s.name]))
        if (opts.once) {
          const id = opts.source === undefined ? undefined : positiveInt(opts.source, 'Source id')
          const runs = await call(o, 'sources.pollNow', id === undefined ? {} : { id })
          if (opts.json) printJson(runs)
          else if (!runs.length) process.stdout.write('No enabled sources to poll.\n')
          else for (const r of runs) process.stdout.write(outcome(r, names) + '\n')
          // Scripts can tell a failing source from a quiet one.
          if (runs.some((r) => r.status === 'error')) process.exitCode = 1
          return
        }
        if (opts.source !== undefined) throw new CliError('--source needs --once')
        const poller = o.service.poller
        poller.onRun((r) => {
          names.set(r.sourceId, o.store.sources.get(r.sourceId)?.name ?? '?')
          process.stdout.write(`${r.finishedAt ?? r.startedAt} ${outcome(r, names)}\n`)
        })
        poller.start()
        process.stdout.write('Polling on schedule. Press Ctrl+C to stop.\n')
        await new Promise<void>((resolve) => {
          const stop = () => void poller.dispose().then(resolve)
          process.once('SIGINT', stop)
          process.once('SIGTERM', stop)
        })
        process.stdout.write('Stopped.\n')
      }),
    )
}
