// Runs in: CLI (Node). `footprint demo`: a fictional school with a year of talk on every platform,
// read by the real pollers from a local demo server, and the workflow walked, so every screen has
// something real to show. Refuses a data folder that holds a real school.
import type { Command } from 'commander'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_SEED, DemoRefusedError, runDemo, type DemoSummary } from '../../demo/run'
import { DEMO_URN } from '../../demo/school'
import { startBrowserServer } from '../../server/http'
import { appVersion, CliError, dataDirOf, printJson, printTable } from '../context'
import { rendererDir } from './serve'

function parseNumber(text: string, label: string, min: number, max: number, int: boolean): number {
  const n = Number(text)
  if (!text.trim() || !Number.isFinite(n) || n < min || n > max || (int && !Number.isInteger(n)))
    throw new CliError(
      `${label} must be ${int ? 'a whole number' : 'a number'} from ${min} to ${max}, not "${text}"`,
    )
  return n
}

function report(s: DemoSummary, serving: boolean): void {
  const out = (line = '') => process.stdout.write(line + '\n')
  out()
  out(
    s.created ? 'Demo school created.' : 'The demo school was already there; nothing was changed.',
  )
  out(`  School: ${s.schoolName} (fictional; URN ${DEMO_URN} is not a real URN)`)
  out(`  Data folder: ${s.dataDir}`)
  out(`  Seed: ${s.seed}${s.scale !== 1 ? `, scale ${s.scale}` : ''}`)
  out()
  printTable(
    s.sources.map((x) => ({
      source: x.name,
      kind: x.kind,
      stored: x.stored,
      counted: x.mentions,
      runs: x.runs,
      status: x.status,
    })),
    'No sources.',
  )
  const total = s.sources.reduce((a, x) => a + x.mentions, 0)
  const stored = s.sources.reduce((a, x) => a + x.stored, 0)
  out(
    `  ${stored} mentions stored; ${total} counted (linked duplicates and "not about us" are kept but not counted).`,
  )
  for (const f of s.failures) out(`  Not read: ${f.name}: ${f.error}`)
  if (s.walk) {
    const w = s.walk
    out()
    out(
      `Workflow: ${w.triaged} triaged (${w.resolved} resolved), ${w.drafts.posted} replies posted to Google after the undo window, ${w.drafts.recorded} recorded as posted by hand, ${w.drafts.awaiting} awaiting the head, ${w.drafts.inProgress} in progress.`,
    )
    if (w.incidentId !== null)
      out(
        `  Incident #${w.incidentId}: the autumn trolling campaign, with its timeline${w.evidenceMentionId ? ' and captured evidence' : ''}.`,
      )
    for (const n of w.notes) out(`  Note: ${n}`)
  }
  out()
  out('Sign in as (demo passwords: this folder is a sandbox, not a real school):')
  printTable(
    s.users.map((u) => ({ role: u.role, email: u.email, password: u.password })),
    '',
  )
  out()
  out('Open it:')
  out(`  npx footprint serve --data-dir ${JSON.stringify(s.dataDir)}`)
  out(`  or: FOOTPRINT_DATA_DIR=${JSON.stringify(s.dataDir)} npm start`)
  if (!serving)
    out('The demo sources are paused: the demo server that stood in for the internet has stopped.')
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'Create a fictional demo school with a year of mentions, read by the real pollers, and walk the workflow',
    )
    .option('--seed <n>', 'the same seed makes the same year', String(DEFAULT_SEED))
    .option(
      '--scale <x>',
      'how much talk: 1 is a full year, 0.1 a tenth (every story is still told)',
      '1',
    )
    .option(
      '--serve',
      'then open it in browser mode, with the demo server still answering the sources',
    )
    .option('--json', 'print the summary as JSON')
    .action(
      async (
        opts: { seed: string; scale: string; serve?: boolean; json?: boolean },
        cmd: Command,
      ) => {
        const seed = parseNumber(opts.seed, '--seed', 0, 2 ** 31 - 1, true)
        const scale = parseNumber(opts.scale, '--scale', 0.01, 5, false)
        const dataDir = dataDirOf(cmd)
        if (opts.serve && !existsSync(join(rendererDir(), 'index.html')))
          throw new CliError(
            `The screens are not built yet (${rendererDir()} is missing). Run: npm run build`,
          )
        const started = Date.now()
        const log = opts.json ? () => {} : (line: string) => process.stdout.write(line + '\n')
        let run
        try {
          run = await runDemo({ dataDir, seed, scale, version: appVersion(), log })
        } catch (e) {
          if (e instanceof DemoRefusedError) throw new CliError(e.message)
          throw e
        }
        if (opts.json) printJson(run.summary)
        else {
          report(run.summary, opts.serve === true)
          process.stdout.write(`Took ${((Date.now() - started) / 1000).toFixed(1)} s.\n`)
        }
        if (!opts.serve) return run.close()
        const srv = await startBrowserServer({
          service: run.service,
          staticDir: rendererDir(),
          port: 0,
          log: (l) => console.error(l),
        })
        process.stdout.write(`Footprint is ready (browser mode). Open: ${srv.url}\n`)
        run.service.poller.start()
        run.service.jobs.start()
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve)
          process.once('SIGTERM', resolve)
        })
        await srv.close()
        await run.close()
      },
    )
}
